import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnnualReportAction, AnnualReportStatus, IndicatorDefinition } from '@stip/contracts';
import type { Executor } from '../../db/client';
import {
  annualReportForms,
  annualReportReviews,
  annualReportYears,
  annualReports,
  organizations,
  platformTypes,
  platformVersions,
  platforms,
  regions,
  users,
} from '../../db/schema/index';

export type AnnualReportRecord = typeof annualReports.$inferSelect;
export type ReportingYearRecord = typeof annualReportYears.$inferSelect;

/** Region levels below the city: a platform located there is pre-reviewed by its county first. */
export const countyLevelSql = sql`${regions.level} in ('county', 'zone')`;

const reportFields = {
  report: annualReports,
  platformName: platformVersions.name,
  platformStatus: platformVersions.status,
  typeId: platformVersions.typeId,
  typeName: platformTypes.name,
  hostOrganizationId: platformVersions.hostOrganizationId,
  hostOrganizationName: organizations.name,
  regionId: platformVersions.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  hasCountyReview: sql<boolean>`(${countyLevelSql})`,
  registry: {
    recognitionDocNo: platformVersions.recognitionDocNo,
    recognizedOn: platformVersions.recognizedOn,
    constructionEndsOn: platformVersions.constructionEndsOn,
    director: platformVersions.director,
    technicalFields: platformVersions.technicalFields,
    coBuilderIds: platformVersions.coBuilderIds,
  },
};
export type AnnualReportRow = Awaited<ReturnType<typeof selectReports>>[number];

/** Reports with their platform as the registry has it now (the current version). */
function selectReports(db: Executor, where: SQL | undefined) {
  return db
    .select(reportFields)
    .from(annualReports)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, annualReports.platformId), isNull(platformVersions.validTo)))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(and(isNull(annualReports.deletedAt), where));
}

export interface ReportFilter {
  scope: SQL;
  year?: number | undefined;
  statuses?: readonly AnnualReportStatus[] | undefined;
  regionPath?: string | undefined;
  typeId?: string | undefined;
  /** Late as of this day: not submitted by the due date (still unsubmitted, or submitted after it). */
  lateOn?: string | undefined;
  /** Text in the platform's or host's name. */
  q?: string | undefined;
}

/** `submitted_at` later than the due day's end in China. */
const submittedAfterDueSql = sql`(${annualReports.submittedAt} >= ((${annualReports.dueOn} + 1)::timestamp at time zone 'Asia/Shanghai'))`;

function filterSql(filter: ReportFilter): SQL | undefined {
  const escape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return and(
    filter.scope,
    filter.year !== undefined ? eq(annualReports.year, filter.year) : undefined,
    filter.statuses?.length ? inArray(annualReports.status, [...filter.statuses]) : undefined,
    filter.regionPath ? sql`${regions.path} like ${`${escape(filter.regionPath)}%`}` : undefined,
    filter.typeId ? eq(platformVersions.typeId, filter.typeId) : undefined,
    filter.lateOn
      ? sql`((${annualReports.submittedAt} is null and ${annualReports.dueOn} < ${filter.lateOn}) or ${submittedAfterDueSql})`
      : undefined,
    filter.q
      ? sql`(${platformVersions.name} like ${`%${escape(filter.q)}%`} or ${organizations.name} like ${`%${escape(filter.q)}%`})`
      : undefined,
  );
}

export async function findReportRows(db: Executor, filter: ReportFilter, page: { limit: number; offset: number } | null) {
  const where = filterSql(filter);
  const query = selectReports(db, where).orderBy(
    desc(annualReports.year),
    asc(annualReports.dueOn),
    asc(platformVersions.name),
    asc(annualReports.id),
  );
  const [rows, [total]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db
      .select({ total: count() })
      .from(annualReports)
      .innerJoin(platformVersions, and(eq(platformVersions.platformId, annualReports.platformId), isNull(platformVersions.validTo)))
      .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
      .innerJoin(regions, eq(regions.id, platformVersions.regionId))
      .where(and(isNull(annualReports.deletedAt), where)),
  ]);
  return { rows, total: Number(total?.total ?? 0) };
}

export async function getReportRow(db: Executor, id: string, scope: SQL): Promise<AnnualReportRow | undefined> {
  const [row] = await selectReports(db, and(eq(annualReports.id, id), scope));
  return row;
}

/** The platform's report of an earlier year (the latest one before `year`), any status but draft. */
export async function findPreviousReport(db: Executor, platformId: string, year: number) {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(
      and(
        eq(annualReports.platformId, platformId),
        sql`${annualReports.year} < ${year}`,
        isNull(annualReports.deletedAt),
        sql`${annualReports.status} <> 'draft'`,
      ),
    )
    .orderBy(desc(annualReports.year))
    .limit(1);
  return row;
}

export async function findOrganizationNames(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...ids]));
  return rows.map((row) => row.name);
}

/** Saves the figures when the version still matches; answers the updated record or undefined. */
export async function updateReportVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<Pick<AnnualReportRecord, 'indicators' | 'narratives' | 'status' | 'submittedAt' | 'acceptedAt'>>,
) {
  const [row] = await db
    .update(annualReports)
    .set({ ...values, version: sql`${annualReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(annualReports.id, id), eq(annualReports.version, version), isNull(annualReports.deletedAt)))
    .returning();
  return row;
}

export async function insertReview(
  db: Executor,
  values: {
    reportId: string;
    action: AnnualReportAction;
    fromStatus: AnnualReportStatus;
    toStatus: AnnualReportStatus;
    comment: string | null;
    actorId: string | null;
    indicators: Record<string, number>;
    isDemo?: boolean;
    createdAt?: Date;
  },
) {
  const [row] = await db.insert(annualReportReviews).values(values).returning();
  return row!;
}

export async function findReviews(db: Executor, reportId: string) {
  return db
    .select({
      id: annualReportReviews.id,
      action: annualReportReviews.action,
      fromStatus: annualReportReviews.fromStatus,
      toStatus: annualReportReviews.toStatus,
      comment: annualReportReviews.comment,
      actor: sql<string>`coalesce(${users.displayName}, '系统')`,
      at: annualReportReviews.createdAt,
    })
    .from(annualReportReviews)
    .leftJoin(users, eq(users.id, annualReportReviews.actorId))
    .where(eq(annualReportReviews.reportId, reportId))
    .orderBy(asc(annualReportReviews.createdAt), asc(annualReportReviews.id));
}

// ——— reporting years ———

export async function getYear(db: Executor, year: number): Promise<ReportingYearRecord | undefined> {
  const [row] = await db.select().from(annualReportYears).where(eq(annualReportYears.year, year));
  return row;
}

export async function insertYear(db: Executor, values: { year: number; dueOn: string; openedBy: string | null; isDemo?: boolean }) {
  const [row] = await db.insert(annualReportYears).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateYearVersioned(db: Executor, year: number, version: number, dueOn: string) {
  const [row] = await db
    .update(annualReportYears)
    .set({ dueOn, version: sql`${annualReportYears.version} + 1`, updatedAt: new Date() })
    .where(and(eq(annualReportYears.year, year), eq(annualReportYears.version, version)))
    .returning();
  return row;
}

/** Moves the due date of the year's reports not yet submitted; answers how many. */
export async function moveUnsubmittedDueDates(db: Executor, year: number, dueOn: string): Promise<number> {
  const rows = await db
    .update(annualReports)
    .set({ dueOn, version: sql`${annualReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(annualReports.year, year), isNull(annualReports.submittedAt), isNull(annualReports.deletedAt)))
    .returning({ id: annualReports.id });
  return rows.length;
}

/** The years with their counts among the reports the scope admits. */
export async function findYears(db: Executor, scope: SQL, lateOn: string) {
  const years = await db.select().from(annualReportYears).orderBy(desc(annualReportYears.year));
  const counts = await db
    .select({
      year: annualReports.year,
      reports: count(),
      submitted: sql<number>`count(*) filter (where ${annualReports.submittedAt} is not null)`,
      accepted: sql<number>`count(*) filter (where ${annualReports.status} = 'accepted')`,
      late: sql<number>`count(*) filter (where (${annualReports.submittedAt} is null and ${annualReports.dueOn} < ${lateOn}) or ${submittedAfterDueSql})`,
    })
    .from(annualReports)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, annualReports.platformId), isNull(platformVersions.validTo)))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(and(isNull(annualReports.deletedAt), scope))
    .groupBy(annualReports.year);
  return years.map((year) => {
    const found = counts.find((row) => row.year === year.year);
    return {
      year: year.year,
      dueOn: year.dueOn,
      reports: Number(found?.reports ?? 0),
      submitted: Number(found?.submitted ?? 0),
      accepted: Number(found?.accepted ?? 0),
      late: Number(found?.late ?? 0),
      openedAt: year.createdAt.toISOString(),
      version: year.version,
    };
  });
}

/** Platforms in 建设期 or 运行 now (in the scope), with no report for the year yet. */
export async function findPlatformsWithoutReport(db: Executor, year: number, scope: SQL | undefined) {
  return db
    .select({ platformId: platformVersions.platformId, coBuilderIds: platformVersions.coBuilderIds, isDemo: platforms.isDemo })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(
      and(
        isNull(platformVersions.validTo),
        isNull(platforms.deletedAt),
        inArray(platformVersions.status, ['constructing', 'operating']),
        sql`not exists (select 1 from ${annualReports} r where r.platform_id = ${platformVersions.platformId} and r.year = ${year})`,
        scope,
      ),
    );
}

export async function insertReports(
  db: Executor,
  values: {
    platformId: string;
    year: number;
    dueOn: string;
    indicators: Record<string, number>;
    createdBy: string | null;
    isDemo: boolean;
  }[],
) {
  if (!values.length) return [];
  return db
    .insert(annualReports)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: annualReports.id, platformId: annualReports.platformId });
}

// ——— indicator forms ———

export async function findForms(db: Executor) {
  return db
    .select({ form: annualReportForms, typeName: platformTypes.name })
    .from(annualReportForms)
    .leftJoin(platformTypes, eq(platformTypes.id, annualReportForms.typeId))
    .orderBy(sql`${annualReportForms.typeId} is not null`, asc(platformTypes.name));
}

/** The form a type's reports use: the type's own, else the default (undefined when neither exists). */
export async function getFormFor(db: Executor, typeId: string | null): Promise<IndicatorDefinition[] | undefined> {
  const rows = await db
    .select()
    .from(annualReportForms)
    .where(
      typeId ? sql`(${annualReportForms.typeId} = ${typeId} or ${annualReportForms.typeId} is null)` : isNull(annualReportForms.typeId),
    );
  return (rows.find((row) => row.typeId === typeId) ?? rows.find((row) => row.typeId === null))?.indicators;
}

export async function getFormRecord(db: Executor, typeId: string | null) {
  const [row] = await db
    .select()
    .from(annualReportForms)
    .where(typeId ? eq(annualReportForms.typeId, typeId) : isNull(annualReportForms.typeId));
  return row;
}

export async function insertForm(db: Executor, values: { typeId: string | null; indicators: IndicatorDefinition[]; isDemo?: boolean }) {
  const [row] = await db.insert(annualReportForms).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateFormVersioned(db: Executor, id: string, version: number, indicators: IndicatorDefinition[]) {
  const [row] = await db
    .update(annualReportForms)
    .set({ indicators, version: sql`${annualReportForms.version} + 1`, updatedAt: new Date() })
    .where(and(eq(annualReportForms.id, id), eq(annualReportForms.version, version)))
    .returning();
  return row;
}

export async function typeExists(db: Executor, typeId: string): Promise<boolean> {
  const [row] = await db.select({ id: platformTypes.id }).from(platformTypes).where(eq(platformTypes.id, typeId));
  return Boolean(row);
}

// ——— reminders ———

/** Reports not yet submitted, due between `from` and `to` (inclusive) or, with `before`, due before that day. */
export async function findUnsubmittedReports(db: Executor, window: { from?: string; to?: string; before?: string }) {
  return db
    .select({
      id: annualReports.id,
      year: annualReports.year,
      dueOn: annualReports.dueOn,
      platformName: platformVersions.name,
      hostOrganizationId: platformVersions.hostOrganizationId,
    })
    .from(annualReports)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, annualReports.platformId), isNull(platformVersions.validTo)))
    .where(
      and(
        isNull(annualReports.deletedAt),
        isNull(annualReports.submittedAt),
        inArray(annualReports.status, ['draft', 'returned']),
        window.from ? sql`${annualReports.dueOn} >= ${window.from}` : undefined,
        window.to ? sql`${annualReports.dueOn} <= ${window.to}` : undefined,
        window.before ? sql`${annualReports.dueOn} < ${window.before}` : undefined,
      ),
    );
}

/** Active host users of these organisations. */
export async function findHostUserIds(db: Executor, organizationIds: readonly string[]) {
  if (!organizationIds.length) return [];
  return db
    .select({ id: users.id, organizationId: users.organizationId })
    .from(users)
    .where(and(inArray(users.organizationId, [...organizationIds]), eq(users.role, 'host_user'), eq(users.isActive, true)));
}
