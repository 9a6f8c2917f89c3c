import type { PlatformLevel, PlatformStatus } from '@stip/contracts';

/**
 * Target arithmetic over a registry snapshot, pure: the repository counts the versions in force on a
 * day per (type, region, status[, industry]) — a few thousand groups however large the registry — and
 * these functions decide which groups a target's filter admits. Type, level and system are properties
 * of the type; a region subtree is the regions whose materialised path starts with the root's.
 */

export interface TypeFact {
  id: string;
  systemId: string;
  level: PlatformLevel;
}

export interface RegionFact {
  id: string;
  path: string;
}

export interface SnapshotGroup {
  typeId: string;
  regionId: string;
  status: PlatformStatus;
  industry?: string | null;
  count: number;
}

/** Which platforms: empty lists mean any; `regionPath` is a subtree root (null: anywhere). */
export interface PlatformCriteria {
  typeIds: readonly string[];
  levels: readonly PlatformLevel[];
  systemIds: readonly string[];
  statuses: readonly PlatformStatus[];
  regionPath: string | null;
  /** Only rows located in exactly this region (not below it). */
  exactRegionId?: string | undefined;
  /** A string: that industry; null: platforms without one; undefined: any. */
  industry?: string | null | undefined;
  /** Platforms recognised in that calendar year (list queries only). */
  recognizedYear?: number | undefined;
}

/** The criteria as sets of ids (null: any), ready to test groups or to bind as `IN (…)` lists. */
export interface ResolvedCriteria {
  typeIds: ReadonlySet<string> | null;
  statuses: ReadonlySet<PlatformStatus> | null;
  regionIds: ReadonlySet<string> | null;
  industry?: string | null | undefined;
  recognizedYear?: number | undefined;
}

export function resolveCriteria(criteria: PlatformCriteria, types: readonly TypeFact[], regions: readonly RegionFact[]): ResolvedCriteria {
  const byType = criteria.typeIds.length > 0 || criteria.levels.length > 0 || criteria.systemIds.length > 0;
  const typeIds = byType
    ? new Set(
        types
          .filter(
            (type) =>
              (!criteria.typeIds.length || criteria.typeIds.includes(type.id)) &&
              (!criteria.levels.length || criteria.levels.includes(type.level)) &&
              (!criteria.systemIds.length || criteria.systemIds.includes(type.systemId)),
          )
          .map((type) => type.id),
      )
    : null;
  let regionIds: Set<string> | null = null;
  if (criteria.regionPath !== null) {
    regionIds = new Set(regions.filter((region) => region.path.startsWith(criteria.regionPath!)).map((region) => region.id));
  }
  if (criteria.exactRegionId) {
    regionIds = new Set(regionIds === null || regionIds.has(criteria.exactRegionId) ? [criteria.exactRegionId] : []);
  }
  return {
    typeIds,
    statuses: criteria.statuses.length ? new Set(criteria.statuses) : null,
    regionIds,
    industry: criteria.industry,
    recognizedYear: criteria.recognizedYear,
  };
}

export function groupMatches(group: SnapshotGroup, criteria: ResolvedCriteria): boolean {
  if (criteria.typeIds && !criteria.typeIds.has(group.typeId)) return false;
  if (criteria.statuses && !criteria.statuses.has(group.status)) return false;
  if (criteria.regionIds && !criteria.regionIds.has(group.regionId)) return false;
  if (criteria.industry === null && group.industry) return false;
  if (typeof criteria.industry === 'string' && group.industry !== criteria.industry) return false;
  return true;
}

/** How many platforms of the snapshot the criteria admit. */
export function countMatching(groups: readonly SnapshotGroup[], criteria: ResolvedCriteria): number {
  let total = 0;
  for (const group of groups) if (groupMatches(group, criteria)) total += group.count;
  return total;
}

/** The child region of `rootPath` a region lies in: its id, '' for the root itself, null outside the subtree. */
export function childOf(rootPath: string, regionPath: string): string | null {
  if (!regionPath.startsWith(rootPath)) return null;
  return regionPath.slice(rootPath.length).split('/')[0] ?? '';
}

/** The platforms the criteria admit per child region of the root (those at the root itself under ''). */
export function countMatchingByChild(
  groups: readonly SnapshotGroup[],
  criteria: ResolvedCriteria,
  rootPath: string,
  regionPaths: ReadonlyMap<string, string>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const group of groups) {
    if (!groupMatches(group, criteria)) continue;
    const child = childOf(rootPath, regionPaths.get(group.regionId) ?? '');
    if (child === null) continue;
    counts.set(child, (counts.get(child) ?? 0) + group.count);
  }
  return counts;
}
