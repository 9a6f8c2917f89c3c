import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { PgColumn, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { type achievements, type demands, organizations, regions } from '../../db/schema/index';

/**
 * The persistence that achievements and demands share: live rows by id with their region and owning organisation,
 * versioned writes (false when another change came first), soft deletion, external-id and to-do lookups. Each
 * module's repository names its table here and keeps only its own columns and mapper.
 */

/** A table that holds publications (科技成果, 技术需求). */
export type PublicationTable = typeof achievements | typeof demands;

/** The lifecycle columns that every publication table has (what the shared moves write). */
export type PublicationLifecycleValues = Partial<
  Pick<typeof demands.$inferInsert, 'status' | 'reviewNote' | 'submittedAt' | 'publishedAt' | 'reviewedBy' | 'deletedAt'>
>;

/** Where a kind of publication is stored: its table and the column naming the organisation that owns a record. */
export interface PublicationStore<T extends PublicationTable> {
  table: T;
  organizationId: PgColumn;
}

/** A live record as stored, with its region's path and name and its owning organisation's name. */
export interface PublicationRecordRow<T extends PublicationTable> {
  record: T['$inferSelect'];
  regionPath: string | null;
  regionName: string | null;
  organizationName: string | null;
}

function selectRows<T extends PublicationTable>(db: Executor, store: PublicationStore<T>, where: SQL | undefined) {
  const table: PublicationTable = store.table;
  return db
    .select({ record: table, regionPath: regions.path, regionName: regions.name, organizationName: organizations.name })
    .from(table)
    .leftJoin(regions, eq(regions.id, table.regionId))
    .leftJoin(organizations, eq(organizations.id, store.organizationId))
    .where(and(isNull(table.deletedAt), where)) as Promise<PublicationRecordRow<T>[]>;
}

/** A live record by id, or undefined. */
export async function getPublicationRow<T extends PublicationTable>(
  db: Executor,
  store: PublicationStore<T>,
  id: string,
): Promise<PublicationRecordRow<T> | undefined> {
  const [row] = await selectRows(db, store, eq(store.table.id, id));
  return row;
}

/** Live records by id (any order). */
export async function findPublicationRows<T extends PublicationTable>(
  db: Executor,
  store: PublicationStore<T>,
  ids: readonly string[],
): Promise<PublicationRecordRow<T>[]> {
  if (!ids.length) return [];
  return selectRows(db, store, inArray(store.table.id, [...ids]));
}

/** Inserts a record; returns its id. */
export async function insertPublication<T extends PublicationTable>(db: Executor, table: T, values: T['$inferInsert']): Promise<string> {
  const target: PublicationTable = table;
  const [row] = await db
    .insert(target)
    .values(values as typeof target.$inferInsert)
    .returning({ id: target.id });
  return row!.id;
}

/** Writes a change if the row is still at `version`; false when another change came first. */
export async function updatePublicationRow<T extends PublicationTable>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  values: Partial<T['$inferInsert']> | PublicationLifecycleValues,
): Promise<boolean> {
  const target: PublicationTable = table;
  const [row] = await db
    .update(target)
    .set({ ...values, version: version + 1, updatedAt: new Date() } as PgUpdateSetSource<PublicationTable>)
    .where(and(eq(target.id, id), eq(target.version, version), isNull(target.deletedAt)))
    .returning({ id: target.id });
  return row !== undefined;
}

/** Deletes a record softly if it is still at `version`; false when another change came first. */
export async function softDeletePublication(db: Executor, table: PublicationTable, id: string, version: number): Promise<boolean> {
  return updatePublicationRow(db, table, id, version, { deletedAt: new Date() });
}

/** A live record by external id (imports are idempotent on it). */
export async function findPublicationByExternalId(db: Executor, table: PublicationTable, externalId: string) {
  const [row] = await db
    .select({ id: table.id, version: table.version })
    .from(table)
    .where(and(eq(table.externalId, externalId), isNull(table.deletedAt)));
  return row;
}

/** Records matching a condition (to-do lists), earliest submission first. */
export async function findPublicationsWhere(db: Executor, table: PublicationTable, where: SQL | undefined) {
  return db
    .select({ id: table.id, title: table.title, status: table.status })
    .from(table)
    .where(and(isNull(table.deletedAt), where))
    .orderBy(asc(table.submittedAt));
}
