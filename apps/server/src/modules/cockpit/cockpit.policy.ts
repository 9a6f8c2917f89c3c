import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';

/**
 * The cockpit shows the actor's region subtree — a county user its county, leaders and city staff
 * their city — with the registry's own scope applied to every platform figure
 * (targets.policy.ts → platforms.policy.ts), and the tasks the actor sees (tasks.policy.ts).
 */
export function cockpitRoot(actor: Actor): { regionId: string; path: string } | null {
  const path = actorRegionPath(actor);
  if (typeof path !== 'string' || path === 'nothing' || !actor.regionId) return null;
  return { regionId: actor.regionId, path };
}
