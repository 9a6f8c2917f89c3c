import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { EvaluationRoundStatus, RectificationStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import {
  annualReports,
  evaluationFormulas,
  evaluationResults,
  evaluationRounds,
  organizations,
  platformRecommendations,
  platforms,
  platformTypes,
  platformVersions,
  rectifications,
  regions,
  users,
} from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';

/** The only place the evaluations module speaks SQL. Every function takes the caller's transaction. */

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type ResultRow = typeof evaluationResults.$inferSelect;
export type FormulaRow = typeof evaluationFormulas.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;

const currentVersion = and(isNull(platformVersions.validTo), isNull(platforms.deletedAt));

// ---- formulas

export function findFormulaRows(db: Executor) {
  return db
    .select({ formula: evaluationFormulas, typeName: platformTypes.name })
    .from(evaluationFormulas)
    .leftJoin(platformTypes, eq(platformTypes.id, evaluationFormulas.typeId))
    .orderBy(sql`${evaluationFormulas.typeId} is not null`, asc(platformTypes.name));
}

export async function getFormulaRow(db: Executor, typeId: string | null): Promise<FormulaRow | undefined> {
  const [row] = await db
    .select()
    .from(evaluationFormulas)
    .where(typeId ? eq(evaluationFormulas.typeId, typeId) : isNull(evaluationFormulas.typeId));
  return row;
}

export async function insertFormula(db: Executor, values: typeof evaluationFormulas.$inferInsert): Promise<FormulaRow> {
  const [row] = await db.insert(evaluationFormulas).values(values).returning();
  return row!;
}

export async function updateFormula(db: Executor, id: string, version: number, formula: unknown, updatedBy: string | null) {
  const [row] = await db
    .update(evaluationFormulas)
    .set({ formula, updatedBy, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationFormulas.id, id), eq(evaluationFormulas.version, version)))
    .returning();
  return row;
}

export async function findTypeNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: platformTypes.id, name: platformTypes.name })
    .from(platformTypes)
    .where(inArray(platformTypes.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- rounds

export async function insertRound(db: Executor, values: typeof evaluationRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(evaluationRounds).values(values).returning();
  return row!;
}

export async function getRoundRow(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<RoundRow | undefined> {
  const query = db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

/** Writes the changes if the round is still at `version`; answers the new row, or undefined on a stale version. */
export async function updateRound(db: Executor, id: string, version: number, changes: Partial<typeof evaluationRounds.$inferInsert>) {
  const [row] = await db
    .update(evaluationRounds)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationRounds.id, id), eq(evaluationRounds.version, version)))
    .returning();
  return row;
}

export async function findRoundRows(
  db: Executor,
  filter: { statuses?: EvaluationRoundStatus[]; q?: string; onlyWithResultsIn?: SQL; limit: number; offset: number },
) {
  const conditions: SQL[] = [];
  if (filter.statuses?.length) conditions.push(inArray(evaluationRounds.status, filter.statuses));
  if (filter.q) conditions.push(sql`${evaluationRounds.title} ilike ${escapeLike(filter.q)}`);
  if (filter.onlyWithResultsIn) {
    conditions.push(sql`exists (select 1 from ${evaluationResults}
      join ${platformVersions} on ${platformVersions.platformId} = ${evaluationResults.platformId} and ${platformVersions.validTo} is null
      where ${evaluationResults.roundId} = ${evaluationRounds.id} and ${filter.onlyWithResultsIn})`);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ round: evaluationRounds, regionName: regions.name })
      .from(evaluationRounds)
      .leftJoin(regions, eq(regions.id, evaluationRounds.regionId))
      .where(where)
      .orderBy(desc(evaluationRounds.createdAt), desc(evaluationRounds.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db.select({ value: count() }).from(evaluationRounds).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export async function getRegion(db: Executor, id: string | null): Promise<{ name: string; path: string } | null> {
  if (!id) return null;
  const [row] = await db.select({ name: regions.name, path: regions.path }).from(regions).where(eq(regions.id, id));
  return row ?? null;
}

/** Per round, the grade counts of the results in `scope` (all when undefined). */
export async function countGrades(db: Executor, roundIds: readonly string[], scope: SQL | undefined) {
  if (!roundIds.length) return [];
  return db
    .select({ roundId: evaluationResults.roundId, grade: evaluationResults.grade, value: count() })
    .from(evaluationResults)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, evaluationResults.platformId), isNull(platformVersions.validTo)))
    .where(and(inArray(evaluationResults.roundId, [...roundIds]), scope))
    .groupBy(evaluationResults.roundId, evaluationResults.grade);
}

/**
 * The platforms a round evaluates: live (建设期, 运行 or 整改) platforms of its types located in its
 * region's subtree, with their current lock version and status.
 */
export function findPlatformsInScope(db: Executor, typeIds: string[], regionPath: string | null) {
  return db
    .select({
      platformId: platformVersions.platformId,
      name: platformVersions.name,
      status: platformVersions.status,
      lockVersion: platforms.version,
    })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        currentVersion,
        inArray(platformVersions.typeId, typeIds),
        inArray(platformVersions.status, ['constructing', 'operating', 'rectifying']),
        regionPath ? sql`${platformVersions.regionId} in ${subtreeIdsSql(regionPath)}` : undefined,
      ),
    )
    .orderBy(asc(platformVersions.name));
}

/** Accepted annual reports (final) of these platforms in the years [from, to]. */
export function findAcceptedReports(db: Executor, platformIds: readonly string[], from: number, to: number) {
  if (!platformIds.length) return Promise.resolve([]);
  return db
    .select({ platformId: annualReports.platformId, year: annualReports.year, indicators: annualReports.indicators })
    .from(annualReports)
    .where(
      and(
        inArray(annualReports.platformId, [...platformIds]),
        eq(annualReports.status, 'accepted'),
        isNull(annualReports.deletedAt),
        gte(annualReports.year, from),
        lte(annualReports.year, to),
      ),
    );
}

/** Platforms among these that were graded 不合格 in another round already applied (a second failure). */
export async function findPlatformsFailedBefore(db: Executor, platformIds: readonly string[], exceptRoundId: string): Promise<Set<string>> {
  if (!platformIds.length) return new Set();
  const rows = await db
    .selectDistinct({ platformId: evaluationResults.platformId })
    .from(evaluationResults)
    .innerJoin(evaluationRounds, eq(evaluationRounds.id, evaluationResults.roundId))
    .where(
      and(
        inArray(evaluationResults.platformId, [...platformIds]),
        eq(evaluationResults.grade, 'unqualified'),
        eq(evaluationRounds.status, 'applied'),
        ne(evaluationRounds.id, exceptRoundId),
      ),
    );
  return new Set(rows.map((r) => r.platformId));
}

export async function insertResults(db: Executor, values: (typeof evaluationResults.$inferInsert)[]) {
  if (!values.length) return;
  await db.insert(evaluationResults).values(values);
}

export function deleteResultsOfRound(db: Executor, roundId: string) {
  return db.delete(evaluationResults).where(eq(evaluationResults.roundId, roundId));
}

/** A round's results with their platform's current name, status, type and host, in `scope` (all when undefined). */
export function findResultRows(db: Executor, roundId: string, scope: SQL | undefined) {
  return db
    .select({
      result: evaluationResults,
      platformName: platformVersions.name,
      platformStatus: platformVersions.status,
      lockVersion: platforms.version,
      typeId: platformVersions.typeId,
      typeName: platformTypes.name,
      hostOrganizationId: platformVersions.hostOrganizationId,
      hostOrganizationName: organizations.name,
    })
    .from(evaluationResults)
    .innerJoin(platforms, eq(platforms.id, evaluationResults.platformId))
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, evaluationResults.platformId), isNull(platformVersions.validTo)))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .where(and(eq(evaluationResults.roundId, roundId), scope))
    .orderBy(desc(evaluationResults.score), asc(platformVersions.name));
}

export type ResultWithPlatform = Awaited<ReturnType<typeof findResultRows>>[number];

export async function getResultRow(db: Executor, id: string): Promise<ResultRow | undefined> {
  const [row] = await db.select().from(evaluationResults).where(eq(evaluationResults.id, id));
  return row;
}

export async function updateResult(db: Executor, id: string, version: number, changes: Partial<typeof evaluationResults.$inferInsert>) {
  const [row] = await db
    .update(evaluationResults)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evaluationResults.id, id), eq(evaluationResults.version, version)))
    .returning();
  return row;
}

export async function insertRecommendation(db: Executor, values: typeof platformRecommendations.$inferInsert) {
  await db.insert(platformRecommendations).values(values).onConflictDoNothing();
}

/** The platform's current remarks (to append the 省级培育库 note). */
export async function getCurrentRemarks(db: Executor, platformId: string): Promise<string | null> {
  const [row] = await db
    .select({ remarks: platformVersions.remarks })
    .from(platformVersions)
    .where(and(eq(platformVersions.platformId, platformId), isNull(platformVersions.validTo)));
  return row?.remarks ?? null;
}

// ---- rectifications

export async function insertRectification(db: Executor, values: typeof rectifications.$inferInsert): Promise<RectificationRow> {
  const [row] = await db.insert(rectifications).values(values).returning();
  return row!;
}

export async function updateRectification(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<typeof rectifications.$inferInsert>,
): Promise<RectificationRow | undefined> {
  const [row] = await db
    .update(rectifications)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(rectifications.id, id), eq(rectifications.version, version)))
    .returning();
  return row;
}

export function findOpenRectifications(db: Executor, platformId: string) {
  return db
    .select()
    .from(rectifications)
    .where(and(eq(rectifications.platformId, platformId), inArray(rectifications.status, ['ordered', 'submitted'])));
}

const rectificationColumns = {
  rectification: rectifications,
  platformName: platformVersions.name,
  platformStatus: platformVersions.status,
  lockVersion: platforms.version,
  hostOrganizationId: platformVersions.hostOrganizationId,
  hostOrganizationName: organizations.name,
  roundTitle: evaluationRounds.title,
};

function rectificationQuery(db: Executor) {
  return db
    .select(rectificationColumns)
    .from(rectifications)
    .innerJoin(platforms, eq(platforms.id, rectifications.platformId))
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, rectifications.platformId), isNull(platformVersions.validTo)))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .leftJoin(evaluationRounds, eq(evaluationRounds.id, rectifications.roundId));
}

export type RectificationWithPlatform = Awaited<ReturnType<typeof getRectificationRow>>;

export async function getRectificationRow(db: Executor, id: string, scope: SQL | undefined) {
  const [row] = await rectificationQuery(db).where(and(eq(rectifications.id, id), scope));
  return row;
}

export async function findRectificationRows(
  db: Executor,
  filter: { statuses?: RectificationStatus[]; overdueOn?: string; scope: SQL | undefined; limit: number; offset: number },
) {
  const conditions: (SQL | undefined)[] = [filter.scope];
  if (filter.statuses?.length) conditions.push(inArray(rectifications.status, filter.statuses));
  if (filter.overdueOn) conditions.push(and(eq(rectifications.status, 'ordered'), sql`${rectifications.deadline} < ${filter.overdueOn}`));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    rectificationQuery(db)
      .where(where)
      .orderBy(asc(rectifications.deadline), asc(rectifications.id))
      .limit(filter.limit)
      .offset(filter.offset),
    db
      .select({ value: count() })
      .from(rectifications)
      .innerJoin(platforms, eq(platforms.id, rectifications.platformId))
      .innerJoin(platformVersions, and(eq(platformVersions.platformId, rectifications.platformId), isNull(platformVersions.validTo)))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** Each platform's current type. */
export function findResultTypeIds(db: Executor, platformIds: readonly string[]) {
  if (!platformIds.length) return Promise.resolve([]);
  return db
    .select({ platformId: platformVersions.platformId, typeId: platformVersions.typeId })
    .from(platformVersions)
    .where(and(inArray(platformVersions.platformId, [...platformIds]), isNull(platformVersions.validTo)));
}

/** The platform's current name, and the active host-organisation accounts of its current host. */
export async function findPlatformHostUsers(db: Executor, platformId: string) {
  const rows = await db
    .select({ platformName: platformVersions.name, userId: users.id })
    .from(platformVersions)
    .leftJoin(
      users,
      and(eq(users.organizationId, platformVersions.hostOrganizationId), eq(users.role, 'host_user'), eq(users.isActive, true)),
    )
    .where(and(eq(platformVersions.platformId, platformId), isNull(platformVersions.validTo)));
  return { platformName: rows[0]?.platformName ?? '', userIds: rows.flatMap((row) => (row.userId ? [row.userId] : [])) };
}
