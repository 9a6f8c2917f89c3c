import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { expenditureCategories, grantKinds, grantStatuses } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { platforms } from './platforms';
import { platformLevel, platformTypes } from './taxonomy';
import { evaluationGrade, evaluationResults, evaluationRounds } from './evaluations';

/** Amounts are integer 分 (cents); 1000 亿元 fits a JavaScript number exactly. */
const fen = (name: string) => bigint(name, { mode: 'number' });

export const grantKind = pgEnum('grant_kind', grantKinds);
export const grantStatus = pgEnum('grant_status', grantStatuses);
export const expenditureCategory = pgEnum('expenditure_category', expenditureCategories);

/**
 * A year's subsidy budget (资金预算). `paid_fen` is the running sum of the year's payments, kept in
 * the same transaction as each payment under a row lock; the CHECK makes a negative balance
 * impossible even if a writer forgot the lock.
 */
export const fundingBudgets = pgTable(
  'funding_budgets',
  {
    id: id(),
    year: integer('year').notNull(),
    amountFen: fen('amount_fen').notNull(),
    paidFen: fen('paid_fen').notNull().default(0),
    remarks: text('remarks'),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('funding_budgets_year_key').on(t.year),
    check('funding_budgets_balance_check', sql`${t.paidFen} >= 0 and ${t.paidFen} <= ${t.amountFen}`),
  ],
);

/** What a grade earns (e.g. 优秀 50 万元): for a platform level, or for one type, which wins over its level's rule. */
export const subsidyRules = pgTable(
  'funding_subsidy_rules',
  {
    id: id(),
    level: platformLevel('level').notNull(),
    typeId: uuid('type_id').references(() => platformTypes.id),
    grade: evaluationGrade('grade').notNull(),
    kind: grantKind('kind').notNull(),
    amountFen: fen('amount_fen').notNull(),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('funding_subsidy_rules_level_grade_key')
      .on(t.level, t.grade)
      .where(sql`${t.typeId} is null and ${t.deletedAt} is null`),
    uniqueIndex('funding_subsidy_rules_type_grade_key')
      .on(t.typeId, t.grade)
      .where(sql`${t.typeId} is not null and ${t.deletedAt} is null`),
    check('funding_subsidy_rules_amount_check', sql`${t.amountFen} >= 0`),
  ],
);

/**
 * A grant to a platform (后补助 / 以奖代补) charged to its year's budget; lifecycle in
 * modules/funding/grants.lifecycle.ts. `paid_fen` and `spent_fen` are running sums of its payments
 * and expenditure lines, guarded by CHECKs: never paid beyond the amount, never spent beyond what was paid.
 */
export const grants = pgTable(
  'funding_grants',
  {
    id: id(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => fundingBudgets.id),
    year: integer('year').notNull(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    kind: grantKind('kind').notNull(),
    status: grantStatus('status').notNull().default('proposed'),
    amountFen: fen('amount_fen').notNull(),
    paidFen: fen('paid_fen').notNull().default(0),
    spentFen: fen('spent_fen').notNull().default(0),
    basis: text('basis').notNull(),
    grade: evaluationGrade('grade'),
    evaluationRoundId: uuid('evaluation_round_id').references(() => evaluationRounds.id),
    evaluationResultId: uuid('evaluation_result_id').references(() => evaluationResults.id),
    cancelReason: text('cancel_reason'),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('funding_grants_year_idx').on(t.year),
    index('funding_grants_platform_idx').on(t.platformId),
    uniqueIndex('funding_grants_result_key')
      .on(t.evaluationResultId)
      .where(sql`${t.evaluationResultId} is not null and ${t.status} <> 'cancelled'`),
    check('funding_grants_amount_check', sql`${t.amountFen} > 0`),
    check('funding_grants_paid_check', sql`${t.paidFen} >= 0 and ${t.paidFen} <= ${t.amountFen}`),
    check('funding_grants_spent_check', sql`${t.spentFen} >= 0 and ${t.spentFen} <= ${t.paidFen}`),
  ],
);

/** One payment (拨付) on a grant: never edited; a wrong one is a matter for the finance office, not this registry. */
export const grantPayments = pgTable(
  'funding_payments',
  {
    id: id(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => fundingBudgets.id),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    amountFen: fen('amount_fen').notNull(),
    voucherNo: text('voucher_no').notNull(),
    remarks: text('remarks'),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [index('funding_payments_grant_idx').on(t.grantId), check('funding_payments_amount_check', sql`${t.amountFen} > 0`)],
);

/** How the host spent a grant (支出明细): one line per category and date. */
export const grantExpenditures = pgTable(
  'funding_expenditures',
  {
    id: id(),
    grantId: uuid('grant_id')
      .notNull()
      .references(() => grants.id),
    category: expenditureCategory('category').notNull(),
    amountFen: fen('amount_fen').notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [index('funding_expenditures_grant_idx').on(t.grantId), check('funding_expenditures_amount_check', sql`${t.amountFen} > 0`)],
);
