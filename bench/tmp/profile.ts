import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app';
import { createDb } from '../../apps/server/src/db/client';
import { benchPassword, fullSize, generateRegistry } from '../generate';

const name = 'stip_bench_cockpit';
const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [name])).rowCount;
if (!exists || process.env.REGEN) {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
}
await admin.end();
const timings: { text: string; ms: number }[] = [];
const orig = pg.Client.prototype.query as any;
const explainPrefix = process.env.EXPLAIN;
const explained: Promise<unknown>[] = [];
(pg.Client.prototype as any).query = function (this: any, ...args: any[]) {
  const t0 = performance.now();
  const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
  if (explainPrefix && typeof text === 'string' && text.startsWith(explainPrefix) && !text.startsWith('explain')) {
    const values = Array.isArray(args[1]) ? args[1] : args[0]?.values;
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${name}` });
    explained.push(
      client
        .connect()
        .then(() => client.query('set jit = off'))
        .then(() => client.query(`explain (analyze, buffers) ${text}`, values))
        .then((r: any) => console.log(r.rows.map((row: any) => row['QUERY PLAN']).join('\n')))
        .finally(() => client.end()),
    );
  }
  const cb = args.findIndex((a) => typeof a === 'function');
  if (cb >= 0) {
    const f = args[cb];
    args[cb] = (...x: unknown[]) => { timings.push({ text, ms: performance.now() - t0 }); return f(...x); };
  }
  const r = orig.apply(this, args);
  if (r && typeof r.then === 'function') r.then(() => timings.push({ text, ms: performance.now() - t0 }), () => {});
  return r;
};
const handle = await createDb({ url: `postgres://postgres@127.0.0.1:5432/${name}` });
await handle.migrate();
let planId = '';
if (!exists || process.env.REGEN) {
  const data = await generateRegistry(handle.db, fullSize, console.log);
  planId = data.planId;
}
const app = await buildApp({ db: handle.db, webRoot: null, logger: { level: 'error' } });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench_city', password: benchPassword } });
const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;
const url = process.env.URL ?? '/api/cockpit?asOf=2025-06-30';
for (let i = 0; i < 3; i++) {
  timings.length = 0;
  const t0 = performance.now();
  const res = await app.inject({ url, headers: { cookie } });
  console.log('total', (performance.now() - t0).toFixed(1), res.statusCode, res.statusCode === 200 ? '' : res.body.slice(0, 300));
}
for (const t of timings) console.log(t.ms.toFixed(1).padStart(8), t.text?.replace(/\s+/g, ' ').slice(0, 400));
await Promise.all(explained);
await app.close();
await handle.close();
