// N cycles of: a process takes the data-folder lock, is killed with SIGKILL, and the next start tries at once.
// Prints how many of those starts were refused ("in use by another process") although the holder was dead,
// and the longest time until a start succeeded.
// Run: node --import tsx bench/lock-kill-restart.ts [cycles]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireDataDirLock } from '../apps/server/src/db/data-dir-lock';

const cycles = Number(process.argv[2] ?? 20);
const lockModule = fileURLToPath(new URL('../apps/server/src/db/data-dir-lock.ts', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'stip-bench-lock-'));
const holderSource = `const { acquireDataDirLock } = await import(${JSON.stringify(lockModule)});
await acquireDataDirLock(${JSON.stringify(dataDir)});
console.log('locked');
setInterval(() => {}, 1000);`;

let refused = 0;
let longestWaitMs = 0;
for (let cycle = 0; cycle < cycles; cycle++) {
  const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holderSource], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve()));
  // Let it hold the lock for a moment, as a server would, then kill it without a chance to clean up.
  await new Promise((resolve) => setTimeout(resolve, 500));
  holder.kill('SIGKILL');
  await new Promise((resolve) => holder.on('exit', resolve));
  // The next start, at once; a refused start retries every half second, as an operator's restart loop would.
  const killedAt = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const lock = await acquireDataDirLock(dataDir);
      await lock.release();
      break;
    } catch {
      if (attempt === 0) refused++;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  longestWaitMs = Math.max(longestWaitMs, performance.now() - killedAt);
}
console.log(JSON.stringify({ cycles, refused, longestWaitSeconds: Math.round(longestWaitMs) / 1000 }));
rmSync(dataDir, { recursive: true, force: true });
