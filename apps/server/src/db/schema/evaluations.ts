import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { evaluationGrades, evaluationOutcomes, evaluationRoundStatuses } from '@stip/contracts';
import { createdAt, id, isDemo, updatedAt, version } from './columns';
import { platforms } from './platforms';
import { users } from './accounts';

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
  ],
);
