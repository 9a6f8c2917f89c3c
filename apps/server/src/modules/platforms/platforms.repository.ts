import { and, asc, count, desc, eq, inArray, isNull, ne, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlatformLevel, PlatformStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { organizations, platformCounts, platformSystems, platformTypes, platformVersions, platforms, regions } from '../../db/schema/index';
import { escapeLike, likePrefix } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';
import { endedPlatformStatuses } from './platforms.lifecycle';
import { inForceOn } from './platforms.versions';

export type PlatformVersionRow = typeof platformVersions.$inferSelect;

/** What narrows the registry: the actor's scope (from the policy) and the user's filters. */
export interface RegistryFilter {
  scope: SQL | undefined;
  /** The scope reads only a version's region and type (`isScopeByRegionAndType`), so the maintained counts can answer a total. */
  scopeByRegionAndType?: boolean;
  /** The registry as it stood on that day; null for the current registry. */
  asOf: string | null;
  systemId?: string | undefined;
  typeIds?: string[] | undefined;
  levels?: PlatformLevel[] | undefined;
  /** Materialised path of a region: platforms located anywhere in its subtree. */
  regionPath?: string | undefined;
  statuses?: PlatformStatus[] | undefined;
  industry?: string | undefined;
  hostOrganizationId?: string | undefined;
  keyword?: string | undefined;
}

export type RegistrySort = 'name' | 'recognizedOn' | 'updatedAt' | 'level' | 'typeName' | 'regionName' | 'status';

/** Another platform's name as it read on a day (or the newest, when no day is given). */
const referencedAlias = 'referenced';
const referenced = alias(platformVersions, referencedAlias);
function referencedName(platformId: AnyColumn, asOf: SQL | null) {
  const order = asOf ? sql`(${referenced.validFrom} <= ${asOf}) desc, ${referenced.version} desc` : sql`${referenced.version} desc`;
  return sql<
    string | null
  >`(select ${referenced.name} from ${platformVersions} as ${sql.identifier(referencedAlias)} where ${referenced.platformId} = ${platformId} order by ${order} limit 1)`;
}

/** The columns of one platform state with the names a reader needs, as of `asOf` for referenced platforms. */
function recordFields(asOf: SQL | null) {
  return {
    id: platforms.id,
    isDemo: platforms.isDemo,
    lockVersion: platforms.version,
    updatedAt: platforms.updatedAt,
    version: platformVersions.version,
    versionId: platformVersions.id,
    validFrom: platformVersions.validFrom,
    validTo: platformVersions.validTo,
    name: platformVersions.name,
    typeId: platformVersions.typeId,
    typeName: platformTypes.name,
    systemId: platformTypes.systemId,
    systemName: platformSystems.name,
    level: platformTypes.level,
    hostOrganizationId: platformVersions.hostOrganizationId,
    hostOrganizationName: organizations.name,
    coBuilderIds: platformVersions.coBuilderIds,
    /** The co-builders with their names, in the order recorded (soft-deleted organisations still named). */
    coBuilders: sql<
      { id: string; name: string }[]
    >`(select coalesce(json_agg(json_build_object('id', co.id, 'name', co.name) order by u.n), '[]'::json)
      from unnest(${platformVersions.coBuilderIds}) with ordinality as u(id, n) join ${organizations} co on co.id = u.id)`,
    regionId: platformVersions.regionId,
    regionName: regions.name,
    regionPath: regions.path,
    industry: platformVersions.industry,
    technicalFields: platformVersions.technicalFields,
    director: platformVersions.director,
    status: platformVersions.status,
    recognitionDocNo: platformVersions.recognitionDocNo,
    recognizedOn: platformVersions.recognizedOn,
    constructionEndsOn: platformVersions.constructionEndsOn,
    parentPlatformId: platformVersions.parentPlatformId,
    parentPlatformName: referencedName(platformVersions.parentPlatformId, asOf),
    successorPlatformId: platformVersions.successorPlatformId,
    successorPlatformName: referencedName(platformVersions.successorPlatformId, asOf),
    remarks: platformVersions.remarks,
    changeNote: platformVersions.changeNote,
    recordedAt: platformVersions.recordedAt,
    recordedById: platformVersions.recordedBy,
  };
}

/** Platform states with the names a reader needs, joined to their type, system, host and region. */
function selectRecords(db: Executor, asOf: SQL | null) {
  return db
    .select(recordFields(asOf))
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .innerJoin(platformSystems, eq(platformSystems.id, platformTypes.systemId))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId));
}

/** The keys the counts group by, for the registry rows a filter admits (same joins and conditions as the list). */
function registryKeys(db: Executor, filter: RegistryFilter) {
  return db
    .select({
      platformId: platformVersions.platformId,
      systemId: platformTypes.systemId,
      level: platformTypes.level,
      status: platformVersions.status,
      industry: platformVersions.industry,
      regionId: regions.id,
      regionName: regions.name,
      regionSort: regions.sortOrder,
      regionPath: regions.path,
    })
    .from(platformVersions)
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(registryWhere(filter))
    .as('registry');
}

/**
 * The registry rows a filter admits, from `platform_versions` with only the joins its conditions (and `sortedBy`)
 * need. Every joined table is reached through a NOT NULL foreign key, so a join never changes which rows there
 * are — leaving the unneeded ones out changes nothing but the work: on 10,000 platforms the page and the count
 * each planned and joined six tables per request.
 */
function narrowRegistry<T extends Record<string, unknown>>(db: Executor, fields: T, filter: RegistryFilter, sortedBy: RegistrySort | null) {
  let query = db
    .select(fields as never)
    .from(platformVersions)
    .$dynamic();
  if (sortedBy === 'updatedAt') query = query.innerJoin(platforms, eq(platforms.id, platformVersions.platformId));
  if (filter.systemId || filter.levels?.length || sortedBy === 'level' || sortedBy === 'typeName')
    query = query.innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId));
  if (filter.keyword) query = query.innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId));
  if (sortedBy === 'regionName') query = query.innerJoin(regions, eq(regions.id, platformVersions.regionId));
  return query.where(registryWhere(filter));
}

/** The platform is not soft-deleted: an anti-join on the few deleted ones, so no join with `platforms` is needed. */
const platformNotDeleted = sql`${platformVersions.platformId} not in (select ${platforms.id} from ${platforms} where ${platforms.deletedAt} is not null)`;

function registryWhere(filter: RegistryFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [platformNotDeleted, inForceOn(filter.asOf), filter.scope];
  if (filter.systemId) conditions.push(eq(platformTypes.systemId, filter.systemId));
  if (filter.typeIds?.length) conditions.push(inArray(platformVersions.typeId, filter.typeIds));
  if (filter.levels?.length) conditions.push(inArray(platformTypes.level, filter.levels));
  if (filter.regionPath) conditions.push(sql`${platformVersions.regionId} in ${subtreeIdsSql(filter.regionPath)}`);
  if (filter.statuses?.length) conditions.push(inArray(platformVersions.status, filter.statuses));
  if (filter.industry) conditions.push(eq(platformVersions.industry, filter.industry));
  if (filter.hostOrganizationId) conditions.push(eq(platformVersions.hostOrganizationId, filter.hostOrganizationId));
  if (filter.keyword) {
    const pattern = escapeLike(filter.keyword);
    conditions.push(
      or(
        sql`${platformVersions.name} ilike ${pattern}`,
        sql`${organizations.name} ilike ${pattern}`,
        sql`${platformVersions.director} ilike ${pattern}`,
        sql`exists (select 1 from unnest(${platformVersions.technicalFields}) as field where field ilike ${pattern})`,
      ),
    );
  }
  return and(...conditions);
}

const sortColumns: Record<RegistrySort, AnyColumn> = {
  name: platformVersions.name,
  recognizedOn: platformVersions.recognizedOn,
  updatedAt: platforms.updatedAt,
  level: platformTypes.level,
  typeName: platformTypes.name,
  regionName: regions.name,
  status: platformVersions.status,
};

function registryOrder(sort: RegistrySort, order: 'asc' | 'desc'): SQL[] {
  const direction = order === 'asc' ? sql`asc nulls last` : sql`desc nulls last`;
  // Ties break on name, then the platform's id, so pages and exports list rows in one stable order.
  return [sql`${sortColumns[sort]} ${direction}`, asc(platformVersions.name), asc(platformVersions.platformId)];
}

export type PlatformRecordRow = Awaited<ReturnType<typeof selectRecords>>[number];

/**
 * One page (or, without `limit`, all) of the registry's rows in the requested order, in two short steps: the
 * page's rows are chosen from the narrow rows (`narrowRegistry`), then only those are read in full with their
 * names (`findRecordsByVersionIds`). One query doing both made PostgreSQL plan a join of nine relations on every
 * request, which cost more than running it.
 */
export async function findRegistryRows(
  db: Executor,
  filter: RegistryFilter,
  page: { sort: RegistrySort; order: 'asc' | 'desc'; limit?: number; offset?: number },
) {
  const chosen = narrowRegistry(db, { id: platformVersions.id }, filter, page.sort).orderBy(...registryOrder(page.sort, page.order));
  if (page.limit !== undefined) chosen.limit(page.limit);
  if (page.offset) chosen.offset(page.offset);
  const ids = ((await chosen) as { id: string }[]).map((row) => row.id);
  return findRecordsByVersionIds(db, ids, filter.asOf);
}

/**
 * Platform states by version id, built once and prepared: the statement joins six tables and three subqueries,
 * which PostgreSQL took longer to plan (about 2 ms) than to run (about 1 ms), and its plan does not depend on the
 * page's ids — a generic plan is as good. The ids are one array parameter, so the text is the same for any page.
 */
const recordsByVersionIds = preparedQuery((db) =>
  selectRecords(db, null).where(sql`${platformVersions.id} = any(${sql.placeholder('ids')}::uuid[])`),
);
const recordsByVersionIdsAsOf = preparedQuery((db) =>
  selectRecords(db, sql`${sql.placeholder('asOf')}::date`).where(sql`${platformVersions.id} = any(${sql.placeholder('ids')}::uuid[])`),
);

/** Platform states by version id, with their names (as of `asOf` for referenced platforms), in the order of `ids`. */
async function findRecordsByVersionIds(db: Executor, ids: readonly string[], asOf: string | null) {
  if (!ids.length) return [];
  const values = { ids: `{${ids.join(',')}}`, asOf };
  const rows = await (asOf ? recordsByVersionIdsAsOf(db, values) : recordsByVersionIds(db, values));
  const position = new Map(ids.map((id, index) => [id, index]));
  return rows.sort((a, b) => position.get(a.versionId)! - position.get(b.versionId)!);
}

/**
 * One page of the platform states in force on `day` that `condition` admits, by name: the registry read other
 * modules list platforms with (a target's matching platforms, the cockpit's drill-down), through `findPlatformsInForce`.
 */
export function findRecordsInForce(db: Executor, day: string, condition: SQL | undefined, page: { limit: number; offset: number }) {
  return selectRecords(db, sql`${day}::date`)
    .where(and(isNull(platforms.deletedAt), inForceOn(day), condition))
    .orderBy(asc(platformVersions.name), asc(platforms.id))
    .limit(page.limit)
    .offset(page.offset);
}

/** How many of the registry's rows a filter admits: from the maintained counts when they can answer, else recounted. */
export async function countRegistryRows(db: Executor, filter: RegistryFilter): Promise<number> {
  if (countsCanAnswer(filter)) return sumMaintainedCounts(db, filter);
  return recountRegistryRows(db, filter);
}

/** The total by a pass over the versions in force (any filter). */
export async function recountRegistryRows(db: Executor, filter: RegistryFilter): Promise<number> {
  const [row] = (await narrowRegistry(db, { total: count() }, filter, null)) as { total: number }[];
  return Number(row?.total ?? 0);
}

/**
 * Whether `platform_counts` holds the answer: the current registry (not a day past), filtered only by what its
 * groups carry — type (so system and level), region, status and industry — within a scope of region and type.
 * A keyword or a host organisation needs the rows themselves.
 */
function countsCanAnswer(filter: RegistryFilter): boolean {
  return filter.asOf === null && filter.scopeByRegionAndType === true && !filter.keyword && !filter.hostOrganizationId;
}

/**
 * The total as a sum over the maintained counts (`platform_counts`, kept by triggers in the same transaction as
 * every version write; soft-deleted platforms contribute nothing): a few thousand groups instead of every version
 * in force. The groups are read under the name `platform_versions` (an inlined CTE), so the policy's scope —
 * written against the version's region and type columns — applies to them unchanged. Identical to
 * `recountRegistryRows`, which platforms.counts.test.ts compares it with.
 */
async function sumMaintainedCounts(db: Executor, filter: RegistryFilter): Promise<number> {
  const typeIn = (condition: SQL) =>
    sql`${platformVersions.typeId} in (select ${platformTypes.id} from ${platformTypes} where ${condition})`;
  const conditions: (SQL | undefined)[] = [filter.scope];
  if (filter.systemId) conditions.push(typeIn(eq(platformTypes.systemId, filter.systemId)));
  if (filter.levels?.length) conditions.push(typeIn(inArray(platformTypes.level, filter.levels)));
  if (filter.typeIds?.length) conditions.push(inArray(platformVersions.typeId, filter.typeIds));
  if (filter.regionPath) conditions.push(sql`${platformVersions.regionId} in ${subtreeIdsSql(filter.regionPath)}`);
  if (filter.statuses?.length) conditions.push(inArray(platformVersions.status, filter.statuses));
  if (filter.industry) conditions.push(eq(platformVersions.industry, filter.industry));
  const result = (await db.execute(sql`with platform_versions as (
      select ${platformCounts.typeId}, ${platformCounts.regionId}, ${platformCounts.status}, ${platformCounts.industry}, ${platformCounts.count}
      from ${platformCounts})
    select coalesce(sum(count), 0)::int as total from platform_versions where ${and(...conditions) ?? sql`true`}`)) as unknown as {
    rows: { total: number | string }[];
  };
  return Number(result.rows[0]?.total ?? 0);
}

/** The registry's rows counted by system, level and status. */
export async function countRegistryBy(db: Executor, filter: RegistryFilter) {
  const registry = registryKeys(db, filter);
  const [bySystem, byLevel, byStatus] = await Promise.all([
    db.select({ id: registry.systemId, count: count() }).from(registry).groupBy(registry.systemId),
    db.select({ level: registry.level, count: count() }).from(registry).groupBy(registry.level),
    db.select({ status: registry.status, count: count() }).from(registry).groupBy(registry.status),
  ]);
  return { bySystem, byLevel, byStatus };
}

/**
 * The regions directly under `root` (the top-level regions when null), each with the number of the
 * registry's rows located anywhere in its subtree.
 */
export async function countRegistryByChildRegion(db: Executor, filter: RegistryFilter, root: { id: string; path: string } | null) {
  const registry = registryKeys(db, filter);
  // A row's ancestor directly under the root is the path segment right after the root's own path.
  const start = (root?.path.length ?? 1) + 1;
  const childId = sql<string>`substr(${registry.regionPath}, ${sql.raw(String(start))}, 36)`;
  const counted = db
    .select({ childId: childId.as('child_id'), count: count().as('count') })
    .from(registry)
    .where(root ? sql`${registry.regionPath} like ${likePrefix(root.path)}` : undefined)
    .groupBy(childId)
    .as('counted');
  const child = alias(regions, 'child');
  return db
    .select({ id: child.id, name: child.name, count: sql<number>`coalesce(${counted.count}, 0)`.mapWith(Number) })
    .from(child)
    .leftJoin(counted, eq(counted.childId, sql`${child.id}::text`))
    .where(root ? eq(child.parentId, root.id) : isNull(child.parentId))
    .orderBy(asc(child.sortOrder), asc(child.name));
}

/** Counts per region the platforms lie in, only regions with any (a host organisation's chart: where its platforms are). */
export async function countRegistryByOwnRegion(db: Executor, filter: RegistryFilter) {
  const registry = registryKeys(db, filter);
  return db
    .select({ id: registry.regionId, name: registry.regionName, count: count().mapWith(Number) })
    .from(registry)
    .groupBy(registry.regionId, registry.regionName, registry.regionSort)
    .orderBy(asc(registry.regionSort), asc(registry.regionName));
}

export function findPlatformSystems(db: Executor) {
  return db
    .select({ id: platformSystems.id, name: platformSystems.name })
    .from(platformSystems)
    .orderBy(asc(platformSystems.sortOrder), asc(platformSystems.name));
}

/** The distinct industries of the registry rows a filter admits. */
export async function findRegistryIndustries(db: Executor, filter: RegistryFilter): Promise<string[]> {
  const registry = registryKeys(db, filter);
  const rows = await db
    .selectDistinct({ industry: registry.industry })
    .from(registry)
    .where(sql`${registry.industry} is not null and ${registry.industry} <> ''`)
    .orderBy(asc(registry.industry));
  return rows.map((row) => row.industry!);
}

/** The current state of a live platform, if the scope admits it. */
export async function getCurrentRecord(db: Executor, id: string, scope: SQL | undefined): Promise<PlatformRecordRow | undefined> {
  const [row] = await selectRecords(db, null).where(
    and(eq(platforms.id, id), isNull(platforms.deletedAt), isNull(platformVersions.validTo), scope),
  );
  return row;
}

/** Every state of a platform, newest first; referenced platforms are named as they read when each state began. */
export function findHistoryRows(db: Executor, id: string) {
  return selectRecords(db, platformVersions.validFrom.getSQL())
    .where(eq(platformVersions.platformId, id))
    .orderBy(desc(platformVersions.version));
}

/** Live organisations by id with their region's path, which decides whether the actor may reference them. */
export function findLiveOrganizations(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: organizations.id, name: organizations.name, regionPath: regions.path })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(inArray(organizations.id, [...new Set(ids)]), isNull(organizations.deletedAt)));
}

/** A platform type (any, retired included), for checking it still accepts platforms. */
export async function getPlatformTypeRecord(db: Executor, id: string) {
  const [row] = await db.select().from(platformTypes).where(eq(platformTypes.id, id));
  return row;
}

export async function findPlatformTypeNames(db: Executor, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.select({ name: platformTypes.name }).from(platformTypes).where(inArray(platformTypes.id, ids));
  return rows.map((row) => row.name);
}

export async function getPlatformSystemName(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: platformSystems.name }).from(platformSystems).where(eq(platformSystems.id, id));
  return row?.name;
}

/** The parent a live platform currently names, for walking up the parent chain. */
export async function getCurrentParentId(db: Executor, id: string): Promise<string | null> {
  const [row] = await db
    .select({ parentId: platformVersions.parentPlatformId })
    .from(platformVersions)
    .where(and(eq(platformVersions.platformId, id), isNull(platformVersions.validTo)));
  return row?.parentId ?? null;
}

/**
 * The current state of the live platform with this name and host (any host when null; the oldest
 * such platform when several match). `version` is the platform's optimistic lock.
 */
export async function findCurrentPlatformByNameAndHost(
  db: Executor,
  name: string,
  hostOrganizationId: string | null,
): Promise<(Omit<PlatformVersionRow, 'id' | 'version'> & { id: string; version: number }) | undefined> {
  const [row] = await db
    .select({ platform: platforms, state: platformVersions })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        eq(platformVersions.name, name.trim()),
        hostOrganizationId ? eq(platformVersions.hostOrganizationId, hostOrganizationId) : undefined,
        isNull(platformVersions.validTo),
        isNull(platforms.deletedAt),
      ),
    )
    .orderBy(asc(platforms.createdAt), asc(platforms.id))
    .limit(1);
  if (!row) return undefined;
  return { ...row.state, id: row.platform.id, version: row.platform.version };
}

/** Whether another live platform already has this name under this host. */
export async function existsOtherWithNameAndHost(db: Executor, name: string, hostOrganizationId: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: platforms.id })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        eq(platformVersions.name, name),
        eq(platformVersions.hostOrganizationId, hostOrganizationId),
        isNull(platformVersions.validTo),
        isNull(platforms.deletedAt),
        exceptId ? ne(platforms.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Names of live platforms whose current state points at this one as parent or successor. */
export async function findPlatformsReferencing(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .select({ name: platformVersions.name })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        isNull(platformVersions.validTo),
        isNull(platforms.deletedAt),
        or(eq(platformVersions.parentPlatformId, id), eq(platformVersions.successorPlatformId, id)),
      ),
    )
    .limit(5);
  return rows.map((row) => row.name);
}

/**
 * The current versions of the platforms of a type that still exist (not revoked or merged, not
 * deleted; such platforms keep their type when it is retired), locking their platforms against concurrent edits until the transaction ends.
 */
export function lockLiveVersionsOfType(db: Executor, typeId: string) {
  return db
    .select({
      platformId: platformVersions.platformId,
      name: platformVersions.name,
      version: platformVersions.version,
      validFrom: platformVersions.validFrom,
    })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        eq(platformVersions.typeId, typeId),
        inForceOn(null),
        notInArray(platformVersions.status, [...endedPlatformStatuses]),
        isNull(platforms.deletedAt),
      ),
    )
    .orderBy(asc(platformVersions.name))
    .for('update', { of: platforms });
}

/** Soft-deletes a platform entered by mistake, if it still is at `version`. */
export async function softDeletePlatform(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db
    .update(platforms)
    .set({ deletedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(platforms.id, id), eq(platforms.version, version), isNull(platforms.deletedAt)))
    .returning({ id: platforms.id });
  return rows.length === 1;
}
