import { beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlan,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildTarget,
  buildTask,
  buildUser,
  unique,
} from '../../../test/factories';
import { seedPlatformSystem } from '../../db/seed/taxonomy';
import { replaceTaskTargets } from '../tasks/tasks.repository';

/** Issue 11: targets tell the truth — additions, yearly series, per-region, a county's view, no figure is not a miss. */

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let cityCookie: string;
let systemId: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  systemId = await seedPlatformSystem(db, { code: unique('lab').replace('-', '_'), name: unique('实验室体系') });
  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
});

async function target(id: string, asOf: string, cookie = cityCookie): Promise<Target> {
  const response = await t.app.inject({ url: `/api/targets/${id}?asOf=${asOf}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const labType = () => buildPlatformType(db, { systemId, level: 'city', name: unique('市级重点实验室') });

describe('additions (新建) targets', () => {
  it('count from the plan’s start when no baseline is given, not every existing platform', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2027-01-01', periodEnd: '2029-12-31' });
    const typeId = await labType();
    for (let i = 0; i < 9; i++) await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2024-05-01' });
    const onFirstDay = await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2027-01-01' });
    const later = await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2027-03-01' });

    const created = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/targets`,
      headers: { cookie: cityCookie },
      payload: {
        kind: 'count',
        subject: '新建市级重点实验室',
        value: 5,
        unit: '家',
        deadline: '2029-12-31',
        basis: 'added',
        filter: { typeIds: [typeId] },
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const body = created.json() as Target;
    expect(body).toMatchObject({ basis: 'added', baselineDate: null, comparator: '>=' });

    const progress = (await target(body.id, '2027-06-30')).progress;
    expect(progress).toMatchObject({ current: 2, required: 5, additionsSince: '2027-01-01', start: { date: '2027-01-01', value: 0 } });
    expect(progress.status).not.toBe('achieved');
    const listed = await t.app.inject({ url: `/api/targets/${body.id}/platforms?asOf=2027-06-30`, headers: { cookie: cityCookie } });
    expect((listed.json() as { items: { id: string }[] }).items.map((p) => p.id).sort()).toEqual([onFirstDay, later].sort());
  });

  it('keeps counting the stock when the basis is stock', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2027-01-01', periodEnd: '2029-12-31' });
    const typeId = await labType();
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2024-05-01' });
    const id = await buildTarget(db, { planId, kind: 'count', value: 1, typeIds: [typeId], deadline: '2029-12-31' });
    expect((await target(id, '2027-06-30')).progress).toMatchObject({ current: 1, status: 'achieved' });
    expect((await target(id, '2027-06-30')).basis).toBe('stock');
  });

  it('refuses additions on a kind that cannot count them', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/targets`,
      headers: { cookie: cityCookie },
      payload: { kind: 'amount', subject: '研发投入', value: 5, unit: '亿元', deadline: '2025-12-31', basis: 'added' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('yearly (每年) targets', () => {
  it('judge each plan year’s additions on their own, and miss once a finished year missed', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2026-01-01', periodEnd: '2028-12-31' });
    const typeId = await labType();
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2025-06-01' });
    for (let i = 0; i < 3; i++) await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2026-04-01' });
    await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2027-04-01' });
    const id = await buildTarget(db, { planId, kind: 'count', value: 2, typeIds: [typeId], deadline: '2028-12-31', perYear: true });

    const during2027 = (await target(id, '2027-05-01')).progress;
    expect(during2027.series).toEqual([
      { year: 2026, current: 3, required: 2, status: 'achieved' },
      { year: 2027, current: 1, required: 2, status: expect.stringMatching(/on_track|at_risk/) },
      { year: 2028, current: null, required: 2, status: null },
    ]);
    expect(during2027.status).not.toBe('achieved');
    const in2028 = (await target(id, '2028-02-01')).progress;
    expect(in2028.series?.[1]).toMatchObject({ year: 2027, current: 1, status: 'missed' });
    expect(in2028.status).toBe('missed');
    // The records behind the figure: the current year's additions.
    const listed = await t.app.inject({ url: `/api/targets/${id}/platforms?asOf=2027-05-01`, headers: { cookie: cityCookie } });
    expect(listed.json()).toMatchObject({ total: 1 });
  });

  it('take a reported yearly figure for the year it was reported for', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    const id = await buildTarget(db, { planId, kind: 'amount', value: 15, unit: '家', deadline: '2027-12-31', perYear: true });
    const report = (period: string, periodEnd: string, value: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/targets/${id}/reports`,
        headers: { cookie: cityCookie },
        payload: { period, periodEnd, value, source: '统计年报' },
      });
    expect((await report('2026年', '2026-12-31', 16)).statusCode).toBe(200);
    const progress = (await target(id, '2027-06-30')).progress;
    expect(progress.series).toEqual([
      { year: 2026, current: 16, required: 15, status: 'achieved' },
      { year: 2027, current: null, required: 15, status: null },
    ]);
    expect(progress.status).toBe('on_track');
    // 2027 over with nothing reported for it: the year is owed, not missed.
    expect((await target(id, '2028-01-15')).progress.series?.[1]).toMatchObject({ status: 'no_data' });
    expect((await target(id, '2028-01-15')).progress.status).toBe('no_data');
  });
});

describe('per-region (每个县) targets', () => {
  it('judge region by region, and list the lagging regions', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2026-01-01', periodEnd: '2028-12-31' });
    const typeId = await buildPlatformType(db, { systemId, level: 'city', name: unique('孵化器') });
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2025-01-01' });
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2025-01-01' });
    const id = await buildTarget(db, { planId, kind: 'count', value: 1, typeIds: [typeId], deadline: '2028-12-31', perRegion: true });

    const progress = (await target(id, '2026-06-30')).progress;
    expect(progress).toMatchObject({ current: 1, required: 2 });
    expect(progress.laggingRegions).toEqual([{ id: tree.countyB.id, name: tree.countyB.name }]);
    expect(progress.regions?.find((region) => region.id === tree.countyA.id)?.count).toBe(2);
    expect(progress.status).not.toBe('achieved');
  });
});

describe('a county user looking at a city plan’s target', () => {
  it('sees the city’s figure and status, with its own contribution, and lists only its own records', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2021-01-01', periodEnd: '2025-12-31' });
    const typeId = await labType();
    for (let i = 0; i < 2; i++) await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2022-01-01' });
    for (let i = 0; i < 7; i++) await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2022-01-01' });
    const id = await buildTarget(db, { planId, kind: 'count', value: 15, typeIds: [typeId] });
    const county = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);

    const city = (await target(id, '2023-01-01')).progress;
    const seen = (await target(id, '2023-01-01', county)).progress;
    expect(seen).toMatchObject({ current: 9, required: 15, status: city.status, isScopeLimited: true });
    expect(seen.contribution).toEqual({ region: { id: tree.countyA.id, name: tree.countyA.name }, current: 2 });
    expect(city.contribution).toBeNull();
    const listed = await t.app.inject({ url: `/api/targets/${id}/platforms?asOf=2023-01-01`, headers: { cookie: county } });
    expect(listed.json()).toMatchObject({ total: 2 });
  });

  it('judges the county’s own plan on the county’s own data', async () => {
    const planId = await buildPlan(db, { regionId: tree.countyA.id, periodStart: '2021-01-01', periodEnd: '2025-12-31' });
    const typeId = await labType();
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2022-01-01' });
    await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2022-01-01' });
    const id = await buildTarget(db, { planId, kind: 'count', value: 1, typeIds: [typeId] });
    const county = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);
    expect((await target(id, '2023-01-01', county)).progress).toMatchObject({
      current: 1,
      status: 'achieved',
      isScopeLimited: false,
      contribution: null,
    });
  });
});

describe('a reported target without a figure', () => {
  it('is 未报送 (no_data), not missed, names the unit that owes it, and waits in its to-do list', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2021-01-01', periodEnd: '2025-12-31' });
    const id = await buildTarget(db, { planId, kind: 'amount', value: 30, unit: '亿元', subject: unique('研发经费投入') });
    const unit = await buildOrganization(db, { regionId: tree.city.id, kind: 'department', name: unique('市统计局') });
    const taskId = await buildTask(db, { planId, leadUnitIds: [unit] });
    await replaceTaskTargets(db, taskId, [id]);

    for (const asOf of ['2024-06-30', '2026-03-01']) {
      const seen = await target(id, asOf);
      expect(seen.progress).toMatchObject({ current: null, status: 'no_data' });
      expect(seen.reportingUnits).toEqual([{ id: unit, name: expect.any(String) }]);
    }
    const list = await t.app.inject({
      url: `/api/targets?planId=${planId}&status=no_data&asOf=2024-06-30`,
      headers: { cookie: cityCookie },
    });
    expect((list.json() as { items: Target[] }).items.map((item) => item.id)).toEqual([id]);

    const reporter = await t.login(
      (await buildUser(db, { role: 'department_staff', organizationId: unit, regionId: tree.city.id })).username,
    );
    const todos = await t.app.inject({ url: '/api/todos', headers: { cookie: reporter } });
    expect(todos.statusCode, todos.body).toBe(200);
    expect((todos.json() as { items: { kind: string; subjectId: string }[] }).items).toContainEqual(
      expect.objectContaining({ kind: 'target_report', subjectId: id }),
    );
  });
});
