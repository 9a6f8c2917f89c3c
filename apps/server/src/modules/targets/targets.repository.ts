import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TargetKind } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { plans, platformSystems, platformTypes, regions, targetReports, targets, technologyContracts, users } from '../../db/schema/index';
import { likePrefix } from '../../shared/scope';

export type TargetRecord = typeof targets.$inferSelect;

const planRegion = alias(regions, 'plan_region');
const filterRegion = alias(regions, 'filter_region');
const coverageRegion = alias(regions, 'coverage_region');

const targetFields = {
  target: targets,
  planTitle: plans.title,
  planPeriodStart: plans.periodStart,
  planRegionId: plans.regionId,
  planRegionPath: planRegion.path,
  planRegionName: planRegion.name,
  filterRegionName: filterRegion.name,
  filterRegionPath: filterRegion.path,
  coverageRegionName: coverageRegion.name,
  coverageRegionPath: coverageRegion.path,
};
export type TargetRow = Awaited<ReturnType<typeof selectTargets>>[number];

function selectTargets(db: Executor, where: SQL | undefined) {
  return db
    .select(targetFields)
    .from(targets)
    .innerJoin(plans, eq(plans.id, targets.planId))
    .innerJoin(planRegion, eq(planRegion.id, plans.regionId))
    .leftJoin(filterRegion, eq(filterRegion.id, targets.regionId))
    .leftJoin(coverageRegion, eq(coverageRegion.id, targets.coverageRegionId))
    .where(and(isNull(targets.deletedAt), isNull(plans.deletedAt), where));
}

/** The plan-region path column, for the plans policy's visibility condition. */
export const targetPlanRegionPath = planRegion.path;

export async function getTargetRow(db: Executor, id: string, visibility: SQL | undefined): Promise<TargetRow | undefined> {
  const [row] = await selectTargets(db, and(eq(targets.id, id), visibility));
  return row;
}

export async function findTargetRows(
  db: Executor,
  filter: { visibility: SQL | undefined; planId?: string | undefined; kinds?: TargetKind[] | undefined },
  page: { limit: number; offset: number } | null,
): Promise<{ rows: TargetRow[]; total: number }> {
  const where = and(
    filter.visibility,
    filter.planId ? eq(targets.planId, filter.planId) : undefined,
    filter.kinds?.length ? inArray(targets.kind, filter.kinds) : undefined,
  );
  const query = selectTargets(db, where)
    .orderBy(
      desc(plans.periodStart),
      asc(plans.title),
      asc(targets.planId),
      asc(targets.sortOrder),
      asc(targets.deadline),
      asc(targets.subject),
    )
    .$dynamic();
  if (page) query.limit(page.limit).offset(page.offset);
  const [rows, [totalRow]] = await Promise.all([
    query,
    db
      .select({ total: count() })
      .from(targets)
      .innerJoin(plans, eq(plans.id, targets.planId))
      .innerJoin(planRegion, eq(planRegion.id, plans.regionId))
      .where(and(isNull(targets.deletedAt), isNull(plans.deletedAt), where)),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export type NewTarget = Omit<typeof targets.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export async function insertTarget(db: Executor, values: NewTarget): Promise<TargetRecord> {
  const [row] = await db.insert(targets).values(values).returning();
  return row!;
}

export async function updateTargetVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewTarget>,
): Promise<TargetRecord | undefined> {
  const [row] = await db
    .update(targets)
    .set({ ...changes, version: sql`${targets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(targets.id, id), eq(targets.version, version), isNull(targets.deletedAt)))
    .returning();
  return row;
}

export async function softDeleteTarget(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db
    .update(targets)
    .set({ deletedAt: new Date(), version: sql`${targets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(targets.id, id), eq(targets.version, version), isNull(targets.deletedAt)))
    .returning({ id: targets.id });
  return rows.length === 1;
}

/** Names of types and systems, to show a filter and to check that its ids exist. */
export function findTypesByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: platformTypes.id, name: platformTypes.name })
    .from(platformTypes)
    .where(inArray(platformTypes.id, [...ids]));
}
export function findSystemsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: platformSystems.id, name: platformSystems.name })
    .from(platformSystems)
    .where(inArray(platformSystems.id, [...ids]));
}

export type TargetReportRow = Awaited<ReturnType<typeof findTargetReportRows>>[number];

/** Reports of the given targets, newest figure first (latest period end, then latest reported). */
export function findTargetReportRows(db: Executor, targetIds: readonly string[]) {
  if (!targetIds.length) return Promise.resolve([]);
  return db
    .select({
      id: targetReports.id,
      targetId: targetReports.targetId,
      period: targetReports.period,
      periodEnd: targetReports.periodEnd,
      value: targetReports.value,
      source: targetReports.source,
      note: targetReports.note,
      reportedBy: users.displayName,
      reportedAt: targetReports.reportedAt,
    })
    .from(targetReports)
    .leftJoin(users, eq(users.id, targetReports.reportedBy))
    .where(inArray(targetReports.targetId, [...targetIds]))
    .orderBy(desc(targetReports.periodEnd), desc(targetReports.reportedAt));
}

export async function insertTargetReport(db: Executor, values: typeof targetReports.$inferInsert) {
  const [row] = await db.insert(targetReports).values(values).returning({ id: targetReports.id });
  return row!.id;
}

/**
 * The registered technology contracts (live rows) of a region subtree registered in [from, to], summed:
 * the figure of a 技术合同登记额 target (`metric = 'technology_contract_amount'`). Read directly from the
 * contracts table: the targets module sits below the contracts module.
 */
export async function sumContractAmounts(
  db: Executor,
  ranges: readonly { regionPath: string; from: string; to: string }[],
): Promise<{ amount: number; count: number }[]> {
  const sums: { amount: number; count: number }[] = [];
  for (const range of ranges) {
    const [row] = await db
      .select({
        amount: sql<string>`coalesce(sum(${technologyContracts.amount}), 0)`,
        count: count(),
      })
      .from(technologyContracts)
      .innerJoin(regions, eq(regions.id, technologyContracts.regionId))
      .where(
        and(
          isNull(technologyContracts.deletedAt),
          sql`${regions.path} like ${likePrefix(range.regionPath)}`,
          sql`${technologyContracts.registeredOn} >= ${range.from}`,
          sql`${technologyContracts.registeredOn} <= ${range.to}`,
        ),
      );
    sums.push({ amount: Math.round(Number(row?.amount ?? 0) * 10000) / 10000, count: Number(row?.count ?? 0) });
  }
  return sums;
}
