import { regionScopedRoles } from '@stip/contracts';
import type { Actor } from './context';

/**
 * The materialised path whose subtree bounds what the actor sees, or null when the role is not
 * bounded by region. A region-scoped role without a region sees nothing (deny by default).
 */
export function actorRegionPath(actor: Actor | null): string | null | 'nothing' {
  if (!actor) return null;
  if (!regionScopedRoles.includes(actor.role)) return null;
  return actor.regionPath ?? 'nothing';
}

/** Escapes LIKE wildcards so a path is matched literally. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function escapeLike(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
