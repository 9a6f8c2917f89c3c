import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { annualReportActions, annualReportStatuses, type IndicatorDefinition } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { platforms } from './platforms';
import { platformTypes } from './taxonomy';
import { users } from './accounts';

export const annualReportStatus = pgEnum('annual_report_status', annualReportStatuses);
export const annualReportAction = pgEnum('annual_report_action', annualReportActions);

/**
 * A platform's report for one year on its type's indicator form. `indicators` holds the figures
 * by indicator key (R&D spend, staff, patents …); the evaluations module reads accepted reports.
 * Owned by the annual-reports module.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: id(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    year: integer('year').notNull(),
    status: annualReportStatus('status').notNull().default('draft'),
    indicators: jsonb('indicators')
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** The text indicators (年度工作总结 …) by key; kept apart so `indicators` stays numbers only. */
    narratives: jsonb('narratives')
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('annual_reports_platform_year_key').on(t.platformId, t.year),
    index('annual_reports_year_status_idx').on(t.year, t.status),
  ],
);

/** A reporting year (填报年度) city staff opened, with the due date its reports carry. */
export const annualReportYears = pgTable(
  'annual_report_years',
  {
    year: integer('year').primaryKey(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    openedBy: uuid('opened_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('annual_report_years_year_check', sql`${t.year} between 2000 and 2100`)],
);

/**
 * The indicator form (指标表) a platform type's reports are filed on, as data: one default form
 * (type_id null) and any type's own override. Edited by city staff.
 */
export const annualReportForms = pgTable(
  'annual_report_forms',
  {
    id: id(),
    typeId: uuid('type_id').references(() => platformTypes.id),
    indicators: jsonb('indicators').$type<IndicatorDefinition[]>().notNull(),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_report_forms_type_key').on(sql`coalesce(${t.typeId}::text, 'default')`)],
);

/** Every move on a report (submission, pre-review, review) with its comment: the review history. */
export const annualReportReviews = pgTable(
  'annual_report_reviews',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id),
    action: annualReportAction('action').notNull(),
    fromStatus: annualReportStatus('from_status').notNull(),
    toStatus: annualReportStatus('to_status').notNull(),
    comment: text('comment'),
    actorId: uuid('actor_id').references(() => users.id),
    /** The figures as they stood at this move (what the reviewer saw). */
    indicators: jsonb('indicators').$type<Record<string, number>>(),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [index('annual_report_reviews_report_idx').on(t.reportId, t.createdAt)],
);
