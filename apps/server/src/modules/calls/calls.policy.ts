import { eq, sql, type SQL } from 'drizzle-orm';
import { applications, experts, panelMembers, panels, platformTypes } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';

/**
 * Who sees which applications, in one place (list, count, detail, exports alike; out of scope answers 404):
 * - city staff, county staff and leaders: applications located in their region subtree;
 * - department staff: in their region subtree and of the types their organisation supervises;
 * - host users: their own organisation's applications;
 * - experts: the applications of panels they sit on (a seat replaced after a declared conflict excluded);
 * - the system (no actor) reaches everything; any other role sees nothing.
 */
const nothing = sql`false`;

export function applicationScope(actor: Actor | null): SQL | undefined {
  if (!actor) return undefined;
  switch (actor.role) {
    case 'city_staff':
    case 'county_staff':
    case 'leader': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing') return nothing;
      return sql`${applications.regionId} in ${subtreeIdsSql(root)}`;
    }
    case 'department_staff': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing' || !actor.organizationId) return nothing;
      return sql`(${applications.regionId} in ${subtreeIdsSql(root)} and ${applications.typeId} in (select ${platformTypes.id} from ${platformTypes} where ${platformTypes.supervisorOrganizationId} = ${actor.organizationId}))`;
    }
    case 'host_user':
      return actor.organizationId ? eq(applications.organizationId, actor.organizationId) : nothing;
    case 'expert':
      return sql`${applications.id} in (select ${panels.applicationId} from ${panels}
        join ${panelMembers} on ${panelMembers.panelId} = ${panels.id} and ${panelMembers.replacedAt} is null
        join ${experts} on ${experts.id} = ${panelMembers.expertId} and ${experts.deletedAt} is null
        where ${experts.userId} = ${actor.userId})`;
    default:
      return nothing;
  }
}

/** Whether the actor may see draft calls and edit calls (the city bureau). */
export function canManageCalls(actor: Actor | null): boolean {
  return !actor || actor.role === 'city_staff';
}

/** Reviewers (not the applicant, not experts) see the live eligibility results and the review tools. */
export function isReviewer(actor: Actor | null): boolean {
  return !actor || ['city_staff', 'county_staff', 'department_staff', 'leader'].includes(actor.role);
}
