import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { achievements, auditLog, organizations, regions } from '../../db/schema/index';

/** An achievement as stored, with its region's path and name and its owner organisation's name. */
export type AchievementRow = typeof achievements.$inferSelect & {
  regionPath: string | null;
  regionName: string | null;
  ownerOrganizationName: string | null;
};
export type NewAchievement = typeof achievements.$inferInsert;

const rowColumns = {
  achievement: achievements,
  regionPath: regions.path,
  regionName: regions.name,
  ownerOrganizationName: organizations.name,
};

function selectRows(db: Executor, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(achievements)
    .leftJoin(regions, eq(regions.id, achievements.regionId))
    .leftJoin(organizations, eq(organizations.id, achievements.ownerOrganizationId))
    .where(and(isNull(achievements.deletedAt), where));
}

const flatten = (row: {
  achievement: typeof achievements.$inferSelect;
  regionPath: string | null;
  regionName: string | null;
  ownerOrganizationName: string | null;
}): AchievementRow => ({
  ...row.achievement,
  regionPath: row.regionPath,
  regionName: row.regionName,
  ownerOrganizationName: row.ownerOrganizationName,
});

/** A live achievement by id, or undefined. */
export async function getAchievementRow(db: Executor, id: string): Promise<AchievementRow | undefined> {
  const [row] = await selectRows(db, eq(achievements.id, id));
  return row ? flatten(row) : undefined;
}

/** Live achievements by id (any order). */
export async function findAchievementRows(db: Executor, ids: readonly string[]): Promise<AchievementRow[]> {
  if (!ids.length) return [];
  return (await selectRows(db, inArray(achievements.id, [...ids]))).map(flatten);
}

export async function insertAchievement(db: Executor, values: NewAchievement): Promise<string> {
  const [row] = await db.insert(achievements).values(values).returning({ id: achievements.id });
  return row!.id;
}

/** Writes a change if the row is still at `version`; false when another change came first. */
export async function updateAchievementRow(db: Executor, id: string, version: number, values: Partial<NewAchievement>): Promise<boolean> {
  const [row] = await db
    .update(achievements)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(achievements.id, id), eq(achievements.version, version), isNull(achievements.deletedAt)))
    .returning({ id: achievements.id });
  return row !== undefined;
}

export async function softDeleteAchievement(db: Executor, id: string, version: number): Promise<boolean> {
  return updateAchievementRow(db, id, version, { deletedAt: new Date() });
}

/** A live achievement by external id (imports are idempotent on it). */
export async function findAchievementByExternalId(db: Executor, externalId: string) {
  const [row] = await db
    .select({ id: achievements.id, version: achievements.version })
    .from(achievements)
    .where(and(eq(achievements.externalId, externalId), isNull(achievements.deletedAt)));
  return row;
}

/** Rows matching a condition (to-do lists), newest submission first. */
export async function findAchievementsWhere(db: Executor, where: SQL | undefined) {
  return db
    .select({ id: achievements.id, title: achievements.title, status: achievements.status })
    .from(achievements)
    .where(and(isNull(achievements.deletedAt), where))
    .orderBy(asc(achievements.submittedAt));
}

/** An organisation that may own a record: its name, kind and region (with the region's path). */
export async function findOwnerOrganization(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      regionId: organizations.regionId,
      regionPath: regions.path,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  return row;
}

/** A region with its path, or undefined. */
export async function findRegion(db: Executor, id: string) {
  const [row] = await db.select({ id: regions.id, path: regions.path, name: regions.name }).from(regions).where(eq(regions.id, id));
  return row;
}

/** The audit records of one object, oldest first (a record's history). */
export async function findAuditTrail(db: Executor, objectType: string, objectId: string) {
  return db
    .select({
      occurredAt: auditLog.occurredAt,
      actorUserId: auditLog.actorUserId,
      actorUsername: auditLog.actorUsername,
      action: auditLog.action,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, objectType), eq(auditLog.objectId, objectId)))
    .orderBy(asc(auditLog.seq));
}

/** The names of the given regions, by id (the search facets' region labels). */
export async function findRegionNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: regions.id, name: regions.name })
    .from(regions)
    .where(inArray(regions.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
