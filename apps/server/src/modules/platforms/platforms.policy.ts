import { eq, or, sql, type SQL } from 'drizzle-orm';
import { type PlatformEditableField, platformDescriptiveFields, platformEditableFieldNames, roleHas } from '@stip/contracts';
import { platformTypes, platformVersions } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';

/**
 * Who sees and changes which platforms, in one place:
 * - city staff, county staff and leaders: platforms located in their region subtree;
 * - department staff: platforms in their region subtree whose type their organisation supervises;
 * - host users: platforms their organisation hosts or co-builds;
 * - the system (no actor: seeding, CLI, imports' own checks aside) reaches everything; any other role sees nothing.
 * City, county and department staff write inside what they see (and may not move a record out of it);
 * host users change only the descriptive fields of the platforms their organisation hosts (`platformDescriptiveFields`);
 * leaders only read. Out-of-scope records answer 404, and lists, counts and exports
 * filter with the same condition.
 */

const nothing = sql`false`;

/** Ids of the types an organisation supervises (`platform_types.supervisor_organization_id`). */
function supervisedTypeIdsSql(organizationId: string) {
  return sql`(select ${platformTypes.id} from ${platformTypes} where ${platformTypes.supervisorOrganizationId} = ${organizationId})`;
}

/**
 * The condition on `platform_versions` rows the actor may see — the one scope builder behind get,
 * history, list, counts, export and industries. Undefined means unrestricted.
 */
export function platformScope(actor: Actor | null): SQL | undefined {
  if (!actor) return undefined;
  switch (actor.role) {
    case 'city_staff':
    case 'county_staff':
    case 'leader': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing') return nothing;
      return sql`${platformVersions.regionId} in ${subtreeIdsSql(root)}`;
    }
    case 'department_staff': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing' || !actor.organizationId) return nothing;
      return sql`(${platformVersions.regionId} in ${subtreeIdsSql(root)} and ${platformVersions.typeId} in ${supervisedTypeIdsSql(actor.organizationId)})`;
    }
    case 'host_user': {
      if (!actor.organizationId) return nothing;
      return or(
        eq(platformVersions.hostOrganizationId, actor.organizationId),
        sql`${actor.organizationId}::uuid = any(${platformVersions.coBuilderIds})`,
      );
    }
    default:
      return nothing;
  }
}

/**
 * Whether `platformScope(actor)` reads only a version's region and type — true for everyone but host
 * users (whose scope is the host organisation) — so a count within it can be answered from the
 * registry's maintained counts (platform_counts), whose groups carry region and type but no host.
 */
export function isScopeByRegionAndType(actor: Actor | null): boolean {
  return actor?.role !== 'host_user';
}

/** Whether the actor's role may change platforms at all (leaders and host users only read). */
export function canWritePlatforms(actor: Actor | null): boolean {
  if (!actor) return true;
  return actor.role === 'city_staff' || actor.role === 'county_staff' || actor.role === 'department_staff';
}

/** Whether the actor may place a platform in (or move one into) the region with this path. */
export function canPlacePlatformIn(actor: Actor | null, regionPath: string): boolean {
  if (!actor) return true;
  if (!canWritePlatforms(actor)) return false;
  const root = actorRegionPath(actor);
  if (root === null || root === 'nothing') return false;
  return regionPath.startsWith(root);
}

/** Whether the actor may give a platform this type: department staff only the types their organisation supervises. */
export function canAssignPlatformType(actor: Actor | null, type: { supervisorOrganizationId: string | null }): boolean {
  if (!actor) return true;
  if (!canWritePlatforms(actor)) return false;
  if (actor.role !== 'department_staff') return true;
  return actor.organizationId !== null && type.supervisorOrganizationId === actor.organizationId;
}

/**
 * The fields of a platform (one the actor can see) that the actor may change: every field for the staff who write the
 * registry, the descriptive ones for a user of its host organisation (not of a co-builder), none for anyone else.
 */
export function platformEditableFields(actor: Actor | null, platform: { hostOrganizationId: string }): readonly PlatformEditableField[] {
  if (canWritePlatforms(actor)) return platformEditableFieldNames;
  if (actor && roleHas(actor.role, 'platform:edit') && actor.role === 'host_user' && actor.organizationId === platform.hostOrganizationId) {
    return platformDescriptiveFields;
  }
  return [];
}
