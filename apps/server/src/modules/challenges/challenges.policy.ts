import { sql, type SQL } from 'drizzle-orm';
import { challengeApplications, challenges, demands } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';
import type { ChallengeMover } from './challenges.lifecycle';

/**
 * Who sees and moves which 揭榜挂帅 lists, in one place (list, detail, applications and milestones alike; out of
 * scope answers 404):
 * - city and county staff, leaders: lists located in their region subtree, except enterprises' drafts never sent
 *   for review (a draft the bureau returned stays visible to it);
 * - host users (enterprises, universities, institutes): their own organisation's lists in any state, every
 *   released list (揭榜中 onwards, as on the portal), and any list they applied to;
 * - the system (no actor) reaches everything; any other role sees nothing.
 */
const nothing = sql`false`;
const releasedStatuses = sql`('open', 'reviewing', 'selected', 'completed')`;

export function challengeScope(actor: Actor | null): SQL | undefined {
  if (!actor) return undefined;
  switch (actor.role) {
    case 'city_staff':
    case 'county_staff':
    case 'leader': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing') return nothing;
      return sql`(${challenges.regionId} in ${subtreeIdsSql(root)}
        and not (${challenges.publisherOrganizationId} is not null and ${challenges.status} = 'draft' and ${challenges.reviewNote} is null))`;
    }
    case 'host_user':
      if (!actor.organizationId) return nothing;
      return sql`(${challenges.publisherOrganizationId} = ${actor.organizationId}
        or ${challenges.status} in ${releasedStatuses}
        or exists (select 1 from ${challengeApplications} where ${challengeApplications.challengeId} = ${challenges.id}
          and ${challengeApplications.organizationId} = ${actor.organizationId}))`;
    default:
      return nothing;
  }
}

export interface ChallengeOwnership {
  publisherOrganizationId: string | null;
  regionPath: string;
}

/** Whether the actor's region subtree holds the list's region. */
function inSubtree(actor: Actor, regionPath: string): boolean {
  const root = actorRegionPath(actor);
  return root !== null && root !== 'nothing' && regionPath.startsWith(root);
}

/**
 * The actor's part in a list's lifecycle: its enterprise, the bureau that published it, the bureau reviewing an
 * enterprise's list — or nothing (leaders, applicants, everyone else).
 */
export function challengeMoverOf(actor: Actor, challenge: ChallengeOwnership): ChallengeMover | null {
  if (actor.role === 'host_user')
    return actor.organizationId && actor.organizationId === challenge.publisherOrganizationId ? 'enterprise' : null;
  if (actor.role === 'city_staff' || actor.role === 'county_staff') {
    if (!inSubtree(actor, challenge.regionPath)) return null;
    return challenge.publisherOrganizationId === null ? 'bureau' : 'reviewer';
  }
  return null;
}

/** The publisher (enterprise or bureau): sees every proposal, selects, keeps milestones. */
export function isPublisher(mover: ChallengeMover | null): boolean {
  return mover === 'enterprise' || mover === 'bureau';
}

/** Who reads every application of a list: its publisher, the reviewing bureau and leaders in scope. */
export function canSeeAllApplications(actor: Actor, mover: ChallengeMover | null, challenge: ChallengeOwnership): boolean {
  return mover !== null || (actor.role === 'leader' && inSubtree(actor, challenge.regionPath));
}

/** The demands an actor may post as lists: an enterprise's user its own organisation's; bureau staff those in their subtree. */
export function demandChoiceScope(actor: Actor): SQL {
  if (actor.role === 'host_user')
    return actor.organizationId ? sql`${demands.enterpriseOrganizationId} = ${actor.organizationId}` : nothing;
  if (actor.role === 'city_staff' || actor.role === 'county_staff') {
    const root = actorRegionPath(actor);
    if (root === null || root === 'nothing') return nothing;
    return sql`${demands.regionId} in ${subtreeIdsSql(root)}`;
  }
  return nothing;
}
