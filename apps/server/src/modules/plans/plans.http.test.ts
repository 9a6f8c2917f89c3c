import { zipEntry } from '../../../test/zip-entry';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Plan, type Target, targetStatusLabels } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildTask,
  buildUser,
  changePlatform,
  unique,
} from '../../../test/factories';
import { taskUnits, tasks } from '../../db/schema/index';
import { seedPlatformSystem } from '../../db/seed/taxonomy';
import { formatChineseDay } from '../../shared/clock';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let cityCookie: string;
let countyCookie: string;
let labType: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  const system = await seedPlatformSystem(db, { code: unique('lab').replace('-', '_'), name: unique('实验室体系') });
  labType = await buildPlatformType(db, { systemId: system, level: 'city', name: unique('市级重点实验室') });
  for (const regionId of [tree.countyA.id, tree.countyA.id, tree.countyB.id]) {
    await buildPlatform(db, { typeId: labType, regionId, recognizedOn: '2022-05-01' });
  }
  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  countyCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);
});

const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** A plan for 2021 alone, as a year's 工作要点 is. */
function createAnnualPlan(title: string): Promise<Plan> {
  return createPlan({ title, periodStart: '2021-01-01', periodEnd: '2021-12-31' });
}

/** A target of `plan`, created by the city bureau. */
async function createTarget(plan: Plan, body: object): Promise<Target> {
  const response = await inject(cityCookie, 'POST', `/api/plans/${plan.id}/targets`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Target;
}

/** An amount target (a reported figure in 亿元) due at the end of 2021. */
function createAmountTarget(plan: Plan, subject: string, value: number): Promise<Target> {
  return createTarget(plan, { kind: 'amount', subject, value, unit: '亿元', deadline: '2021-12-31' });
}

async function createPlan(extra: object = {}): Promise<Plan> {
  const response = await inject(cityCookie, 'POST', '/api/plans', {
    title: '达州市科技创新平台体系建设实施方案',
    issuingBody: '达州市人民政府办公室',
    issuedOn: '2021-04-15',
    periodStart: '2021-04-15',
    periodEnd: '2025-12-31',
    regionId: tree.city.id,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The text of each table of a Word document: tables → rows → cells. */
function docxTables(xml: string): string[][][] {
  const texts = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) =>
    [...table!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, cell]) => texts(cell!)),
    ),
  );
}

/** The text of a Word document, paragraph by paragraph. */
function docxText(xml: string): string {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .map(([, paragraph]) => [...paragraph!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .join('\n');
}

/** The values of a worksheet, row by row (from its first column). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => value ?? '')));
  return rows;
}

const sortRows = (rows: string[][]) => rows.map((row) => row.join('|')).sort();

describe('plans', () => {
  it('records a plan and lists it for the city and for a county it covers', async () => {
    const plan = await createPlan();
    expect(plan).toMatchObject({ regionId: tree.city.id, regionName: tree.city.name, targetCount: 0, taskCount: 0, version: 1 });
    const countyList = (await inject(countyCookie, 'GET', '/api/plans')).json();
    expect(countyList.items.map((p: Plan) => p.id)).toContain(plan.id);
  });

  it('refuses a missing region and a period that ends before it starts, with 400 and the field', async () => {
    const missing = await inject(cityCookie, 'POST', '/api/plans', {
      title: '规划',
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      regionId: crypto.randomUUID(),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'regionId' }] });
    const backwards = await inject(cityCookie, 'POST', '/api/plans', {
      title: '规划',
      periodStart: '2021-12-31',
      periodEnd: '2021-01-01',
      regionId: tree.city.id,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('lets a county write its own plans but not the city’s', async () => {
    const cityPlan = await createPlan();
    const edit = await inject(countyCookie, 'PATCH', `/api/plans/${cityPlan.id}`, { title: '改', version: cityPlan.version });
    expect(edit.statusCode).toBe(403);
    const own = await inject(countyCookie, 'POST', '/api/plans', {
      title: '县规划',
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      regionId: tree.countyA.id,
    });
    expect(own.statusCode).toBe(200);
    const cityOnly = await inject(countyCookie, 'POST', '/api/plans', {
      title: '越权',
      periodStart: '2021-01-01',
      periodEnd: '2021-12-31',
      regionId: tree.city.id,
    });
    expect(cityOnly.statusCode).toBe(400);
    // Another county's plan stays unseen.
    const countyB = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id })).username);
    expect((await inject(countyB, 'GET', `/api/plans/${own.json().id}`)).statusCode).toBe(404);
  });

  it('updates with the version read and refuses a stale one; deletes softly', async () => {
    const plan = await createPlan();
    const updated = await inject(cityCookie, 'PATCH', `/api/plans/${plan.id}`, { documentNo: '达市府办〔2021〕1号', version: 1 });
    expect(updated.json()).toMatchObject({ documentNo: '达市府办〔2021〕1号', version: 2 });
    expect((await inject(cityCookie, 'PATCH', `/api/plans/${plan.id}`, { title: '旧', version: 1 })).statusCode).toBe(409);
    expect((await inject(cityCookie, 'DELETE', `/api/plans/${plan.id}?version=2`)).statusCode).toBe(200);
    expect((await inject(cityCookie, 'GET', `/api/plans/${plan.id}`)).statusCode).toBe(404);
  });
});

describe('targets of a plan', () => {
  it('creates a count target whose progress comes from the registry, and lists its platforms', async () => {
    const plan = await createPlan();
    const response = await inject(cityCookie, 'POST', `/api/plans/${plan.id}/targets`, {
      kind: 'count',
      subject: '市级重点实验室15家以上',
      value: 15,
      unit: '家',
      deadline: '2025-12-31',
      filter: { typeIds: [labType] },
    });
    expect(response.statusCode, response.body).toBe(200);
    const target = response.json() as Target;
    expect(target.filter).toMatchObject({
      types: [{ id: labType }],
      statuses: ['constructing', 'operating', 'rectifying'],
      region: { id: tree.city.id },
    });
    const progress = (await inject(cityCookie, 'GET', `/api/targets/${target.id}?asOf=2024-06-30`)).json().progress;
    expect(progress).toMatchObject({ current: 3, required: 15, start: { date: '2021-04-15', value: 0 }, status: 'at_risk' });
  });

  it('refuses unknown types, a coverage target without its scope, and a filter on a reported figure', async () => {
    const plan = await createPlan();
    const post = (payload: object) =>
      inject(cityCookie, 'POST', `/api/plans/${plan.id}/targets`, { unit: '家', deadline: '2025-12-31', subject: '目标', ...payload });
    const unknown = await post({ kind: 'count', value: 2, filter: { typeIds: [crypto.randomUUID()] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].field).toBe('filter.typeIds');
    expect((await post({ kind: 'coverage', value: 100, filter: {} })).statusCode).toBe(400);
    expect((await post({ kind: 'amount', value: 1.3, filter: {} })).statusCode).toBe(400);
    const foreignRegion = await post({ kind: 'coverage', value: 100, filter: {}, coverageRegionId: (await buildRegionTree(db)).city.id });
    expect(foreignRegion.statusCode).toBe(400);
    expect(foreignRegion.json().details[0].field).toBe('coverageRegionId');
  });

  it('takes an amount target’s figure from the latest report of the day asked', async () => {
    const plan = await createAnnualPlan('2021年科技创新工作要点');
    const target = await createAmountTarget(plan, '全市技术合同登记额突破1.3亿元', 1.3);
    expect(target.progress).toMatchObject({ current: null, report: null });
    const report = (body: object) => inject(cityCookie, 'POST', `/api/targets/${target.id}/reports`, { source: '市科技局统计', ...body });
    expect((await report({ period: '2021年1—6月', periodEnd: '2021-06-30', value: 0.7 })).statusCode).toBe(200);
    expect((await report({ period: '2021年', periodEnd: '2021-12-31', value: 1.52 })).statusCode).toBe(200);
    const midYear = (await inject(cityCookie, 'GET', `/api/targets/${target.id}?asOf=2021-07-01`)).json().progress;
    expect(midYear).toMatchObject({ current: 0.7, status: 'on_track', report: { period: '2021年1—6月', source: '市科技局统计' } });
    const yearEnd = (await inject(cityCookie, 'GET', `/api/targets/${target.id}?asOf=2022-01-01`)).json().progress;
    expect(yearEnd).toMatchObject({ current: 1.52, status: 'achieved' });
    // A figure on a computed target is refused.
    const computed = await createTarget(plan, {
      kind: 'first',
      subject: '零的突破',
      value: 1,
      unit: '家',
      deadline: '2021-12-31',
      filter: {},
    });
    expect(
      (
        await inject(cityCookie, 'POST', `/api/targets/${computed.id}/reports`, {
          period: '2021年',
          periodEnd: '2021-12-31',
          value: 1,
          source: 'x',
        })
      ).statusCode,
    ).toBe(422);
  });
});

describe('who reports a target’s figure', () => {
  it('lets the lead unit of a linked task report, with its source and reporter, and refuses the others with 403', async () => {
    const plan = await createAnnualPlan(unique('2021年科技创新工作要点'));
    const target = await createAmountTarget(plan, '全社会研发经费投入增长15%', 15);
    const statistics = await buildOrganization(db, { name: unique('市统计局'), kind: 'department', regionId: tree.city.id });
    const finance = await buildOrganization(db, { name: unique('市财政局'), kind: 'department', regionId: tree.city.id });
    const unrelated = await buildOrganization(db, { name: unique('市教育局'), kind: 'department', regionId: tree.city.id });
    const task = await inject(cityCookie, 'POST', `/api/plans/${plan.id}/tasks`, {
      title: '加大研发投入',
      content: '推动全社会研发经费投入稳定增长',
      leadUnitIds: [statistics],
      participantUnitIds: [finance],
      deadline: '2021-12-31',
      targetIds: [target.id],
    });
    expect(task.statusCode, task.body).toBe(200);
    const staffOf = async (organizationId: string) =>
      t.login((await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId })).username);
    const leadUser = await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId: statistics });
    const lead = await t.login(leadUser.username);
    const participant = await staffOf(finance);
    const stranger = await staffOf(unrelated);
    const leader = await t.login((await buildUser(db, { role: 'leader', regionId: tree.city.id })).username);

    const canReport = async (cookie: string) => ((await inject(cookie, 'GET', `/api/targets/${target.id}`)).json() as Target).canReport;
    expect(await canReport(lead)).toBe(true);
    expect(await canReport(cityCookie)).toBe(true);
    for (const cookie of [participant, stranger, leader, countyCookie]) expect(await canReport(cookie)).toBe(false);

    const figure = { period: '2021年', periodEnd: '2021-12-31', value: 16.2, source: '市统计局年报' };
    const filed = await inject(lead, 'POST', `/api/targets/${target.id}/reports`, figure);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ ...figure, reportedBy: leadUser.username });
    const progress = (await inject(leader, 'GET', `/api/targets/${target.id}?asOf=2022-01-01`)).json().progress;
    expect(progress).toMatchObject({ current: 16.2, report: { source: '市统计局年报', reportedBy: leadUser.username } });

    for (const cookie of [participant, stranger, leader, countyCookie]) {
      const refused = await inject(cookie, 'POST', `/api/targets/${target.id}/reports`, { ...figure, value: 99 });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.any(String) });
    }
    expect((await inject(cityCookie, 'GET', `/api/targets/${target.id}/reports`)).json().total).toBe(1);
  });

  it('never offers reporting on a computed target', async () => {
    const plan = await createPlan();
    const target = await createTarget(plan, {
      kind: 'count',
      subject: '市级重点实验室15家以上',
      value: 15,
      unit: '家',
      deadline: '2025-12-31',
      filter: { typeIds: [labType] },
    });
    expect(target.canReport).toBe(false);
  });
});

describe('the progress brief', () => {
  // A registry built by hand, so every figure of the brief is known: on 2024-06-30 the brief's region holds
  // 3 live 市级 labs (a fourth revoked, a fifth recognised later) and 3 省级 labs (one converted from an
  // engineering centre on 2024-01-01); none of the 国家级 type; a 省级 lab elsewhere is outside the region.
  const asOf = '2024-06-30';
  let brief: {
    cookie: string;
    plan: Plan;
    systemName: string;
    cityLabName: string;
    provincialLabName: string;
    lead: string;
    participant: string;
    otherLead: string;
  };

  beforeAll(async () => {
    const region = await buildRegionTree(db);
    const systemName = unique('实验室体系');
    const system = await seedPlatformSystem(db, { code: unique('brief').replace('-', '_'), name: systemName });
    const cityLabName = unique('市级重点实验室');
    const provincialLabName = unique('省级重点实验室');
    const cityLab = await buildPlatformType(db, { systemId: system, level: 'city', name: cityLabName });
    const provincialLab = await buildPlatformType(db, { systemId: system, level: 'provincial', name: provincialLabName });
    const nationalLab = await buildPlatformType(db, { systemId: system, level: 'national', name: unique('国家重点实验室') });
    const engineering = await buildPlatformType(db, { systemId: system, level: 'city', name: unique('市级工程技术研究中心') });
    for (const regionId of [region.countyA.id, region.countyA.id, region.countyB.id]) {
      await buildPlatform(db, { typeId: cityLab, regionId, recognizedOn: '2022-05-01' });
    }
    await changePlatform(
      db,
      await buildPlatform(db, { typeId: cityLab, regionId: region.countyB.id, recognizedOn: '2021-06-01' }),
      '2023-01-01',
      {
        status: 'revoked',
      },
    );
    await buildPlatform(db, { typeId: cityLab, regionId: region.countyA.id, recognizedOn: '2024-07-01' });
    await buildPlatform(db, { typeId: provincialLab, regionId: region.countyA.id, recognizedOn: '2021-09-01' });
    await buildPlatform(db, { typeId: provincialLab, regionId: region.city.id, recognizedOn: '2023-03-01' });
    await changePlatform(
      db,
      await buildPlatform(db, { typeId: engineering, regionId: region.countyB.id, recognizedOn: '2021-02-01' }),
      '2024-01-01',
      {
        typeId: provincialLab,
      },
    );
    await buildPlatform(db, { typeId: provincialLab, recognizedOn: '2021-09-01' });

    const cookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: region.city.id })).username);
    const created = await inject(cookie, 'POST', '/api/plans', {
      title: unique('简报测试方案'),
      issuingBody: '达州市人民政府办公室',
      periodStart: '2021-04-15',
      periodEnd: '2025-12-31',
      regionId: region.city.id,
    });
    expect(created.statusCode, created.body).toBe(200);
    const plan = created.json() as Plan;
    const target = async (payload: object) => {
      const response = await inject(cookie, 'POST', `/api/plans/${plan.id}/targets`, { unit: '家', deadline: '2025-12-31', ...payload });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Target;
    };
    await target({ kind: 'count', subject: '市级重点实验室15家以上', value: 15, filter: { typeIds: [cityLab] }, sortOrder: 1 });
    await target({ kind: 'first', subject: '国家重点实验室零的突破', value: 1, filter: { typeIds: [nationalLab] }, sortOrder: 2 });
    const amount = await target({ kind: 'amount', subject: '技术合同登记额突破1.3亿元', value: 1.3, unit: '亿元', sortOrder: 3 });
    await inject(cookie, 'POST', `/api/targets/${amount.id}/reports`, {
      period: '2023年',
      periodEnd: '2023-12-31',
      value: 1.52,
      source: '市科技局统计',
    });

    const lead = unique('市经信局');
    const participant = unique('甲县人民政府');
    const otherLead = unique('市财政局');
    const leadId = await buildOrganization(db, { name: lead, kind: 'department', regionId: region.city.id });
    const participantId = await buildOrganization(db, { name: participant, kind: 'county_government', regionId: region.countyA.id });
    const otherLeadId = await buildOrganization(db, { name: otherLead, kind: 'department', regionId: region.city.id });
    await buildTask(db, {
      planId: plan.id,
      title: '逾期的任务',
      leadUnitIds: [leadId],
      participantUnitIds: [participantId],
      deadline: '2023-12-31',
      status: 'overdue',
    });
    await buildTask(db, {
      planId: plan.id,
      title: '另一项逾期任务',
      leadUnitIds: [otherLeadId],
      deadline: '2024-05-31',
      status: 'in_progress',
    });
    await buildTask(db, { planId: plan.id, title: '未到期的任务', leadUnitIds: [leadId], deadline: '2099-12-31' });
    await buildTask(db, { planId: plan.id, title: '已完成的任务', leadUnitIds: [leadId], deadline: '2023-06-30', status: 'done' });
    brief = { cookie, plan, systemName, cityLabName, provincialLabName, lead, participant, otherLead };
  });

  async function wordTables(planId: string) {
    const response = await inject(brief.cookie, 'GET', `/api/plans/${planId}/brief.docx?asOf=${asOf}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntry(response.rawPayload, 'word/document.xml');
    expect(xml).not.toBeNull();
    const [targets, late, platforms] = docxTables(xml!);
    return { xml: xml!, text: docxText(xml!), targets: targets!, late: late!, platforms: platforms! };
  }

  const platformRows = () => [
    [brief.systemName, brief.cityLabName, '市级', '3'],
    [brief.systemName, brief.provincialLabName, '省级', '3'],
    ['合计', '省级平台', '省级', '3'],
    ['合计', '市级平台', '市级', '3'],
  ];

  it('is a Word document with the plan, each target’s figure and status, late tasks beside their units, and platforms by type and level', async () => {
    const word = await wordTables(brief.plan.id);
    expect(word.text).toContain(brief.plan.title);
    // Dates in the style of documents.
    expect(word.text).toContain(`数据截至${formatChineseDay(asOf)}`);
    expect(word.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // A4 portrait.
    expect(word.xml).toMatch(/w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);

    expect(word.targets[0]).toEqual(['序号', '目标', '要求', '当前', '状态', '期限']);
    expect(word.targets.slice(1)).toEqual([
      ['1', '市级重点实验室15家以上', '不少于15家', '3家', '进度滞后', '2025年12月31日'],
      ['2', '国家重点实验室零的突破', '不少于1家', '0家', '进度滞后', '2025年12月31日'],
      ['3', '技术合同登记额突破1.3亿元', '不少于1.3亿元', '1.52亿元（2023年，市科技局统计）', '已达成', '2025年12月31日'],
    ]);

    // Late tasks only (not the one still in time, nor the done one), each beside its lead unit, then its participants.
    expect(word.text).toContain('共有2项任务超过完成时限尚未完成');
    const late = new Map(word.late.slice(1).map((row) => [row[0], row]));
    expect([...late.keys()].sort()).toEqual(['另一项逾期任务', '逾期的任务'].sort());
    expect(late.get('逾期的任务')).toEqual(['逾期的任务', '具体内容', `${brief.lead}，${brief.participant}`, '2023年12月31日', '182']);
    expect(late.get('另一项逾期任务')?.[2]).toBe(brief.otherLead);

    // Platforms by type and level in force on the day, in the plan's region only: revoked, later and converted ones as they stood.
    expect(word.platforms[0]).toEqual(['体系', '平台类型', '级别', '数量（家）']);
    expect(sortRows(word.platforms.slice(1))).toEqual(sortRows(platformRows()));
    expect(word.text).toContain('现有在册（建设期、运行、整改）平台6家，其中省级3家、市级3家。');
  });

  it('is also an Excel workbook whose figures are the Word brief’s and the API’s', async () => {
    const response = await inject(brief.cookie, 'GET', `/api/plans/${brief.plan.id}/brief.xlsx?asOf=${asOf}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '目标进展', '逾期任务', '平台分布']);
    const word = await wordTables(brief.plan.id);
    const api = (await inject(brief.cookie, 'GET', `/api/targets?planId=${brief.plan.id}&asOf=${asOf}`)).json() as { items: Target[] };
    expect(api.items).toHaveLength(3);

    const targetRows = sheetRows(workbook.getWorksheet('目标进展')!);
    expect(targetRows[0]).toEqual(['序号', '目标', '类别', '要求', '当前值', '应达值', '说明', '状态', '期限']);
    expect(targetRows).toHaveLength(api.items.length + 1);
    for (const item of api.items) {
      const row = targetRows.find((cells) => cells[1] === item.subject)!;
      const inWord = word.targets.find((cells) => cells[1] === item.subject)!;
      expect(row[4]).toBe(item.progress.current);
      expect(row[5]).toBe(item.progress.required);
      expect(row[7]).toBe(targetStatusLabels[item.progress.status]);
      // The same requirement, figure, status and deadline as the Word brief (which writes the day as documents do).
      expect([row[3], row[6], row[7], formatChineseDay(row[8] as string)]).toEqual([inWord[2], inWord[3], inWord[4], inWord[5]]);
    }
    expect(targetRows.find((cells) => cells[1] === '市级重点实验室15家以上')?.slice(4, 6)).toEqual([3, 15]);

    const late = sheetRows(workbook.getWorksheet('逾期任务')!).slice(1);
    expect(late.map((row) => [row[0], row[2], row[3], row[5]]).sort()).toEqual(
      [
        ['逾期的任务', brief.lead, brief.participant, 182],
        ['另一项逾期任务', brief.otherLead, '', 30],
      ].sort(),
    );

    // The same type × level table as the Word brief; the workbook adds a 0 total for the levels without any platform.
    const platforms = sheetRows(workbook.getWorksheet('平台分布')!)
      .slice(1)
      .map((row) => row.map(String));
    expect(sortRows(platforms.filter((row) => row[3] !== '0'))).toEqual(sortRows(word.platforms.slice(1)));
    expect(sortRows(word.platforms.slice(1))).toEqual(sortRows(platformRows()));
    expect(platforms.filter((row) => row[3] === '0').map((row) => row[0])).toEqual(['合计', '合计']);
  });

  it('lists every late task, not only the first 500', async () => {
    const plan = (
      await inject(brief.cookie, 'POST', '/api/plans', {
        title: unique('逾期任务很多的方案'),
        periodStart: '2021-01-01',
        periodEnd: '2025-12-31',
        regionId: brief.plan.regionId,
      })
    ).json() as Plan;
    const unit = await buildOrganization(db, { name: unique('市发改委'), kind: 'department', regionId: brief.plan.regionId });
    const inserted = await db
      .insert(tasks)
      .values(
        Array.from({ length: 501 }, (_, i) => ({
          planId: plan.id,
          title: `逾期任务${String(i + 1).padStart(3, '0')}`,
          content: '具体内容',
          deadline: '2023-12-31',
          status: 'overdue' as const,
          sortOrder: i,
        })),
      )
      .returning({ id: tasks.id });
    await db.insert(taskUnits).values(inserted.map((task) => ({ taskId: task.id, organizationId: unit, role: 'lead' as const })));

    const word = await wordTables(plan.id);
    expect(word.text).toContain('共有501项任务超过完成时限尚未完成');
    expect(word.late).toHaveLength(502);
    expect(word.late.at(-1)?.[0]).toBe('逾期任务501');
  });

  it('answers 404 for a plan outside the user’s scope', async () => {
    const other = await buildRegionTree(db);
    const stranger = await t.login((await buildUser(db, { role: 'city_staff', regionId: other.city.id })).username);
    const plan = await createPlan();
    expect((await inject(stranger, 'GET', `/api/plans/${plan.id}/brief.docx`)).statusCode).toBe(404);
  });
});
