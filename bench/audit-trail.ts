// The audit page on the demo data (PGlite in memory), as the audit administrator: a page of 200
// records with names resolved and sentences built, the Chinese action, object-name and actor filters,
// and the Excel export of the whole trail. Medians of five requests.
// Run: node --import tsx bench/audit-trail.ts
import { buildApp } from '../apps/server/src/app';
import { createDb } from '../apps/server/src/db/client';
import { seedDemo, demoPassword } from '../apps/server/src/db/seed/demo';

const handle = await createDb({ dataDir: null });
await handle.migrate();
await seedDemo(handle.db);
const app = await buildApp({ db: handle.db, demo: true });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'auditadmin', password: demoPassword } });
const cookie = String(login.headers['set-cookie']).split(';')[0]!;
for (const query of ['limit=200', 'limit=20&action=撤销', 'limit=20&objectName=实验室', 'limit=20&actor=张科长']) {
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const r = await app.inject({ url: `/api/audit?${encodeURI(query)}`, headers: { cookie } });
    times.push(performance.now() - start);
    total = r.json().total;
  }
  times.sort((a, b) => a - b);
  console.log(query, 'total', total, 'median ms', times[2]!.toFixed(0));
}
const start = performance.now();
const x = await app.inject({ url: '/api/audit/export.xlsx', headers: { cookie } });
console.log('export all', x.statusCode, x.rawPayload.length, 'bytes', (performance.now() - start).toFixed(0), 'ms');
await app.close();
process.exit(0);
