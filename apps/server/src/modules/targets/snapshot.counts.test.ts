import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { platformStatuses, type PlatformStatus } from '@stip/contracts';
import { createTestDb } from '../../../test/test-db';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, changePlatform } from '../../../test/factories';
import { platforms, platformVersions } from '../../db/schema/index';
import { countInForceByGroup, countRecognitionsByYear, recountInForceByGroup, recountRecognitionsByYear } from './snapshot.repository';
import type { SnapshotGroup } from './targets.arithmetic';

/**
 * The maintained counts (platform_counts, platform_count_changes, kept by triggers) against a full
 * recount from platform_versions, on seeded random histories: platforms opened, changed through the
 * one version writer (moves, conversions, revocations, mergers, same-day replacements), rows edited
 * and deleted by SQL, platforms soft-deleted and restored — for many days and scopes, identical.
 */
const handle = await createTestDb();
const { db } = handle;

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261204);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let regionIds: string[];
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
      const maintained = await countRecognitionsByYear(db, day, regionIds, scope, { byRegionAndType: true });
      const recounted = await recountRecognitionsByYear(db, day, regionIds, scope);
      expect(byYear(maintained), `${stage}: recognitions, ${name} on ${day}`).toEqual(byYear(recounted));
    }
  }
}

const platformIds: string[] = [];

beforeAll(async () => {
  tree = await buildRegionTree(db);
  regionIds = [tree.city.id, tree.countyA.id, tree.countyB.id];
  const types = [
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
  days.push('2017-01-01', '2099-12-31');
});

describe('the maintained registry counts', () => {
  it('equal a full recount on every day and scope after the histories are written', async () => {
    await expectIdentical('written');
  });

  it('stay equal after soft deletes, restores, row edits and row deletions', async () => {
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

  it('are rebuilt from the history exactly (the migration backfill and a bulk load with triggers off)', async () => {
    const before = await db.execute(sql`select * from platform_count_changes order by 1, 2, 3, 4, 5, 6`);
    await db.execute(sql`select platform_counts_rebuild()`);
    const after = await db.execute(sql`select * from platform_count_changes order by 1, 2, 3, 4, 5, 6`);
    expect((after as unknown as { rows: unknown[] }).rows).toEqual((before as unknown as { rows: unknown[] }).rows);
    await expectIdentical('rebuilt');
  });
});
