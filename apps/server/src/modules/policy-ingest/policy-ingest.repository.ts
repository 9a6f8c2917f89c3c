import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organizations, platformSystems, platformTypes, regions } from '../../db/schema/index';
import type { OrganizationFact, RegionFact } from './policy-ingest.units';
import type { SystemFact, TypeFact } from './policy-ingest.subjects';

/** Every region: unit names are read against all of them (a document may name a neighbouring city's office). */
export function findRegionFacts(db: Executor): Promise<RegionFact[]> {
  return db
    .select({ id: regions.id, name: regions.name, level: regions.level, path: regions.path, parentId: regions.parentId })
    .from(regions)
    .orderBy(asc(regions.path));
}

/** The live taxonomy: every type with its level and system (retired ones flagged). */
export function findTypeFacts(db: Executor): Promise<TypeFact[]> {
  return db
    .select({
      id: platformTypes.id,
      name: platformTypes.name,
      level: platformTypes.level,
      systemId: platformTypes.systemId,
      isActive: platformTypes.isActive,
    })
    .from(platformTypes)
    .orderBy(asc(platformTypes.sortOrder), asc(platformTypes.name));
}

export function findSystemFacts(db: Executor): Promise<SystemFact[]> {
  return db.select({ id: platformSystems.id, name: platformSystems.name }).from(platformSystems).orderBy(asc(platformSystems.sortOrder));
}

/** The live organisations a scope condition admits, with their region's path, at most `limit`. */
export function findOrganizationFacts(db: Executor, scope: SQL | undefined, limit: number): Promise<OrganizationFact[]> {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      regionId: organizations.regionId,
      regionPath: regions.path,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(isNull(organizations.deletedAt), scope))
    .orderBy(asc(organizations.name))
    .limit(limit);
}

/** The names among `names` that a live organisation already carries. */
export async function findTakenOrganizationNames(db: Executor, names: string[]): Promise<string[]> {
  if (!names.length) return [];
  const rows = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(isNull(organizations.deletedAt), inArray(organizations.name, names)));
  return rows.map((row) => row.name);
}
