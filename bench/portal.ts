// The public portal's routes (except the search lists, which are the search module's bench) on the demo data plus
// 20,000 published achievements and 5,000 demands (and as many drafts), on PGlite in memory and on PostgreSQL
// (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; skipped when unreachable).
// p50/p95 of 40 anonymous requests per route, after 5 warm-up requests.
// Run: node --import tsx bench/portal.ts
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createDb, type DbHandle } from '../apps/server/src/db/client';
import { seedDemo } from '../apps/server/src/db/seed/demo';

const achievementCount = 20_000;
const demandCount = 5_000;

async function load(handle: DbHandle): Promise<{ achievementId: string; demandId: string }> {
  await handle.migrate();
  await seedDemo(handle.db);
  // Half published, half in other states, so the portal's filters have something to leave out.
  await handle.db.execute(sql`insert into achievements (title, abstract, keywords, technical_field, industry, maturity, owner_name,
      owner_type, contact_name, contact_phone, published_contact, region_id, status, published_at, is_demo)
    select '玄武岩纤维成果' || g, '一种提高玄武岩纤维强度的工艺，编号' || g, array['玄武岩纤维'], '新材料', '新材料', 'pilot', '某公司' || (g % 500),
      'enterprise', '王工', '0818-' || g, array['name'], (select id from regions where level = 'county' order by name limit 1),
      (case when g % 2 = 0 then 'published' else 'draft' end)::publication_status, now() - (g || ' minutes')::interval, true
    from generate_series(1, ${achievementCount * 2}) g`);
  await handle.db
    .execute(sql`insert into demands (title, description, technical_field, enterprise_name, region_id, status, published_at, is_demo)
    select '技术需求' || g, '需要提高玄武岩纤维强度', '新材料', '某企业' || (g % 300), (select id from regions where level = 'county' order by name limit 1),
      (case when g % 2 = 0 then 'published' else 'submitted' end)::publication_status, now() - (g || ' minutes')::interval, true
    from generate_series(1, ${demandCount * 2}) g`);
  await handle.db.execute(sql`analyze`);
  const one = async (table: string) =>
    (
      (await handle.db.execute(
        sql.raw(`select id from ${table} where status = 'published' order by published_at desc offset 777 limit 1`),
      )) as unknown as {
        rows: { id: string }[];
      }
    ).rows[0]!.id;
  return { achievementId: await one('achievements'), demandId: await one('demands') };
}

async function measure(label: string, handle: DbHandle): Promise<void> {
  const ids = await load(handle);
  const app = await buildApp({
    db: handle.db,
    webRoot: null,
    anonymousRateLimits: { signInPerMinute: 1e6, publicPerMinute: 1e6, searchPerMinute: 1e6 },
  });
  await app.ready();
  const routes = [
    '/api/public/overview',
    `/api/public/achievements/${ids.achievementId}`,
    `/api/public/demands/${ids.demandId}`,
    '/api/public/challenges',
    '/api/public/calls',
    '/api/public/platforms',
    '/api/public/platforms?level=city&q=%E5%AE%9E%E9%AA%8C%E5%AE%A4',
  ];
  for (const url of routes) {
    const times: number[] = [];
    for (let i = 0; i < 45; i++) {
      const start = performance.now();
      const response = await app.inject({ url });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      if (i >= 5) times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`[${label}] ${url.padEnd(70)} p50 ${at(0.5).padStart(6)} ms  p95 ${at(0.95).padStart(6)} ms`);
  }
  await app.close();
}

const pglite = await createDb({ dataDir: null });
try {
  await measure('PGlite', pglite);
} finally {
  await pglite.close();
}

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: url });
try {
  await admin.connect();
} catch (error) {
  console.log(`[PostgreSQL] skipped: cannot connect to ${url} (${(error as Error).message})`);
  process.exit(0);
}
const name = `stip_bench_portal_${process.pid}`;
await admin.query(`create database ${name}`);
const benchUrl = new URL(url);
benchUrl.pathname = `/${name}`;
const handle = await createDb({ url: benchUrl.toString() });
(handle.db as unknown as { $client: pg.Pool }).$client.on('error', () => undefined);
try {
  await measure('PostgreSQL', handle);
} finally {
  await handle.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(0);
