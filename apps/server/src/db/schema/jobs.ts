import { date, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per job and day: inserting it claims the day's run. The insert and the job's work share a
 * transaction, so with several app processes exactly one runs the job, and a failed run leaves no
 * claim behind (the next check retries).
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    result: jsonb('result'),
  },
  (t) => [primaryKey({ columns: [t.job, t.runDate] })],
);
