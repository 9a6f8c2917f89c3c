import pg from 'pg';
import { writeFileSync } from 'node:fs';
import { buildApp } from '../apps/server/src/app';
import { createDb } from '../apps/server/src/db/client';
const handle = await createDb({ url: 'postgres://postgres@127.0.0.1:5432/stip_explain' });
const app = await buildApp({ db: handle.db, webRoot: null, logger: false });
const cookie = process.argv[2]!;
const captured: unknown[] = [];
const original = pg.Client.prototype.query;
(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
  const q = args[0];
  captured.push(typeof q === 'string' ? { text: q, values: args[1] } : { text: q.text, values: q.values });
  return (original as any).apply(this, args);
};
const r = await app.inject({ url: process.argv[3] ?? '/api/platforms?limit=20', headers: { cookie } });
console.log(r.statusCode);
writeFileSync('/tmp/queries.json', JSON.stringify(captured, null, 1));
console.log(captured.length, 'queries');
await app.close(); process.exit(0);
