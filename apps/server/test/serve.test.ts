import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client';
import { isSetupTokenLive } from '../src/modules/accounts/accounts.repository';
import { hashToken } from '../src/modules/accounts/accounts.service';

const stip = fileURLToPath(new URL('../bin/stip.js', import.meta.url));
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Starts `stip serve` on a new data folder, answers what it printed up to "STIP 已启动", and stops it. */
async function serveUntilStarted(
  env: Record<string, string>,
  dataDir = mkdtempSync(path.join(tmpdir(), 'stip-serve-')),
): Promise<{ output: string; dataDir: string }> {
  folders.push(dataDir);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', JOBS: 'off', ...env };
  delete childEnv.DATABASE_URL;
  if (!('HOST' in env)) delete childEnv.HOST;
  const child = spawn(process.execPath, [stip, 'serve'], { env: childEnv });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('STIP 已启动')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', () => reject(new Error(`stip serve ended early:\n${output}`)));
  });
  try {
    await started;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  return { output, dataDir };
}

describe('stip serve', () => {
  it('prints a one-time setup token at start without demo data, writes it to DATA_DIR/setup-token for the operator only, and keeps only its hash', async () => {
    const { output, dataDir } = await serveUntilStarted({ STIP_DEMO: 'off' });
    const printed = /初始化令牌：([A-Za-z0-9_-]{20,})/.exec(output)?.[1];
    expect(printed).toBeDefined();
    const file = path.join(dataDir, 'setup-token');
    expect(readFileSync(file, 'utf8').trim()).toBe(printed);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(output).toMatch(/监听 0\.0\.0\.0/);
    const handle = await createDb({ dataDir });
    try {
      expect(await isSetupTokenLive(handle.db, hashToken(printed!), new Date())).toBe(true);
    } finally {
      await handle.close();
    }
  }, 180_000);

  it('serves demo data on 127.0.0.1 only, and warns in Chinese and English when HOST opens it to the network', async () => {
    const local = await serveUntilStarted({ STIP_DEMO: 'on' });
    expect(local.output).toMatch(/监听 127\.0\.0\.1/);
    expect(local.output).not.toMatch(/WARNING: demo data/);
    expect(local.output).not.toMatch(/初始化令牌/);
    // The same data folder: the demo data is already there.
    const open = await serveUntilStarted({ STIP_DEMO: 'on', HOST: '0.0.0.0' }, local.dataDir);
    expect(open.output).toMatch(/警告：演示数据/);
    expect(open.output).toMatch(/WARNING: demo data/);
  }, 360_000);
});
