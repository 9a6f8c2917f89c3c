import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql, type SQL } from 'drizzle-orm';
import { livePlatformStatuses, platformStatuses, type PlatformStatus } from '@stip/contracts';
import { createTestDb } from '../../../test/test-db';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, changePlatform } from '../../../test/factories';
import { platforms, platformVersions } from '../../db/schema/index';
import {
  type AdditionsSpec,
  countInForceByGroup,
  countNewPlatforms,
  countRecognitionsByYear,
  countRegisteredByIndustry,
  recountInForceByGroup,
  recountNewPlatforms,
  recountRecognitionsByYear,
} from './snapshot.repository';
import type { ResolvedCriteria, SnapshotGroup } from './targets.arithmetic';
import { seededRandom } from '../../shared/random';

/**
 * The maintained counts (platform_counts, platform_count_changes, kept by triggers) against a full
 * recount from platform_versions, on seeded random histories: platforms opened, changed through the
 * one version writer (moves, conversions, revocations, mergers, same-day replacements), rows edited
 * and deleted by SQL, platforms soft-deleted and restored — for many days and scopes, identical. The
 * same for 新建 (the platforms that entered a filter after a baseline), answered from the maintained
 * first entries (platform_entries) against the recount from the versions, for many filters, days and
 * baselines — a plan's start and each plan year's, as the added-basis and yearly targets ask.
 */
const handle = await createTestDb();
const { db } = handle;

const next = seededRandom(20261204);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let regionIds: string[];
let types: string[];
const days: string[] = [];

const key = (g: SnapshotGroup) => `${g.typeId}|${g.regionId}|${g.status}|${g.industry || ''}`;
const normalise = (groups: SnapshotGroup[]) => {
  const totals = new Map<string, number>();
  for (const g of groups) totals.set(key(g), (totals.get(key(g)) ?? 0) + g.count);
  return [...totals.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b));
};
const byYear = (rows: { year: number; typeId: string; count: number }[]) => rows.map((r) => `${r.year}|${r.typeId}|${r.count}`).sort();

const scopes = () => [
  { name: 'everything', scope: undefined },
  { name: 'county A', scope: sql`${platformVersions.regionId} in (${tree.countyA.id}::uuid)` },
  {
    name: 'city subtree',
    scope: sql`${platformVersions.regionId} in (${sql.join(
      regionIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  },
];

async function expectIdentical(stage: string) {
  for (const { name, scope } of scopes()) {
    for (const day of days) {
      for (const industry of [false, true]) {
        const maintained = await countInForceByGroup(db, day, scope, { industry, byRegionAndType: true });
        const recounted = await recountInForceByGroup(db, day, scope, { industry });
        expect(normalise(maintained), `${stage}: ${name} on ${day}${industry ? ' by industry' : ''}`).toEqual(normalise(recounted));
      }
      for (const within of [regionIds, [tree.countyA.id]]) {
        const byIndustry = (rows: { industry: string | null; count: number }[]) => rows.map((r) => `${r.industry}|${r.count}`).sort();
        const maintainedByIndustry = await countRegisteredByIndustry(db, day, scope, within, { byRegionAndType: true });
        const recountedByIndustry = await countRegisteredByIndustry(db, day, scope, within);
        expect(byIndustry(maintainedByIndustry), `${stage}: 在册 by industry, ${name} on ${day}`).toEqual(byIndustry(recountedByIndustry));
      }
      const maintained = await countRecognitionsByYear(db, day, regionIds, scope, { byRegionAndType: true });
      const recounted = await recountRecognitionsByYear(db, day, regionIds, scope);
      expect(byYear(maintained), `${stage}: recognitions, ${name} on ${day}`).toEqual(byYear(recounted));
    }
    await expectAdditionsIdentical(`${stage}: ${name}`, scope);
  }
}

/** Filters as targets resolve them: by type, level-like type sets, statuses, region subtrees, or nothing. */
const filters = (): { name: string; criteria: ResolvedCriteria }[] => {
  const live = new Set(livePlatformStatuses);
  const city = new Set(regionIds);
  return [
    { name: 'one type, live, city', criteria: { typeIds: new Set([types[0]!]), statuses: live, regionIds: city } },
    { name: 'two types, live, city', criteria: { typeIds: new Set([types[0]!, types[1]!]), statuses: live, regionIds: city } },
    {
      name: 'one type, any status, county A',
      criteria: { typeIds: new Set([types[2]!]), statuses: null, regionIds: new Set([tree.countyA.id]) },
    },
    {
      name: 'any type, live, counties',
      criteria: { typeIds: null, statuses: live, regionIds: new Set([tree.countyA.id, tree.countyB.id]) },
    },
    { name: 'anything', criteria: { typeIds: null, statuses: null, regionIds: null } },
    { name: 'operating only', criteria: { typeIds: new Set(types), statuses: new Set(['operating'] as const), regionIds: city } },
    { name: 'no type', criteria: { typeIds: new Set(), statuses: live, regionIds: city } },
  ];
};
/** Baselines: plan starts (the day before) and plan-year ends, before, inside and after the histories. */
const baselines = ['2017-12-31', '2018-12-31', '2019-06-30', '2020-12-31', '2021-12-31', '2022-06-14', '2023-12-31', '2030-01-01'];

async function expectAdditionsIdentical(stage: string, scope: SQL | undefined) {
  const specs: (AdditionsSpec & { name: string })[] = [];
  for (const { name, criteria } of filters()) {
    for (const baselineDate of baselines) {
      for (const day of days.filter((_, index) => index % 4 === 0)) {
        if (day > baselineDate) specs.push({ name, criteria, baselineDate, day });
      }
    }
  }
  // All at once, as a cockpit asks (one round trip), against the recount (one pass per day).
  const maintained = await countNewPlatforms(db, specs, scope);
  const recounted: number[] = new Array<number>(specs.length).fill(-1);
  for (const day of new Set(specs.map((spec) => spec.day))) {
    const onDay = specs.flatMap((spec, index) => (spec.day === day ? [index] : []));
    const counted = await recountNewPlatforms(
      db,
      day,
      onDay.map((index) => specs[index]!),
      scope,
    );
    onDay.forEach((index, position) => (recounted[index] = counted[position]!));
  }
  const label = (spec: (typeof specs)[number]) => `${spec.name}, after ${spec.baselineDate}, on ${spec.day}`;
  expect(
    specs.map((spec, index) => `${label(spec)}: ${maintained[index]}`),
    `${stage}: 新建`,
  ).toEqual(specs.map((spec, index) => `${label(spec)}: ${recounted[index]}`));
  // The histories do hold additions: a test that compares zeros proves nothing.
  expect(recounted.filter((n) => n > 0).length, `${stage}: specs with additions`).toBeGreaterThan(specs.length / 4);
}

const platformIds: string[] = [];

beforeAll(async () => {
  tree = await buildRegionTree(db);
  regionIds = [tree.city.id, tree.countyA.id, tree.countyB.id];
  types = [
    await buildPlatformType(db, { level: 'city' }),
    await buildPlatformType(db, { level: 'provincial' }),
    await buildPlatformType(db, { level: 'county' }),
  ];
  const host = await buildOrganization(db, { regionId: tree.city.id });
  const industries = ['新材料', '电子信息', null, ''];
  const statuses: PlatformStatus[] = ['cultivating', 'constructing', 'operating', 'rectifying'];
  for (let i = 0; i < 60; i++) {
    const start = addDays('2018-01-01', Math.floor(next() * 2000));
    const id = await buildPlatform(db, {
      typeId: pick(types),
      regionId: pick(regionIds),
      hostOrganizationId: host,
      status: pick(statuses),
      industry: pick(industries),
      recognizedOn: next() < 0.8 ? start : null,
      validFrom: start,
    });
    platformIds.push(id);
    let day = start;
    const changes = Math.floor(next() * 5);
    for (let c = 0; c < changes; c++) {
      // Now and then a change on the very day the current state began (it replaces it: an empty range stays).
      day = next() < 0.15 ? day : addDays(day, 1 + Math.floor(next() * 500));
      const change = next();
      await changePlatform(
        db,
        id,
        day,
        change < 0.3
          ? { typeId: pick(types) }
          : change < 0.5
            ? { regionId: pick(regionIds) }
            : change < 0.6
              ? { industry: pick(industries) }
              : { status: pick(platformStatuses) },
      );
    }
  }
  for (let d = 0; d < 25; d++) days.push(addDays('2017-12-31', Math.floor(next() * 3300)));
  // And the edges of the monthly and yearly rollups.
  days.push('2017-01-01', '2019-12-31', '2020-01-01', '2020-02-29', '2020-03-01', '2021-06-30', '2021-07-01', '2099-12-31');
});

describe('the maintained registry counts', () => {
  it('equal a full recount on every day and scope after the histories are written', { timeout: 120_000 }, async () => {
    await expectIdentical('written');
  });

  it('stay equal after soft deletes, restores, row edits and row deletions', { timeout: 180_000 }, async () => {
    for (const id of platformIds.filter(() => next() < 0.25)) {
      await db.update(platforms).set({ deletedAt: new Date() }).where(eq(platforms.id, id));
    }
    await expectIdentical('deleted');
    const deleted = await db
      .select({ id: platforms.id })
      .from(platforms)
      .where(sql`${platforms.deletedAt} is not null`);
    for (const { id } of deleted.filter(() => next() < 0.5)) {
      await db.update(platforms).set({ deletedAt: null }).where(eq(platforms.id, id));
    }
    // A no-op on deleted_at (deleted again while deleted) must not count twice.
    await db.execute(sql`update ${platforms} set deleted_at = now() where deleted_at is not null`);
    await expectIdentical('restored');
    const rows = await db.select({ id: platformVersions.id }).from(platformVersions);
    for (const { id } of rows.filter(() => next() < 0.1)) {
      await db
        .update(platformVersions)
        .set({ regionId: pick(regionIds), recognizedOn: next() < 0.5 ? null : '2020-05-05', name: 'renamed' })
        .where(eq(platformVersions.id, id));
    }
    for (const { id } of rows.filter(() => next() < 0.05)) {
      await db.execute(sql`update ${platformVersions} set valid_to = null where id = ${id} and valid_to is not null`);
    }
    for (const { id } of rows.filter(() => next() < 0.08)) {
      await db.delete(platformVersions).where(eq(platformVersions.id, id));
    }
    await expectIdentical('edited');
  });

  it('are rebuilt from the history exactly (the migration backfill and a bulk load with triggers off)', { timeout: 120_000 }, async () => {
    const tables = sql`(select 'changes' as t, day::text as a, type_id::text as b, region_id::text as c, status::text as d, industry || '|' || recognized_year || '|' || delta as e from platform_count_changes
      union all select 'entries', first_from::text, platform_id::text, type_id::text, region_id::text, status::text from platform_entries
      union all select 'rollups', span || period, type_id::text, region_id::text, status::text, delta::text from platform_count_rollups) maintained order by 1, 2, 3, 4, 5, 6`;
    const before = await db.execute(sql`select * from ${tables}`);
    await db.execute(sql`select platform_counts_rebuild()`);
    const after = await db.execute(sql`select * from ${tables}`);
    expect((after as unknown as { rows: unknown[] }).rows).toEqual((before as unknown as { rows: unknown[] }).rows);
    await expectIdentical('rebuilt');
  });
});
