import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import type { RegionRow } from './regions.repository';

/** Region-scoped roles see their own subtree; the others see the whole tree. */
export function visibleRegionRoot(actor: Actor): string | null | 'nothing' {
  return actorRegionPath(actor);
}

export function canSeeRegion(actor: Actor, region: Pick<RegionRow, 'path'>): boolean {
  const root = visibleRegionRoot(actor);
  if (root === 'nothing') return false;
  return root === null || region.path.startsWith(root);
}
