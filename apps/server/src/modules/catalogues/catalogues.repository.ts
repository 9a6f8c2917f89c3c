import { and, asc, eq, sql } from 'drizzle-orm';
import type { Catalogue } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { catalogueEntries } from '../../db/schema/index';

export type CatalogueEntryRow = typeof catalogueEntries.$inferSelect;

/** A list's entries in their order (retired ones too, unless `activeOnly`). */
export function findEntries(db: Executor, catalogue: Catalogue, activeOnly = false): Promise<CatalogueEntryRow[]> {
  return db
    .select()
    .from(catalogueEntries)
    .where(and(eq(catalogueEntries.catalogue, catalogue), activeOnly ? eq(catalogueEntries.isActive, true) : undefined))
    .orderBy(asc(catalogueEntries.sortOrder), asc(catalogueEntries.name));
}

export async function getEntry(db: Executor, id: string): Promise<CatalogueEntryRow | undefined> {
  const [row] = await db.select().from(catalogueEntries).where(eq(catalogueEntries.id, id));
  return row;
}

export async function findEntryByName(db: Executor, catalogue: Catalogue, name: string): Promise<CatalogueEntryRow | undefined> {
  const [row] = await db
    .select()
    .from(catalogueEntries)
    .where(and(eq(catalogueEntries.catalogue, catalogue), eq(catalogueEntries.name, name)));
  return row;
}

/** The next sort position at the end of a list. */
export async function nextSortOrder(db: Executor, catalogue: Catalogue): Promise<number> {
  const [row] = await db
    .select({ last: sql<number | null>`max(${catalogueEntries.sortOrder})` })
    .from(catalogueEntries)
    .where(eq(catalogueEntries.catalogue, catalogue));
  return (row?.last ?? 0) + 1;
}

export async function insertEntry(db: Executor, values: typeof catalogueEntries.$inferInsert): Promise<CatalogueEntryRow> {
  const [row] = await db.insert(catalogueEntries).values(values).returning();
  return row!;
}

/** Changes an entry if it is still at `version`; undefined when another change came first. */
export async function updateEntryVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Pick<CatalogueEntryRow, 'name' | 'sortOrder' | 'isActive'>>,
): Promise<CatalogueEntryRow | undefined> {
  const [row] = await db
    .update(catalogueEntries)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(catalogueEntries.id, id), eq(catalogueEntries.version, version)))
    .returning();
  return row;
}
