import { and, asc, count, desc, eq, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { registeredPlatformStatuses } from '@stip/contracts';
import type { PlatformLevel, PublicationStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import {
  achievements,
  calls,
  demands,
  organizations,
  platformSystems,
  platformTypes,
  platformVersions,
  platforms,
  regions,
} from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';

/**
 * The portal's reads. Every select names its columns: a column that is not selected here cannot reach a
 * visitor, whatever is added to the tables later. Only published, non-deleted rows are read. 揭榜挂帅 calls are
 * the challenges module's (its public functions, which know the status a call shows after its deadline).
 */

const published: PublicationStatus = 'published';

const achievementIsPublic = and(eq(achievements.status, published), isNull(achievements.deletedAt));
const demandIsPublic = and(eq(demands.status, published), isNull(demands.deletedAt));
const callIsPublic = and(eq(calls.status, 'open'), isNull(calls.deletedAt));

/** The contact columns and which of them the owner chose to publish; the service drops the rest. */
export interface ContactColumns {
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  publishedContact: string[];
}

export async function findPublicAchievement(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: achievements.id,
      externalId: achievements.externalId,
      title: achievements.title,
      abstract: achievements.abstract,
      keywords: achievements.keywords,
      discipline: achievements.discipline,
      technicalField: achievements.technicalField,
      industry: achievements.industry,
      maturity: achievements.maturity,
      patents: achievements.patents,
      ownerName: achievements.ownerName,
      ownerType: achievements.ownerType,
      team: achievements.team,
      transferModes: achievements.transferModes,
      priceMin: achievements.priceMin,
      priceMax: achievements.priceMax,
      contactName: achievements.contactName,
      contactPhone: achievements.contactPhone,
      contactEmail: achievements.contactEmail,
      publishedContact: achievements.publishedContact,
      regionName: regions.name,
      source: achievements.source,
      dataSource: achievements.dataSource,
      publishedAt: achievements.publishedAt,
      isDemo: achievements.isDemo,
    })
    .from(achievements)
    .leftJoin(regions, eq(regions.id, achievements.regionId))
    .where(and(eq(achievements.id, id), achievementIsPublic));
  return row ?? null;
}

export async function findPublicDemand(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: demands.id,
      title: demands.title,
      description: demands.description,
      keywords: demands.keywords,
      technicalField: demands.technicalField,
      industry: demands.industry,
      budget: demands.budget,
      deadline: demands.deadline,
      enterpriseName: demands.enterpriseName,
      contactName: demands.contactName,
      contactPhone: demands.contactPhone,
      contactEmail: demands.contactEmail,
      publishedContact: demands.publishedContact,
      regionName: regions.name,
      publishedAt: demands.publishedAt,
      isDemo: demands.isDemo,
    })
    .from(demands)
    .leftJoin(regions, eq(regions.id, demands.regionId))
    .where(and(eq(demands.id, id), demandIsPublic));
  return row ?? null;
}

/** Card fields of published achievements (the search list's cards and the home page's latest). */
export async function findAchievementCards(db: Executor, ids: string[] | null, limit?: number) {
  const query = db
    .select({
      id: achievements.id,
      externalId: achievements.externalId,
      title: achievements.title,
      body: achievements.abstract,
      ownerName: achievements.ownerName,
      technicalField: achievements.technicalField,
      industry: achievements.industry,
      maturity: achievements.maturity,
      regionName: regions.name,
      publishedAt: achievements.publishedAt,
      source: achievements.source,
      isDemo: achievements.isDemo,
    })
    .from(achievements)
    .leftJoin(regions, eq(regions.id, achievements.regionId))
    .where(and(achievementIsPublic, ids ? (ids.length ? inArray(achievements.id, ids) : sql`false`) : undefined))
    .orderBy(desc(achievements.publishedAt), desc(achievements.createdAt));
  return limit ? query.limit(limit) : query;
}

export async function findDemandCards(db: Executor, ids: string[] | null, limit?: number) {
  const query = db
    .select({
      id: demands.id,
      externalId: demands.externalId,
      title: demands.title,
      body: demands.description,
      ownerName: demands.enterpriseName,
      technicalField: demands.technicalField,
      industry: demands.industry,
      regionName: regions.name,
      publishedAt: demands.publishedAt,
      isDemo: demands.isDemo,
    })
    .from(demands)
    .leftJoin(regions, eq(regions.id, demands.regionId))
    .where(and(demandIsPublic, ids ? (ids.length ? inArray(demands.id, ids) : sql`false`) : undefined))
    .orderBy(desc(demands.publishedAt), desc(demands.createdAt));
  return limit ? query.limit(limit) : query;
}

/** Names of regions by id (the search facets carry ids). */
export async function findRegionNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: regions.id, name: regions.name }).from(regions).where(inArray(regions.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function findOpenCalls(db: Executor, page: { limit: number; offset: number }) {
  const items = await db
    .select({
      id: calls.id,
      title: calls.title,
      year: calls.year,
      regionName: regions.name,
      opensOn: calls.opensOn,
      closesOn: calls.closesOn,
      status: calls.status,
      description: calls.description,
      typeIds: calls.typeIds,
      materials: calls.materials,
      isDemo: calls.isDemo,
    })
    .from(calls)
    .innerJoin(regions, eq(regions.id, calls.regionId))
    .where(callIsPublic)
    .orderBy(asc(calls.closesOn), asc(calls.id))
    .limit(page.limit)
    .offset(page.offset);
  const typeIds = [...new Set(items.flatMap((item) => item.typeIds))];
  const types = typeIds.length
    ? await db
        .select({ id: platformTypes.id, name: platformTypes.name, level: platformTypes.level, sortOrder: platformTypes.sortOrder })
        .from(platformTypes)
        .where(inArray(platformTypes.id, typeIds))
    : [];
  const [total] = await db.select({ total: count() }).from(calls).where(callIsPublic);
  return { items, types: new Map(types.map((type) => [type.id, type])), total: total?.total ?? 0 };
}

/** The recognised platforms (在册: `registeredPlatformStatuses`) as they stand today. */
const currentRegistered = and(
  isNull(platformVersions.validTo),
  inArray(platformVersions.status, [...registeredPlatformStatuses]),
  isNull(platforms.deletedAt),
);

export async function findPublicPlatforms(
  db: Executor,
  query: { q?: string | undefined; level?: PlatformLevel[] | undefined; systemId?: string[] | undefined; regionId?: string[] | undefined },
  page: { limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [currentRegistered];
  if (query.q) conditions.push(ilike(platformVersions.name, escapeLike(query.q)));
  if (query.level?.length) conditions.push(inArray(platformTypes.level, query.level));
  if (query.systemId?.length) conditions.push(inArray(platformTypes.systemId, query.systemId));
  if (query.regionId?.length) {
    // A region filter takes its subtree (a city takes its counties).
    const paths = await db.select({ path: regions.path }).from(regions).where(inArray(regions.id, query.regionId));
    conditions.push(
      paths.length
        ? sql`(${sql.join(
            paths.map((row) => sql`${platformVersions.regionId} in ${subtreeIdsSql(row.path)}`),
            sql` or `,
          )})`
        : sql`false`,
    );
  }
  const where = and(...conditions);
  const base = () =>
    db
      .select({
        id: platforms.id,
        name: platformVersions.name,
        typeName: platformTypes.name,
        systemName: platformSystems.name,
        level: platformTypes.level,
        hostOrganizationName: organizations.name,
        regionName: regions.name,
        industry: platformVersions.industry,
        recognizedOn: platformVersions.recognizedOn,
        isDemo: platforms.isDemo,
      })
      .from(platformVersions)
      .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
      .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
      .innerJoin(platformSystems, eq(platformSystems.id, platformTypes.systemId))
      .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
      .innerJoin(regions, eq(regions.id, platformVersions.regionId));
  const items = await base()
    .where(where)
    .orderBy(
      sql`case ${platformTypes.level} when 'national' then 0 when 'provincial' then 1 when 'city' then 2 else 3 end`,
      asc(platformVersions.name),
      asc(platforms.id),
    )
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ total: count() })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .where(where);
  return { items, total: total?.total ?? 0 };
}

/** What the platform filters offer: counts of every recognised platform by level, system and region. */
export async function findPlatformFilterOptions(db: Executor) {
  const grouped = async (key: SQL, label: SQL, join: 'system' | 'region' | null) => {
    let query = db
      .select({ key: sql<string>`${key}`, label: sql<string>`${label}`, count: count() })
      .from(platformVersions)
      .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
      .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
      .$dynamic();
    if (join === 'system') query = query.innerJoin(platformSystems, eq(platformSystems.id, platformTypes.systemId));
    if (join === 'region') query = query.innerJoin(regions, eq(regions.id, platformVersions.regionId));
    return query
      .where(currentRegistered)
      .groupBy(sql`1`, sql`2`)
      .orderBy(sql`3 desc`, sql`2`);
  };
  const [level, system, region] = await Promise.all([
    grouped(sql`${platformTypes.level}::text`, sql`${platformTypes.level}::text`, null),
    grouped(sql`${platformSystems.id}::text`, sql`${platformSystems.name}`, 'system'),
    grouped(sql`${regions.id}::text`, sql`${regions.name}`, 'region'),
  ]);
  return { level, system, region };
}

export async function countPublic(db: Executor) {
  const one = async (query: Promise<{ total: number }[]>) => (await query)[0]?.total ?? 0;
  return {
    achievements: await one(db.select({ total: count() }).from(achievements).where(achievementIsPublic)),
    demands: await one(db.select({ total: count() }).from(demands).where(demandIsPublic)),
    calls: await one(db.select({ total: count() }).from(calls).where(callIsPublic)),
    platforms: await one(
      db
        .select({ total: count() })
        .from(platformVersions)
        .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
        .where(currentRegistered),
    ),
  };
}

/**
 * The city the portal serves, for its header: the only city, or (with several, as in the demo) the one with
 * the most recognised platforms in its subtree.
 */
export async function findPortalRegionName(db: Executor): Promise<string | null> {
  const [row] = await db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.level, 'city'))
    .orderBy(
      sql`(select count(*) from ${platformVersions} pv join ${platforms} p on p.id = pv.platform_id and p.deleted_at is null
        where pv.valid_to is null and pv.region_id in (select s.id from ${regions} s where s.path like ${regions.path} || '%')) desc`,
      asc(regions.name),
    )
    .limit(1);
  return row?.name ?? null;
}
