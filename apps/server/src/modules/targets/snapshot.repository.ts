import { and, asc, count, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import {
  platformCountChanges,
  platformCountRollups,
  platformCounts,
  platformEntries,
  platformSystems,
  platformTypes,
  platformVersions,
  platforms,
  regions,
} from '../../db/schema/index';
import { type Platform, registeredPlatformStatuses } from '@stip/contracts';
import { findPlatformsInForce, inForceOn } from '../platforms';
import type { RegionFact, ResolvedCriteria, SnapshotGroup, TypeFact } from './targets.arithmetic';

/**
 * The registry as it stood on a day, counted. Every figure is computed from `platform_versions`: the
 * version of a platform in force on D is the one whose [valid_from, valid_to) range contains D, and a
 * soft-deleted platform never counts. A conversion (撤并转) closes one version and opens another with
 * the new type on the conversion date, so the platform counts under its old type before that day and
 * under the new one from it; a revocation or merger opens a version whose status is revoked / merged,
 * which the live-status filter leaves out from its valid_from on.
 */

interface VersionColumns {
  platformId: AnyColumn;
  typeId: AnyColumn;
  regionId: AnyColumn;
  status: AnyColumn;
  industry: AnyColumn;
  recognizedOn: AnyColumn;
  validFrom: AnyColumn;
  validTo: AnyColumn;
}

/** The platform is not soft-deleted (the deleted ones are few: an anti-join on a small hashed set). */
export function platformNotDeleted(v: VersionColumns): SQL {
  return sql`${v.platformId} not in (select ${platforms.id} from ${platforms} where ${platforms.deletedAt} is not null)`;
}

/** The resolved criteria as a condition on a version row. */
export function criteriaCondition(criteria: ResolvedCriteria, v: VersionColumns): SQL {
  const parts: SQL[] = [combinationCondition(criteria, v)];
  if (criteria.industry === null) parts.push(sql`(${v.industry} is null or ${v.industry} = '')`);
  else if (criteria.industry !== undefined) parts.push(eq(v.industry, criteria.industry));
  if (criteria.recognizedYear !== undefined) {
    parts.push(
      sql`${v.recognizedOn} >= ${`${criteria.recognizedYear}-01-01`}::date and ${v.recognizedOn} < ${`${criteria.recognizedYear + 1}-01-01`}::date`,
    );
  }
  return and(...parts)!;
}

/** The type, status and region parts of the criteria, on any row with those columns (a version, an entry). */
function combinationCondition(criteria: ResolvedCriteria, v: Pick<VersionColumns, 'typeId' | 'status' | 'regionId'>): SQL {
  const parts: SQL[] = [];
  if (criteria.typeIds) parts.push(criteria.typeIds.size ? inArray(v.typeId, [...criteria.typeIds]) : sql`false`);
  if (criteria.statuses) parts.push(criteria.statuses.size ? inArray(v.status, [...criteria.statuses]) : sql`false`);
  if (criteria.regionIds) parts.push(criteria.regionIds.size ? inArray(v.regionId, [...criteria.regionIds]) : sql`false`);
  return parts.length ? and(...parts)! : sql`true`;
}

/** How a count may be answered: `byRegionAndType` says the scope reads only a version's region and type (platforms.policy.ts `isScopeByRegionAndType`). */
export interface CountOptions {
  industry?: boolean;
  byRegionAndType?: boolean;
}

/**
 * The versions in force on `day` that `scope` admits, counted per type, region and status (and
 * industry when asked) — a few thousand groups at most, from which the target arithmetic and the
 * cockpit sum every figure. When the scope reads only region and type, the answer comes from the
 * maintained counts (`platform_counts` minus the `platform_count_changes` after the day: a small
 * sum, identical to the recount — proved by snapshot.counts.test.ts); otherwise it is recounted.
 */
export async function countInForceByGroup(
  db: Executor,
  day: string,
  scope: SQL | undefined,
  options: CountOptions = {},
): Promise<SnapshotGroup[]> {
  if (!options.byRegionAndType) return recountInForceByGroup(db, day, scope, options);
  const rows = (await db.execute(
    options.industry
      ? sql`${countsOn(day)}
    select type_id as "typeId", region_id as "regionId", status, nullif(industry, '') as industry, sum(n)::int as count
    from platform_versions where ${scope ?? sql`true`}
    group by 1, 2, 3, 4 having sum(n) <> 0`
      : sql`${groupCountsOn(day)}
    select type_id as "typeId", region_id as "regionId", status, null as industry, sum(n)::int as count
    from platform_versions where ${scope ?? sql`true`}
    group by 1, 2, 3 having sum(n) <> 0`,
  )) as unknown as { rows: SnapshotGroup[] };
  return rows.rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/**
 * 在册 platforms (`registeredPlatformStatuses`) in force on `day` within `scope` and located in one of
 * `regionIds`, per industry (null: none recorded) — the cockpit's industry chart. Summed in the database, so
 * a handful of rows come back instead of every (type, region, status, industry) group; from the maintained
 * counts when the scope reads only region and type, else recounted (snapshot.counts.test.ts compares both).
 */
export async function countRegisteredByIndustry(
  db: Executor,
  day: string,
  scope: SQL | undefined,
  regionIds: readonly string[],
  options: Pick<CountOptions, 'byRegionAndType'> = {},
): Promise<{ industry: string | null; count: number }[]> {
  if (!regionIds.length) return [];
  const within = and(
    inArray(platformVersions.status, [...registeredPlatformStatuses]),
    inArray(platformVersions.regionId, [...regionIds]),
    scope,
  );
  const rows: { industry: string | null; count: number | string }[] = options.byRegionAndType
    ? (
        (await db.execute(sql`${countsOn(day)}
        select nullif(industry, '') as industry, sum(n)::int as count from platform_versions where ${within}
        group by 1 having sum(n) <> 0`)) as unknown as { rows: { industry: string | null; count: number | string }[] }
      ).rows
    : await db
        .select({ industry: sql<string | null>`nullif(${platformVersions.industry}, '')`, count: count() })
        .from(platformVersions)
        .where(and(inForceOn(day), platformNotDeleted(platformVersions), within))
        .groupBy(sql`1`);
  return rows.map((row) => ({ industry: row.industry, count: Number(row.count) }));
}

/**
 * The maintained counts per (type, region, status) as they stood on `day`, like `countsOn` but from the
 * rollups: the open counts minus the changes after the day to the end of its month, the months after it
 * to the end of its year, and the years after — a few thousand rows for any day, however long ago.
 */
function groupCountsOn(day: string): SQL {
  const month = sql`date_trunc('month', ${day}::date)::date`;
  const year = sql`date_trunc('year', ${day}::date)::date`;
  return sql`with platform_versions as materialized (
      select type_id, region_id, status, count as n from ${platformCounts}
      union all
      select type_id, region_id, status, -delta from ${platformCountChanges}
        where day > ${day}::date and day < (${month} + interval '1 month')::date
      union all
      select type_id, region_id, status, -delta from ${platformCountRollups}
        where span = 'month' and period > ${month} and period < (${year} + interval '1 year')::date
      union all
      select type_id, region_id, status, -delta from ${platformCountRollups} where span = 'year' and period > ${year}
    )`;
}

/**
 * The maintained counts as they stood on `day`, as a query named `platform_versions` with the version
 * columns a region-and-type scope reads (region_id, type_id), so the registry's own scope condition
 * applies to it unchanged: the open counts minus the changes after the day. Materialised: the union is
 * small, and a scope that is a subquery of regions would otherwise rescan it once per region.
 */
function countsOn(day: string): SQL {
  return sql`with platform_versions as materialized (
      select type_id, region_id, status, industry, recognized_year, count as n from ${platformCounts}
      union all
      select type_id, region_id, status, industry, recognized_year, -delta from ${platformCountChanges} where day > ${day}::date
    )`;
}

/**
 * 在册平台 on `day` within `scope`: platforms in force whose status is on the register
 * (`registeredPlatformStatuses`: not revoked or merged; deleted never count) — the one count behind
 * every 在册 total (the cockpit's, the start log's; the platform overview filters by the same statuses).
 */
export async function countRegisteredPlatforms(
  db: Executor,
  day: string,
  scope: SQL | undefined,
  options: Pick<CountOptions, 'byRegionAndType'> = {},
): Promise<number> {
  const groups = await countInForceByGroup(db, day, scope, options);
  return sumRegistered(groups);
}

/**
 * 在册平台 on `day` in the whole registry, with each city's share — what the start log prints, so it
 * matches the cockpit and the overview of each city (platforms outside any city are counted in the total only).
 */
export async function countRegisteredByCity(
  db: Executor,
  day: string,
): Promise<{ total: number; cities: { name: string; count: number }[] }> {
  const groups = await countInForceByGroup(db, day, undefined, { byRegionAndType: true });
  const rows = await db.select({ id: regions.id, name: regions.name, path: regions.path, level: regions.level }).from(regions);
  const cities = rows.filter((row) => row.level === 'city').sort((a, b) => a.path.localeCompare(b.path));
  const pathOf = new Map(rows.map((row) => [row.id, row.path]));
  const byCity = new Map<string, number>();
  for (const group of groups) {
    if (!registeredPlatformStatuses.includes(group.status)) continue;
    const city = cities.find((candidate) => (pathOf.get(group.regionId) ?? '').startsWith(candidate.path));
    if (city) byCity.set(city.id, (byCity.get(city.id) ?? 0) + group.count);
  }
  return {
    total: sumRegistered(groups),
    // Largest first (the deployment's own city before a neighbour's few), then by name: a stable order.
    cities: cities
      .filter((city) => byCity.has(city.id))
      .map((city) => ({ name: city.name, count: byCity.get(city.id)! }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** "在册平台 64 个（不含已撤销、已合并；达州市 62 个、定西市 2 个）": the start log's total, by the one 在册 definition. */
export async function describeRegisteredPlatforms(db: Executor, day: string): Promise<string> {
  const { total, cities } = await countRegisteredByCity(db, day);
  const shares = cities.map((city) => `${city.name} ${city.count} 个`).join('、');
  return `在册平台 ${total} 个（不含已撤销、已合并${shares ? `；${shares}` : ''}）`;
}

/** The groups' platforms whose status is on the register (在册), summed. */
export function sumRegistered(groups: readonly SnapshotGroup[]): number {
  return groups.filter((group) => registeredPlatformStatuses.includes(group.status)).reduce((sum, group) => sum + group.count, 0);
}

/** The full recount from `platform_versions` (the reference the maintained counts are proved against, and the path for other scopes). */
export async function recountInForceByGroup(
  db: Executor,
  day: string,
  scope: SQL | undefined,
  options: { industry?: boolean } = {},
): Promise<SnapshotGroup[]> {
  const rows = await db
    .select({
      typeId: platformVersions.typeId,
      regionId: platformVersions.regionId,
      status: platformVersions.status,
      industry: options.industry ? platformVersions.industry : sql<null>`null`,
      count: count(),
    })
    .from(platformVersions)
    .where(and(inForceOn(day), platformNotDeleted(platformVersions), scope))
    .groupBy(
      platformVersions.typeId,
      platformVersions.regionId,
      platformVersions.status,
      ...(options.industry ? [platformVersions.industry] : []),
    );
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

const earlier = alias(platformVersions, 'earlier');
const entered = alias(platformEntries, 'entered');
const enteredBefore = alias(platformEntries, 'entered_before');

/** One 新建 question: the platforms in force on `day` that match `criteria` and entered it after `baselineDate`. */
export interface AdditionsSpec {
  criteria: ResolvedCriteria;
  baselineDate: string;
  day: string;
}

/**
 * 新建: for each spec, how many platforms in force on its day match its criteria and had no matching
 * version that began on or before its baseline — their first matching version began after it (a
 * platform converted into the type after the baseline is new; one that matched before, left and came
 * back is not). All specs in one round trip, answered from the maintained first entries
 * (`platform_entries`): a new platform entered one of the criteria's (type, region, status)
 * combinations after the baseline and by the day, and none on or before the baseline — so only the few
 * platforms that entered after the baseline are looked at, each by its key. Identical to the recount
 * (`recountNewPlatforms`; proved by snapshot.counts.test.ts). Criteria on industry or recognition year,
 * which the entries do not carry, are recounted.
 */
export async function countNewPlatforms(db: Executor, specs: readonly AdditionsSpec[], scope: SQL | undefined): Promise<number[]> {
  if (!specs.length) return [];
  if (specs.some((spec) => spec.criteria.industry !== undefined || spec.criteria.recognizedYear !== undefined)) {
    return recountNewPlatformsByDay(db, specs, scope);
  }
  const fields: Record<string, SQL<number>> = {};
  specs.forEach(({ criteria, baselineDate, day }, index) => {
    // The candidates: platforms (not deleted) that entered one of the criteria's combinations after the baseline and by
    // the day, whose earliest entry into any of them is after the baseline. Each check and the count after it are
    // correlated look-ups by the platform's key (aggregates, so the plan stays a loop over the few candidates); most
    // old platforms are set aside before that by the entry's witness.
    const earliestEntry = sql`(select min(${enteredBefore.firstFrom}) from ${platformEntries} ${enteredBefore} where ${and(
      sql`${enteredBefore.platformId} = candidate.platform_id`,
      combinationCondition(criteria, enteredBefore),
    )})`;
    // An entry whose witness (the version just before it) matched and began by the baseline is an old platform's.
    const witnessMatched = combinationCondition(criteria, {
      typeId: entered.previousTypeId,
      status: entered.previousStatus,
      regionId: entered.previousRegionId,
    });
    const candidates = sql`select distinct ${entered.platformId} as platform_id from ${platformEntries} ${entered} where ${and(
      combinationCondition(criteria, entered),
      sql`${entered.firstFrom} > ${baselineDate}::date and ${entered.firstFrom} <= ${day}::date`,
      sql`not coalesce(${witnessMatched} and ${entered.previousFrom} <= ${baselineDate}::date, false)`,
    )}`;
    const inForce = sql`select count(*) from ${platformVersions} where ${and(
      sql`${platformVersions.platformId} = candidate.platform_id`,
      inForceOn(day),
      criteriaCondition(criteria, platformVersions),
      sql`${platformVersions.validFrom} > ${baselineDate}::date`,
      scope,
    )}`;
    fields[`n${index}`] = sql<number>`(select coalesce(sum((${inForce})), 0) from (${candidates}) candidate
      where candidate.platform_id not in (select ${platforms.id} from ${platforms} where ${platforms.deletedAt} is not null)
        and ${earliestEntry} > ${baselineDate}::date)`.mapWith(Number);
  });
  const result = await db.transaction(async (tx) => {
    // A loop over a few candidates: starting parallel workers costs more than it saves (and most on a busy machine).
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return (await tx.execute(
      sql`select ${sql.join(
        Object.entries(fields).map(([name, field]) => sql`${field} as ${sql.identifier(name)}`),
        sql`, `,
      )}`,
    )) as unknown as { rows: Record<string, number | string>[] };
  });
  const row = result.rows[0];
  return specs.map((_, index) => Number(row?.[`n${index}`] ?? 0));
}

/** `recountNewPlatforms` for specs of several days: one recount per day. */
async function recountNewPlatformsByDay(db: Executor, specs: readonly AdditionsSpec[], scope: SQL | undefined): Promise<number[]> {
  const counts: number[] = new Array<number>(specs.length).fill(0);
  for (const day of new Set(specs.map((spec) => spec.day))) {
    const indexes = specs.flatMap((spec, index) => (spec.day === day ? [index] : []));
    const counted = await recountNewPlatforms(
      db,
      day,
      indexes.map((index) => specs[index]!),
      scope,
    );
    indexes.forEach((index, position) => (counts[index] = counted[position]!));
  }
  return counts;
}

/**
 * 新建 recounted from the versions: one pass over the versions in force on `day`, one
 * `count(*) filter (…)` per spec, each looking up the platform's earlier versions (the reference the
 * maintained first entries are proved against, and the path for criteria they cannot answer).
 */
export async function recountNewPlatforms(
  db: Executor,
  day: string,
  specs: readonly { criteria: ResolvedCriteria; baselineDate: string }[],
  scope: SQL | undefined,
): Promise<number[]> {
  if (!specs.length) return Promise.resolve([]);
  const fields: Record<string, SQL<number>> = {};
  specs.forEach((spec, index) => {
    fields[`n${index}`] = sql<number>`count(*) filter (where ${newSinceCondition(spec.criteria, spec.baselineDate)})`.mapWith(Number);
  });
  // Only a version that began after its spec's baseline can be new (one that began on or before it is itself an
  // earlier match): with a recent baseline (a current plan's start) the versions to look at are few.
  const earliest = specs.map((spec) => spec.baselineDate).sort()[0]!;
  const [row] = await db
    .select(fields)
    .from(platformVersions)
    .where(and(inForceOn(day), sql`${platformVersions.validFrom} > ${earliest}::date`, platformNotDeleted(platformVersions), scope));
  return specs.map((_, index) => Number(row?.[`n${index}`] ?? 0));
}

/** The criteria, and for a baseline the "no matching version on or before it" rule, on a version row. */
export function newSinceCondition(criteria: ResolvedCriteria, baselineDate: string | null): SQL {
  const matches = criteriaCondition(criteria, platformVersions);
  if (!baselineDate) return matches;
  // A row that itself began on or before the baseline is an earlier matching version: not new.
  return sql`(${matches} and ${platformVersions.validFrom} > ${baselineDate}::date and not exists (select 1 from ${platformVersions} ${earlier} where ${earlier.platformId} = ${platformVersions.platformId} and ${earlier.validFrom} <= ${baselineDate}::date and ${criteriaCondition(criteria, earlier)}))`;
}

/** Platforms in force on `day` with a recognition date, counted by recognition year and type (from the maintained counts when the scope allows, as above). */
export async function countRecognitionsByYear(
  db: Executor,
  day: string,
  regionIds: readonly string[],
  scope: SQL | undefined,
  options: Pick<CountOptions, 'byRegionAndType'> = {},
) {
  if (!options.byRegionAndType) return recountRecognitionsByYear(db, day, regionIds, scope);
  if (!regionIds.length) return Promise.resolve([]);
  const result = (await db.execute(sql`${countsOn(day)}
    select recognized_year as year, type_id as "typeId", sum(n)::int as count
    from platform_versions
    where recognized_year <> 0 and region_id in (${sql.join(
      regionIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and ${scope ?? sql`true`}
    group by 1, 2 having sum(n) <> 0`)) as unknown as { rows: { year: number; typeId: string; count: number }[] };
  return result.rows.map((row) => ({ year: Number(row.year), typeId: row.typeId, count: Number(row.count) }));
}

/** The recognitions by year recounted from `platform_versions` (the reference, and the path for other scopes). */
export async function recountRecognitionsByYear(db: Executor, day: string, regionIds: readonly string[], scope: SQL | undefined) {
  const year = sql<number>`extract(year from ${platformVersions.recognizedOn})::int`;
  const rows = await db
    .select({ year, typeId: platformVersions.typeId, count: count() })
    .from(platformVersions)
    .where(
      and(
        inForceOn(day),
        platformNotDeleted(platformVersions),
        scope,
        regionIds.length ? inArray(platformVersions.regionId, [...regionIds]) : sql`false`,
        sql`${platformVersions.recognizedOn} is not null`,
      ),
    )
    .groupBy(year, platformVersions.typeId);
  return rows.map((row) => ({ year: Number(row.year), typeId: row.typeId, count: Number(row.count) }));
}

/** Every type with its system and level, and every region with its path: small tables, read whole. */
export async function findRegistryFacts(db: Executor): Promise<{ types: TypeFact[]; regions: RegionFact[] }> {
  const [types, regionRows] = await Promise.all([
    db.select({ id: platformTypes.id, systemId: platformTypes.systemId, level: platformTypes.level }).from(platformTypes),
    db.select({ id: regions.id, path: regions.path }).from(regions),
  ]);
  return { types, regions: regionRows };
}

/** One page of the platforms `condition` admits on `day`, as the registry lists them (the platforms module's read), by name. */
export async function findPlatformsOn(
  db: Executor,
  day: string,
  condition: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: Platform[]; total: number }> {
  const items = await findPlatformsInForce(db, day, condition, page);
  const [totalRow] = await db
    .select({ total: count() })
    .from(platformVersions)
    .where(and(inForceOn(day), platformNotDeleted(platformVersions), condition));
  return { items, total: Number(totalRow?.total ?? 0) };
}

/** One page of the platforms in force on `day` that the criteria (and the baseline rule, if any) and `scope` admit. */
export function findPlatformsMatching(
  db: Executor,
  day: string,
  match: { criteria: ResolvedCriteria; baselineDate: string | null },
  scope: SQL | undefined,
  page: { limit: number; offset: number },
) {
  return findPlatformsOn(db, day, and(scope, newSinceCondition(match.criteria, match.baselineDate)), page);
}

/** Regions by id with their names and paths (to resolve filter roots and coverage children). */
export function findRegionsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: regions.id, name: regions.name, path: regions.path })
    .from(regions)
    .where(inArray(regions.id, [...ids]));
}

/** The child regions of each given parent, in the tree's order. */
export function findChildRegions(db: Executor, parentIds: readonly string[]) {
  if (!parentIds.length) return Promise.resolve([]);
  return db
    .select({ id: regions.id, parentId: regions.parentId, name: regions.name, path: regions.path })
    .from(regions)
    .where(inArray(regions.parentId, [...parentIds]))
    .orderBy(asc(regions.sortOrder), asc(regions.name));
}

/** Type and system names, for the brief's table of platforms by type. */
export function findTypeNames(db: Executor) {
  return db
    .select({
      id: platformTypes.id,
      name: platformTypes.name,
      level: platformTypes.level,
      systemId: platformSystems.id,
      systemName: platformSystems.name,
    })
    .from(platformTypes)
    .innerJoin(platformSystems, eq(platformSystems.id, platformTypes.systemId))
    .orderBy(asc(platformSystems.sortOrder), asc(platformTypes.sortOrder), asc(platformTypes.name));
}
