import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/context';
import { actorRegionPath, likePrefix } from '../../shared/scope';

/**
 * Who sees and changes which plans, in one place:
 * - city staff, county staff, leaders and department staff see the plans whose region lies in their
 *   subtree, and those whose region contains theirs (a plan for the whole city concerns each county);
 * - host users see the plans whose region contains their organisation's region;
 * - a plan's overseers are the city staff, county staff and leaders whose subtree contains the plan's
 *   region: they see all of its tasks and reports; the others see the tasks of the units they act for
 *   (tasks.policy.ts);
 * - city and county staff write (plans, targets, tasks, reported figures) the plans they oversee.
 * Out-of-scope plans answer 404. The figures of targets are scoped like the registry (targets.policy.ts).
 */

const overseerRoles = ['city_staff', 'county_staff', 'leader'] as const;
const writerRoles = ['city_staff', 'county_staff'] as const;

/**
 * The path a user's plans are placed against: the region for region-scoped roles, the organisation's
 * region for host users (looked up by the caller), nothing for the others.
 */
export function needsOrganizationAnchor(actor: Actor): boolean {
  return actor.role === 'host_user' && actor.organizationId !== null;
}

/** The condition on a plan's region path (`regionPath`) that admits the plans the actor sees. */
export function planVisibility(actor: Actor, organizationRegionPath: string | null, regionPath: AnyColumn): SQL {
  if (actor.role === 'host_user') {
    if (!organizationRegionPath) return sql`false`;
    return sql`${organizationRegionPath} like ${regionPath} || '%'`;
  }
  const root = actorRegionPath(actor);
  if (root === null || root === 'nothing') return sql`false`;
  return sql`(${regionPath} like ${likePrefix(root)} or ${root} like ${regionPath} || '%')`;
}

/** Whether the actor's subtree contains the plan's region (sees all of its tasks and reports). */
export function oversees(actor: Actor, planRegionPath: string): boolean {
  if (!(overseerRoles as readonly string[]).includes(actor.role)) return false;
  const root = actorRegionPath(actor);
  return typeof root === 'string' && root !== 'nothing' && planRegionPath.startsWith(root);
}

/** Whether the actor may change the plan, its targets and tasks (and place a plan in that region). */
export function canWritePlan(actor: Actor, planRegionPath: string): boolean {
  return (
    (writerRoles as readonly string[]).includes(actor.role) && actor.permissions.includes('plan:write') && oversees(actor, planRegionPath)
  );
}
