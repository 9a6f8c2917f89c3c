import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb } from '../src/db/client';
import { recordAudit } from '../src/modules/audit/audit.service';
import { configureAuditTrail, loadAuditKey } from '../src/modules/audit/audit.key';
import { systemContext } from '../src/shared/context';

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

  it('prints its usage, every command included, and exits 0 when run bare or with --help, starting no server', () => {
    const untouched = path.join(dataDir, 'never-created');
    for (const args of [[], ['--help'], ['help']]) {
      const result = spawnSync(process.execPath, [stip, ...args], {
        env: { ...process.env, DATA_DIR: untouched, PORT: 'not-a-port' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status, args.join(' ')).toBe(0);
      for (const command of [
        'serve',
        'migrate',
        'seed --demo',
        'audit verify',
        'backup FILE',
        'restore FILE',
        'jobs run',
        'openapi',
        'ingest FILE',
      ]) {
        expect(result.stdout).toContain(`  ${command}`);
      }
    }
    // Neither a database was opened nor the (invalid) port read: usage needs no configuration.
    expect(existsSync(untouched)).toBe(false);
  });

  it('refuses to start with a bad PUBLIC_SEARCH_PER_MINUTE, naming it, before opening any database', () => {
    const untouched = path.join(dataDir, 'never-opened');
    for (const bad of ['abc', '0']) {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: untouched, PORT: '0', PUBLIC_SEARCH_PER_MINUTE: bad };
      delete env.DATABASE_URL;
      const result = spawnSync(process.execPath, [stip, 'serve'], { env, encoding: 'utf8', timeout: 60_000 });
      expect(result.status, bad).toBe(1);
      expect(result.stderr).toContain('配置有误，无法启动');
      expect(result.stderr).toContain(`PUBLIC_SEARCH_PER_MINUTE: 应为 1–100000 之间的整数，而不是 "${bad}"`);
    }
    expect(existsSync(untouched)).toBe(false);
  });

  it('answers an unknown command with usage and exit code 2', () => {
    const result = runStip(['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/未知命令/);
  });

  it('exits 1 and names the first broken record when a record of the chain was altered', async () => {
    // The key the first command made in the data folder, as `stip` itself loads it.
    configureAuditTrail({ key: (await loadAuditKey({ dataDir })).key, checkpointFile: null });
    const handle = await createDb({ dataDir });
    try {
      await handle.migrate();
      const { db } = handle;
      for (const index of [1, 2, 3]) {
        await db.transaction((tx) =>
          recordAudit(tx, systemContext(db), { action: 'test.mark', objectType: 'test', objectId: null, after: { index } }),
        );
      }
      // Someone with the table owner's SQL access switches the append-only trigger off, edits record 2, and switches it on again.
      await db.execute(sql`alter table audit_log disable trigger user`);
      await db.execute(sql`update audit_log set after = '{"index": 20}'::jsonb where seq = 2`);
      await db.execute(sql`alter table audit_log enable trigger user`);
    } finally {
      await handle.close();
    }
    const verify = runStip(['audit', 'verify']);
    expect(verify.status, verify.stderr).toBe(1);
    expect(verify.stdout).toMatch(/审计链断裂：第 2 条记录，记录内容与其签名不符/);
    expect(verify.stdout).toMatch(/audit chain broken at record 2\b/);
  });
});
