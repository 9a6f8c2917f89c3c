import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { achievements, auditLog, regions } from '../../db/schema/index';
import { findPublicationRows, getPublicationRow, type PublicationRecordRow, type PublicationStore } from './publication.repository';

/** An achievement as stored, with its region's path and name and its owner organisation's name. */
export type AchievementRow = typeof achievements.$inferSelect & {
  regionPath: string | null;
  regionName: string | null;
  ownerOrganizationName: string | null;
};

const store: PublicationStore<typeof achievements> = { table: achievements, organizationId: achievements.ownerOrganizationId };

const flatten = ({ record, organizationName, ...located }: PublicationRecordRow<typeof achievements>): AchievementRow => ({
  ...record,
  ...located,
  ownerOrganizationName: organizationName,
});

/** A live achievement by id, or undefined. */
export async function getAchievementRow(db: Executor, id: string): Promise<AchievementRow | undefined> {
  const row = await getPublicationRow(db, store, id);
  return row ? flatten(row) : undefined;
}

/** Live achievements by id (any order). */
export async function findAchievementRows(db: Executor, ids: readonly string[]): Promise<AchievementRow[]> {
  return (await findPublicationRows(db, store, ids)).map(flatten);
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
