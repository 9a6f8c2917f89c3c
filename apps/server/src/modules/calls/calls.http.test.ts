import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationDetail, Call, Platform } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { zipEntry } from '../../../test/zip-entry';
import { buildOrganization, buildPlatformType, buildRegionTree, buildUser, findAuditRecords, unique } from '../../../test/factories';
import { zipBombWorkbook } from '../../../test/zip-bomb';
import {
  applications,
  calls,
  experts,
  organizationQualifications,
  organizations as organizationsTable,
  panelMembers,
  panels,
} from '../../db/schema/index';
import { todayInChina } from '../../shared/clock';
import { verifyAuditChain } from '../audit/audit.service';
import { findTodos } from './calls.todos';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let typeId: string;
let hostA: string;
let hostB: string;
let cookies: Record<'city' | 'countyA' | 'countyB' | 'hostA' | 'hostB' | 'expert' | 'otherExpert' | 'department', string>;
let expertUserId: string;
let hostAUser: { id: string; username: string };
let countyAUser: { id: string; username: string };
let call: Call;

const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

function upload(cookie: string, applicationId: string, fileName: string, content: Buffer, code = 'construction_plan') {
  const boundary = '----stip-calls-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="code"\r\n\r\n${code}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/materials`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const sixYes = { site: true, equipment: true, staff: true, funding: true, direction: true, rules: true };

beforeAll(async () => {
  tree = await buildRegionTree(db);
  const bureau = await buildOrganization(db, { name: unique('市科技局'), kind: 'department', regionId: tree.city.id });
  const department = await buildOrganization(db, { name: unique('市经信局'), kind: 'department', regionId: tree.city.id });
  typeId = await buildPlatformType(db, { name: unique('市级重点实验室'), constructionPeriodMonths: 36 });
  hostA = await buildOrganization(db, { name: unique('甲公司'), regionId: tree.countyA.id });
  hostB = await buildOrganization(db, { name: unique('乙公司'), regionId: tree.countyB.id });
  await db
    .insert(organizationQualifications)
    .values({ organizationId: hostA, kind: 'high_tech', validFrom: '2024-01-01', validTo: '2099-12-31' });
  hostAUser = await buildUser(db, { role: 'host_user', organizationId: hostA });
  countyAUser = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
  const expertUser = await buildUser(db, { role: 'expert' });
  expertUserId = expertUser.id;
  cookies = {
    city: await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id, organizationId: bureau })).username),
    countyA: await t.login(countyAUser.username),
    countyB: await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id })).username),
    hostA: await t.login(hostAUser.username),
    hostB: await t.login((await buildUser(db, { role: 'host_user', organizationId: hostB })).username),
    expert: await t.login(expertUser.username),
    otherExpert: await t.login((await buildUser(db, { role: 'expert' })).username),
    department: await t.login(
      (await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId: department })).username,
    ),
  };
  const created = await inject(cookies.city, 'POST', '/api/calls', {
    title: unique('2026年度市级重点实验室申报'),
    year: 2026,
    regionId: tree.city.id,
    typeIds: [typeId],
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    materials: [
      { code: 'construction_plan', name: '建设方案', required: true },
      { code: 'finance', name: '财务审计报告', required: false },
    ],
    eligibilityRules: [
      { code: 'host_in_region' },
      { code: 'qualification', kinds: ['high_tech', 'tech_sme'] },
      { code: 'rd_spend_min', minAmount: 500 },
      { code: 'no_same_type_platform' },
      { code: 'six_haves_answered' },
      { code: 'construction_plan_attached' },
    ],
  });
  expect(created.statusCode, created.body).toBe(200);
  const opened = await inject(cookies.city, 'POST', `/api/calls/${created.json().id}/transitions`, { action: 'open', version: 1 });
  expect(opened.statusCode, opened.body).toBe(200);
  call = opened.json();
});

async function draft(cookie = cookies.hostA, name = unique('甲实验室')): Promise<ApplicationDetail> {
  const response = await inject(cookie, 'POST', '/api/applications', {
    callId: call.id,
    typeId,
    platformName: name,
    technicalFields: ['新材料'],
    coBuilderIds: [],
    collaborators: [{ name: '张三', organization: '某大学' }],
    form: { rdSpendLastYear: 800, sixHaves: sixYes, director: '李四' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function submitted(cookie = cookies.hostA): Promise<ApplicationDetail> {
  const application = await draft(cookie);
  expect((await upload(cookie, application.id, '建设方案.pdf', pdf)).statusCode).toBe(200);
  const response = await inject(cookie, 'POST', `/api/applications/${application.id}/submit`, { version: application.version + 1 });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const review = (cookie: string, a: { id: string; version: number }, action: string, extra: object = {}) =>
  inject(cookie, 'POST', `/api/applications/${a.id}/review`, { action, version: a.version, ...extra });

describe('calls', () => {
  it('lists the call with its types and rules; draft calls stay with the city', async () => {
    const list = await inject(cookies.hostA, 'GET', '/api/calls');
    expect(list.json().items.map((c: Call) => c.id)).toContain(call.id);
    expect(call.types).toEqual([expect.objectContaining({ id: typeId })]);
    const hidden = await inject(cookies.city, 'POST', '/api/calls', { ...callBody(), title: unique('草稿通知') });
    expect((await inject(cookies.hostA, 'GET', `/api/calls/${hidden.json().id}`)).statusCode).toBe(404);
    expect((await inject(cookies.hostA, 'POST', '/api/calls', callBody())).statusCode).toBe(403);
  });

  it('refuses a window that ends before it starts, and a plan check without a plan on the list, in Chinese', async () => {
    const backwards = await inject(cookies.city, 'POST', '/api/calls', { ...callBody(), opensOn: '2026-05-01', closesOn: '2026-04-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('截止日期');
    const noPlan = await inject(cookies.city, 'POST', '/api/calls', {
      ...callBody(),
      materials: [],
      eligibilityRules: [{ code: 'construction_plan_attached' }],
    });
    expect(noPlan.statusCode).toBe(400);
  });

  it('refuses a stale version on edit', async () => {
    const created = (await inject(cookies.city, 'POST', '/api/calls', callBody())).json();
    expect((await inject(cookies.city, 'PATCH', `/api/calls/${created.id}`, { version: 1, title: '新标题' })).statusCode).toBe(200);
    expect((await inject(cookies.city, 'PATCH', `/api/calls/${created.id}`, { version: 1, title: '再改' })).statusCode).toBe(409);
  });
});

function callBody() {
  return {
    title: unique('通知'),
    year: 2026,
    regionId: tree.city.id,
    typeIds: [typeId],
    opensOn: '2026-01-01',
    closesOn: '2099-12-31',
    materials: [{ code: 'construction_plan', name: '建设方案', required: true }],
    eligibilityRules: [{ code: 'construction_plan_attached' }],
  };
}

describe('applications: filling and submitting', () => {
  it('submits a draft, recording the eligibility results, a version and the review record', async () => {
    const application = await submitted();
    expect(application.status).toBe('county_review');
    expect(application.versions).toHaveLength(1);
    expect(application.reviews[0]).toMatchObject({ action: 'submit', fromStatus: 'draft', toStatus: 'county_review' });
    // The mover as people name them, 姓名（单位）, not the login alone.
    expect(application.reviews[0]!.actorName).toMatch(new RegExp(`^${hostAUser.username}（甲公司-[0-9a-f]{8}）$`));
    const outcomes = Object.fromEntries(application.reviews[0]!.eligibility!.map((e) => [e.code, e.outcome]));
    expect(outcomes).toEqual({
      host_in_region: 'pass',
      qualification: 'pass',
      rd_spend_min: 'pass',
      no_same_type_platform: 'pass',
      six_haves_answered: 'pass',
      construction_plan_attached: 'pass',
    });
    expect(application.materials[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await findAuditRecords(db, 'application.submit', application.id)).toHaveLength(1);
  });

  it('refuses a submission without the required materials', async () => {
    const application = await draft();
    const response = await inject(cookies.hostA, 'POST', `/api/applications/${application.id}/submit`, { version: application.version });
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain('建设方案');
  });

  it('refuses a submission after the deadline', async () => {
    const application = await draft();
    await upload(cookies.hostA, application.id, '建设方案.pdf', pdf);
    await db.update(calls).set({ closesOn: '2026-01-02' }).where(eq(calls.id, call.id));
    try {
      const response = await inject(cookies.hostA, 'POST', `/api/applications/${application.id}/submit`, {
        version: application.version + 1,
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().message).toContain('截止');
    } finally {
      await db.update(calls).set({ closesOn: '2099-12-31' }).where(eq(calls.id, call.id));
    }
  });

  it('lets only the host save its own draft, with an optimistic lock', async () => {
    const application = await draft();
    expect(
      (await inject(cookies.hostB, 'PATCH', `/api/applications/${application.id}`, { version: 1, platformName: '改名' })).statusCode,
    ).toBe(404);
    expect(
      (await inject(cookies.hostA, 'PATCH', `/api/applications/${application.id}`, { version: 1, platformName: '改名' })).statusCode,
    ).toBe(200);
    expect(
      (await inject(cookies.hostA, 'PATCH', `/api/applications/${application.id}`, { version: 1, platformName: '再改' })).statusCode,
    ).toBe(409);
  });

  it('withdraws from county review', async () => {
    const application = await submitted();
    const response = await inject(cookies.hostA, 'POST', `/api/applications/${application.id}/withdraw`, { version: application.version });
    expect(response.json().status).toBe('withdrawn');
  });
});

describe('hostile uploads', () => {
  let applicationId: string;
  beforeAll(async () => {
    applicationId = (await draft()).id;
  });

  it('refuses an executable renamed .pdf', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'binary'), Buffer.alloc(200, 0)]);
    const response = await upload(cookies.hostA, applicationId, '建设方案.pdf', exe);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('只接受');
  });
  it('refuses a PDF named .docx', async () => {
    expect((await upload(cookies.hostA, applicationId, '建设方案.docx', pdf)).statusCode).toBe(400);
  });
  it('refuses a zip bomb in .docx', async () => {
    const response = await upload(cookies.hostA, applicationId, '建设方案.docx', zipBombWorkbook());
    expect(response.statusCode).toBe(413);
  });
  it('refuses ../ names', async () => {
    const response = await upload(cookies.hostA, applicationId, '../../etc/建设方案.pdf', pdf);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('文件名');
  });
  it('refuses an oversize file', async () => {
    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    expect((await upload(cookies.hostA, applicationId, '建设方案.pdf', big)).statusCode).toBe(413);
  });
  it('refuses an empty file', async () => {
    const response = await upload(cookies.hostA, applicationId, '建设方案.pdf', Buffer.alloc(0));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('空');
  });
  it('refuses a material code the call does not list', async () => {
    expect((await upload(cookies.hostA, applicationId, '建设方案.pdf', pdf, 'nonsense')).statusCode).toBe(400);
  });
  it('stored none of them', async () => {
    const detail = (await inject(cookies.hostA, 'GET', `/api/applications/${applicationId}`)).json() as ApplicationDetail;
    expect(detail.materials).toHaveLength(0);
  });
});

describe('scope', () => {
  it('shows a host only its own organisation’s applications', async () => {
    const mine = await submitted();
    const list = (await inject(cookies.hostB, 'GET', '/api/applications')).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(mine.id);
    expect((await inject(cookies.hostB, 'GET', `/api/applications/${mine.id}`)).statusCode).toBe(404);
    const own = (await inject(cookies.hostA, 'GET', '/api/applications')).json();
    expect(own.items[0]).toEqual(
      expect.objectContaining({
        callId: call.id,
        organization: { id: hostA, name: expect.any(String) },
        type: expect.objectContaining({ id: typeId }),
      }),
    );
  });

  it('refuses a recommendation from another county', async () => {
    const application = await submitted();
    expect((await review(cookies.countyB, application, 'recommend')).statusCode).toBe(404);
    expect((await inject(cookies.countyB, 'GET', `/api/applications/${application.id}`)).statusCode).toBe(404);
    expect((await review(cookies.department, application, 'recommend')).statusCode).toBe(404); // not its type
    expect((await review(cookies.countyA, application, 'recommend')).statusCode).toBe(200);
  });

  it('refuses the city the first step for an applicant in a county', async () => {
    const application = await submitted();
    const response = await review(cookies.city, application, 'recommend');
    expect(response.statusCode).toBe(409);
  });

  it('shows an expert only the applications of panels they sit on (not a replaced seat)', async () => {
    const application = await submitted();
    const other = await submitted();
    const [expert] = await db
      .insert(experts)
      .values({ name: '刘教授', organizationId: hostB, userId: expertUserId, title: '教授', fields: ['新材料'] })
      .returning();
    const [panel] = await db.insert(panels).values({ applicationId: application.id, seed: 'test', size: 1 }).returning();
    const [panel2] = await db.insert(panels).values({ applicationId: other.id, seed: 'test', size: 1 }).returning();
    await db.insert(panelMembers).values({ panelId: panel!.id, expertId: expert!.id, position: 1 });
    await db.insert(panelMembers).values({ panelId: panel2!.id, expertId: expert!.id, position: 1, replacedAt: new Date() });
    const list = (await inject(cookies.expert, 'GET', '/api/applications')).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([application.id]);
    expect((await inject(cookies.expert, 'GET', `/api/applications/${other.id}`)).statusCode).toBe(404);
    expect((await inject(cookies.otherExpert, 'GET', '/api/applications')).json().total).toBe(0);
  });

  it('lets the supervising department recommend applications of its types, and leaders only read', async () => {
    const departmentId = (
      await db.select({ id: organizationsTable.id }).from(organizationsTable).where(like(organizationsTable.name, '市经信局-%'))
    )[0]!.id;
    const supervisedType = await buildPlatformType(db, { name: unique('企业技术中心'), supervisorOrganizationId: departmentId });
    await db
      .update(calls)
      .set({ typeIds: [typeId, supervisedType] })
      .where(eq(calls.id, call.id));
    const created = await inject(cookies.hostA, 'POST', '/api/applications', {
      callId: call.id,
      typeId: supervisedType,
      platformName: unique('技术中心'),
      technicalFields: [],
      coBuilderIds: [],
      collaborators: [],
      form: {},
    });
    const application = created.json() as ApplicationDetail;
    await upload(cookies.hostA, application.id, '建设方案.pdf', pdf);
    const submittedOne = (
      await inject(cookies.hostA, 'POST', `/api/applications/${application.id}/submit`, { version: application.version + 1 })
    ).json();
    const waiting = (await inject(cookies.department, 'GET', '/api/applications?waiting=true')).json();
    expect(waiting.items.map((a: { id: string }) => a.id)).toEqual([application.id]);
    const leader = await t.login((await buildUser(db, { role: 'leader', regionId: tree.city.id })).username);
    expect((await inject(leader, 'GET', `/api/applications/${application.id}`)).statusCode).toBe(200);
    expect((await review(leader, submittedOne, 'recommend')).statusCode).toBe(403);
    expect((await review(cookies.hostA, submittedOne, 'recommend')).statusCode).toBe(403);
    const recommended = await review(cookies.department, submittedOne, 'recommend');
    expect(recommended.json().status).toBe('formal_review');
  });

  it('hides drafts from reviewers', async () => {
    const application = await draft();
    expect((await inject(cookies.countyA, 'GET', `/api/applications/${application.id}`)).statusCode).toBe(404);
  });
});

describe('the review chain to recognition', () => {
  it('returns with comments, keeps every version, and goes on to recognition creating the platform', async () => {
    let a = await submitted();
    a = (await review(cookies.countyA, a, 'recommend', { reason: '同意推荐' })).json();
    expect(a.status).toBe('formal_review');
    const noReason = await review(cookies.city, a, 'return');
    expect(noReason.statusCode).toBe(400);
    a = (await review(cookies.city, a, 'return', { reason: '请补充财务审计报告' })).json();
    expect(a.status).toBe('returned');
    // The applicant corrects and resubmits; the first version stays.
    a = (
      await inject(cookies.hostA, 'PATCH', `/api/applications/${a.id}`, { version: a.version, form: { ...a.form, rdSpendLastYear: 900 } })
    ).json();
    a = (await inject(cookies.hostA, 'POST', `/api/applications/${a.id}/submit`, { version: a.version })).json();
    expect(a.status).toBe('county_review');
    expect(a.versions.map((v) => v.seq)).toEqual([2, 1]);
    expect(a.reviews.map((r) => r.action)).toEqual(['submit', 'recommend', 'return', 'resubmit']);
    expect(a.reviews[2]!.comment).toBe('请补充财务审计报告');
    a = (await review(cookies.countyA, a, 'recommend')).json();
    a = (await review(cookies.city, a, 'pass')).json();
    expect(a.status).toBe('expert_review');

    const early = await review(cookies.city, a, 'startPublicNotice');
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('专家评审尚未完成');
    await db.insert(panels).values({ applicationId: a.id, seed: 'x', size: 3, concludedAt: new Date(), consensus: '同意' });
    a = (await review(cookies.city, a, 'startPublicNotice', { noticeDays: 5 })).json();
    expect(a.status).toBe('public_notice');
    expect(a.noticeStartsOn).toBe(todayInChina());

    a = (
      await inject(cookies.city, 'POST', `/api/applications/${a.id}/objections`, { raisedBy: '匿名来信', text: '研发投入数据存疑' })
    ).json();
    expect(a.objections).toHaveLength(1);
    const during = await review(cookies.city, a, 'recognize', { documentNo: '达市科〔2026〕1号' });
    expect(during.statusCode).toBe(409);
    await db.update(applications).set({ noticeStartsOn: '2026-01-05', noticeEndsOn: '2026-01-09' }).where(eq(applications.id, a.id));
    const unresolved = await review(cookies.city, a, 'recognize', { documentNo: '达市科〔2026〕1号' });
    expect(unresolved.json().message).toContain('异议未处理');
    a = (
      await inject(cookies.city, 'POST', `/api/applications/${a.id}/objections/${a.objections[0]!.id}/resolve`, {
        resolution: 'dismissed',
        note: '经核实数据无误',
        version: a.version,
      })
    ).json();
    expect(a.objections[0]!.resolution).toBe('dismissed');
    expect((await review(cookies.city, a, 'recognize')).statusCode).toBe(400); // no document number
    const recognizedOn = todayInChina();
    a = (await review(cookies.city, a, 'recognize', { documentNo: '达市科〔2026〕1号', recognizedOn })).json();
    expect(a.status).toBe('recognized');
    expect(a.platformId).toBeTruthy();
    const platform = (await inject(cookies.city, 'GET', `/api/platforms/${a.platformId}`)).json() as Platform;
    expect(platform).toMatchObject({
      status: 'constructing',
      recognitionDocNo: '达市科〔2026〕1号',
      recognizedOn,
      typeId,
      hostOrganizationId: hostA,
    });
    const [y, m, d] = recognizedOn.split('-');
    expect(platform.constructionEndsOn).toBe(`${Number(y) + 3}-${m}-${d === '29' && m === '02' ? '28' : d}`);
    expect(await findAuditRecords(db, 'platform.create', a.platformId!)).toHaveLength(1);
    expect(await findAuditRecords(db, 'application.recognize', a.id)).toHaveLength(1);

    // The dossier and the call's results export.
    const dossier = await inject(cookies.city, 'GET', `/api/applications/${a.id}/dossier.docx`);
    expect(dossier.statusCode).toBe(200);
    expect(dossier.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const dossierText = zipEntry(dossier.rawPayload, 'word/document.xml')!;
    expect(dossierText).toContain(a.platformName);
    expect(dossierText).toContain('七、专家评审');
    // The applicant's copy: review is blind, the experts are not named.
    const hostCopy = zipEntry(
      (await inject(cookies.hostA, 'GET', `/api/applications/${a.id}/dossier.docx`)).rawPayload,
      'word/document.xml',
    )!;
    expect(hostCopy).toContain('不向申报单位公开');
    const results = await inject(cookies.city, 'GET', `/api/calls/${call.id}/applications.xlsx`);
    expect(results.statusCode).toBe(200);
    expect(results.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // A second application of the same type by the same host now fails that check.
    const next = await submitted();
    expect(next.reviews[0]!.eligibility!.find((e) => e.code === 'no_same_type_platform')!.outcome).toBe('fail');
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });
  });

  it('rejects on an upheld objection', async () => {
    let a = await submitted();
    a = (await review(cookies.countyA, a, 'recommend')).json();
    a = (await review(cookies.city, a, 'pass')).json();
    await db.insert(panels).values({ applicationId: a.id, seed: 'x', size: 3, concludedAt: new Date() });
    a = (await review(cookies.city, a, 'startPublicNotice')).json();
    a = (
      await inject(cookies.city, 'POST', `/api/applications/${a.id}/objections`, { raisedBy: '某单位', text: '场地系租用且已到期' })
    ).json();
    a = (
      await inject(cookies.city, 'POST', `/api/applications/${a.id}/objections/${a.objections[0]!.id}/resolve`, {
        resolution: 'upheld',
        note: '经核实属实',
        version: a.version,
      })
    ).json();
    expect(a.status).toBe('rejected');
    expect(a.reviews.at(-1)).toMatchObject({ action: 'upholdObjection', toStatus: 'rejected' });
  });
});

describe('bulk review', () => {
  it('is all or nothing, naming each refusal', async () => {
    const first = await submitted();
    const second = await submitted();
    const elsewhere = await submitted(cookies.hostB);
    const refused = await inject(cookies.countyA, 'POST', '/api/applications/bulk', {
      ids: [first.id, second.id, elsewhere.id],
      action: 'recommend',
      reason: '符合条件',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details).toEqual([{ field: elsewhere.id, message: expect.stringContaining('不在您的管辖范围内') }]);
    const unchanged = (await inject(cookies.countyA, 'GET', `/api/applications/${first.id}`)).json();
    expect(unchanged.status).toBe('county_review');
    const done = await inject(cookies.countyA, 'POST', '/api/applications/bulk', {
      ids: [first.id, second.id],
      action: 'return',
      reason: '请补充材料',
    });
    expect(done.json()).toEqual({ ok: true, done: 2, refusals: [] });
    const returned = (await inject(cookies.hostA, 'GET', `/api/applications/${second.id}`)).json() as ApplicationDetail;
    expect(returned.status).toBe('returned');
    expect(returned.reviews.at(-1)!.comment).toBe('请补充材料');
  });
});

describe('to-dos', () => {
  it('lists the host’s drafts with the call’s deadline and the county’s waiting applications', async () => {
    const a = await draft();
    const hostTodos = await findTodos(db, {
      userId: hostAUser.id,
      username: hostAUser.username,
      role: 'host_user',
      regionId: null,
      regionPath: null,
      organizationId: hostA,
      permissions: [],
    });
    expect(hostTodos).toContainEqual(
      expect.objectContaining({ kind: 'application_fill', subjectId: a.id, dueOn: '2099-12-31', path: `/applications/${a.id}` }),
    );
    const s = await submitted();
    const countyTodos = await findTodos(db, {
      userId: countyAUser.id,
      username: countyAUser.username,
      role: 'county_staff',
      regionId: tree.countyA.id,
      regionPath: tree.countyA.path,
      organizationId: null,
      permissions: [],
    });
    expect(countyTodos.map((todo) => todo.subjectId)).toContain(s.id);
    expect(countyTodos.map((todo) => todo.subjectId)).not.toContain(a.id);
  });

  it('asks the city to start the notice only once the expert panel has concluded', async () => {
    let a = await submitted();
    a = (await review(cookies.countyA, a, 'recommend')).json();
    a = (await review(cookies.city, a, 'pass')).json();
    const cityActor = {
      userId: countyAUser.id,
      username: 'city',
      role: 'city_staff' as const,
      regionId: tree.city.id,
      regionPath: tree.city.path,
      organizationId: null,
      permissions: [],
    };
    expect((await findTodos(db, cityActor)).map((todo) => todo.subjectId)).not.toContain(a.id);
    await db.insert(panels).values({ applicationId: a.id, seed: 'x', size: 3, concludedAt: new Date() });
    expect((await findTodos(db, cityActor)).map((todo) => todo.subjectId)).toContain(a.id);
  });
});
