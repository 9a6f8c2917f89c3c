import { boolean, date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { type TargetMetric, targetBases, targetComparators, targetKinds } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { regions } from './regions';
import { platformLevel } from './taxonomy';
import { platformStatus } from './platforms';
import { users } from './accounts';

export const targetKind = pgEnum('target_kind', targetKinds);
export const targetComparator = pgEnum('target_comparator', targetComparators);
export const targetBasis = pgEnum('target_basis', targetBases);

/** A plan (实施方案, 工作要点 …): a region, a period, and the targets and tasks it sets. Soft-deleted. */
export const plans = pgTable(
  'plans',
  {
    id: id(),
    title: text('title').notNull(),
    issuingBody: text('issuing_body'),
    documentNo: text('document_no'),
    issuedOn: date('issued_on', { mode: 'string' }),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** The region covered: visibility follows it, and targets count in its subtree by default. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    sourceText: text('source_text'),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('plans_region_idx').on(t.regionId)],
);

/**
 * A target (发展目标). Rules:
 * - count / first / coverage are never typed in: they count `platform_versions` in force on a day
 *   (valid_from <= D < valid_to, platform not deleted) that match the filter columns (empty array =
 *   any; statuses default to the live ones; region_id null = the plan's region subtree).
 * - basis 'added' makes a count "新建": only platforms whose first version matching the filter
 *   started after the baseline count — baseline_date, else the day before the plan's start. A count
 *   with a baseline_date and basis 'stock' (stored before the basis existed) counts additions too.
 * - per_year: one figure per plan year, each judged on its own; per_region: each child region of the
 *   target's region must reach the value.
 * - coverage: each child region of coverage_region_id needs ≥ 1 matching platform; `value` is the
 *   percentage of child regions that must be covered (100 = 全覆盖).
 * - amount / ratio / index take their figure from `target_reports`.
 * - `kind` never changes after creation.
 */
export const targets = pgTable(
  'targets',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    kind: targetKind('kind').notNull(),
    subject: text('subject').notNull(),
    comparator: targetComparator('comparator').notNull().default('>='),
    value: numeric('value', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    baselineDate: date('baseline_date', { mode: 'string' }),
    basis: targetBasis('basis').notNull().default('stock'),
    perYear: boolean('per_year').notNull().default(false),
    perRegion: boolean('per_region').notNull().default(false),
    typeIds: uuid('type_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    levels: platformLevel('levels')
      .array()
      .notNull()
      .default(sql`'{}'::platform_level[]`),
    systemIds: uuid('system_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    statuses: platformStatus('statuses')
      .array()
      .notNull()
      .default(sql`'{constructing,operating,rectifying}'::platform_status[]`),
    regionId: uuid('region_id').references(() => regions.id),
    coverageRegionId: uuid('coverage_region_id').references(() => regions.id),
    /**
     * An amount target whose figure is summed from records instead of reported (`technology_contract_amount`:
     * the registered technology contracts in the plan's region subtree); null for reported figures.
     */
    metric: text('metric').$type<TargetMetric>(),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('targets_plan_idx').on(t.planId)],
);

/**
 * A reported figure of an amount / ratio / index target. The figure stands from `period_end` on:
 * the target's value as of D is the report with the latest period_end <= D (the latest reported
 * wins a tie). Append-only: a correction is a newer report for the same period.
 */
export const targetReports = pgTable(
  'target_reports',
  {
    id: id(),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id),
    period: text('period').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    value: numeric('value', { mode: 'number' }).notNull(),
    source: text('source').notNull(),
    note: text('note'),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    isDemo: isDemo(),
  },
  (t) => [index('target_reports_target_idx').on(t.targetId, t.periodEnd)],
);
