import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/context';
import { platformScope } from '../platforms';

/**
 * Who sees and changes which funding records, in one place:
 * - city staff keep budgets and subsidy rules, make grants, move them and record payments (`funding:write`);
 * - city staff, county staff and leaders read budgets, rules and the grants of platforms in their region subtree;
 * - host users read the grants of the platforms their organisation hosts or co-builds (the platform
 *   scope) and file expenditure lines for those their organisation hosts; they do not see budgets;
 * - the system (no actor: seeding) reaches everything. Out-of-scope grants answer 404.
 */

/** The condition on the platform's current version (`platform_versions`) admitting the grants the actor sees. */
export function grantScope(actor: Actor | null): SQL | undefined {
  return platformScope(actor);
}

/** Whether the actor keeps budgets, rules, grants and payments. */
export function canWriteFunding(actor: Actor | null): boolean {
  return !actor || actor.role === 'city_staff';
}

/** Whether the actor sees the yearly budgets (the bureau's figures, not a host's). */
export function canReadBudgets(actor: Actor | null): boolean {
  return !actor || actor.role === 'city_staff' || actor.role === 'county_staff' || actor.role === 'leader';
}

/** Whether the actor files expenditure lines for a grant to a platform hosted by `hostOrganizationId`. */
export function canFileExpenditure(actor: Actor | null, hostOrganizationId: string): boolean {
  if (canWriteFunding(actor)) return true;
  return actor!.role === 'host_user' && actor!.organizationId === hostOrganizationId;
}
