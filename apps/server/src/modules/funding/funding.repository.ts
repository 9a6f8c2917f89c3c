import { and, asc, count, desc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { EvaluationGrade, GrantKind, GrantStatus, PlatformLevel } from '@stip/contracts';
import type { Executor } from '../../db/client';
import {
  evaluationResults,
  evaluationRounds,
  fundingBudgets,
  grantExpenditures,
  grantPayments,
  grants,
  organizations,
  platformTypes,
  platformVersions,
  regions,
  subsidyRules,
} from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';

export type BudgetRecord = typeof fundingBudgets.$inferSelect;
export type SubsidyRuleRecord = typeof subsidyRules.$inferSelect;
export type GrantRecord = typeof grants.$inferSelect;
export type PaymentRecord = typeof grantPayments.$inferSelect;
export type ExpenditureRecord = typeof grantExpenditures.$inferSelect;

// ---- budgets

// Qualified by hand: in a one-table select Drizzle leaves column names bare, and a bare "id" inside
// the subquery would name the grant's own id.
const budgetIdColumn = sql`${sql.identifier('funding_budgets')}.${sql.identifier('id')}`;
const grantedFen =
  sql<number>`coalesce((select sum(g.amount_fen) from ${grants} g where g.budget_id = ${budgetIdColumn} and g.status <> 'cancelled'), 0)`.mapWith(
    Number,
  );

export type BudgetRow = Awaited<ReturnType<typeof findBudgetRows>>[number];

/** Every year's budget with the sum of its live grants, newest year first. */
export function findBudgetRows(db: Executor, where?: SQL) {
  return db.select({ budget: fundingBudgets, grantedFen }).from(fundingBudgets).where(where).orderBy(desc(fundingBudgets.year));
}

export async function getBudgetRow(db: Executor, id: string): Promise<BudgetRow | undefined> {
  const [row] = await findBudgetRows(db, eq(fundingBudgets.id, id));
  return row;
}

export async function getBudgetByYear(db: Executor, year: number): Promise<BudgetRow | undefined> {
  const [row] = await findBudgetRows(db, eq(fundingBudgets.year, year));
  return row;
}

export async function insertBudget(db: Executor, values: { year: number; amountFen: number; remarks: string | null; isDemo?: boolean }) {
  const [row] = await db.insert(fundingBudgets).values(values).returning();
  return row!;
}

/** Changes a budget if `version` is still current; false when it is not. */
export async function updateBudgetVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: { amountFen?: number; remarks?: string | null },
): Promise<boolean> {
  const rows = await db
    .update(fundingBudgets)
    .set({ ...changes, version: sql`${fundingBudgets.version} + 1`, updatedAt: new Date() })
    .where(and(eq(fundingBudgets.id, id), eq(fundingBudgets.version, version)))
    .returning({ id: fundingBudgets.id });
  return rows.length > 0;
}

/** Locks the budget row until the transaction ends (SELECT … FOR UPDATE): payments on one budget queue here. */
export async function lockBudget(tx: Executor, id: string): Promise<BudgetRecord | undefined> {
  const [row] = await tx.select().from(fundingBudgets).where(eq(fundingBudgets.id, id)).for('update');
  return row;
}

/** Adds a payment to the budget's paid sum, only while it stays within the amount; false when it would not. */
export async function addBudgetPaid(tx: Executor, id: string, amountFen: number): Promise<boolean> {
  const rows = await tx
    .update(fundingBudgets)
    .set({ paidFen: sql`${fundingBudgets.paidFen} + ${amountFen}`, updatedAt: new Date() })
    .where(and(eq(fundingBudgets.id, id), sql`${fundingBudgets.paidFen} + ${amountFen} <= ${fundingBudgets.amountFen}`))
    .returning({ id: fundingBudgets.id });
  return rows.length > 0;
}

// ---- subsidy rules

export type SubsidyRuleRow = Awaited<ReturnType<typeof findSubsidyRuleRows>>[number];

export function findSubsidyRuleRows(db: Executor, where?: SQL) {
  return db
    .select({ rule: subsidyRules, typeName: platformTypes.name })
    .from(subsidyRules)
    .leftJoin(platformTypes, eq(platformTypes.id, subsidyRules.typeId))
    .where(and(isNull(subsidyRules.deletedAt), where))
    .orderBy(asc(subsidyRules.level), asc(platformTypes.name), asc(subsidyRules.grade));
}

export async function getSubsidyRuleRow(db: Executor, id: string): Promise<SubsidyRuleRow | undefined> {
  const [row] = await findSubsidyRuleRows(db, eq(subsidyRules.id, id));
  return row;
}

export async function insertSubsidyRule(
  db: Executor,
  values: { level: PlatformLevel; typeId: string | null; grade: EvaluationGrade; kind: GrantKind; amountFen: number; isDemo?: boolean },
) {
  const [row] = await db.insert(subsidyRules).values(values).returning();
  return row!;
}

export async function updateSubsidyRuleVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: { amountFen?: number; kind?: GrantKind; deletedAt?: Date },
): Promise<boolean> {
  const rows = await db
    .update(subsidyRules)
    .set({ ...changes, version: sql`${subsidyRules.version} + 1`, updatedAt: new Date() })
    .where(and(eq(subsidyRules.id, id), eq(subsidyRules.version, version), isNull(subsidyRules.deletedAt)))
    .returning({ id: subsidyRules.id });
  return rows.length > 0;
}

export async function getPlatformTypeLevel(db: Executor, typeId: string): Promise<{ level: PlatformLevel } | undefined> {
  const [row] = await db.select({ level: platformTypes.level }).from(platformTypes).where(eq(platformTypes.id, typeId));
  return row;
}

// ---- grants

/** The grant with its platform's current name, host and region (the current version: `valid_to` null). */
const grantFields = {
  grant: grants,
  platformName: platformVersions.name,
  hostOrganizationId: platformVersions.hostOrganizationId,
  hostOrganizationName: organizations.name,
  regionName: regions.name,
};
export type GrantRow = Awaited<ReturnType<typeof selectGrants>>[number];

function selectGrants(db: Executor, where: SQL | undefined) {
  return db
    .select(grantFields)
    .from(grants)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, grants.platformId), isNull(platformVersions.validTo)))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(where);
}

export interface GrantFilter {
  scope: SQL | undefined;
  year?: number | undefined;
  status?: GrantStatus | undefined;
  kind?: GrantKind | undefined;
  platformId?: string | undefined;
  keyword?: string | undefined;
}

function grantWhere(filter: GrantFilter): SQL | undefined {
  return and(
    filter.scope,
    filter.year !== undefined ? eq(grants.year, filter.year) : undefined,
    filter.status ? eq(grants.status, filter.status) : undefined,
    filter.kind ? eq(grants.kind, filter.kind) : undefined,
    filter.platformId ? eq(grants.platformId, filter.platformId) : undefined,
    filter.keyword
      ? or(
          ilike(platformVersions.name, escapeLike(filter.keyword)),
          ilike(organizations.name, escapeLike(filter.keyword)),
          ilike(grants.basis, escapeLike(filter.keyword)),
        )
      : undefined,
  );
}

export async function findGrantRows(db: Executor, filter: GrantFilter, page: { limit: number; offset: number } | null) {
  const where = grantWhere(filter);
  const query = selectGrants(db, where).orderBy(desc(grants.year), desc(grants.createdAt), asc(grants.id));
  const [rows, [totalRow]] = await Promise.all([
    page ? query.limit(page.limit).offset(page.offset) : query,
    db
      .select({ total: count() })
      .from(grants)
      .innerJoin(platformVersions, and(eq(platformVersions.platformId, grants.platformId), isNull(platformVersions.validTo)))
      .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
      .where(where),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function getGrantRow(db: Executor, id: string, scope: SQL | undefined): Promise<GrantRow | undefined> {
  const [row] = await selectGrants(db, and(eq(grants.id, id), scope));
  return row;
}

export type NewGrant = Omit<typeof grants.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'paidFen' | 'spentFen'>;

export async function insertGrant(db: Executor, values: NewGrant): Promise<GrantRecord> {
  const [row] = await db.insert(grants).values(values).returning();
  return row!;
}

/** Locks the grant row until the transaction ends. */
export async function lockGrant(tx: Executor, id: string): Promise<GrantRecord | undefined> {
  const [row] = await tx.select().from(grants).where(eq(grants.id, id)).for('update');
  return row;
}

/** Moves a grant's status if `version` is still current; false when it is not. */
export async function setGrantStatus(
  tx: Executor,
  id: string,
  version: number,
  status: GrantStatus,
  cancelReason?: string | null,
): Promise<boolean> {
  const rows = await tx
    .update(grants)
    .set({
      status,
      ...(cancelReason !== undefined ? { cancelReason } : {}),
      version: sql`${grants.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(grants.id, id), eq(grants.version, version)))
    .returning({ id: grants.id });
  return rows.length > 0;
}

/** Changes a proposed grant if `version` is still current and it is still proposed; false otherwise. */
export async function updateProposedGrant(
  tx: Executor,
  id: string,
  version: number,
  changes: { kind?: GrantKind; amountFen?: number; basis?: string },
): Promise<boolean> {
  const rows = await tx
    .update(grants)
    .set({ ...changes, version: sql`${grants.version} + 1`, updatedAt: new Date() })
    .where(and(eq(grants.id, id), eq(grants.version, version), eq(grants.status, 'proposed')))
    .returning({ id: grants.id });
  return rows.length > 0;
}

/** Adds a payment to the grant's paid sum, only while it stays within the amount. */
export async function addGrantPaid(tx: Executor, id: string, amountFen: number): Promise<boolean> {
  const rows = await tx
    .update(grants)
    .set({ paidFen: sql`${grants.paidFen} + ${amountFen}`, version: sql`${grants.version} + 1`, updatedAt: new Date() })
    .where(and(eq(grants.id, id), sql`${grants.paidFen} + ${amountFen} <= ${grants.amountFen}`))
    .returning({ id: grants.id });
  return rows.length > 0;
}

/** Adds an expenditure line to the grant's spent sum, only while it stays within what was paid. */
export async function addGrantSpent(tx: Executor, id: string, amountFen: number): Promise<boolean> {
  const rows = await tx
    .update(grants)
    .set({ spentFen: sql`${grants.spentFen} + ${amountFen}`, updatedAt: new Date() })
    .where(and(eq(grants.id, id), sql`${grants.spentFen} + ${amountFen} <= ${grants.paidFen}`))
    .returning({ id: grants.id });
  return rows.length > 0;
}

export async function insertPayment(
  tx: Executor,
  values: Omit<typeof grantPayments.$inferInsert, 'id' | 'createdAt'>,
): Promise<PaymentRecord> {
  const [row] = await tx.insert(grantPayments).values(values).returning();
  return row!;
}

export async function insertExpenditure(
  tx: Executor,
  values: Omit<typeof grantExpenditures.$inferInsert, 'id' | 'createdAt'>,
): Promise<ExpenditureRecord> {
  const [row] = await tx.insert(grantExpenditures).values(values).returning();
  return row!;
}

export function findPayments(db: Executor, grantIds: string[]) {
  if (!grantIds.length) return Promise.resolve([] as PaymentRecord[]);
  return db
    .select()
    .from(grantPayments)
    .where(inArray(grantPayments.grantId, grantIds))
    .orderBy(asc(grantPayments.paidOn), asc(grantPayments.createdAt));
}

export function findExpenditures(db: Executor, grantIds: string[]) {
  if (!grantIds.length) return Promise.resolve([] as ExpenditureRecord[]);
  return db
    .select()
    .from(grantExpenditures)
    .where(inArray(grantExpenditures.grantId, grantIds))
    .orderBy(asc(grantExpenditures.spentOn), asc(grantExpenditures.createdAt));
}

// ---- evaluation rounds (read only: owned by the evaluations module)

export async function findFinalRounds(db: Executor) {
  return db
    .select({
      id: evaluationRounds.id,
      title: evaluationRounds.title,
      status: evaluationRounds.status,
      periodTo: evaluationRounds.periodTo,
    })
    .from(evaluationRounds)
    .where(inArray(evaluationRounds.status, ['published', 'applied']))
    .orderBy(desc(evaluationRounds.periodTo), desc(evaluationRounds.createdAt));
}

export async function getRound(db: Executor, id: string) {
  const [row] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id));
  return row;
}

/** A round's results with each platform's current name, type and level, and any live grant already made for the result. */
export function findRoundResults(db: Executor, roundId: string) {
  return db
    .select({
      resultId: evaluationResults.id,
      platformId: evaluationResults.platformId,
      grade: evaluationResults.grade,
      platformName: platformVersions.name,
      typeId: platformVersions.typeId,
      level: platformTypes.level,
      existingGrantId: sql<
        string | null
      >`(select ${grants.id} from ${grants} where ${grants.evaluationResultId} = ${evaluationResults.id} and ${grants.status} <> 'cancelled' limit 1)`,
    })
    .from(evaluationResults)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, evaluationResults.platformId), isNull(platformVersions.validTo)))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .where(eq(evaluationResults.roundId, roundId))
    .orderBy(desc(evaluationResults.score), asc(platformVersions.name));
}

/** The current state of a platform a grant is for (name, type, level), or undefined. */
export async function getCurrentPlatform(db: Executor, platformId: string, scope: SQL | undefined) {
  const [row] = await db
    .select({ id: platformVersions.platformId, name: platformVersions.name, status: platformVersions.status })
    .from(platformVersions)
    .where(and(eq(platformVersions.platformId, platformId), isNull(platformVersions.validTo), scope));
  return row;
}

// ---- to-do

/** Approved grants not yet fully paid (city staff's to-do). */
export function findGrantsAwaitingPayment(db: Executor, scope: SQL | undefined) {
  return selectGrants(db, and(scope, eq(grants.status, 'approved'))).orderBy(asc(grants.year), asc(grants.createdAt));
}

/** Paid (or partly paid) grants of these host organisations with no expenditure line yet. */
export function findGrantsWithoutExpenditure(db: Executor, scope: SQL | undefined) {
  return selectGrants(
    db,
    and(
      scope,
      ne(grants.status, 'cancelled'),
      sql`${grants.paidFen} > 0`,
      sql`not exists (select 1 from ${grantExpenditures} where ${grantExpenditures.grantId} = ${grants.id})`,
    ),
  ).orderBy(asc(grants.year), asc(grants.createdAt));
}
