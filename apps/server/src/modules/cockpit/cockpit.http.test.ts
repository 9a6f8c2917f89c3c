import { beforeAll, describe, expect, it } from 'vitest';
import type { Cockpit, RecordLink } from '@stip/contracts';
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
  changePlatform,
  unique,
} from '../../../test/factories';
import { seedPlatformSystem } from '../../db/seed/taxonomy';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let labSystem: string;
let serviceSystem: string;
let cityCookie: string;
let countyCookie: string;
let unit: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  labSystem = await seedPlatformSystem(db, { code: unique('lab').replace('-', '_'), name: unique('实验室体系'), sortOrder: 1 });
  serviceSystem = await seedPlatformSystem(db, { code: unique('svc').replace('-', '_'), name: unique('科技服务平台体系'), sortOrder: 2 });
  const cityLab = await buildPlatformType(db, { systemId: labSystem, level: 'city' });
  const provincialLab = await buildPlatformType(db, { systemId: labSystem, level: 'provincial' });
  const incubator = await buildPlatformType(db, { systemId: serviceSystem, level: 'city' });
  const a = tree.countyA.id;
  await buildPlatform(db, { typeId: cityLab, regionId: a, recognizedOn: '2019-03-01', industry: '新材料' });
  await buildPlatform(db, { typeId: provincialLab, regionId: a, recognizedOn: '2021-03-01', industry: '新材料' });
  await buildPlatform(db, { typeId: incubator, regionId: a, recognizedOn: '2021-07-01', industry: '电子信息' });
  await buildPlatform(db, { typeId: cityLab, regionId: tree.countyB.id, recognizedOn: '2022-03-01' });
  await buildPlatform(db, { typeId: incubator, regionId: tree.city.id, recognizedOn: '2020-03-01', industry: '电子信息' });
  const revoked = await buildPlatform(db, { typeId: cityLab, regionId: a, recognizedOn: '2018-03-01' });
  await changePlatform(db, revoked, '2023-01-01', { status: 'revoked' });
  // Another city's platform never shows.
  await buildPlatform(db, { typeId: cityLab, recognizedOn: '2019-03-01' });

  const planId = await buildPlan(db, { regionId: tree.city.id });
  await buildTarget(db, { planId, kind: 'count', subject: '市级重点实验室15家以上', value: 15, typeIds: [cityLab] });
  unit = await buildOrganization(db, { name: unique('甲县人民政府'), kind: 'county_government', regionId: a });
  await buildTask(db, { planId, leadUnitIds: [unit], deadline: '2022-12-31', status: 'overdue' });
  await buildTask(db, { planId, leadUnitIds: [unit], deadline: '2099-12-31', status: 'in_progress' });

  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  countyCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: a })).username);
});

async function cockpit(cookie: string, asOf = '2024-06-30'): Promise<Cockpit> {
  const response = await t.app.inject({ url: `/api/cockpit?asOf=${asOf}`, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function follow(link: RecordLink, cookie: string): Promise<number> {
  const response = await t.app.inject({ url: `/api${link.to}`, query: { ...link.query, limit: '500' }, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().total;
}

describe('the cockpit', () => {
  it('counts the city’s live platforms by system, level, county and industry', async () => {
    const view = await cockpit(cityCookie);
    expect(view.scope.id).toBe(tree.city.id);
    expect(view.total.count).toBe(5);
    expect(view.bySystem.find((s) => s.id === labSystem)?.count).toBe(3);
    expect(view.bySystem.find((s) => s.id === serviceSystem)?.count).toBe(2);
    expect(Object.fromEntries(view.byLevel.map((l) => [l.level, l.count]))).toMatchObject({ city: 4, provincial: 1, national: 0 });
    expect(Object.fromEntries(view.byRegion.map((r) => [r.id, r.count]))).toEqual({
      [tree.countyA.id]: 3,
      [tree.countyB.id]: 1,
      [tree.city.id]: 1,
    });
    expect(view.byRegion.at(-1)).toMatchObject({ id: tree.city.id, name: `${tree.city.name}（本级）` });
    expect(Object.fromEntries(view.byIndustry.map((i) => [i.name, i.count]))).toEqual({ 电子信息: 2, 新材料: 2, 未填写: 1 });
    expect(view.byIndustry.at(-1)).toMatchObject({ industry: null, name: '未填写' });
    const cell = (regionId: string, systemId: string) =>
      view.coverage.cells.find((c) => c.regionId === regionId && c.systemId === systemId)?.count;
    expect(cell(tree.countyB.id, serviceSystem)).toBe(0);
    expect(cell(tree.countyA.id, labSystem)).toBe(2);
  });

  it('counts recognitions per year and level, revoked platforms included', async () => {
    const view = await cockpit(cityCookie);
    const year = (y: number) => view.trend.filter((row) => row.year === y).reduce((sum, row) => sum + row.count, 0);
    expect(view.trend[0]!.year).toBe(2018);
    expect([2018, 2019, 2020, 2021, 2022].map(year)).toEqual([1, 1, 1, 2, 1]);
  });

  it('shows the registry of an earlier day', async () => {
    expect((await cockpit(cityCookie, '2021-01-01')).total.count).toBe(3);
  });

  it('carries, for every figure, the query that lists exactly the platforms behind it', async () => {
    const view = await cockpit(cityCookie);
    const figures = [
      view.total,
      ...view.bySystem,
      ...view.byType,
      ...view.byLevel,
      ...view.byRegion,
      ...view.byIndustry,
      ...view.coverage.cells,
      ...view.trend,
    ];
    for (const figure of figures) expect(await follow(figure.link, cityCookie), JSON.stringify(figure.link)).toBe(figure.count);
    const target = view.targets.find((item) => item.subject === '市级重点实验室15家以上')!;
    expect(target.progress).toMatchObject({ current: 2, required: 15 });
    expect(await follow(target.link!, cityCookie)).toBe(2);
  });

  it('shows a county user only its own subtree', async () => {
    const view = await cockpit(countyCookie);
    expect(view.scope.id).toBe(tree.countyA.id);
    expect(view.total.count).toBe(3);
    expect(view.byRegion).toEqual([expect.objectContaining({ id: tree.countyA.id, count: 3 })]);
    expect(view.coverage.regions.map((r) => r.id)).toEqual([tree.countyA.id]);
    // Issue 11 point 5: the city target's figure is the city's (2), the county's part its contribution (1).
    expect(view.targets.find((item) => item.subject === '市级重点实验室15家以上')?.progress).toMatchObject({
      current: 2,
      isScopeLimited: true,
      contribution: { region: { id: tree.countyA.id }, current: 1 },
    });
    const outside = await t.app.inject({ url: `/api/cockpit/platforms?regionId=${tree.countyB.id}`, headers: { cookie: countyCookie } });
    expect(outside.statusCode).toBe(404);
    expect(await follow(view.total.link, countyCookie)).toBe(3);
  });

  it('shows the tasks by responsible unit with the late ones counted', async () => {
    const view = await cockpit(cityCookie);
    const row = view.tasksByUnit.find((u) => u.id === unit)!;
    expect(row).toMatchObject({ total: 2, late: 1, counts: { overdue: 1, in_progress: 1, done: 0 } });
    expect(await follow(row.link, cityCookie)).toBe(2);
  });

  it('shows current plans’ targets by default, and ended plans’ targets when asked', async () => {
    const afterPlan = await cockpit(cityCookie, '2026-06-30');
    expect(afterPlan.targets).toEqual([]);
    expect(afterPlan.endedPlanCount).toBe(1);
    const response = await t.app.inject({ url: '/api/cockpit?asOf=2026-06-30&includeEnded=true', headers: { cookie: cityCookie } });
    expect(response.json().targets.map((target: { subject: string }) => target.subject)).toEqual(['市级重点实验室15家以上']);
    const during = await cockpit(cityCookie, '2024-06-30');
    expect(during.targets).toHaveLength(1);
    expect(during.endedPlanCount).toBe(0);
  });

  it('is for leaders and staff, not for host organisations', async () => {
    const leader = await t.login((await buildUser(db, { role: 'leader', regionId: tree.city.id })).username);
    expect((await cockpit(leader)).total.count).toBe(5);
    const host = await t.login((await buildUser(db, { role: 'host_user', organizationId: unit })).username);
    expect((await t.app.inject({ url: '/api/cockpit', headers: { cookie: host } })).statusCode).toBe(403);
  });
});
