import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client';

const stip = fileURLToPath(new URL('../bin/stip.js', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'stip-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runStip(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, STIP_DEMO: 'off' };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [stip, ...args], { env, encoding: 'utf8', timeout: 120_000 });
}

describe('the stip command on the embedded database', () => {
  it('migrates a new data folder and finds its (empty) audit chain intact', () => {
    expect(runStip(['migrate']).status).toBe(0);
    const verify = runStip(['audit', 'verify']);
    expect(verify.status).toBe(0);
    expect(verify.stdout).toMatch(/审计链完整/);
  });

  it('refuses to open a data folder another process holds, saying so', async () => {
    const holder = await createDb({ dataDir });
    try {
      const second = runStip(['audit', 'verify']);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/正被另一个 STIP 进程使用/);
    } finally {
      await holder.close();
    }
    expect(runStip(['audit', 'verify']).status).toBe(0);
  });

  it('answers an unknown command with usage and exit code 2', () => {
    const result = runStip(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/未知命令/);
  });
});
