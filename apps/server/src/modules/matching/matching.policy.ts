import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';

/**
 * Who sees what in matching, in one place:
 * - a demand or achievement is matched by `matching:read` holders whose region subtree holds it, or by any of
 *   them once it is published (published records are public);
 * - candidates: published achievements and demands and the recognised platforms are public; experts and
 *   enterprises are shown only from the actor's region subtree (experts without a region: the city's pool);
 * - leads are seen and followed (`lead:write`) by staff whose region subtree holds the lead's region.
 */

/** The root of the actor's subtree: null for the whole city (unbounded role), 'nothing' when it has no region. */
export const scopeRoot = (actor: Actor) => actorRegionPath(actor);

/** Whether a record located at `regionPath` (null: no region) lies in the actor's scope. */
export function inScope(actor: Actor, regionPath: string | null): boolean {
  const root = scopeRoot(actor);
  if (root === 'nothing') return false;
  if (root === null) return true;
  return regionPath !== null && regionPath.startsWith(root);
}

/** Whether the actor may match (and record leads for) a demand or achievement. */
export function canSeeSubject(actor: Actor, subject: { status: string; regionPath: string | null }): boolean {
  return subject.status === 'published' || inScope(actor, subject.regionPath);
}
