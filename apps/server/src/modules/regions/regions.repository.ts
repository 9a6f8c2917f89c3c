import { and, asc, count, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regions } from '../../db/schema/index';
import { likePrefix } from '../../shared/scope';

export type RegionRow = typeof regions.$inferSelect;

export async function getRegionRow(db: Executor, id: string): Promise<RegionRow | undefined> {
  const [row] = await db.select().from(regions).where(eq(regions.id, id));
  return row;
}

/** Regions in a subtree (or all when `pathPrefix` is null), parents before children. */
export function findRegionRows(db: Executor, pathPrefix: string | null): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(pathPrefix ? like(regions.path, likePrefix(pathPrefix)) : undefined)
    .orderBy(asc(sql`length(${regions.path})`), asc(regions.sortOrder), asc(regions.name));
}

/** One page of the regions in a subtree (or all when `pathPrefix` is null), parents before children, with the total. */
export async function findRegionPage(db: Executor, pathPrefix: string | null, page: { limit: number; offset: number }) {
  const where = pathPrefix ? like(regions.path, likePrefix(pathPrefix)) : undefined;
  const [items, [totalRow]] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(where)
      .orderBy(asc(sql`length(${regions.path})`), asc(regions.sortOrder), asc(regions.name), asc(regions.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(regions).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

/** The regions directly under `parentId`. */
export function findChildRegionRows(db: Executor, parentId: string): Promise<RegionRow[]> {
  return db.select().from(regions).where(eq(regions.parentId, parentId));
}

export async function findRegionByName(db: Executor, parentId: string | null, name: string) {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(parentId ? eq(regions.parentId, parentId) : sql`${regions.parentId} is null`, eq(regions.name, name)));
  return row;
}

/** Inserts a region; its path is its parent's path plus its own id. */
export async function insertRegion(
  db: Executor,
  values: {
    parentId: string | null;
    parentPath: string | null;
    name: string;
    level: RegionRow['level'];
    code?: string | null;
    sortOrder?: number;
    isDemo?: boolean;
  },
): Promise<RegionRow> {
  const id = crypto.randomUUID();
  const [row] = await db
    .insert(regions)
    .values({
      id,
      parentId: values.parentId,
      name: values.name,
      level: values.level,
      code: values.code ?? null,
      sortOrder: values.sortOrder ?? 0,
      path: `${values.parentPath ?? '/'}${id}/`,
      isDemo: values.isDemo ?? false,
    })
    .returning();
  return row!;
}

export async function updateRegionVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<Pick<RegionRow, 'name' | 'level' | 'code' | 'sortOrder'>>,
): Promise<boolean> {
  const rows = await db
    .update(regions)
    .set({ ...changes, version: sql`${regions.version} + 1`, updatedAt: new Date() })
    .where(and(eq(regions.id, id), eq(regions.version, version)))
    .returning({ id: regions.id });
  return rows.length === 1;
}

/** Ids of a region and all regions under it. */
export function subtreeIdsSql(regionPath: string) {
  return sql`(select ${regions.id} from ${regions} where ${regions.path} like ${likePrefix(regionPath)})`;
}
