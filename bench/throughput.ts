/**
 * `npm run bench -- throughput` (also run by a plain `npm run bench`): requests per second at 16
 * connections against the app listening on PostgreSQL (BENCH_DATABASE_URL, a fresh database created
 * and dropped) over a generated registry (THROUGHPUT_PLATFORMS, default 10,000), signed in as the
 * bench's city user: the registry list (limit=20), the same with limit=1, /api/auth/me, and a bare
 * Fastify route serving the list's very JSON — the ceiling a route could reach, so the ratio says how
 * much of it auth, validation and the queries take. THROUGHPUT_SECONDS sets each run's length.
 *
 * The app keeps read answers and sessions between requests until PostgreSQL notifies a write (READ_CACHE_MB,
 * plugins/read-cache.ts), so a repeated request measures that path; the same routes are measured again on a second
 * app with READ_CACHE_MB=0, where every request asks the database — what a request costs the first time, or right
 * after a write.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { createDb } from '../apps/server/src/db/client';
import { benchPassword, fullSize, generateRegistry } from './generate';

const connections = 16;
const seconds = Number(process.env.THROUGHPUT_SECONDS ?? 10);
const platforms = Number(process.env.THROUGHPUT_PLATFORMS ?? 10_000);

interface Result {
  label: string;
  requests: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(label: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  const result = await autocannon({ url, connections, duration: seconds, headers });
  const errors = result.errors + result.non2xx + result.timeouts;
  const row = { label, requests: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
  console.log(
    `[throughput] ${label}: ${row.requests.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms${errors ? `, ${errors} errors` : ''}`,
  );
  return row;
}

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
const name = `stip_throughput_${process.pid}`;
await admin.query(`create database ${name}`);
const benchUrl = new URL(adminUrl);
benchUrl.pathname = `/${name}`;
const handle = await createDb({ url: benchUrl.toString() });
(handle.db as unknown as { $client: pg.Pool }).$client.on('error', () => undefined);
const bare = Fastify();
let app: Awaited<ReturnType<typeof buildApp>> | null = null;
let uncached: Awaited<ReturnType<typeof buildApp>> | null = null;
try {
  await handle.migrate();
  console.log(`[throughput] generating ${platforms.toLocaleString()} platforms on PostgreSQL …`);
  const data = await generateRegistry(handle.db, { ...fullSize, platforms }, (message) => console.log(`[throughput]${message}`));
  app = await buildApp({ db: handle.db, webRoot: null, logger: false });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  uncached = await buildApp({ db: handle.db, webRoot: null, logger: false, readCacheMb: 0 });
  const uncachedBase = await uncached.listen({ host: '127.0.0.1', port: 0 });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: data.username, password: benchPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!login.ok || !cookie) throw new Error(`login failed: ${login.status}`);
  const headers = { cookie };
  const list = await fetch(`${base}/api/platforms?limit=20`, { headers });
  const body = await list.text();
  if (!list.ok) throw new Error(`list failed: ${list.status} ${body.slice(0, 200)}`);
  bare.get('/bare', (_request, reply) => reply.type('application/json').send(body));
  const bareBase = await bare.listen({ host: '127.0.0.1', port: 0 });
  console.log(`[throughput] list JSON ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB; ${connections} connections, ${seconds} s each`);

  const results = [
    await load('bare route, same JSON', `${bareBase}/bare`),
    await load('/api/platforms?limit=20', `${base}/api/platforms?limit=20`, headers),
    await load('/api/platforms?limit=1', `${base}/api/platforms?limit=1`, headers),
    await load('/api/auth/me', `${base}/api/auth/me`, headers),
    await load('limit=20, READ_CACHE_MB=0', `${uncachedBase}/api/platforms?limit=20`, headers),
    await load('limit=1, READ_CACHE_MB=0', `${uncachedBase}/api/platforms?limit=1`, headers),
    await load('/auth/me, READ_CACHE_MB=0', `${uncachedBase}/api/auth/me`, headers),
  ];
  const ceiling = results[0]!.requests;
  console.log(`\n${platforms.toLocaleString()} platforms on PostgreSQL, ${connections} connections, ${seconds} s each`);
  console.log('measure                       req/s     p50     p99   of bare');
  for (const r of results) {
    console.log(
      `${r.label.padEnd(28)}${r.requests.toFixed(0).padStart(7)}${`${r.p50} ms`.padStart(8)}${`${r.p99} ms`.padStart(8)}${`${((r.requests / ceiling) * 100).toFixed(0)} %`.padStart(10)}`,
    );
  }
} finally {
  await bare.close();
  await app?.close();
  await uncached?.close();
  await handle.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
