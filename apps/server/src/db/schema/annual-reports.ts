import { sql } from 'drizzle-orm';
import { date, integer, jsonb, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { annualReportStatuses } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { platforms } from './platforms';
import { users } from './accounts';

export const annualReportStatus = pgEnum('annual_report_status', annualReportStatuses);

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
  (t) => [uniqueIndex('annual_reports_platform_year_key').on(t.platformId, t.year)],
);
