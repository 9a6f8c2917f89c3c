import { type SQL, eq, or, sql } from 'drizzle-orm';
import { importRuns, regions } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { actorRegionPath, likePrefix } from '../../shared/scope';

/**
 * Which import runs an actor sees: its own, and those uploaded in a region its scope covers (a county's
 * staff see the county's runs, the city's staff the whole city's). Another county's runs stay hidden.
 */
export function importRunScope(actor: Actor): SQL {
  const own = eq(importRuns.uploadedBy, actor.userId);
  const root = actorRegionPath(actor);
  if (root === null) return sql`true`;
  if (root === 'nothing') return own;
  return or(own, sql`${regions.path} like ${likePrefix(root)}`)!;
}
