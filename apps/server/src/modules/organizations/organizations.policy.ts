import { eq, sql, type SQL } from 'drizzle-orm';
import { type OrganizationField, organizationContactFields, organizationFieldNames, roleHas } from '@stip/contracts';
import { organizations } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';

/**
 * Who sees and changes which organisations:
 * - city, county and department staff and leaders: the organisations registered in their region subtree;
 * - host users: their own organisation only (they may change its contact data — address, contact person, phone —
 *   never its name, credit code, kind or region, and never create or delete an organisation or keep qualifications);
 * - writers (city and county staff) create organisations, or move them, only inside their subtree;
 * - the system (no actor: seeding, CLI) reaches everything; any other role sees nothing.
 * Out-of-scope organisations answer 404, and lists filter with the same condition.
 */
export function organizationScope(actor: Actor | null): SQL | undefined {
  if (!actor) return undefined;
  if (actor.role === 'host_user') return actor.organizationId ? eq(organizations.id, actor.organizationId) : sql`false`;
  const root = actorRegionPath(actor);
  if (root === null || root === 'nothing') return sql`false`;
  return sql`${organizations.regionId} in ${subtreeIdsSql(root)}`;
}

/** The same rule as `organizationScope`, for one record already loaded. */
export function canSeeOrganization(actor: Actor | null, organization: { id: string; regionPath: string }): boolean {
  if (!actor) return true;
  if (actor.role === 'host_user') return actor.organizationId === organization.id;
  const root = actorRegionPath(actor);
  if (root === null || root === 'nothing') return false;
  return organization.regionPath.startsWith(root);
}

function canWrite(actor: Actor | null): boolean {
  return !actor || roleHas(actor.role, 'organization:write');
}

/** Host users act for an existing organisation and cannot register new ones. */
export function canCreateOrganization(actor: Actor | null): boolean {
  return canWrite(actor) && actor?.role !== 'host_user';
}

/** Whether the actor may register an organisation in, or move one into, the region with this path. */
export function canPlaceOrganizationIn(actor: Actor | null, regionPath: string): boolean {
  if (!actor) return true;
  if (actor.role === 'host_user') return false;
  const root = actorRegionPath(actor);
  if (root === null || root === 'nothing') return false;
  return regionPath.startsWith(root);
}

/** The fields of this organisation the actor may change: all for the registry keepers in scope, contact data for its host users. */
export function organizationEditableFields(
  actor: Actor | null,
  organization: { id: string; regionPath: string },
): readonly OrganizationField[] {
  if (!canSeeOrganization(actor, organization)) return [];
  if (!actor) return organizationFieldNames;
  if (!roleHas(actor.role, 'organization:edit')) return [];
  return actor.role === 'host_user' ? organizationContactFields : organizationFieldNames;
}

export function canEditOrganization(actor: Actor | null, organization: { id: string; regionPath: string }): boolean {
  return organizationEditableFields(actor, organization).length > 0;
}

/** Deleting, and keeping qualifications, is the registry keepers' job: a host user cannot do either for its own organisation. */
export function canDeleteOrganization(actor: Actor | null, organization: { id: string; regionPath: string }): boolean {
  return canWrite(actor) && canSeeOrganization(actor, organization) && actor?.role !== 'host_user';
}
