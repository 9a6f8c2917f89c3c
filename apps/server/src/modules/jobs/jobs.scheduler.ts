import type { FastifyInstance } from 'fastify';
import { todayInChina } from '../../shared/clock';
import { hasJobRun } from './jobs.repository';
import { dailyJob, runDailyJobs } from './jobs.service';

/** How often each process checks whether today's run has happened. */
export const checkEveryMs = 10 * 60 * 1000;

/**
 * Checks every 10 minutes (and once shortly after start) whether today's run has happened, and runs
 * it when not; any number of processes may do this at once. Answers `check()` (one check now, the
 * same the timers run; tests call it instead of waiting) and `stop()`; the timers never keep the
 * process alive, and closing the app stops them when the scheduler was started before it listened.
 */
export function startJobScheduler(
  app: FastifyInstance,
  options: { intervalMs?: number; firstCheckMs?: number; today?: () => string } = {},
): { check(): Promise<void>; stop(): void } {
  const today = options.today ?? (() => todayInChina());
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const day = today();
      if (await hasJobRun(app.db, dailyJob, day)) return;
      const result = await runDailyJobs(app.db, day);
      if (result.ran) app.log.info(result, 'daily jobs ran');
    } catch (error) {
      app.log.error({ err: error }, 'daily jobs failed; the next check retries');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), options.firstCheckMs ?? 5_000);
  const timer = setInterval(() => void tick(), options.intervalMs ?? checkEveryMs);
  first.unref();
  timer.unref();
  const stop = () => {
    clearTimeout(first);
    clearInterval(timer);
  };
  try {
    app.addHook('onClose', async () => stop());
  } catch {
    // Already listening: the caller stops it.
  }
  return { check: tick, stop };
}
