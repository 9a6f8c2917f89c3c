import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/context';
import { organizationScope } from '../organizations';
import { canWritePlan } from '../plans';

/**
 * Who may read a document into a plan, and what its suggestions draw on:
 * - reading and confirming need `plan:write` (city and county staff); confirming then follows the
 *   rules of each record it creates — the plan's region must be one the actor writes plans in, new
 *   units are placed there (organisations policy), targets and tasks follow the plans policy;
 * - unit suggestions come only from the organisations the actor sees, so a reading never reveals
 *   an out-of-scope organisation's name;
 * - the plan's region is suggested only among the regions the actor may place a plan in.
 */
export function suggestableOrganizations(actor: Actor): SQL | undefined {
  return organizationScope(actor);
}

/** Whether a region (by its path) may be suggested as the plan's region. */
export function canSuggestPlanRegion(actor: Actor, regionPath: string): boolean {
  return canWritePlan(actor, regionPath);
}
