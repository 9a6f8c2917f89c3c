import type { FastifyInstance } from 'fastify';
import { writeAuditCheckpoint } from './audit.service';

/** How often a serving process notes the chain's head in the checkpoint file (when it moved). */
export const checkpointEveryMs = 5_000;

/**
 * Writes a signed checkpoint of the chain's head every few seconds while it moves, and a last one on
 * close. Each checkpoint is also logged, so a log shipper carries a copy off the machine. A checkpoint
 * is written only for committed records (it reads the head after the fact), so a rolled-back change
 * never leaves one behind. The timer never keeps the process alive.
 */
export function startAuditCheckpoints(app: FastifyInstance, options: { intervalMs?: number } = {}): { stop(): Promise<void> } {
  let last: { seq: number; hash: string } | null = null;
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= (async () => {
      try {
        const checkpoint = await writeAuditCheckpoint(app.db, last);
        if (checkpoint) {
          last = checkpoint;
          app.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint');
        }
      } catch (error) {
        app.log.error({ err: error }, 'audit checkpoint failed; the next tick retries');
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? checkpointEveryMs);
  timer.unref();
  const stop = async () => {
    clearInterval(timer);
    await running;
    await tick();
  };
  try {
    app.addHook('onClose', stop);
  } catch {
    // Already listening: the caller stops it.
  }
  return { stop };
}
