import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jobRuns } from '../../db/schema/index';

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

export async function hasJobRun(db: Executor, job: string, day: string): Promise<boolean> {
  const [row] = await db
    .select({ job: jobRuns.job })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runDate, day)));
  return row !== undefined;
}
