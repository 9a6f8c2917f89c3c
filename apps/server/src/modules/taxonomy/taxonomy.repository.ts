import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PlatformLevel, PlatformStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { organizations, platformSystems, platformTypes, platformVersions, platforms } from '../../db/schema/index';
import { inForceOn } from '../platforms';

export type PlatformSystemRow = typeof platformSystems.$inferSelect;
export type PlatformTypeRecord = typeof platformTypes.$inferSelect;

/** Statuses whose platforms count as "live" in a type's platform count. */
export const countedStatuses: PlatformStatus[] = ['constructing', 'operating', 'rectifying', 'cultivating'];

export function findSystemRows(db: Executor): Promise<PlatformSystemRow[]> {
  return db.select().from(platformSystems).orderBy(asc(platformSystems.sortOrder), asc(platformSystems.name));
}

export async function getSystemRow(db: Executor, id: string): Promise<PlatformSystemRow | undefined> {
  const [row] = await db.select().from(platformSystems).where(eq(platformSystems.id, id));
  return row;
}

/** A system already using this code or this name, if any. */
export async function findSystemByCodeOrName(db: Executor, code: string, name: string): Promise<PlatformSystemRow | undefined> {
  const [row] = await db
    .select()
    .from(platformSystems)
    .where(or(eq(platformSystems.code, code), eq(platformSystems.name, name)))
    .limit(1);
  return row;
}

export async function insertSystem(
  db: Executor,
  values: Pick<PlatformSystemRow, 'code' | 'name' | 'description' | 'sortOrder'>,
): Promise<PlatformSystemRow> {
  const [row] = await db.insert(platformSystems).values(values).returning();
  return row!;
}

/** The system of this name, if any. */
export async function findSystemByName(db: Executor, name: string): Promise<PlatformSystemRow | undefined> {
  const [row] = await db.select().from(platformSystems).where(eq(platformSystems.name, name)).limit(1);
  return row;
}

/** Applies `changes` only if the system is still at `version`; the updated row, or undefined when someone changed it first. */
export async function updateSystemVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Pick<PlatformSystemRow, 'name' | 'description' | 'sortOrder'>>,
): Promise<PlatformSystemRow | undefined> {
  const [row] = await db
    .update(platformSystems)
    .set({ ...changes, version: sql`${platformSystems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(platformSystems.id, id), eq(platformSystems.version, version)))
    .returning();
  return row;
}

const successorTypes = alias(platformTypes, 'successor_types');
const supervisors = alias(organizations, 'supervisors');

/**
 * Live platforms of the row's type now, counted within `scope` (a condition on
 * `platform_versions`; undefined counts everything).
 */
function platformCountSql(scope: SQL | undefined) {
  return sql<number>`(select count(*) from ${platformVersions}
    inner join ${platforms} on ${platforms.id} = ${platformVersions.platformId}
    where ${platformVersions.typeId} = ${platformTypes.id} and ${inForceOn(null)}
      and ${inArray(platformVersions.status, countedStatuses)} and ${platforms.deletedAt} is null
      ${scope ? sql`and ${scope}` : sql``})`.mapWith(Number);
}

function selectTypes(db: Executor, countScope: SQL | undefined) {
  return db
    .select({
      type: platformTypes,
      systemName: platformSystems.name,
      systemSortOrder: platformSystems.sortOrder,
      supervisorOrganizationName: supervisors.name,
      successorTypeName: successorTypes.name,
      platformCount: platformCountSql(countScope),
    })
    .from(platformTypes)
    .innerJoin(platformSystems, eq(platformSystems.id, platformTypes.systemId))
    .leftJoin(supervisors, eq(supervisors.id, platformTypes.supervisorOrganizationId))
    .leftJoin(successorTypes, eq(successorTypes.id, platformTypes.successorTypeId));
}

export type PlatformTypeRow = Awaited<ReturnType<typeof selectTypes>>[number];

export interface PlatformTypeFilter {
  systemId?: string | undefined;
  levels?: PlatformLevel[] | undefined;
  includeRetired: boolean;
}

function typeConditions(filter: PlatformTypeFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.systemId) conditions.push(eq(platformTypes.systemId, filter.systemId));
  if (filter.levels?.length) conditions.push(inArray(platformTypes.level, filter.levels));
  if (!filter.includeRetired) conditions.push(eq(platformTypes.isActive, true));
  return conditions.length ? and(...conditions) : undefined;
}

/** A page of types in catalogue order (system, then the type's own order), with names and counts joined. */
export async function findTypeRows(
  db: Executor,
  filter: PlatformTypeFilter,
  countScope: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: PlatformTypeRow[]; total: number }> {
  const where = typeConditions(filter);
  const [items, [totalRow]] = await Promise.all([
    selectTypes(db, countScope)
      .where(where)
      .orderBy(asc(platformSystems.sortOrder), asc(platformTypes.sortOrder), asc(platformTypes.name))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(platformTypes).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

export async function getTypeRow(db: Executor, id: string, countScope: SQL | undefined): Promise<PlatformTypeRow | undefined> {
  const [row] = await selectTypes(db, countScope).where(eq(platformTypes.id, id));
  return row;
}

/** The bare type record, without joins or counts. */
export async function getTypeRecord(db: Executor, id: string): Promise<PlatformTypeRecord | undefined> {
  const [row] = await db.select().from(platformTypes).where(eq(platformTypes.id, id));
  return row;
}

export async function findTypeByName(db: Executor, name: string): Promise<PlatformTypeRecord | undefined> {
  const [row] = await db.select().from(platformTypes).where(eq(platformTypes.name, name));
  return row;
}

/** Ids of the types whose platforms this organisation (a city department) supervises. */
export async function findSupervisedTypeIds(db: Executor, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: platformTypes.id })
    .from(platformTypes)
    .where(eq(platformTypes.supervisorOrganizationId, organizationId));
  return rows.map((row) => row.id);
}

export type PlatformTypeValues = Pick<
  typeof platformTypes.$inferInsert,
  | 'systemId'
  | 'name'
  | 'level'
  | 'supervisorOrganizationId'
  | 'supervisingDepartment'
  | 'recognitionStandard'
  | 'constructionPeriodMonths'
  | 'sortOrder'
>;

export async function insertType(db: Executor, values: PlatformTypeValues): Promise<string> {
  const [row] = await db.insert(platformTypes).values(values).returning({ id: platformTypes.id });
  return row!.id;
}

/** Applies `changes` only if the type is still at `version`; false when someone changed it first. */
export async function updateTypeVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<PlatformTypeValues & Pick<PlatformTypeRecord, 'isActive' | 'retiredOn' | 'successorTypeId'>>,
): Promise<boolean> {
  const rows = await db
    .update(platformTypes)
    .set({ ...changes, version: sql`${platformTypes.version} + 1`, updatedAt: new Date() })
    .where(and(eq(platformTypes.id, id), eq(platformTypes.version, version)))
    .returning({ id: platformTypes.id });
  return rows.length === 1;
}
