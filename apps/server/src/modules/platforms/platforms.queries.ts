import {
  type Page,
  type Platform,
  type PlatformCounts,
  type PlatformExportQuery,
  platformLevels,
  type PlatformQuery,
  platformStatuses,
  registeredPlatformStatuses,
} from '@stip/contracts';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { invalidField, notFound } from '../../shared/app-error';
import type { ActorContext, RequestContext } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { canSeeRegion } from '../regions';
import { getRegionRow, type RegionRow } from '../regions';
import { isScopeByRegionAndType, platformEditableFields, platformScope } from './platforms.policy';
import * as repository from './platforms.repository';
import type { PlatformRecordRow, RegistryFilter } from './platforms.repository';
import { findActiveNames } from '../catalogues';

/** Reading the registry: pages, counts, one platform, and the one mapper from a registry row to the API's Platform. */

export function toPlatform(
  row: PlatformRecordRow,
  // History snapshots show the state's own number and recording time rather than the record's.
  as: { version: number; updatedAt: Date } = { version: row.lockVersion, updatedAt: row.updatedAt },
): Platform {
  return {
    id: row.id,
    name: row.name,
    typeId: row.typeId,
    typeName: row.typeName,
    systemId: row.systemId,
    systemName: row.systemName,
    level: row.level,
    hostOrganizationId: row.hostOrganizationId,
    hostOrganizationName: row.hostOrganizationName,
    coBuilders: row.coBuilders,
    regionId: row.regionId,
    regionName: row.regionName,
    industry: row.industry,
    technicalFields: row.technicalFields,
    director: row.director,
    status: row.status,
    recognitionDocNo: row.recognitionDocNo,
    recognizedOn: row.recognizedOn,
    constructionEndsOn: row.constructionEndsOn,
    parentPlatformId: row.parentPlatformId,
    parentPlatformName: row.parentPlatformName,
    successorPlatformId: row.successorPlatformId,
    successorPlatformName: row.successorPlatformName,
    remarks: row.remarks,
    isDemo: row.isDemo,
    version: as.version,
    validFrom: row.validFrom,
    updatedAt: as.updatedAt.toISOString(),
  };
}

/** Registry rows as the API's platforms (the rows carry their co-builders' names). */
export function toPlatforms(rows: PlatformRecordRow[]): Platform[] {
  return rows.map((row) => toPlatform(row));
}

/** One page of the platforms in force on `day` that `condition` admits, by name, as the API's Platform. */
export async function findPlatformsInForce(
  db: Executor,
  day: string,
  condition: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<Platform[]> {
  return toPlatforms(await repository.findRecordsInForce(db, day, condition, page));
}

/** The policy's scope plus the query's filters; a region filter must name a region the actor sees. */
export async function registryFilter(
  ctx: ActorContext,
  query: PlatformExportQuery,
): Promise<{ filter: RegistryFilter; region: RegionRow | null }> {
  let region: RegionRow | null = null;
  if (query.regionId) {
    region = (await getRegionRow(ctx.db, query.regionId)) ?? null;
    if (!region || !canSeeRegion(ctx.actor, region)) throw invalidField('regionId', '所在区域不存在或不在您的管辖范围内');
  }
  return {
    region,
    filter: {
      scope: platformScope(ctx.actor),
      scopeByRegionAndType: isScopeByRegionAndType(ctx.actor),
      asOf: query.asOf ?? null,
      systemId: query.systemId,
      typeIds: query.typeId,
      levels: query.level,
      regionPath: region?.path,
      statuses: query.status,
      industry: query.industry || undefined,
      hostOrganizationId: query.hostOrganizationId,
      keyword: query.keyword || undefined,
    },
  };
}

/** One page of the registry (current, or as it stood on `asOf`), filtered and scoped. */
export async function findPlatforms(ctx: ActorContext, query: PlatformQuery): Promise<Page<Platform>> {
  const { filter } = await registryFilter(ctx, query);
  const [rows, total] = await Promise.all([
    repository.findRegistryRows(ctx.db, filter, query),
    repository.countRegistryRows(ctx.db, filter),
  ]);
  return { items: toPlatforms(rows), total };
}

/**
 * Counts of the filtered registry by system, level, status and region — by region meaning each
 * region directly under the filtered region (or the actor's scope root), counting its subtree.
 */
export async function countPlatforms(ctx: ActorContext, query: PlatformExportQuery): Promise<PlatformCounts> {
  const { filter, region } = await registryFilter(ctx, query);
  const scopeRoot = actorRegionPath(ctx.actor);
  const root = region ?? (typeof scopeRoot === 'string' && scopeRoot !== 'nothing' ? { id: ctx.actor.regionId!, path: scopeRoot } : null);
  // A host organisation has no region scope: its chart shows the regions its own platforms lie in, not the provinces.
  const byOwnRegion = !region && ctx.actor?.role === 'host_user';
  const [total, grouped, systems, byChildRegion] = await Promise.all([
    repository.countRegistryRows(ctx.db, filter),
    repository.countRegistryBy(ctx.db, filter),
    repository.findPlatformSystems(ctx.db),
    scopeRoot === 'nothing'
      ? Promise.resolve([])
      : byOwnRegion
        ? repository.countRegistryByOwnRegion(ctx.db, filter)
        : repository.countRegistryByChildRegion(ctx.db, filter, root),
  ]);
  // A region without regions below it (a county with no towns recorded) is its own one bar, never an empty axis.
  let byRegion = byChildRegion;
  if (byRegion.length === 0 && root && !byOwnRegion) {
    const rootRow = await getRegionRow(ctx.db, root.id);
    if (rootRow) byRegion = [{ id: rootRow.id, name: rootRow.name, count: total }];
  }
  const bySystem = new Map(grouped.bySystem.map((row) => [row.id, row.count]));
  const byLevel = new Map(grouped.byLevel.map((row) => [row.level, row.count]));
  const byStatus = new Map(grouped.byStatus.map((row) => [row.status, row.count]));
  return {
    total,
    registered: registeredPlatformStatuses.reduce((sum, status) => sum + (byStatus.get(status) ?? 0), 0),
    bySystem: systems.map((system) => ({ ...system, count: bySystem.get(system.id) ?? 0 })),
    byLevel: platformLevels.map((level) => ({ level, count: byLevel.get(level) ?? 0 })),
    byStatus: platformStatuses.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
    byRegion,
  };
}

/** The key industries (the city's industry catalogue), then every other industry the actor's current registry names. */
export async function findIndustries(ctx: ActorContext): Promise<string[]> {
  const used = await repository.findRegistryIndustries(ctx.db, { scope: platformScope(ctx.actor), asOf: null });
  const key = await findActiveNames(ctx.db, 'industry');
  return [...key, ...used.filter((industry) => !key.includes(industry))];
}

export async function getVisibleRecord(db: Executor, ctx: RequestContext, id: string): Promise<PlatformRecordRow> {
  const row = await repository.getCurrentRecord(db, id, platformScope(ctx.actor));
  if (!row) throw notFound();
  return row;
}

export async function loadPlatform(db: Executor, id: string): Promise<Platform> {
  const row = await repository.getCurrentRecord(db, id, undefined);
  if (!row) throw notFound();
  const [platform] = toPlatforms([row]);
  return platform!;
}

/** The current state of a platform the actor may see (404 otherwise, soft-deleted included). */
export async function getPlatform(ctx: ActorContext, id: string): Promise<Platform> {
  const row = await getVisibleRecord(ctx.db, ctx, id);
  return { ...toPlatform(row), editableFields: [...platformEditableFields(ctx.actor, row)] };
}
