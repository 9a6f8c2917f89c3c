import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { demands, organizations, regions } from '../../db/schema/index';

/** A demand as stored, with its region's path and name and its enterprise's name. */
export type DemandRow = typeof demands.$inferSelect & {
  regionPath: string | null;
  regionName: string | null;
  enterpriseOrganizationName: string | null;
};
export type NewDemand = typeof demands.$inferInsert;

const rowColumns = {
  demand: demands,
  regionPath: regions.path,
  regionName: regions.name,
  enterpriseOrganizationName: organizations.name,
};

function selectRows(db: Executor, where: SQL | undefined) {
  return db
    .select(rowColumns)
    .from(demands)
    .leftJoin(regions, eq(regions.id, demands.regionId))
    .leftJoin(organizations, eq(organizations.id, demands.enterpriseOrganizationId))
    .where(and(isNull(demands.deletedAt), where));
}

const flatten = (row: {
  demand: typeof demands.$inferSelect;
  regionPath: string | null;
  regionName: string | null;
  enterpriseOrganizationName: string | null;
}): DemandRow => ({
  ...row.demand,
  regionPath: row.regionPath,
  regionName: row.regionName,
  enterpriseOrganizationName: row.enterpriseOrganizationName,
});

/** A live demand by id, or undefined. */
export async function getDemandRow(db: Executor, id: string): Promise<DemandRow | undefined> {
  const [row] = await selectRows(db, eq(demands.id, id));
  return row ? flatten(row) : undefined;
}

/** Live demands by id (any order). */
export async function findDemandRows(db: Executor, ids: readonly string[]): Promise<DemandRow[]> {
  if (!ids.length) return [];
  return (await selectRows(db, inArray(demands.id, [...ids]))).map(flatten);
}

export async function insertDemand(db: Executor, values: NewDemand): Promise<string> {
  const [row] = await db.insert(demands).values(values).returning({ id: demands.id });
  return row!.id;
}

/** Writes a change if the row is still at `version`; false when another change came first. */
export async function updateDemandRow(db: Executor, id: string, version: number, values: Partial<NewDemand>): Promise<boolean> {
  const [row] = await db
    .update(demands)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(demands.id, id), eq(demands.version, version), isNull(demands.deletedAt)))
    .returning({ id: demands.id });
  return row !== undefined;
}

export async function softDeleteDemand(db: Executor, id: string, version: number): Promise<boolean> {
  return updateDemandRow(db, id, version, { deletedAt: new Date() });
}

/** A live demand by external id (imports are idempotent on it). */
export async function findDemandByExternalId(db: Executor, externalId: string) {
  const [row] = await db
    .select({ id: demands.id, version: demands.version })
    .from(demands)
    .where(and(eq(demands.externalId, externalId), isNull(demands.deletedAt)));
  return row;
}

/** Rows matching a condition (to-do lists), newest submission first. */
export async function findDemandsWhere(db: Executor, where: SQL | undefined) {
  return db
    .select({ id: demands.id, title: demands.title, status: demands.status })
    .from(demands)
    .where(and(isNull(demands.deletedAt), where))
    .orderBy(asc(demands.submittedAt));
}

/** An organisation that may post a demand: its name, kind and region (with the region's path). */
export async function findEnterpriseOrganization(db: Executor, id: string) {
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
