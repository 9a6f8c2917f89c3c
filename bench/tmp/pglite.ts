import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app';
import { createDb } from '../../apps/server/src/db/client';
import { benchPassword, fullSize, generateRegistry } from '../generate';

const dir = '/tmp/cockpit/pglite-data';
const fresh = !existsSync(dir);
const handle = await createDb({ dataDir: dir });
await handle.migrate();
if (fresh) await generateRegistry(handle.db, fullSize, console.log);
const app = await buildApp({ db: handle.db, webRoot: null, logger: { level: 'error' } });
await app.ready();
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench_city', password: benchPassword } });
const cookie = `stip_session=${login.cookies.find((c) => c.name === 'stip_session')!.value}`;
const url = process.env.URL ?? '/api/cockpit?asOf=2025-06-30';
// time every query through the PGlite client
const client = (handle.db as any).$client;
const timings: { text: string; ms: number }[] = [];
for (const method of ['query', 'exec']) {
  const orig = client[method].bind(client);
  client[method] = async (...args: any[]) => {
    const t0 = performance.now();
    try { return await orig(...args); } finally { timings.push({ text: String(args[0]), ms: performance.now() - t0 }); }
  };
}
const origTx = client.transaction.bind(client);
client.transaction = (fn: any) => origTx((tx: any) => {
  for (const method of ['query', 'exec']) {
    const orig = tx[method].bind(tx);
    tx[method] = async (...args: any[]) => {
      const t0 = performance.now();
      try { return await orig(...args); } finally { timings.push({ text: String(args[0]), params: args[1], ms: performance.now() - t0 } as any); }
    };
  }
  return fn(tx);
});
for (let i = 0; i < Number(process.env.N ?? 4); i++) {
  timings.length = 0;
  const t0 = performance.now();
  const res = await app.inject({ url, headers: { cookie } });
  console.log('total', (performance.now() - t0).toFixed(1), res.statusCode, res.statusCode === 200 ? '' : res.body.slice(0, 300));
}
for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(t.ms.toFixed(1).padStart(8), t.text.replace(/\s+/g, ' ').slice(0, 200));
if (process.env.EXPLAIN) {
  const t = timings.find((x) => x.text.startsWith(process.env.EXPLAIN!)) as any;
  const r = await client.query(`explain analyze ${t.text}`, t.params);
  console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
}
await app.close();
await handle.close();
