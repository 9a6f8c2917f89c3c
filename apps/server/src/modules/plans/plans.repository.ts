import { and, count, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organizations, plans, regions, targets, tasks } from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';

export type PlanRecord = typeof plans.$inferSelect;

const planFields = {
  plan: plans,
  regionName: regions.name,
  regionPath: regions.path,
  targetCount:
    sql<number>`(select count(*) from ${targets} where ${targets.planId} = ${plans.id} and ${targets.deletedAt} is null)`.mapWith(Number),
  taskCount: sql<number>`(select count(*) from ${tasks} where ${tasks.planId} = ${plans.id} and ${tasks.deletedAt} is null)`.mapWith(
    Number,
  ),
};
export type PlanRow = Awaited<ReturnType<typeof selectPlans>>[number];

function selectPlans(db: Executor, where: SQL | undefined) {
  return db
    .select(planFields)
    .from(plans)
    .innerJoin(regions, eq(regions.id, plans.regionId))
    .where(and(isNull(plans.deletedAt), where));
}

/** The plan's region path column, for the policy's visibility condition. */
export const planRegionPath = regions.path;

export async function getPlanRow(db: Executor, id: string, visibility: SQL | undefined): Promise<PlanRow | undefined> {
  const [row] = await selectPlans(db, and(eq(plans.id, id), visibility));
  return row;
}

export async function findPlanRows(db: Executor, visibility: SQL, query: { keyword?: string | undefined; limit: number; offset: number }) {
  const where = and(
    visibility,
    query.keyword
      ? or(
          ilike(plans.title, escapeLike(query.keyword)),
          ilike(plans.documentNo, escapeLike(query.keyword)),
          ilike(plans.issuingBody, escapeLike(query.keyword)),
        )
      : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    selectPlans(db, where).orderBy(desc(plans.periodStart), desc(plans.createdAt)).limit(query.limit).offset(query.offset),
    db
      .select({ total: count() })
      .from(plans)
      .innerJoin(regions, eq(regions.id, plans.regionId))
      .where(and(isNull(plans.deletedAt), where)),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export type NewPlan = Omit<typeof plans.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export async function insertPlan(db: Executor, values: NewPlan): Promise<PlanRecord> {
  const [row] = await db.insert(plans).values(values).returning();
  return row!;
}

export async function updatePlanVersioned(db: Executor, id: string, version: number, changes: Partial<NewPlan>): Promise<boolean> {
  const rows = await db
    .update(plans)
    .set({ ...changes, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(plans.id, id), eq(plans.version, version), isNull(plans.deletedAt)))
    .returning({ id: plans.id });
  return rows.length === 1;
}

export async function softDeletePlan(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db
    .update(plans)
    .set({ deletedAt: new Date(), version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(and(eq(plans.id, id), eq(plans.version, version), isNull(plans.deletedAt)))
    .returning({ id: plans.id });
  return rows.length === 1;
}

/** The region path of an organisation (where a host user's plans are placed against). */
export async function getOrganizationRegionPath(db: Executor, organizationId: string): Promise<string | null> {
  const [row] = await db
    .select({ path: regions.path })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(eq(organizations.id, organizationId));
  return row?.path ?? null;
}

export async function getRegionPathById(db: Executor, id: string): Promise<{ id: string; name: string; path: string } | undefined> {
  const [row] = await db.select({ id: regions.id, name: regions.name, path: regions.path }).from(regions).where(eq(regions.id, id));
  return row;
}
