import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Target } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildTask,
  buildUser,
  unique,
} from '../../../test/factories';
import { seedPlatformSystem } from '../../db/seed/taxonomy';

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

/** The text of one file inside a zip archive (stored or deflated). */
function zipEntry(archive: Buffer, name: string): string | null {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const entries = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    const method = archive.readUInt16LE(at + 10);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    if (archive.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + skip;
  }
  return null;
}

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
    const plan = await createPlan({ title: '2021年科技创新工作要点', periodStart: '2021-01-01', periodEnd: '2021-12-31' });
    const target = (
      await inject(cityCookie, 'POST', `/api/plans/${plan.id}/targets`, {
        kind: 'amount',
        subject: '全市技术合同登记额突破1.3亿元',
        value: 1.3,
        unit: '亿元',
        deadline: '2021-12-31',
      })
    ).json() as Target;
    expect(target.progress).toMatchObject({ current: null, report: null });
    const report = (body: object) => inject(cityCookie, 'POST', `/api/targets/${target.id}/reports`, { source: '市科技局统计', ...body });
    expect((await report({ period: '2021年1—6月', periodEnd: '2021-06-30', value: 0.7 })).statusCode).toBe(200);
    expect((await report({ period: '2021年', periodEnd: '2021-12-31', value: 1.52 })).statusCode).toBe(200);
    const midYear = (await inject(cityCookie, 'GET', `/api/targets/${target.id}?asOf=2021-07-01`)).json().progress;
    expect(midYear).toMatchObject({ current: 0.7, status: 'on_track', report: { period: '2021年1—6月', source: '市科技局统计' } });
    const yearEnd = (await inject(cityCookie, 'GET', `/api/targets/${target.id}?asOf=2022-01-01`)).json().progress;
    expect(yearEnd).toMatchObject({ current: 1.52, status: 'achieved' });
    // A figure on a computed target is refused.
    const computed = (
      await inject(cityCookie, 'POST', `/api/plans/${plan.id}/targets`, {
        kind: 'first',
        subject: '零的突破',
        value: 1,
        unit: '家',
        deadline: '2021-12-31',
        filter: {},
      })
    ).json();
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

describe('the progress brief', () => {
  it('is a Word document with the plan, each target’s figure and status, late tasks and platforms by type', async () => {
    const plan = await createPlan({ title: unique('简报测试方案') });
    await inject(cityCookie, 'POST', `/api/plans/${plan.id}/targets`, {
      kind: 'count',
      subject: '市级重点实验室15家以上',
      value: 15,
      unit: '家',
      deadline: '2025-12-31',
      filter: { typeIds: [labType] },
    });
    const unit = await buildOrganization(db, { name: unique('市经信局'), kind: 'department', regionId: tree.city.id });
    await buildTask(db, { planId: plan.id, title: '逾期的任务', leadUnitIds: [unit], deadline: '2023-12-31', status: 'overdue' });

    const response = await inject(cityCookie, 'GET', `/api/plans/${plan.id}/brief.docx?asOf=2024-06-30`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const xml = zipEntry(response.rawPayload, 'word/document.xml');
    expect(xml).not.toBeNull();
    expect(xml).toContain(plan.title);
    expect(xml).toContain('市级重点实验室15家以上');
    expect(xml).toContain('3家');
    expect(xml).toContain('进度滞后');
    expect(xml).toContain('逾期的任务');
    expect(xml).toContain('数据截至2024-06-30');
    // A4 portrait.
    expect(xml).toMatch(/w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
  });

  it('is also an Excel workbook with the same figures', async () => {
    const plan = (await inject(cityCookie, 'GET', '/api/plans?limit=1')).json().items[0] as Plan;
    const response = await inject(cityCookie, 'GET', `/api/plans/${plan.id}/brief.xlsx?asOf=2024-06-30`);
    expect(response.statusCode).toBe(200);
    const sheetNames = zipEntry(response.rawPayload, 'xl/workbook.xml');
    expect(sheetNames).toContain('目标进展');
    expect(sheetNames).toContain('平台分布');
  });

  it('answers 404 for a plan outside the user’s scope', async () => {
    const other = await buildRegionTree(db);
    const stranger = await t.login((await buildUser(db, { role: 'city_staff', regionId: other.city.id })).username);
    const plan = await createPlan();
    expect((await inject(stranger, 'GET', `/api/plans/${plan.id}/brief.docx`)).statusCode).toBe(404);
  });
});
