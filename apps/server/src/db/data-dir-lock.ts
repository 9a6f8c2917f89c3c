import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { OperatorError } from './operator-error';

export interface DataDirLock {
  release(): Promise<void>;
}

/** How old the lock's mtime must be before a holder on another machine (a shared folder) is presumed gone. */
const staleMs = 10_000;

/** Who holds the lock: enough to tell, on this machine, whether that very process is still running. */
export interface LockOwner {
  pid: number;
  hostname: string;
  /** The process's start time in clock ticks since boot (/proc/PID/stat field 22), so a reused pid is not mistaken for the holder. */
  startTime: string | null;
  command: string;
}

/** A process's start time from /proc (Linux); null where /proc is not there. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** 'alive' when the recorded process still runs, 'dead' when it provably does not, 'unknown' on another machine. */
export function holderState(owner: LockOwner): 'alive' | 'dead' | 'unknown' {
  if (owner.hostname !== hostname()) return 'unknown';
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'dead';
  }
  if (owner.startTime && process.platform === 'linux') {
    // The pid may have been reused by another process since the holder died.
    if (processStartTime(owner.pid) !== owner.startTime) return 'dead';
  }
  return 'alive';
}

function readOwner(ownerPath: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(ownerPath, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid !== 'number' || typeof owner.hostname !== 'string') return null;
    return { pid: owner.pid, hostname: owner.hostname, startTime: owner.startTime ?? null, command: owner.command ?? '' };
  } catch {
    return null;
  }
}

function lockedError(dataDir: string, owner: LockOwner | null): OperatorError {
  const who = owner ? `pid ${owner.pid}${owner.command ? `，${owner.command}` : ''}` : '';
  return new OperatorError(
    `数据目录 ${dataDir} 正被另一个 STIP 进程使用${who ? `（${who}）` : ''}；请先停止它，或在其运行时通过其网页或接口操作。The embedded database is in use by another STIP process.`,
  );
}

/**
 * Runs proper-lockfile in a worker thread, so the lock's mtime is refreshed on the worker's own event loop:
 * a main thread busy for seconds (a large import, a long query in the embedded database) cannot let it go stale.
 * Plain JavaScript evaluated as a string (valid as a script and as a module), so the worker needs no TypeScript loader.
 */
const workerSource = `
Promise.all([import('node:worker_threads'), import('node:module')]).then(([{ parentPort, workerData }, { createRequire }]) => {
  const lockfile = createRequire(workerData.lockfileModule)(workerData.lockfileModule);
  let release = null;
  lockfile
    .lock(workerData.dataDir, {
      lockfilePath: workerData.lockfilePath,
      stale: workerData.stale,
      realpath: false,
      onCompromised: (error) => parentPort.postMessage({ type: 'compromised', message: error.message }),
    })
    .then((releaseLock) => {
      release = releaseLock;
      parentPort.postMessage({ type: 'locked' });
    })
    .catch((error) => parentPort.postMessage({ type: 'error', code: error.code, message: error.message }));
  parentPort.on('message', async (message) => {
    if (message !== 'release') return;
    if (release) await release().catch(() => undefined);
    parentPort.postMessage({ type: 'released' });
    parentPort.close();
  });
});
`;

type WorkerMessage =
  { type: 'locked' | 'released' } | { type: 'compromised'; message: string } | { type: 'error'; code?: string; message: string };

/**
 * A lock left by a process that provably no longer runs (killed, crashed) is removed at once, rather than
 * waiting for it to go stale; a lock whose holder still runs on this machine is never taken, however old its mtime.
 */
function clearDeadHolder(dataDir: string, lockfilePath: string, ownerPath: string): void {
  let lockInode: number;
  try {
    lockInode = statSync(lockfilePath).ino;
  } catch {
    return; // no lock
  }
  const owner = readOwner(ownerPath);
  if (!owner) return; // an old-format or missing record: proper-lockfile's staleness decides
  const state = holderState(owner);
  if (state === 'alive') throw lockedError(dataDir, owner);
  if (state === 'unknown') return;
  // Remove only the lock we looked at: another starter may have replaced it meanwhile. The record goes first,
  // so a concurrent starter finds none and leaves the decision to proper-lockfile (mkdir is atomic).
  try {
    if (statSync(lockfilePath).ino !== lockInode || readOwner(ownerPath)?.pid !== owner.pid) return;
    rmSync(ownerPath, { force: true });
    rmSync(lockfilePath, { recursive: true, force: true });
  } catch {
    // already gone
  }
}

/**
 * PGlite is an in-process database: two processes opening one data folder would corrupt it.
 * The first process takes a lock (refreshed from a worker thread; a holder on another machine is presumed gone
 * after 10 s without a refresh) and records its pid, host and start time beside it, so a later starter can tell
 * a live holder (refused) from a dead one (taken over at once), and the refusal can say who holds it.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockfilePath = path.join(dataDir, 'stip.lock');
  const ownerPath = path.join(dataDir, 'stip.lock.owner');
  clearDeadHolder(dataDir, lockfilePath, ownerPath);

  const worker = new Worker(workerSource, {
    eval: true,
    execArgv: [],
    workerData: { lockfileModule: createRequire(import.meta.url).resolve('proper-lockfile'), dataDir, lockfilePath, stale: staleMs },
  });
  let onReleased: (() => void) | null = null;
  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'locked') resolve();
      else if (message.type === 'error') {
        void worker.terminate();
        reject(message.code === 'ELOCKED' ? lockedError(dataDir, readOwner(ownerPath)) : new Error(message.message));
      } else if (message.type === 'compromised') {
        console.error(`STIP: lost the lock on ${dataDir}: ${message.message}`);
        process.exit(1);
      } else if (message.type === 'released') onReleased?.();
    });
    worker.on('error', reject);
  });
  // The worker must not keep a process alive that has finished its work.
  worker.unref();
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startTime: processStartTime(process.pid),
    command: process.argv.slice(2).join(' ') || 'stip',
  };
  writeFileSync(ownerPath, JSON.stringify(owner));
  return {
    async release() {
      rmSync(ownerPath, { force: true });
      worker.ref(); // wait for the release even when nothing else keeps the process alive
      await new Promise<void>((resolve) => {
        onReleased = resolve;
        worker.once('exit', () => resolve());
        worker.postMessage('release');
      });
      await worker.terminate();
    },
  };
}
