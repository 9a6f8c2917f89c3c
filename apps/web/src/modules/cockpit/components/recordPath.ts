import type { RecordLink } from '@stip/contracts';

/** The filters the registry list (`/platforms`) reads from its URL. */
const registryFilters = new Set(['asOf', 'systemId', 'typeId', 'level', 'regionId', 'status', 'industry']);

/**
 * The web page that lists the records behind a figure. Platform figures open the registry list with
 * the same filters when it can express them, and the cockpit's own list otherwise (本级, no industry,
 * a recognition year); a target opens its page with the platforms it counts; a unit's tasks open the
 * supervision view of that unit.
 */
export function recordPath(link: RecordLink): string {
  const search = new URLSearchParams(link.query).toString();
  const withQuery = (path: string) => (search ? `${path}?${search}` : path);
  if (link.to === '/cockpit/platforms') {
    const fitsRegistry = Object.keys(link.query).every((key) => registryFilters.has(key));
    return withQuery(fitsRegistry ? '/platforms' : '/cockpit/platforms');
  }
  const target = /^\/targets\/([^/]+)\/platforms$/.exec(link.to);
  if (target) return withQuery(`/targets/${target[1]}`);
  if (link.to === '/tasks') return withQuery('/supervision');
  return withQuery(link.to);
}
