import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/db/client';
import { makeCreditCode } from '../src/db/seed/credit-codes';
import { buildRegionTree, buildUser } from './factories';
import { testPassword } from './build-test-app';

const stip = fileURLToPath(new URL('../bin/stip.js', import.meta.url));
const folders: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function newFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'stip-lock-'));
  folders.push(folder);
  return folder;
}

/** A migrated data folder with a region tree and a city user, copied for each test (migrating takes long). */
let template: { dataDir: string; username: string; countyName: string };
beforeAll(async () => {
  const dataDir = newFolder();
  const setup = await createDb({ dataDir });
  try {
    await setup.migrate();
    const tree = await buildRegionTree(setup.db);
    const user = await buildUser(setup.db, { role: 'city_staff', regionId: tree.city.id });
    template = { dataDir, username: user.username, countyName: tree.countyA.name };
  } finally {
    await setup.close();
  }
}, 180_000);

function newDataDir(): string {
  const folder = newFolder();
  cpSync(template.dataDir, folder, { recursive: true });
  return folder;
}

function environment(dataDir: string, port = 0): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    STIP_DEMO: 'off',
    JOBS: 'off',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  return env;
}

/** Runs a `stip` command to its end: its exit code and what it printed. */
function runStip(args: string[], dataDir: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [stip, ...args], { env: environment(dataDir) });
    children.push(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (status) => resolve({ status, output }));
  });
}

/** Starts `stip serve` on the folder and resolves once it listens. */
async function startServer(
  dataDir: string,
  port = 20_000 + Math.floor(Math.random() * 20_000),
): Promise<{ child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [stip, 'serve'], { env: environment(dataDir, port) });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('STIP 已启动')) resolve();
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    void exited.then((status) => reject(new Error(`stip serve exited with ${status}: ${output}`)));
  });
  return { child, exited };
}

describe('the data-folder lock of the embedded database', () => {
  it('starts at once after the holder was killed with SIGKILL', async () => {
    const dataDir = newDataDir();
    const first = await startServer(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    const next = await runStip(['migrate'], dataDir);
    expect(next.output).not.toMatch(/正被另一个 STIP 进程使用/);
    expect(next.status).toBe(0);
  }, 180_000);

  it('refuses a second process while the holder lives, even when its lock looks stale', async () => {
    const dataDir = newDataDir();
    const first = await startServer(dataDir);
    // A holder that cannot refresh its lock for longer than the stale time (here: stopped, its lock's mtime set back a minute).
    first.child.kill('SIGSTOP');
    const aMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(path.join(dataDir, 'stip.lock'), aMinuteAgo, aMinuteAgo);
    try {
      const second = await runStip(['migrate'], dataDir);
      expect(second.status).toBe(1);
      expect(second.output).toMatch(/正被另一个 STIP 进程使用（pid \d+/);
    } finally {
      first.child.kill('SIGCONT');
    }
  }, 180_000);

  it('keeps a long import when a second process tries to start meanwhile', async () => {
    const dataDir = newDataDir();
    const rows = 1000;

    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = await startServer(dataDir, port);
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: template.username, password: testPassword }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRow(['单位名称*', '单位类型*', '统一社会信用代码*', '所在区域*']);
    for (let i = 0; i < rows; i++) sheet.addRow([`锁测试单位${i}`, '企业', makeCreditCode(`lock-${i}`), template.countyName]);
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(await workbook.xlsx.writeBuffer())]), 'import.xlsx');
    const importing = fetch(`${base}/imports/organizations`, { method: 'POST', headers: { cookie }, body: form });

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const second = await runStip(['migrate'], dataDir);
    expect(second.status).toBe(1);
    expect(second.output).toMatch(/正被另一个 STIP 进程使用/);

    const response = await importing;
    expect(await response.json()).toMatchObject({ rows, created: rows });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const reopened = await createDb({ dataDir });
    try {
      const counted = await reopened.db.execute<{ organizations: number; imports: number }>(sql`select
        (select count(*) from organizations where name like '锁测试单位%')::int as organizations,
        (select count(*) from audit_log where action = 'import.organizations')::int as imports`);
      expect((counted as unknown as { rows: unknown[] }).rows[0]).toEqual({ organizations: rows, imports: 1 });
    } finally {
      await reopened.close();
    }
  }, 420_000);
});
