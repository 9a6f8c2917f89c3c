import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';
import { applications } from './calls';
import { platformTypes } from './taxonomy';

/** The expert pool. Owned by the experts module. */
export const experts = pgTable('experts', {
  id: id(),
  name: text('name').notNull(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  regionId: uuid('region_id').references(() => regions.id),
  /** The expert's own account, when they have one (role expert). */
  userId: uuid('user_id').references(() => users.id),
  fields: text('fields')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  title: text('title').notNull(),
  phone: text('phone'),
  idNumber: text('id_number'),
  suspended: boolean('suspended').notNull().default(false),
  suspendedReason: text('suspended_reason'),
  isDemo: isDemo(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: deletedAt(),
});

/**
 * A panel drawn for an application (or, later, another subject). The seed makes the draw
 * repeatable. `concludedAt` is set when the chair records the consensus opinion; the calls
 * module's application lifecycle reads it. Owned by the experts module.
 */
export const panels = pgTable(
  'panels',
  {
    id: id(),
    applicationId: uuid('application_id').references(() => applications.id),
    seed: text('seed').notNull(),
    size: integer('size').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    drawnBy: uuid('drawn_by').references(() => users.id),
    chairExpertId: uuid('chair_expert_id').references(() => experts.id),
    consensus: text('consensus'),
    /** The scoring deadline. */
    dueOn: date('due_on', { mode: 'string' }),
    /** The rubric the panel scores on, copied from the type's rubric at the draw so later edits do not move it. */
    rubric: jsonb('rubric')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** Every field-matching expert ruled out at the draw, with the reason: [{ expertId, name, reason, detail }]. */
    excluded: jsonb('excluded')
      .notNull()
      .default(sql`'[]'::jsonb`),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'date' }),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('panels_application_idx').on(t.applicationId)],
);

/** A seat on a panel. A declared conflict vacates the seat (`replacedAt`) and the next draw fills it. */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: id(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    position: integer('position').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }),
    declaredConflict: boolean('declared_conflict'),
    declarationNote: text('declaration_note'),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'date' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** The expert's overall opinion on the application, given with the scores. */
    opinion: text('opinion'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('panel_members_panel_expert_key').on(t.panelId, t.expertId), index('panel_members_expert_idx').on(t.expertId)],
);

/** One expert's score on one rubric criterion for a seat. Locked once the seat's scores are submitted. */
export const panelScores = pgTable(
  'panel_scores',
  {
    id: id(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => panelMembers.id),
    criterionKey: text('criterion_key').notNull(),
    score: numeric('score', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    comment: text('comment'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('panel_scores_member_criterion_key').on(t.memberId, t.criterionKey),
    check('panel_scores_score_check', sql`${t.score} >= 0`),
  ],
);

/**
 * The scoring rubric (评审指标) of a platform type, kept as data: criteria with weights summing to 100
 * and a maximum score each, and the share of the maximum below which a score needs a comment. A row
 * without a type is the default rubric for types that have none. Owned by the experts module.
 */
export const reviewRubrics = pgTable(
  'review_rubrics',
  {
    id: id(),
    typeId: uuid('type_id').references(() => platformTypes.id),
    name: text('name').notNull(),
    /** [{ key, name, weight, maxScore, description }] */
    criteria: jsonb('criteria').notNull(),
    /** A score below this percentage of the criterion's maximum requires a comment. */
    lowScorePercent: integer('low_score_percent').notNull().default(60),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('review_rubrics_type_key').on(t.typeId),
    check('review_rubrics_low_score_percent_check', sql`${t.lowScorePercent} between 0 and 100`),
  ],
);

/** The expert pool's settings (one row, id 1): the yearly panel cap per expert and the outlier threshold. */
export const expertSettings = pgTable(
  'expert_settings',
  {
    id: integer('id').primaryKey().default(1),
    yearlyPanelCap: integer('yearly_panel_cap').notNull().default(5),
    /** An expert's total deviating from the panel mean by more than this many points is flagged. */
    outlierThreshold: integer('outlier_threshold').notNull().default(15),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('expert_settings_single_row', sql`${t.id} = 1`),
    check('expert_settings_cap_check', sql`${t.yearlyPanelCap} >= 1`),
    check('expert_settings_threshold_check', sql`${t.outlierThreshold} >= 0`),
  ],
);
