import { beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { type PlatformLevel, type PlatformStatus, platformStatuses, type PlatformQuery, rolePermissions, type Role } from '@stip/contracts';
import { createTestDb } from '../../../test/test-db';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegion, buildRegionTree, changePlatform } from '../../../test/factories';
import { platformTypes, platforms } from '../../db/schema/index';
import type { ActorContext } from '../../shared/context';
import { registryFilter } from './platforms.queries';
import { countRegistryRows, findRegistryRows, recountRegistryRows } from './platforms.repository';
import { seededRandom } from '../../shared/random';

/**
 * The registry list's total, answered from the maintained counts (platform_counts) when the filter allows,
 * against a recount over the versions in force and against the rows the list itself returns — for every
 * role's scope and many filters, on a seeded random registry with changes, revocations and soft deletes.
 */
const handle = await createTestDb();
const { db } = handle;

const next = seededRandom(20261205);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let zone: Awaited<ReturnType<typeof buildRegion>>;
let department: string;
const types: { id: string; level: PlatformLevel }[] = [];
let systemId: string;
const industries = ['天然气', '新材料', '现代农业', null];

function actorOf(role: Role, regionId: string | null, regionPath: string | null, organizationId: string | null = null): ActorContext {
  return {
    db,
    sourceIp: null,
    actor: { userId: crypto.randomUUID(), username: role, role, regionId, regionPath, organizationId, permissions: rolePermissions[role] },
  };
}

beforeAll(async () => {
  tree = await buildRegionTree(db);
  zone = await buildRegion(db, { parent: tree.city, level: 'zone' });
  department = await buildOrganization(db, { regionId: tree.city.id, kind: 'department' });
  const firstType = await buildPlatformType(db, { level: 'city' });
  const [first] = await db.select({ systemId: platformTypes.systemId }).from(platformTypes).where(eq(platformTypes.id, firstType));
  systemId = first!.systemId;
  types.push({ id: firstType, level: 'city' });
  types.push({ id: await buildPlatformType(db, { systemId, level: 'provincial' }), level: 'provincial' });
  types.push({ id: await buildPlatformType(db, { level: 'city', supervisorOrganizationId: department }), level: 'city' });
  types.push({ id: await buildPlatformType(db, { level: 'national' }), level: 'national' });
  const regionIds = [tree.city.id, tree.countyA.id, tree.countyB.id, zone.id];
  const hosts = [await buildOrganization(db, { regionId: tree.countyA.id }), await buildOrganization(db, { regionId: tree.countyB.id })];
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    ids.push(
      await buildPlatform(db, {
        typeId: pick(types).id,
        regionId: pick(regionIds),
        hostOrganizationId: pick(hosts),
        status: pick(['cultivating', 'constructing', 'operating'] as PlatformStatus[]),
        industry: pick(industries),
        validFrom: `20${10 + Math.floor(next() * 10)}-0${1 + Math.floor(next() * 9)}-15`,
      }),
    );
  }
  // Later states: moves, conversions, revocations, a new industry — each a new version through the one writer.
  for (const [index, id] of ids.entries()) {
    if (index % 3 === 0) await changePlatform(db, id, '2021-03-01', { regionId: pick(regionIds) });
    if (index % 4 === 0) await changePlatform(db, id, '2022-06-01', { typeId: pick(types).id, industry: pick(industries) });
    if (index % 7 === 0) await changePlatform(db, id, '2023-01-01', { status: pick(['revoked', 'rectifying'] as PlatformStatus[]) });
  }
  await db
    .update(platforms)
    .set({ deletedAt: new Date() })
    .where(
      inArray(
        platforms.id,
        ids.filter((_, index) => index % 11 === 5),
      ),
    );
});

const queries = (): { name: string; query: Partial<PlatformQuery> }[] => [
  { name: 'everything', query: {} },
  { name: 'county A', query: { regionId: tree.countyA.id } },
  { name: 'system', query: { systemId } },
  { name: 'levels', query: { level: ['city', 'national'] } },
  { name: 'one type', query: { typeId: [types[0]!.id] } },
  { name: 'statuses', query: { status: ['operating', 'rectifying'] } },
  { name: 'revoked', query: { status: ['revoked'] } },
  { name: 'industry', query: { industry: '天然气' } },
  { name: 'all together', query: { regionId: tree.city.id, level: ['city'], status: [...platformStatuses], industry: '新材料' } },
  { name: 'keyword (recounted)', query: { keyword: '平台' } },
];

const actors = () => [
  { name: 'city staff', ctx: actorOf('city_staff', tree.city.id, tree.city.path) },
  { name: 'county staff', ctx: actorOf('county_staff', tree.countyA.id, tree.countyA.path) },
  { name: 'leader', ctx: actorOf('leader', tree.city.id, tree.city.path) },
  { name: 'department staff', ctx: actorOf('department_staff', tree.city.id, tree.city.path, department) },
];

describe('the registry total from the maintained counts', () => {
  it('equals the recount and the number of rows listed, for every scope and filter', async () => {
    let nonZero = 0;
    for (const { name: actorName, ctx } of actors()) {
      for (const { name, query } of queries()) {
        if (actorName === 'county staff' && query.regionId && query.regionId !== tree.countyA.id) continue;
        const { filter } = await registryFilter(ctx, query as PlatformQuery);
        const total = await countRegistryRows(db, filter);
        const recounted = await recountRegistryRows(db, filter);
        const listed = await findRegistryRows(db, filter, { sort: 'name', order: 'asc' });
        expect(total, `${actorName}, ${name}: against the recount`).toBe(recounted);
        expect(total, `${actorName}, ${name}: against the rows listed`).toBe(listed.length);
        if (total > 0) nonZero++;
      }
    }
    // The registry does hold rows for most of them: comparing zeros would prove nothing.
    expect(nonZero).toBeGreaterThan(25);
  });

  it('stays equal after a platform is restored and another changes today', async () => {
    const ctx = actorOf('city_staff', tree.city.id, tree.city.path);
    const [deleted] = await db.select({ id: platforms.id }).from(platforms).where(isNotNull(platforms.deletedAt)).limit(1);
    await db.update(platforms).set({ deletedAt: null }).where(eq(platforms.id, deleted!.id));
    const [live] = await db.select({ id: platforms.id }).from(platforms).where(isNull(platforms.deletedAt)).limit(1);
    await changePlatform(db, live!.id, new Date().toISOString().slice(0, 10), { status: 'rectifying', industry: '天然气' });
    for (const query of [{}, { status: ['rectifying'] }, { industry: '天然气' }] as PlatformQuery[]) {
      const { filter } = await registryFilter(ctx, query);
      expect(await countRegistryRows(db, filter)).toBe(await recountRegistryRows(db, filter));
    }
  });
});
