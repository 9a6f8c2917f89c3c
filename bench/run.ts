/**
 * `npm run bench`: times the cockpit, target progress (today and a past day) and a filtered registry
 * page over a generated registry of 100,000 platforms and 1,000,000 history rows, on PGlite (a temp
 * data dir) and on PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test;
 * a fresh database created and dropped). Prints the median (p50) and p95 of several runs and the
 * PGlite/PostgreSQL ratio; in the same run it times the cockpit's registry reads both ways — the old
 * full recount from platform_versions (before) and the maintained counts (after) — and checks they agree. BENCH_SCALE (default 1) shrinks the registry for a quick try; BENCH_RUNS sets the runs (after
 * BENCH_WARMUPS, default 5, unmeasured);
 * BENCH_ONLY=pglite|postgres runs one database; BENCH_DROP_INDEXES=a,b drops those indexes after the
 * migrations, to measure what an index changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createDb, type DbHandle } from '../apps/server/src/db/client';
import {
  countInForceByGroup,
  countNewPlatforms,
  countRecognitionsByYear,
  recountInForceByGroup,
  recountNewPlatforms,
  recountRecognitionsByYear,
} from '../apps/server/src/modules/targets/snapshot.repository';
import { livePlatformStatuses } from '@stip/contracts';
import { benchPassword, fullSize, generateRegistry, type BenchData } from './generate';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const warmups = Number(process.env.BENCH_WARMUPS ?? 5);
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
/** The nearest-rank 95th percentile. */
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * 0.95) - 1)]!;
interface Timing {
  p50: number;
  p95: number;
}
const countsBefore = '驾驶舱 registry reads: recount (before)';
const countsAfter = '驾驶舱 registry reads: maintained (after)';

async function measure(kind: string, handle: DbHandle): Promise<Map<string, Timing>> {
  const started = performance.now();
  console.log(`[${kind}] migrating and generating ${size.platforms.toLocaleString()} platforms × ${size.versionsPerPlatform} versions …`);
  await handle.migrate();
  for (const index of (process.env.BENCH_DROP_INDEXES ?? '').split(',').filter(Boolean)) {
    if (!/^[a-z_]+$/.test(index)) throw new Error(`not an index name: ${index}`);
    await handle.db.execute(sql.raw(`drop index if exists "${index}"`));
    console.log(`[${kind}] without index ${index}`);
  }
  const data = await generateRegistry(handle.db, size, (message) => console.log(`[${kind}]${message}`));
  console.log(
    `[${kind}] data ready in ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(', ')}`,
  );
  const app = await buildApp({ db: handle.db, webRoot: null, logger: process.env.BENCH_LOG ? { level: 'error' } : false });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: data.username, password: benchPassword } });
  const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;
  const results = new Map<string, Timing>();
  const time = async (label: string, work: () => Promise<unknown>) => {
    // Warm-up: the first few runs of a code path are slower while V8 compiles it (measured: the cockpit's first 5
    // of 25 runs took 80–300 ms, the rest 48–70 ms), and a server that has run for a while has it compiled.
    for (let i = 0; i < warmups; i++) await work();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await work();
      times.push(performance.now() - t0);
    }
    results.set(label, { p50: median(times), p95: p95(times) });
    console.log(`[${kind}] ${label}: p50 ${median(times).toFixed(1)} ms, p95 ${p95(times).toFixed(1)} ms`);
  };
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
    await time(m.label, () => get(url));
  }
  // The cockpit's registry reads for the city's subtree, both ways: the grouped counts in force today (by industry),
  // the recognitions by year, the grouped counts on the plan's start (the stock targets' trajectories) and the 新建
  // counts of its three added targets (two types, the national level; baseline the plan's start).
  const subtree = [data.cityId, ...data.countyIds];
  const scope = sql`platform_versions.region_id in (${sql.join(
    subtree.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
  const planStart = '2021-04-15';
  const criteria = (typeIds: string[]) => ({
    typeIds: new Set(typeIds),
    statuses: new Set(livePlatformStatuses),
    regionIds: new Set(subtree),
  });
  const additionCriteria = [
    criteria([data.typeIds[8]!]),
    criteria([data.typeIds[9]!]),
    criteria(data.typeIds.filter((_, j) => j % 4 === 0)), // generate.ts: type j has level j % 4, national first
  ];
  const additions = additionCriteria.map((c) => ({ criteria: c, baselineDate: planStart, day: today }));
  // Checked only (not timed): 新建 counts that are not all zero. From the plan's start the three above are (no
  // platform enters their types after 2021), so also count, from 2019-06-01, the types generate.ts moves one platform
  // in ten to from its version 6 (2020): type (i + 7) % 40 for platform i ≡ 0 (mod 10), that is 7, 17, 27 and 37.
  const movedAdditions = [[7], [17], [7, 17, 27, 37]].map((js) => ({
    criteria: criteria(js.map((j) => data.typeIds[j]!)),
    baselineDate: '2019-06-01',
    day: today,
  }));
  const recount = async () => [
    await recountInForceByGroup(handle.db, today, scope, { industry: true }),
    await recountRecognitionsByYear(handle.db, today, subtree, scope),
    await recountInForceByGroup(handle.db, planStart, scope),
    await recountNewPlatforms(handle.db, today, additions, scope),
  ];
  const maintained = async () => [
    await countInForceByGroup(handle.db, today, scope, { industry: true, byRegionAndType: true }),
    await countRecognitionsByYear(handle.db, today, subtree, scope, { byRegionAndType: true }),
    await countInForceByGroup(handle.db, planStart, scope, { byRegionAndType: true }),
    await countNewPlatforms(handle.db, additions, scope),
  ];
  await time(countsBefore, recount);
  await time(countsAfter, maintained);
  const before = results.get(countsBefore)!;
  const after = results.get(countsAfter)!;
  console.log(
    `[${kind}] registry reads: recount / maintained = ${(before.p50 / after.p50).toFixed(1)}× (p50), ${(before.p95 / after.p95).toFixed(1)}× (p95)`,
  );
  const total = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
  const key = (rows: { typeId: string; regionId?: string; status?: string; industry?: string | null; year?: number; count: number }[]) =>
    rows
      .filter((row) => row.count !== 0)
      .map((row) => [row.typeId, row.regionId, row.status, row.industry ?? '', row.year, row.count].join('|'))
      .sort()
      .join(',');
  const [a, b] = [
    [...(await recount()), await recountNewPlatforms(handle.db, today, movedAdditions, scope)],
    [...(await maintained()), await countNewPlatforms(handle.db, movedAdditions, scope)],
  ];
  const same =
    key(a[0] as never) === key(b[0] as never) &&
    key(a[1] as never) === key(b[1] as never) &&
    key(a[2] as never) === key(b[2] as never) &&
    JSON.stringify(a[3]) === JSON.stringify(b[3]) &&
    JSON.stringify(a[4]) === JSON.stringify(b[4]);
  console.log(
    `[${kind}] check: recount ${total(a[0] as never)} / maintained ${total(b[0] as never)} in force today, ${total(a[2] as never)} / ${total(b[2] as never)} on ${planStart}, 新建 ${JSON.stringify(a[3])} / ${JSON.stringify(b[3])}, 新建 since 2019-06-01 ${JSON.stringify(a[4])} / ${JSON.stringify(b[4])} — ${same ? 'identical' : 'DIFFERENT'}`,
  );
  if (!same) throw new Error('the maintained counts differ from the recount');
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

async function onPostgres(): Promise<Map<string, Timing> | null> {
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
const ms = (value: Timing | undefined) => (value === undefined ? '—' : `${value.p50.toFixed(1)} / ${value.p95.toFixed(1)}`);
console.log(
  `\nload average at the end ${loadavg()
    .map((n) => n.toFixed(2))
    .join(
      ', ',
    )}; ${size.platforms.toLocaleString()} platforms, ${(size.platforms * size.versionsPerPlatform).toLocaleString()} versions; p50 / p95 of ${runs} runs, ms`,
);
console.log(`${pad('measure', 42)}${pad('PGlite', 18)}${pad('PostgreSQL', 18)}PGlite/PostgreSQL (p50)`);
for (const label of [...measures.map((m) => m.label), countsBefore, countsAfter]) {
  const a = pglite?.get(label);
  const b = postgres?.get(label);
  console.log(
    `${pad(label, 42)}${pad(ms(a), 18)}${pad(ms(b), 18)}${a !== undefined && b !== undefined ? `${(a.p50 / b.p50).toFixed(2)}×` : '—'}`,
  );
}
for (const [name, timings] of [
  ['PGlite', pglite],
  ['PostgreSQL', postgres],
] as const) {
  const before = timings?.get(countsBefore);
  const after = timings?.get(countsAfter);
  if (before && after) {
    console.log(
      `${name}: registry reads recount / maintained ${(before.p50 / after.p50).toFixed(1)}× (p50), ${(before.p95 / after.p95).toFixed(1)}× (p95)`,
    );
  }
}
console.log(
  `\nwhole bench: ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')}`,
);
