import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';

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

/**
 * The job queue: one row per run of a named job, due at `run_at`. `key` makes scheduling idempotent
 * (the daily job of a day is `daily:2030-03-01`, scheduled by every process, stored once). A worker
 * claims a due row with `FOR UPDATE SKIP LOCKED` and does the work in that transaction; a failure
 * rolls the work back and moves `run_at` later (backoff) until `max_attempts`, keeping the last error.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: id(),
    name: text('name').notNull(),
    key: text('key').notNull().unique(),
    payload: jsonb('payload').notNull().default({}),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** pending → done, or failed once the attempts are used up. */
    status: text('status', { enum: ['pending', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    result: jsonb('result'),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('scheduled_jobs_due_idx')
      .on(t.runAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
