import type { Database, Transaction } from '../../db/client';
import { type ScheduledJob, claimDueJob, completeJob, enqueueJob, recordJobFailure } from './jobs.repository';

/** Does one run's work inside the transaction that claimed it; what it answers is kept as the run's result. */
export type JobHandler = (tx: Transaction, job: ScheduledJob) => Promise<unknown>;

/** How long after its `attempts`-th failure a run is due again: 1 min, 4 min, 16 min … at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, attempts - 1), 6 * 60 * 60 * 1000);
}

export { enqueueJob };

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

/**
 * Runs every run due at `now`, each in its own transaction (claimed with FOR UPDATE SKIP LOCKED, so
 * several processes share the work without running a row twice), until none is due. A run that throws
 * leaves no change behind; it is due again after a backoff, or failed for good after its last attempt.
 */
export async function runDueJobs(db: Database, handlers: Record<string, JobHandler>, now: Date): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  for (;;) {
    let claimed: ScheduledJob | undefined;
    try {
      const ran = await db.transaction(async (tx) => {
        claimed = await claimDueJob(tx, now);
        if (!claimed) return false;
        const handler = handlers[claimed.name];
        if (!handler) throw new Error(`no handler for job "${claimed.name}"`);
        const result = await handler(tx, claimed);
        await completeJob(tx, claimed.id, claimed.attempts + 1, result ?? null, now);
        return true;
      });
      if (!ran) return { done, failed };
      done++;
    } catch (error) {
      if (!claimed) throw error;
      const attempts = claimed.attempts + 1;
      const retryAt = attempts < claimed.maxAttempts ? new Date(now.getTime() + retryDelayMs(attempts)) : null;
      await recordJobFailure(db, claimed.id, attempts, describe(error), retryAt, now);
      failed++;
    }
  }
}
