import { beforeAll, describe, expect, it } from 'vitest';
import type { Target } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildPlan,
  buildPlatform,
  buildPlatformType,
  buildRegion,
  buildRegionTree,
  buildTarget,
  buildUser,
  changePlatform,
  unique,
} from '../../../test/factories';
import { seedPlatformSystem } from '../../db/seed/taxonomy';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let countyC: { id: string };
let planId: string;
let cityCookie: string;
let systemId: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  countyC = await buildRegion(db, { parent: tree.city, level: 'county', name: unique('丙县') });
  planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2021-04-15', periodEnd: '2025-12-31' });
  systemId = await seedPlatformSystem(db, { code: unique('lab').replace('-', '_'), name: unique('实验室体系') });
  const staff = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
  cityCookie = await t.login(staff.username);
});

async function target(id: string, asOf: string, cookie = cityCookie): Promise<Target> {
  const response = await t.app.inject({ url: `/api/targets/${id}?asOf=${asOf}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function platformsOf(id: string, asOf: string, cookie = cityCookie) {
  const response = await t.app.inject({ url: `/api/targets/${id}/platforms?asOf=${asOf}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: { id: string; name: string; typeName: string; regionName: string }[]; total: number };
}

const cityLabType = () => buildPlatformType(db, { systemId, level: 'city', name: unique('市级重点实验室') });

describe('count targets as of a day', () => {
  it('counts a platform from its recognition date on, and not the day before', async () => {
    const typeId = await cityLabType();
    const targetId = await buildTarget(db, { planId, kind: 'count', value: 15, typeIds: [typeId] });
    const platformId = await buildPlatform(db, {
      typeId,
      regionId: tree.countyA.id,
      recognizedOn: '2022-03-01',
      name: '甲县锂钾市级重点实验室',
    });

    expect((await target(targetId, '2022-02-28')).progress.current).toBe(0);
    const after = await target(targetId, '2022-03-01');
    expect(after.progress).toMatchObject({ current: 1, required: 15 });
    const listed = await platformsOf(targetId, '2022-03-01');
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ id: platformId, name: '甲县锂钾市级重点实验室', regionName: tree.countyA.name });
  });

  it('stops counting a revoked platform from the day of its revocation', async () => {
    const typeId = await cityLabType();
    const targetId = await buildTarget(db, { planId, kind: 'count', value: 2, typeIds: [typeId] });
    const platformId = await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2021-06-01' });
    await changePlatform(db, platformId, '2023-05-01', { status: 'revoked' });

    expect((await target(targetId, '2023-04-30')).progress.current).toBe(1);
    expect((await target(targetId, '2023-05-01')).progress.current).toBe(0);
    expect((await platformsOf(targetId, '2023-05-01')).total).toBe(0);
  });

  it('counts a converted platform under its new type from the conversion date only', async () => {
    const oldType = await buildPlatformType(db, { systemId, level: 'city', name: unique('市级工程技术研究中心') });
    const newType = await cityLabType();
    const underOld = await buildTarget(db, { planId, kind: 'count', value: 5, typeIds: [oldType] });
    const underNew = await buildTarget(db, { planId, kind: 'count', value: 5, typeIds: [newType] });
    const platformId = await buildPlatform(db, { typeId: oldType, regionId: tree.countyA.id, recognizedOn: '2020-01-01' });
    await changePlatform(db, platformId, '2024-01-01', { typeId: newType });

    expect((await target(underOld, '2023-12-31')).progress.current).toBe(1);
    expect((await target(underNew, '2023-12-31')).progress.current).toBe(0);
    expect((await target(underOld, '2024-01-01')).progress.current).toBe(0);
    expect((await target(underNew, '2024-01-01')).progress.current).toBe(1);
    expect((await platformsOf(underNew, '2024-01-01')).items[0]).toMatchObject({ id: platformId });
  });

  it('counts only platforms that entered the filter after the baseline for 新建 targets', async () => {
    const typeId = await cityLabType();
    const otherType = await buildPlatformType(db, { systemId, level: 'city' });
    const targetId = await buildTarget(db, { planId, kind: 'count', value: 2, typeIds: [typeId], baselineDate: '2021-04-15' });
    const old = await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2019-05-01' });
    const recent = await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2022-08-01' });
    // Existed before the baseline under another type, converted into the counted type after it: new to the target.
    const converted = await buildPlatform(db, { typeId: otherType, regionId: tree.countyA.id, recognizedOn: '2018-01-01' });
    await changePlatform(db, converted, '2023-02-01', { typeId });

    const early = await target(targetId, '2022-12-31');
    expect(early.progress).toMatchObject({ current: 1, start: { date: '2021-04-15', value: 0 } });
    const later = await target(targetId, '2023-02-01');
    expect(later.progress).toMatchObject({ current: 2, status: 'achieved' });
    const ids = (await platformsOf(targetId, '2023-02-01')).items.map((p) => p.id).sort();
    expect(ids).toEqual([recent, converted].sort());
    expect(ids).not.toContain(old);
  });

  it('reaches a first (零的突破) target when the first platform appears', async () => {
    const nationalType = await buildPlatformType(db, { systemId, level: 'national', name: unique('国家重点实验室') });
    const targetId = await buildTarget(db, { planId, kind: 'first', value: 1, typeIds: [nationalType], deadline: '2025-12-31' });
    const none = await target(targetId, '2023-07-01');
    expect(none.progress).toMatchObject({ current: 0, required: 1, status: 'at_risk' });
    await buildPlatform(db, { typeId: nationalType, regionId: tree.countyB.id, recognizedOn: '2023-09-01' });
    expect((await target(targetId, '2023-09-01')).progress).toMatchObject({ current: 1, status: 'achieved' });
    expect((await target(targetId, '2026-01-01', cityCookie)).progress.status).toBe('achieved');
  });
  it('takes the figure on the deadline once it has passed, so a late platform does not count', async () => {
    const typeId = await cityLabType();
    const targetId = await buildTarget(db, {
      planId,
      kind: 'count',
      value: 1,
      typeIds: [typeId],
      baselineDate: '2021-12-31',
      deadline: '2022-12-31',
    });
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2023-03-01' });
    const after = await target(targetId, '2024-01-01');
    expect(after.progress).toMatchObject({ asOf: '2024-01-01', measuredOn: '2022-12-31', current: 0, status: 'missed' });
    expect(after.link).toEqual({ to: `/targets/${targetId}/platforms`, query: { asOf: '2022-12-31' } });
    expect((await target(targetId, '2022-06-30')).progress).toMatchObject({ measuredOn: '2022-06-30', current: 0, status: 'at_risk' });
  });

  it('counts by level and system when the target names no type', async () => {
    const provincial = await buildPlatformType(db, { systemId, level: 'provincial' });
    const targetId = await buildTarget(db, { planId, kind: 'count', value: 3, levels: ['provincial'], systemIds: [systemId] });
    const before = (await target(targetId, '2024-06-30')).progress.current!;
    await buildPlatform(db, { typeId: provincial, regionId: tree.countyA.id, recognizedOn: '2024-06-30' });
    // Outside the plan's region: never counted.
    await buildPlatform(db, { typeId: provincial, recognizedOn: '2024-06-30' });
    expect((await target(targetId, '2024-06-30')).progress.current).toBe(before + 1);
  });
});

describe('first (零的突破) targets and their baseline', () => {
  it('counts a breakthrough from its recognition date when the scope had no such platform at the baseline', async () => {
    const nationalType = await buildPlatformType(db, { systemId, level: 'national', name: unique('国家重点实验室') });
    // Outside the plan's region, and before the baseline: neither counted nor standing at the baseline.
    await buildPlatform(db, { typeId: nationalType, recognizedOn: '2019-01-01' });
    const targetId = await buildTarget(db, {
      planId,
      kind: 'first',
      value: 1,
      typeIds: [nationalType],
      baselineDate: '2020-12-31',
      deadline: '2025-12-31',
    });
    const platformId = await buildPlatform(db, { typeId: nationalType, regionId: tree.countyA.id, recognizedOn: '2023-09-01' });

    expect((await target(targetId, '2023-08-31')).progress).toMatchObject({
      current: 0,
      required: 1,
      baselineCount: 0,
      start: { date: '2020-12-31', value: 0 },
      status: 'at_risk',
    });
    expect((await target(targetId, '2023-09-01')).progress).toMatchObject({ current: 1, baselineCount: 0, status: 'achieved' });
    expect((await platformsOf(targetId, '2023-09-01')).items.map((p) => p.id)).toEqual([platformId]);
  });

  it('flags a first target whose scope already had a matching platform at its baseline, and counts that platform', async () => {
    const nationalType = await buildPlatformType(db, { systemId, level: 'national', name: unique('国家工程技术研究中心') });
    const existing = await buildPlatform(db, { typeId: nationalType, regionId: tree.countyB.id, recognizedOn: '2019-05-01' });
    const withBaseline = await buildTarget(db, {
      planId,
      kind: 'first',
      value: 1,
      typeIds: [nationalType],
      baselineDate: '2020-12-31',
    });
    // No baseline of its own: the plan's start (2021-04-15) is the baseline.
    const fromPlanStart = await buildTarget(db, { planId, kind: 'first', value: 1, typeIds: [nationalType] });

    for (const id of [withBaseline, fromPlanStart]) {
      const progress = (await target(id, '2022-06-30')).progress;
      expect(progress).toMatchObject({ current: 1, required: 1, baselineCount: 1 });
      expect((await platformsOf(id, '2022-06-30')).items.map((p) => p.id)).toEqual([existing]);
    }
    expect((await target(fromPlanStart, '2022-06-30')).progress.start).toEqual({ date: '2021-04-15', value: 1 });
  });

  it('reports no baseline count on targets of other kinds', async () => {
    const targetId = await buildTarget(db, { planId, kind: 'count', value: 3, typeIds: [await cityLabType()] });
    expect((await target(targetId, '2022-06-30')).progress).not.toHaveProperty('baselineCount');
  });
});

describe('coverage targets', () => {
  it('lists the child regions still without a matching platform', async () => {
    const serviceSystem = await seedPlatformSystem(db, { code: unique('svc').replace('-', '_'), name: unique('科技服务平台体系') });
    const incubator = await buildPlatformType(db, { systemId: serviceSystem, level: 'city' });
    const targetId = await buildTarget(db, {
      planId,
      kind: 'coverage',
      value: 100,
      unit: '%',
      systemIds: [serviceSystem],
      coverageRegionId: tree.city.id,
    });
    await buildPlatform(db, { typeId: incubator, regionId: tree.countyA.id, recognizedOn: '2021-05-01' });
    await buildPlatform(db, { typeId: incubator, regionId: tree.countyB.id, recognizedOn: '2022-05-01' });
    // At the city itself: belongs to no county, covers none.
    await buildPlatform(db, { typeId: incubator, regionId: tree.city.id, recognizedOn: '2021-05-01' });

    const progress = (await target(targetId, '2023-01-01')).progress;
    expect(progress).toMatchObject({ current: 2, required: 3 });
    expect(progress.emptyRegions).toEqual([{ id: countyC.id, name: expect.any(String) }]);
    expect(progress.regions?.find((r) => r.id === tree.countyA.id)?.count).toBe(1);
    expect((await target(targetId, '2022-01-01')).progress.emptyRegions?.map((r) => r.id).sort()).toEqual(
      [tree.countyB.id, countyC.id].sort(),
    );
    expect((await platformsOf(targetId, '2023-01-01')).total).toBe(2);
  });
});

describe('scoping', () => {
  // Issue 11 point 5 changed this: a county user used to see only its county's part as the figure.
  it('shows a county user the city’s figure of a city target, with its own county’s part as its contribution', async () => {
    const typeId = await cityLabType();
    const targetId = await buildTarget(db, { planId, kind: 'count', value: 10, typeIds: [typeId] });
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, recognizedOn: '2022-01-01' });
    await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2022-01-01' });
    await buildPlatform(db, { typeId, regionId: tree.countyB.id, recognizedOn: '2022-01-01' });
    const county = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
    const cookie = await t.login(county.username);

    expect((await target(targetId, '2023-01-01')).progress).toMatchObject({ current: 3, isScopeLimited: false });
    expect((await target(targetId, '2023-01-01', cookie)).progress).toMatchObject({
      current: 3,
      isScopeLimited: true,
      contribution: { region: { id: tree.countyA.id }, current: 1 },
    });
    const listed = await platformsOf(targetId, '2023-01-01', cookie);
    expect(listed.items.map((p) => p.regionName)).toEqual([tree.countyA.name]);
  });

  it('answers 404 for a target of a plan outside the user’s region', async () => {
    const other = await buildRegionTree(db);
    const otherPlan = await buildPlan(db, { regionId: other.city.id });
    const targetId = await buildTarget(db, { planId: otherPlan, kind: 'count', value: 1 });
    const response = await t.app.inject({ url: `/api/targets/${targetId}`, headers: { cookie: cityCookie } });
    expect(response.statusCode).toBe(404);
    const list = await t.app.inject({ url: `/api/targets?planId=${otherPlan}`, headers: { cookie: cityCookie } });
    expect(list.json()).toEqual({ items: [], total: 0 });
  });
});

describe('the target list', () => {
  it('answers every target of a plan with its progress on the day asked', async () => {
    const response = await t.app.inject({
      url: `/api/targets?planId=${planId}&asOf=2024-06-30&limit=500`,
      headers: { cookie: cityCookie },
    });
    expect(response.statusCode).toBe(200);
    const page = response.json() as { items: Target[]; total: number };
    expect(page.total).toBe(page.items.length);
    expect(page.total).toBeGreaterThan(5);
    for (const item of page.items) {
      expect(item).toMatchObject({ subject: expect.any(String), kind: expect.any(String), comparator: '>=', deadline: expect.any(String) });
      expect(item.progress).toMatchObject({ asOf: '2024-06-30', required: expect.any(Number), status: expect.any(String) });
      // The figure is taken on the day asked, or on the deadline once it has passed.
      expect(item.progress.measuredOn).toBe(item.deadline < '2024-06-30' ? item.deadline : '2024-06-30');
      expect(item.link).toEqual({ to: `/targets/${item.id}/platforms`, query: { asOf: item.progress.measuredOn } });
    }
  });

  it('refuses a malformed date with a 400', async () => {
    const response = await t.app.inject({ url: '/api/targets?asOf=2024-02-30', headers: { cookie: cityCookie } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });
});
