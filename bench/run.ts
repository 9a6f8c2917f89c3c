/**
 * `npm run bench`: times the cockpit, target progress (today and a past day) and a filtered registry
 * page over a generated registry of 100,000 platforms and 1,000,000 history rows, on PGlite (a temp
 * data dir) and on PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 * a fresh database created and dropped). Prints the median of several runs and the PGlite/PostgreSQL
 * ratio. BENCH_SCALE (default 1) shrinks the registry for a quick try; BENCH_RUNS sets the runs;
 * BENCH_ONLY=pglite|postgres runs one database; BENCH_DROP_INDEXES=a,b drops those indexes after the
 * migrations, to measure what an index changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createDb, type DbHandle } from '../apps/server/src/db/client';
import { benchPassword, fullSize, generateRegistry, type BenchData } from './generate';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const scale = Number(process.env.BENCH_SCALE ?? 1);
const size = { ...fullSize, platforms: Math.max(100, Math.round(fullSize.platforms * scale)) };
const today = '2025-06-30';

interface Measure {
  label: string;
  url: (data: BenchData) => string;
}

const measures: Measure[] = [
  { label: '驾驶舱 cockpit (city)', url: () => `/api/cockpit?asOf=${today}` },
  { label: '全部目标进展 all targets (today)', url: (d) => `/api/targets?planId=${d.planId}&asOf=${today}&limit=500` },
  { label: '目标进展 past day (2020-06-30)', url: (d) => `/api/targets?planId=${d.planId}&asOf=2020-06-30&limit=500` },
  {
    label: '平台名录 filtered page',
    url: (d) => `/api/platforms?typeId=${d.typeIds[3]}&regionId=${d.countyIds[3]}&status=operating,constructing&limit=50`,
  },
  { label: '目标清单 target platforms page', url: (d) => `/api/targets?planId=${d.planId}&limit=1` },
];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function measure(kind: string, handle: DbHandle): Promise<Map<string, number>> {
  const started = performance.now();
  console.log(`[${kind}] migrating and generating ${size.platforms.toLocaleString()} platforms × ${size.versionsPerPlatform} versions …`);
  await handle.migrate();
  for (const index of (process.env.BENCH_DROP_INDEXES ?? '').split(',').filter(Boolean)) {
    if (!/^[a-z_]+$/.test(index)) throw new Error(`not an index name: ${index}`);
    await handle.db.execute(sql.raw(`drop index if exists "${index}"`));
    console.log(`[${kind}] without index ${index}`);
  }
  const data = await generateRegistry(handle.db, size, (message) => console.log(`[${kind}]${message}`));
  console.log(`[${kind}] data ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const app = await buildApp({ db: handle.db, webRoot: null, logger: process.env.BENCH_LOG ? { level: 'error' } : false });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: data.username, password: benchPassword } });
  const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;
  const results = new Map<string, number>();
  const get = async (url: string) => {
    const response = await app.inject({ url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return response.json();
  };
  // The target-platforms page of the first target, once its id is known.
  const firstTarget = (await get(`/api/targets?planId=${data.planId}&limit=1`)).items[0];
  measures[4]!.url = () => `/api/targets/${firstTarget.id}/platforms?asOf=${today}&limit=50`;
  for (const m of measures) {
    const url = m.url(data);
    await get(url); // warm-up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await get(url);
      times.push(performance.now() - t0);
    }
    results.set(m.label, median(times));
    console.log(`[${kind}] ${m.label}: median ${median(times).toFixed(1)} ms (${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
  const cockpit = await get(`/api/cockpit?asOf=${today}`);
  console.log(`[${kind}] check: cockpit total ${cockpit.total.count} live platforms, ${cockpit.targets.length} targets`);
  await app.close();
  return results;
}

async function onPglite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'stip-bench-'));
  const handle = await createDb({ dataDir: dir });
  try {
    return await measure('PGlite', handle);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<Map<string, number> | null> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`[PostgreSQL] skipped: cannot connect to ${url} (${(error as Error).message})`);
    return null;
  }
  const name = `stip_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  const handle = await createDb({ url: benchUrl.toString() });
  // Dropping the database (with force) may still reach a pool connection that is closing: expected, not an error.
  (handle.db as unknown as { $client: pg.Pool }).$client.on('error', () => undefined);
  try {
    return await measure('PostgreSQL', handle);
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const started = performance.now();
const only = process.env.BENCH_ONLY;
const pglite = only === 'postgres' ? null : await onPglite();
const postgres = only === 'pglite' ? null : await onPostgres();

const pad = (text: string, width: number) =>
  text + ' '.repeat(Math.max(0, width - [...text].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
const ms = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} ms`);
console.log(
  `\n${size.platforms.toLocaleString()} platforms, ${(size.platforms * size.versionsPerPlatform).toLocaleString()} versions; median of ${runs} runs`,
);
console.log(`${pad('measure', 36)}${pad('PGlite', 14)}${pad('PostgreSQL', 14)}PGlite/PostgreSQL`);
for (const m of measures) {
  const a = pglite?.get(m.label);
  const b = postgres?.get(m.label);
  console.log(
    `${pad(m.label, 36)}${pad(ms(a), 14)}${pad(ms(b), 14)}${a !== undefined && b !== undefined ? `${(a / b).toFixed(2)}×` : '—'}`,
  );
}
console.log(`\nwhole bench: ${((performance.now() - started) / 1000).toFixed(0)} s`);
