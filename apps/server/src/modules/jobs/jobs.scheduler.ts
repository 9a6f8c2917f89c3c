import type { FastifyInstance } from 'fastify';
import { todayInChina } from '../../shared/clock';
import { runDueJobs } from './jobs.queue';
import { jobHandlers, scheduleDailyJob } from './jobs.service';

/** How often each process checks whether today's run has happened. */
export const checkEveryMs = 10 * 60 * 1000;

/**
 * Checks every 10 minutes (and once shortly after start): schedules today's daily run (a no-op when it
 * is already scheduled) and runs whatever the queue holds due; any number of processes may do this at once. Answers `check()` (one check now, the
 * same the timers run; tests call it instead of waiting) and `stop()`; the timers never keep the
 * process alive, and closing the app stops them when the scheduler was started before it listened.
 */
export function startJobScheduler(
  app: FastifyInstance,
  options: { intervalMs?: number; firstCheckMs?: number; now?: () => Date } = {},
): { check(): Promise<void>; stop(): void } {
  const now = options.now ?? (() => new Date());
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const moment = now();
      await scheduleDailyJob(app.db, todayInChina(moment));
      const outcome = await runDueJobs(app.db, jobHandlers, moment);
      if (outcome.done > 0 || outcome.failed > 0) app.log.info(outcome, 'scheduled jobs ran');
    } catch (error) {
      app.log.error({ err: error }, 'scheduled jobs failed; the next check retries');
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
