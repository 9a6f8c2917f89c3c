import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/build-test-app';
import { unique } from '../../../test/factories';
import { platformSystems } from '../../db/schema/index';
import { type JobHandler, enqueueJob, retryDelayMs, runDueJobs } from './jobs.queue';
import { findJobByKey } from './jobs.repository';

// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set. The clock is passed in: no sleeps.
// The tests share one queue, so each looks only at its own runs.
const t = await buildTestApp();
const { db } = t.handle;
const now = new Date('2034-05-01T09:00:00+08:00');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('the job queue', () => {
  it('stores a key once however often it is scheduled', async () => {
    const key = unique('once');
    expect(await enqueueJob(db, { name: 'noop', key, runAt: now })).toBe(true);
    expect(await enqueueJob(db, { name: 'noop', key, runAt: later(1000) })).toBe(false);
    expect((await findJobByKey(db, key))!.runAt).toEqual(now);
  });

  it('runs what is due once and leaves what is not due yet', async () => {
    const name = unique('count');
    const seen: string[] = [];
    const handlers: Record<string, JobHandler> = {
      [name]: async (_tx, job) => {
        seen.push(job.key);
        return { ok: true };
      },
    };
    const [due, future] = [unique('due'), unique('future')];
    await enqueueJob(db, { name, key: due, runAt: now });
    await enqueueJob(db, { name, key: future, runAt: later(60_000) });
    await runDueJobs(db, handlers, now);
    await runDueJobs(db, handlers, now);
    expect(seen).toEqual([due]);
    expect(await findJobByKey(db, due)).toMatchObject({ status: 'done', attempts: 1, result: { ok: true } });
    expect(await findJobByKey(db, future)).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('rolls a failed run’s work back, retries it after a backoff with its error kept, and gives up after the last attempt', async () => {
    const name = unique('flaky');
    const key = unique('flaky');
    const code = unique('rolled').replace(/-/g, '_');
    const handlers: Record<string, JobHandler> = {
      [name]: async (tx) => {
        await tx.insert(platformSystems).values({ code, name: code });
        throw new Error('上游暂不可用');
      },
    };
    await enqueueJob(db, { name, key, runAt: now, maxAttempts: 2 });

    await runDueJobs(db, handlers, now);
    expect(await db.select().from(platformSystems).where(eq(platformSystems.code, code))).toEqual([]);
    const first = await findJobByKey(db, key);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Error: 上游暂不可用', runAt: later(retryDelayMs(1)) });

    await runDueJobs(db, handlers, later(retryDelayMs(1) - 1));
    expect(await findJobByKey(db, key)).toMatchObject({ status: 'pending', attempts: 1 });
    await runDueJobs(db, handlers, later(retryDelayMs(1)));
    expect(await findJobByKey(db, key)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('backs off 1, 4, 16 minutes … and never more than 6 hours', () => {
    expect([1, 2, 3].map(retryDelayMs)).toEqual([60_000, 240_000, 960_000]);
    expect(retryDelayMs(20)).toBe(6 * 60 * 60 * 1000);
  });

  it('runs each due run once when two workers go at once', async () => {
    const name = unique('shared');
    const seen: string[] = [];
    const handlers: Record<string, JobHandler> = {
      [name]: async (_tx, job) => {
        seen.push(job.key);
      },
    };
    const keys = [unique('a'), unique('b'), unique('c')];
    for (const key of keys) await enqueueJob(db, { name, key, runAt: now });
    await Promise.all([runDueJobs(db, handlers, now), runDueJobs(db, handlers, now)]);
    expect(seen.sort()).toEqual([...keys].sort());
    for (const key of keys) expect(await findJobByKey(db, key)).toMatchObject({ status: 'done', attempts: 1 });
  });
});
