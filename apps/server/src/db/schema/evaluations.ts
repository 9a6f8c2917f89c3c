import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { evaluationGrades, evaluationOutcomes, evaluationRoundStatuses, rectificationStatuses } from '@stip/contracts';
import { createdAt, id, isDemo, updatedAt, version } from './columns';
import { platforms } from './platforms';
import { users } from './accounts';
import { regions } from './regions';
import { platformTypes } from './taxonomy';

export const evaluationRoundStatus = pgEnum('evaluation_round_status', evaluationRoundStatuses);
export const evaluationGrade = pgEnum('evaluation_grade', evaluationGrades);
export const evaluationOutcome = pgEnum('evaluation_outcome', evaluationOutcomes);

/** An evaluation round (评估考核) for some platform types over a period. Owned by the evaluations module. */
export const evaluationRounds = pgTable('evaluation_rounds', {
  id: id(),
  title: text('title').notNull(),
  typeIds: uuid('type_ids').array().notNull(),
  periodFrom: integer('period_from').notNull(),
  periodTo: integer('period_to').notNull(),
  status: evaluationRoundStatus('status').notNull().default('draft'),
  /** The scoring formula in force for the round (weights, thresholds, caps), copied from the type's formula. */
  formula: jsonb('formula')
    .notNull()
    .default(sql`'{}'::jsonb`),
  publishedOn: date('published_on', { mode: 'string' }),
  appliedOn: date('applied_on', { mode: 'string' }),
  /** The region whose platforms the round evaluates (the opening staff member's region subtree). */
  regionId: uuid('region_id').references(() => regions.id),
  createdBy: uuid('created_by').references(() => users.id),
  isDemo: isDemo(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One platform's result in a round. The funding module reads published grades. */
export const evaluationResults = pgTable(
  'evaluation_results',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    indicatorScore: numeric('indicator_score', { precision: 6, scale: 2 }),
    expertScore: numeric('expert_score', { precision: 6, scale: 2 }),
    score: numeric('score', { precision: 6, scale: 2 }),
    grade: evaluationGrade('grade'),
    outcome: evaluationOutcome('outcome'),
    details: jsonb('details')
      .notNull()
      .default(sql`'{}'::jsonb`),
    remarks: text('remarks'),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evaluation_results_round_platform_key').on(t.roundId, t.platformId),
    index('evaluation_results_platform_idx').on(t.platformId),
    check('evaluation_results_scores_range', sql`${t.expertScore} between 0 and 100 and ${t.indicatorScore} between 0 and 100`),
  ],
);

export const rectificationStatus = pgEnum('rectification_status', rectificationStatuses);

/**
 * A per-type scoring formula (评估指标体系) as data: indicator weights, thresholds, targets and caps,
 * the indicator/expert split and the grade thresholds (EvaluationFormulaBody). `type_id` null is
 * the default formula for types without their own. Owned by the evaluations module.
 */
export const evaluationFormulas = pgTable(
  'evaluation_formulas',
  {
    id: id(),
    typeId: uuid('type_id').references(() => platformTypes.id),
    formula: jsonb('formula').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('evaluation_formulas_type_key').on(sql`coalesce(${t.typeId}, '00000000-0000-0000-0000-000000000000'::uuid)`)],
);

/**
 * A rectification (整改) ordered by an evaluation result: the host reports what was done by the
 * deadline, staff check it (passed → the platform operates again; failed → revoked). Owned by the
 * evaluations module; its lifecycle is rectifications.lifecycle.ts.
 */
export const rectifications = pgTable(
  'rectifications',
  {
    id: id(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    roundId: uuid('round_id').references(() => evaluationRounds.id),
    resultId: uuid('result_id').references(() => evaluationResults.id),
    status: rectificationStatus('status').notNull().default('ordered'),
    requirements: text('requirements').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    report: text('report'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    checkComment: text('check_comment'),
    checkedAt: timestamp('checked_at', { withTimezone: true, mode: 'date' }),
    /** Every step (action, at, by username, note), oldest first. */
    history: jsonb('history')
      .notNull()
      .default(sql`'[]'::jsonb`),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('rectifications_platform_idx').on(t.platformId), index('rectifications_status_idx').on(t.status, t.deadline)],
);

/** A recommendation into the provincial cultivation pool (省级培育库) from an 优秀 result; no status change. */
export const platformRecommendations = pgTable(
  'platform_recommendations',
  {
    id: id(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evaluationRounds.id),
    recommendedOn: date('recommended_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('platform_recommendations_round_platform_key').on(t.roundId, t.platformId)],
);
