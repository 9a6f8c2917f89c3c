import type { SQL } from 'drizzle-orm';
import type { EvaluationRoundStatus } from '@stip/contracts';
import type { Actor } from '../../shared/context';
import { platformScope } from '../platforms';
import type { RectificationMover } from './rectifications.lifecycle';

/**
 * Who may do what in evaluations, in one place:
 * - results and rectifications are visible exactly where their platform is (the platforms module's
 *   scope: region subtree for staff and leaders, own platforms for host users);
 * - host users see a round only once published, and only their own platforms' results in it;
 * - rounds and formulas are written by holders of `evaluation:write` (city staff) whose region
 *   subtree contains the round's region;
 * - a rectification is submitted by a host user of the platform's host organisation holding
 *   `annual-report:file`, and checked by holders of `evaluation:write` who see the platform.
 */

/** The condition on current `platform_versions` rows for the results and rectifications the actor sees. */
export function evaluationScope(actor: Actor | null): SQL | undefined {
  return platformScope(actor);
}

/** Whether the actor sees a round in this status at all (host users: only published ones). */
export function canSeeRoundIn(actor: Actor | null, status: EvaluationRoundStatus): boolean {
  if (!actor || actor.role !== 'host_user') return true;
  return status === 'published' || status === 'applied';
}

export function canWriteEvaluations(actor: Actor | null): boolean {
  return !actor || actor.permissions.includes('evaluation:write');
}

/** Whether the actor may change a round over this region (null: a round the system opened city-wide). */
export function canWriteRound(actor: Actor | null, regionPath: string | null): boolean {
  if (!actor) return true;
  if (!canWriteEvaluations(actor) || !actor.regionPath) return false;
  return regionPath !== null && regionPath.startsWith(actor.regionPath);
}

/** The mover the actor is for a rectification of a platform hosted by `hostOrganizationId`, or null. */
export function rectificationMoverOf(actor: Actor | null, hostOrganizationId: string): RectificationMover | null {
  if (!actor) return 'staff';
  if (actor.role === 'host_user') {
    return actor.permissions.includes('annual-report:file') && actor.organizationId === hostOrganizationId ? 'host' : null;
  }
  return canWriteEvaluations(actor) ? 'staff' : null;
}
