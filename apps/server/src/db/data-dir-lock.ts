import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../shared/app-error';
import { ErrorCode } from '@stip/contracts';

export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * PGlite is an in-process database: two processes opening one data folder would corrupt it.
 * The first process takes a lock (proper-lockfile keeps it fresh; a crashed holder's lock goes
 * stale after 10 s) and writes its pid beside it so the refusal can say who holds it.
 */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const lockfilePath = path.join(dataDir, 'stip.lock');
  const ownerPath = path.join(dataDir, 'stip.lock.owner');
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dataDir, {
      lockfilePath,
      stale: 10_000,
      realpath: false,
      onCompromised: (error) => {
        console.error(`STIP: lost the lock on ${dataDir}: ${error.message}`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      let owner = '';
      try {
        owner = readFileSync(ownerPath, 'utf8').trim();
      } catch {
        owner = '';
      }
      throw new AppError(ErrorCode.DatabaseLocked, {
        message: `数据目录 ${dataDir} 正被另一个 STIP 进程使用${owner ? `（${owner}）` : ''}；请先停止它，或在其运行时通过其网页或接口操作。The embedded database is in use by another STIP process.`,
      });
    }
    throw error;
  }
  writeFileSync(ownerPath, `pid ${process.pid}, ${process.argv.slice(2).join(' ') || 'stip'}`);
  return {
    async release() {
      rmSync(ownerPath, { force: true });
      await release().catch(() => undefined);
    },
  };
}
