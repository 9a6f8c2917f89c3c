import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organizations, platformTypes } from '../../db/schema/index';

/** Active platform types by name, for resolving the 平台类型 column. */
export async function findActiveTypesByName(db: Executor, names: string[]) {
  if (!names.length) return [];
  return db
    .select({ id: platformTypes.id, name: platformTypes.name })
    .from(platformTypes)
    .where(and(inArray(platformTypes.name, names), eq(platformTypes.isActive, true)));
}

/** Live organisations whose name or credit code is one of `keys` (a unit column may hold either). */
export async function findOrganizationsByNameOrCode(db: Executor, keys: string[]) {
  if (!keys.length) return [];
  return db
    .select({ id: organizations.id, name: organizations.name, creditCode: organizations.creditCode, regionId: organizations.regionId })
    .from(organizations)
    .where(
      and(
        isNull(organizations.deletedAt),
        or(
          inArray(organizations.name, keys),
          inArray(
            organizations.creditCode,
            keys.map((k) => k.toUpperCase()),
          ),
        ),
      ),
    );
}
