import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { plans, platformSystems, platformTypes, regions } from '../../db/schema/index';

export function findSystems(db: Executor) {
  return db
    .select({ id: platformSystems.id, name: platformSystems.name })
    .from(platformSystems)
    .orderBy(asc(platformSystems.sortOrder), asc(platformSystems.name));
}

export function findTypes(db: Executor) {
  return db
    .select({ id: platformTypes.id, name: platformTypes.name, systemId: platformTypes.systemId, level: platformTypes.level })
    .from(platformTypes)
    .orderBy(asc(platformTypes.sortOrder), asc(platformTypes.name));
}

export async function getRegion(db: Executor, id: string) {
  const [row] = await db.select({ id: regions.id, name: regions.name, path: regions.path }).from(regions).where(eq(regions.id, id));
  return row;
}

export function findChildren(db: Executor, parentId: string) {
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path })
    .from(regions)
    .where(eq(regions.parentId, parentId))
    .orderBy(asc(regions.sortOrder), asc(regions.name));
}

/** The periods of these plans (to tell current plans from ended ones). */
export function findPlanPeriods(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: plans.id, periodStart: plans.periodStart, periodEnd: plans.periodEnd })
    .from(plans)
    .where(inArray(plans.id, [...ids]));
}
