import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { isScopeByRegionAndType, platformScope } from '../platforms';
import { canWritePlan } from '../plans';

/**
 * Target figures are scoped like the registry: a target counts only the platforms the actor may see
 * (the registry's own scope builder, platforms.policy.ts), so a county user's figures are its
 * county's part of a city target, flagged `isScopeLimited`. Which targets one sees follows the plans
 * policy; who changes them is the plan's writer (plans.policy.ts). A reported figure (amount / ratio /
 * index) is filed by the plan's writer or by a user acting for the lead unit (牵头单位) of a task linked
 * to the target (`canReportTargetFigure`): the responsible unit reports the figure its task serves.
 */
export function targetPlatformScope(actor: Actor | null): SQL | undefined {
  return platformScope(actor);
}

const wholeSubtreeRoles = ['city_staff', 'county_staff', 'leader'];

/** Whether the actor's scope holds every platform of the region subtree (its figures are whole, not a part). */
export function seesWholeRegion(actor: Actor | null, regionPath: string): boolean {
  if (!actor) return true;
  if (!wholeSubtreeRoles.includes(actor.role)) return false;
  const root = actorRegionPath(actor);
  return typeof root === 'string' && root !== 'nothing' && regionPath.startsWith(root);
}

/** Whether a region overlaps the actor's scope (coverage targets list only those child regions). */
export function overlapsScope(actor: Actor | null, regionPath: string): boolean {
  if (!actor || actor.role === 'host_user') return true;
  const root = actorRegionPath(actor);
  if (root === null) return true;
  if (root === 'nothing') return false;
  return regionPath.startsWith(root) || root.startsWith(regionPath);
}

/** Whether the actor may report a figure on a target of a plan in `planRegionPath` (`leadsLinkedTask`: it acts for the lead unit of a linked task). */
export function canReportTargetFigure(actor: Actor, planRegionPath: string, leadsLinkedTask: boolean): boolean {
  return canWritePlan(actor, planRegionPath) || (actor.permissions.includes('task:report') && leadsLinkedTask);
}

/** Whether `targetPlatformScope(actor)` reads only region and type, so counts within it come from the maintained counts. */
export function isTargetScopeByRegionAndType(actor: Actor | null): boolean {
  return isScopeByRegionAndType(actor);
}
