import { and, asc, eq, lte } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client';
import { jobRuns, scheduledJobs } from '../../db/schema/index';

/**
 * Claims a job's run for a day by inserting its row. Inside the caller's transaction: a concurrent
 * claim from another process waits for this transaction and then finds the row taken (false); a
 * rolled-back run leaves no claim.
 */
export async function claimJobRun(db: Executor, job: string, day: string): Promise<boolean> {
  const rows = await db.insert(jobRuns).values({ job, runDate: day }).onConflictDoNothing().returning({ job: jobRuns.job });
  return rows.length === 1;
}

export async function finishJobRun(db: Executor, job: string, day: string, result: unknown): Promise<void> {
  await db
    .update(jobRuns)
    .set({ finishedAt: new Date(), result })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, day)));
}

export type ScheduledJob = typeof scheduledJobs.$inferSelect;

/** Schedules a run; a second schedule under the same key is a no-op. Answers whether this call added it. */
export async function enqueueJob(
  db: Executor,
  job: { name: string; key: string; runAt: Date; payload?: unknown; maxAttempts?: number },
): Promise<boolean> {
  const rows = await db
    .insert(scheduledJobs)
    .values({ name: job.name, key: job.key, runAt: job.runAt, payload: job.payload ?? {}, maxAttempts: job.maxAttempts ?? 5 })
    .onConflictDoNothing({ target: scheduledJobs.key })
    .returning({ id: scheduledJobs.id });
  return rows.length === 1;
}

/** The earliest due pending run, locked for the caller's transaction; rows other workers hold are skipped. */
export async function claimDueJob(tx: Transaction, now: Date): Promise<ScheduledJob | undefined> {
  const [row] = await tx
    .select()
    .from(scheduledJobs)
    .where(and(eq(scheduledJobs.status, 'pending'), lte(scheduledJobs.runAt, now)))
    .orderBy(asc(scheduledJobs.runAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

export async function completeJob(db: Executor, id: string, attempts: number, result: unknown, now: Date): Promise<void> {
  await db.update(scheduledJobs).set({ status: 'done', attempts, result, finishedAt: now }).where(eq(scheduledJobs.id, id));
}

/** Records a failed attempt: due again at `retryAt`, or failed for good when it is null. */
export async function recordJobFailure(
  db: Executor,
  id: string,
  attempts: number,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await db
    .update(scheduledJobs)
    .set(retryAt ? { attempts, lastError: error, runAt: retryAt } : { attempts, lastError: error, status: 'failed', finishedAt: now })
    .where(eq(scheduledJobs.id, id));
}

export async function findJobByKey(db: Executor, key: string): Promise<ScheduledJob | undefined> {
  const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.key, key));
  return row;
}
