import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AnnualReport, AnnualReportDetail, IndicatorForm } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildUser,
  findAuditRecords,
  unique,
} from '../../../test/factories';
import { annualReports } from '../../db/schema/index';
import { runDailyJobs } from '../jobs';
import type { Actor } from '../../shared/context';
import { findAnnualReports } from './annual-reports.service';
import { annualReportReminders, findTodos } from './index';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let hostA: string; // in county A
let hostB: string; // in county B
let hostCity: string; // in the city itself
let typeId: string;
let platformA: string;
let platformB: string;
let platformCity: string;
const cookies: Record<string, string> = {};
const users: Record<string, { id: string; username: string }> = {};
const reportOf: Record<string, AnnualReport> = {};

const complete = {
  indicators: {
    rdSpend: 520.5,
    staffTotal: 40,
    staffResearchers: 25,
    projects: 6,
    patentsApplied: 8,
    patentsGranted: 3,
    achievementsTransferred: 2,
    enterprisesServed: 30,
  },
  narratives: { summary: '本年度建设运行情况良好。' },
};

beforeAll(async () => {
  tree = await buildRegionTree(db);
  hostA = await buildOrganization(db, { name: unique('甲县企业'), regionId: tree.countyA.id });
  hostB = await buildOrganization(db, { name: unique('乙县企业'), regionId: tree.countyB.id });
  hostCity = await buildOrganization(db, { name: unique('市直企业'), regionId: tree.city.id });
  const coBuilder = await buildOrganization(db, { name: unique('共建高校'), regionId: tree.city.id });
  typeId = await buildPlatformType(db);
  platformA = await buildPlatform(db, {
    regionId: tree.countyA.id,
    hostOrganizationId: hostA,
    typeId,
    status: 'operating',
    coBuilderIds: [coBuilder],
  });
  platformB = await buildPlatform(db, { regionId: tree.countyB.id, hostOrganizationId: hostB, typeId, status: 'constructing' });
  platformCity = await buildPlatform(db, { regionId: tree.city.id, hostOrganizationId: hostCity, typeId, status: 'operating' });
  await buildPlatform(db, { regionId: tree.countyA.id, hostOrganizationId: hostA, typeId, status: 'cultivating' });
  // Last year's accepted report of platform A, for the figures shown alongside and the jump warnings.
  await db.insert(annualReports).values({
    platformId: platformA,
    year: 2025,
    status: 'accepted',
    dueOn: '2025-03-31',
    indicators: { rdSpend: 100, projects: 5 },
    submittedAt: new Date('2025-03-20T02:00:00Z'),
  });
  const accounts = {
    city: { role: 'city_staff', regionId: tree.city.id },
    countyA: { role: 'county_staff', regionId: tree.countyA.id },
    countyB: { role: 'county_staff', regionId: tree.countyB.id },
    hostA: { role: 'host_user', organizationId: hostA },
    hostB: { role: 'host_user', organizationId: hostB },
    hostCity: { role: 'host_user', organizationId: hostCity },
    leader: { role: 'leader', regionId: tree.city.id },
    expert: { role: 'expert' },
  } as const;
  for (const [name, values] of Object.entries(accounts)) {
    users[name] = await buildUser(db, values);
    cookies[name] = await t.login(users[name]!.username);
  }
});

const inject = (who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });

async function detail(who: string, id: string): Promise<AnnualReportDetail> {
  const response = await inject(who, 'GET', `/api/annual-reports/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AnnualReportDetail;
}

async function move(who: string, id: string, action: string, comment?: string) {
  const { version } = await detail('city', id);
  return inject(who, 'POST', `/api/annual-reports/${id}/transitions`, { action, version, ...(comment ? { comment } : {}) });
}

describe('opening a reporting year', () => {
  it('refuses anyone but city staff', async () => {
    expect((await inject('hostA', 'POST', '/api/annual-report-years', { year: 2026, dueOn: '2026-03-31' })).statusCode).toBe(403);
    expect((await inject('countyA', 'POST', '/api/annual-report-years', { year: 2026, dueOn: '2026-03-31' })).statusCode).toBe(403);
  });

  it('refuses a due date that is not a date, in Chinese', async () => {
    const response = await inject('city', 'POST', '/api/annual-report-years', { year: 2026, dueOn: '2026-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/日期/);
  });

  it('creates a draft for every platform in 建设期 or 运行, and only once', async () => {
    const response = await inject('city', 'POST', '/api/annual-report-years', { year: 2026, dueOn: '2026-03-31' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ year: 2026, created: 3 });
    const again = await inject('city', 'POST', '/api/annual-report-years', { year: 2026, dueOn: '2026-04-30' });
    expect(again.statusCode).toBe(422);
    const list = (await inject('city', 'GET', '/api/annual-reports?year=2026')).json() as { items: AnnualReport[]; total: number };
    expect(list.total).toBe(3);
    for (const report of list.items) reportOf[report.platform.id] = report;
    expect(reportOf[platformA]).toMatchObject({ status: 'draft', dueOn: '2026-03-31', hasCountyReview: true });
    expect(reportOf[platformCity]).toMatchObject({ hasCountyReview: false });
    const years = (await inject('city', 'GET', '/api/annual-report-years')).json();
    expect(years.items[0]).toMatchObject({ year: 2026, dueOn: '2026-03-31', reports: 3, submitted: 0 });
  });
});

describe('who sees which reports', () => {
  it('shows a host user only its own organisation’s platforms', async () => {
    const list = (await inject('hostA', 'GET', '/api/annual-reports?year=2026')).json();
    expect(list.items.map((r: AnnualReport) => r.platform.id)).toEqual([platformA]);
  });

  it('shows county staff their region subtree and city staff and leaders the whole city', async () => {
    const county = (await inject('countyB', 'GET', '/api/annual-reports?year=2026')).json();
    expect(county.items.map((r: AnnualReport) => r.platform.id)).toEqual([platformB]);
    expect((await inject('leader', 'GET', '/api/annual-reports?year=2026')).json().total).toBe(3);
  });

  it('refuses experts altogether', async () => {
    expect((await inject('expert', 'GET', '/api/annual-reports')).statusCode).toBe(403);
  });

  it('answers 404 when a host reads, saves or submits another organisation’s report', async () => {
    const other = reportOf[platformB]!;
    expect((await inject('hostA', 'GET', `/api/annual-reports/${other.id}`)).statusCode).toBe(404);
    const save = await inject('hostA', 'PATCH', `/api/annual-reports/${other.id}`, { version: other.version, ...complete });
    expect(save.statusCode).toBe(404);
    const submit = await inject('hostA', 'POST', `/api/annual-reports/${other.id}/transitions`, {
      action: 'submit',
      version: other.version,
    });
    expect(submit.statusCode).toBe(404);
  });

  it('filters by status and region, and refuses a malformed filter with a 400', async () => {
    expect((await inject('city', 'GET', `/api/annual-reports?year=2026&regionId=${tree.countyA.id}`)).json().total).toBe(1);
    expect((await inject('city', 'GET', '/api/annual-reports?year=2026&status=accepted')).json().total).toBe(0);
    expect((await inject('city', 'GET', '/api/annual-reports?status=accepted')).json().total).toBe(1);
    expect((await inject('city', 'GET', '/api/annual-reports?status=bogus')).statusCode).toBe(400);
    expect((await inject('city', 'GET', '/api/annual-reports?year=abc')).statusCode).toBe(400);
  });
});

describe('filling a report', () => {
  it('pre-fills from the registry and shows last year’s figures alongside', async () => {
    const report = await detail('hostA', reportOf[platformA]!.id);
    expect(report.indicators).toEqual({ coBuilders: 1 });
    expect(report.computed).toEqual([{ key: 'coBuilders', value: 1, source: expect.any(String) }]);
    expect(report.lastYear).toMatchObject({ status: 'accepted', indicators: { rdSpend: 100, projects: 5 } });
    expect(report.registry.coBuilders).toHaveLength(1);
    expect(report.form.map((indicator) => indicator.key)).toContain('rdSpend');
    expect(report.canEdit).toBe(true);
    expect(report.allowedActions).toEqual(['submit']);
  });

  it('refuses negative figures, unknown indicators and more researchers than staff', async () => {
    const { version, id } = await detail('hostA', reportOf[platformA]!.id);
    const negative = await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, { version, indicators: { rdSpend: -1 } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toMatch(/负数/);
    const unknown = await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, { version, indicators: { bogusKey: 1 } });
    expect(unknown.statusCode).toBe(400);
    const researchers = await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, {
      version,
      indicators: { staffTotal: 3, staffResearchers: 5 },
    });
    expect(researchers.statusCode).toBe(400);
    expect(researchers.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'staffResearchers' }] });
    const text = await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, { version, indicators: { rdSpend: 'many' } });
    expect(text.statusCode).toBe(400);
  });

  it('refuses to submit an incomplete report, naming what is missing', async () => {
    const { version, id } = await detail('hostA', reportOf[platformA]!.id);
    const response = await inject('hostA', 'POST', `/api/annual-reports/${id}/transitions`, { action: 'submit', version });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/还不能提交：请填写/);
  });

  it('saves a draft, warns of a jump over three times last year, and refuses a stale version', async () => {
    const { version, id } = await detail('hostA', reportOf[platformA]!.id);
    const response = await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, { version, ...complete });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as AnnualReportDetail;
    expect(saved.indicators).toMatchObject({ rdSpend: 520.5 });
    expect(saved.warnings).toEqual([{ key: 'rdSpend', message: expect.stringContaining('5.2倍') }]);
    const stale = await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, { version, ...complete });
    expect(stale.statusCode).toBe(409);
    expect(await findAuditRecords(db, 'annual-report.save', id)).toHaveLength(1);
  });
});

describe('the review chain', () => {
  it('takes a county platform’s report through county pre-review (with a return) to city acceptance', async () => {
    const id = reportOf[platformA]!.id;
    expect((await move('hostA', id, 'submit')).json()).toMatchObject({ status: 'county_review', canEdit: false });
    // The host can no longer change it; other counties do not see it; the city may not skip the county.
    expect(
      (await inject('hostA', 'PATCH', `/api/annual-reports/${id}`, { version: (await detail('city', id)).version, ...complete }))
        .statusCode,
    ).toBe(422);
    expect((await move('countyB', id, 'countyPass')).statusCode).toBe(404);
    expect((await move('city', id, 'countyPass')).statusCode).toBe(403);
    expect((await move('city', id, 'cityAccept')).statusCode).toBe(409);
    expect((await move('hostA', id, 'countyPass')).statusCode).toBe(403);
    const bare = await move('countyA', id, 'countyReturn');
    expect(bare.statusCode).toBe(409);
    expect(bare.json().message).toBe('退回时必须填写退回意见');
    expect((await move('countyA', id, 'countyReturn', '研发人员数与社保记录不符，请核实')).json()).toMatchObject({ status: 'returned' });
    const returned = await detail('hostA', id);
    expect(returned.canEdit).toBe(true);
    expect(returned.reviews.at(-1)).toMatchObject({ action: 'countyReturn', comment: '研发人员数与社保记录不符，请核实' });
    expect((await move('hostA', id, 'submit')).json()).toMatchObject({ status: 'county_review' });
    expect((await move('countyA', id, 'countyPass')).json()).toMatchObject({ status: 'city_review' });
    const accepted = (await move('city', id, 'cityAccept')).json() as AnnualReportDetail;
    expect(accepted).toMatchObject({ status: 'accepted', allowedActions: [] });
    expect(accepted.acceptedAt).not.toBeNull();
    expect(accepted.reviews.map((review) => review.action)).toEqual(['submit', 'countyReturn', 'submit', 'countyPass', 'cityAccept']);
    expect(await findAuditRecords(db, 'annual-report.cityAccept', id)).toHaveLength(1);
    expect((await move('city', id, 'cityReturn', '再看看')).statusCode).toBe(409);
  });

  it('sends a platform of the city itself straight to city review, where the city may return it', async () => {
    const id = reportOf[platformCity]!.id;
    const { version } = await detail('hostCity', id);
    await inject('hostCity', 'PATCH', `/api/annual-reports/${id}`, { version, ...complete });
    expect((await move('hostCity', id, 'submit')).json()).toMatchObject({ status: 'city_review' });
    expect((await move('city', id, 'cityReturn', '请补充年度总结')).json()).toMatchObject({ status: 'returned' });
  });
});

describe('late list, to-dos and reminders', () => {
  const cityActor = (): Actor => ({
    userId: users.city!.id,
    username: users.city!.username,
    role: 'city_staff',
    regionId: tree.city.id,
    regionPath: tree.city.path,
    organizationId: null,
    permissions: ['annual-report:read', 'annual-report:review'],
  });

  it('lists as late, on the injected day, the reports not submitted by their due date', async () => {
    const ctx = { actor: cityActor(), db, sourceIp: null };
    const onDueDay = await findAnnualReports(ctx, { year: 2026, late: true, limit: 50, offset: 0 }, '2026-03-31');
    // Platform A and the city platform were submitted by these tests today, long after 2026-03-31: submitted late.
    expect(onDueDay.items.map((r) => r.platform.id).sort()).toEqual([platformA, platformCity].sort());
    expect(onDueDay.items.every((r) => r.submittedLate && !r.isLate)).toBe(true);
    const dayAfter = await findAnnualReports(ctx, { year: 2026, late: true, limit: 50, offset: 0 }, '2026-04-01');
    expect(dayAfter.total).toBe(3);
    expect(dayAfter.items.find((r) => r.platform.id === platformB)).toMatchObject({ isLate: true, submittedLate: false });
    const lateList = (await inject('city', 'GET', '/api/annual-reports?year=2026&late=true')).json();
    expect(lateList.items.length).toBeGreaterThanOrEqual(1);
  });

  it('lists what waits for each role in 我的待办', async () => {
    const hostBTodos = await findTodos(db, {
      ...cityActor(),
      role: 'host_user',
      organizationId: hostB,
      regionPath: null,
      permissions: ['annual-report:file'],
    });
    expect(hostBTodos).toEqual([
      expect.objectContaining({ kind: 'annual_report_file', dueOn: '2026-03-31', subjectId: reportOf[platformB]!.id }),
    ]);
    const hostCityTodos = await findTodos(db, {
      ...cityActor(),
      role: 'host_user',
      organizationId: hostCity,
      regionPath: null,
      permissions: ['annual-report:file'],
    });
    expect(hostCityTodos[0]!.title).toMatch(/已退回/);
    expect(await findTodos(db, cityActor())).toEqual([]);
    expect(await findTodos(db, { ...cityActor(), role: 'expert', permissions: ['panel:score'] })).toEqual([]);
  });

  it('reminds the host’s users before the due date and when late, once per window', async () => {
    const soon = await annualReportReminders(db, '2026-03-20');
    expect(soon.filter((n) => n.userId === users.hostB!.id)).toEqual([
      expect.objectContaining({ type: 'annual_report_due_soon', dedupeKey: `annual-report-due:${reportOf[platformB]!.id}:2026-03-31:14` }),
    ]);
    const late = await annualReportReminders(db, '2026-04-02');
    expect(late.filter((n) => n.userId === users.hostB!.id)).toEqual([expect.objectContaining({ type: 'annual_report_late' })]);
    // Submitted reports are never reminded of.
    expect(late.some((n) => n.userId === users.hostA!.id)).toBe(false);
    const first = await runDailyJobs(db, '2026-04-03');
    const second = await runDailyJobs(db, '2026-04-04');
    expect(first.remindersRaised).toBeGreaterThanOrEqual(1);
    expect(second.remindersRaised).toBe(0);
    const inbox = (await inject('hostB', 'GET', '/api/notifications')).json();
    expect(inbox.items.some((n: { type: string }) => n.type === 'annual_report_late')).toBe(true);
  });
});

describe('indicator forms and export', () => {
  it('lets city staff give a type its own form, used by that type’s reports, and refuses hosts', async () => {
    const indicators = [
      { key: 'rdSpend', label: '研发投入', unit: '万元', kind: 'money', required: true, help: '' },
      { key: 'clinicalTrials', label: '临床试验', unit: '项', kind: 'count', required: false, help: '' },
    ];
    expect((await inject('hostA', 'PUT', '/api/annual-report-forms', { typeId, indicators })).statusCode).toBe(403);
    const wrongKind = await inject('city', 'PUT', '/api/annual-report-forms', {
      typeId,
      indicators: [{ key: 'summary', label: '总结', unit: '', kind: 'count', required: true, help: '' }],
    });
    expect(wrongKind.statusCode).toBe(400);
    const duplicate = await inject('city', 'PUT', '/api/annual-report-forms', { typeId, indicators: [indicators[0], indicators[0]] });
    expect(duplicate.statusCode).toBe(400);
    const saved = await inject('city', 'PUT', '/api/annual-report-forms', { typeId, indicators });
    expect(saved.statusCode, saved.body).toBe(200);
    const form = saved.json() as IndicatorForm;
    expect(form).toMatchObject({ typeId, version: 1 });
    expect((await inject('city', 'PUT', '/api/annual-report-forms', { typeId, indicators, version: 5 })).statusCode).toBe(409);
    expect((await detail('hostB', reportOf[platformB]!.id)).form.map((i) => i.key)).toEqual(['rdSpend', 'clinicalTrials']);
    const forms = (await inject('countyA', 'GET', '/api/annual-report-forms')).json();
    expect(forms.items[0]).toMatchObject({ typeId: null });
  });

  it('exports the year’s reports in scope as a workbook, one row per platform', async () => {
    const response = await inject('countyA', 'GET', '/api/annual-reports.xlsx?year=2026');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).values).toContain('研发经费投入（万元）');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(3).getCell(1).value).toBe(reportOf[platformA]!.platform.name);
    expect((await inject('city', 'GET', '/api/annual-reports.xlsx')).statusCode).toBe(400);
  });
});

describe('adjusting an open year, and the readers who may not move reports', () => {
  it('moves the due date of unsubmitted reports only, adds platforms that became due, and refuses a stale version', async () => {
    const department = await buildOrganization(db, { name: unique('市经信局'), kind: 'department', regionId: tree.city.id });
    const supervisedType = await buildPlatformType(db, { supervisorOrganizationId: department });
    const platformD = await buildPlatform(db, { regionId: tree.countyA.id, typeId: supervisedType, status: 'constructing' });
    const year = (await inject('city', 'GET', '/api/annual-report-years')).json().items[0];
    expect(
      (await inject('countyA', 'PATCH', '/api/annual-report-years/2026', { dueOn: '2026-04-30', version: year.version })).statusCode,
    ).toBe(403);
    expect((await inject('city', 'PATCH', '/api/annual-report-years/2031', { dueOn: '2031-04-30', version: 1 })).statusCode).toBe(404);
    const response = await inject('city', 'PATCH', '/api/annual-report-years/2026', { dueOn: '2026-04-30', version: year.version });
    expect(response.statusCode, response.body).toBe(200);
    // Platform B was never submitted; A and the city platform were.
    expect(response.json()).toEqual({ year: 2026, created: 1, moved: 1 });
    expect((await detail('hostB', reportOf[platformB]!.id)).dueOn).toBe('2026-04-30');
    expect((await detail('city', reportOf[platformA]!.id)).dueOn).toBe('2026-03-31');
    expect(
      (await inject('city', 'PATCH', '/api/annual-report-years/2026', { dueOn: '2026-05-30', version: year.version })).statusCode,
    ).toBe(409);

    // Department staff read the reports of the types their organisation supervises, and move none.
    const departmentUser = await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId: department });
    cookies.department = await t.login(departmentUser.username);
    const seen = (await inject('department', 'GET', '/api/annual-reports?year=2026')).json();
    expect(seen.items.map((r: AnnualReport) => r.platform.id)).toEqual([platformD]);
    expect(seen.items[0]).toMatchObject({ dueOn: '2026-04-30', status: 'draft' });
    const report = await detail('department', seen.items[0].id);
    expect(report.allowedActions).toEqual([]);
    const refused = await inject('department', 'POST', `/api/annual-reports/${report.id}/transitions`, {
      action: 'submit',
      version: report.version,
    });
    expect(refused.statusCode).toBe(403);
  });

  it('lets leaders read every report in the city and move none', async () => {
    const id = reportOf[platformB]!.id;
    const report = await detail('leader', id);
    expect(report.allowedActions).toEqual([]);
    expect(report.canEdit).toBe(false);
    expect(
      (await inject('leader', 'POST', `/api/annual-reports/${id}/transitions`, { action: 'countyPass', version: report.version }))
        .statusCode,
    ).toBe(403);
    expect((await inject('leader', 'PATCH', `/api/annual-reports/${id}`, { version: report.version, indicators: {} })).statusCode).toBe(
      403,
    );
  });
});
