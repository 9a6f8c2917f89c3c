/**
 * `npm run bench -- search-speed`: times GET /api/public/achievements over 100,000 and 1,000,000 published-or-draft
 * achievements generated from the real CSL sentences (seeded: each row is a CSL title and 2–4 abstract sentences
 * drawn at random, with a discipline as technical field, an industry, a maturity, an owner type, and every 50th
 * row a patent number), on PGlite (in memory) and PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; database stip_bench_search created and dropped). Query kinds: two
 * keywords (CSL dev queries), a whole sentence, a patent number, two keywords with a facet filter; every response
 * carries the facet counts. Prints p50/p95 per kind and size, the PGlite/PostgreSQL ratio, the load time and the
 * load average. SEARCH_SIZES (default "100000,1000000") and SEARCH_PGLITE_MAX (default 100000: PGlite above it
 * is skipped, it loads slowly) tune the run; BENCH_ONLY=pglite|postgres runs one database; BENCH_RUNS (default 3).
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { createDb, type DbHandle } from '../apps/server/src/db/client';
import { segment } from '../apps/server/src/modules/search/search.segmenter';
import { vectorFromTerms } from '../apps/server/src/modules/search/search.vectors';
import { cslDir, readDevQueries, readPapers, readSentenceQueries } from './csl';

const sizes = (process.env.SEARCH_SIZES ?? '100000,1000000').split(',').map(Number);
const pgliteMax = Number(process.env.SEARCH_PGLITE_MAX ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_ONLY;
const postgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** mulberry32: a small seeded generator, so every run builds the same rows. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dir = cslDir();
const papers = readPapers(dir);
const industries = ['天然气化工', '新材料', '生物医药', '智能制造', '现代农业', '电子信息', '能源化工', '文化旅游', '节能环保'];
const maturities = ['lab', 'small_trial', 'pilot', 'industrial'];
const ownerTypes = ['enterprise', 'university', 'institute', 'hospital', 'other'];
const disciplines = [...new Set(papers.map((paper) => paper.discipline))];
const titles = papers.map((paper) => ({ text: paper.title, terms: segment(paper.title) }));
const sentences = papers
  .flatMap((paper) => paper.abstract.split(/(?<=[。；;！？.])/))
  .map((text) => text.trim())
  .filter((text) => text.length >= 8)
  .map((text) => ({ text, terms: segment(text) }));
/** A Chinese patent application number (year, type 1, seven-digit serial, check digit). */
const patentNumber = (i: number) => `CN20231${String(10_000_000 + i).slice(1)}.${i % 10}`;

async function load(handle: DbHandle, size: number): Promise<number> {
  const started = performance.now();
  const random = seeded(20_251_204);
  await handle.db.execute(sql`drop index if exists achievements_search_idx`);
  const batch = 1000;
  for (let start = 0; start < size; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(size, start + batch); i++) {
      const title = titles[Math.floor(random() * titles.length)]!;
      const picked = Array.from({ length: 2 + Math.floor(random() * 3) }, () => sentences[Math.floor(random() * sentences.length)]!);
      const patent = i % 50 === 0 ? patentNumber(i) : null;
      const { vector, length } = vectorFromTerms([
        { terms: title.terms, weight: 'A' },
        { terms: patent ? segment(patent) : [], weight: 'B' },
        { terms: picked.flatMap((s) => s.terms), weight: 'C' },
      ]);
      rows.push(
        sql`(${title.text}, ${picked.map((s) => s.text).join('')}, ${disciplines[i % disciplines.length]!}, ${industries[Math.floor(random() * industries.length)]!},
             ${maturities[Math.floor(random() * maturities.length)]!}::achievement_maturity, ${ownerTypes[Math.floor(random() * ownerTypes.length)]!}::owner_type,
             ${random() < 0.9 ? 'published' : 'draft'}::publication_status, now() - (${i % 1000} || ' days')::interval,
             ${JSON.stringify(patent ? [{ number: patent }] : [])}::jsonb, 'jsonl', ${vector}::tsvector, ${length}, true)`,
      );
    }
    await handle.db.execute(
      sql`insert into achievements (title, abstract, technical_field, industry, maturity, owner_type, status, published_at, patents, source,
            search_vector, search_length, is_demo) values ${sql.join(rows, sql`, `)}`,
    );
    if ((start / batch) % 100 === 99)
      process.stdout.write(`  ${start + batch} rows loaded (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  await handle.db.execute(sql`create index achievements_search_idx on achievements using gin (search_vector)`);
  await handle.db.execute(sql`analyze achievements`);
  return (performance.now() - started) / 1000;
}

interface Kind {
  label: string;
  urls: string[];
}

function kinds(size: number): Kind[] {
  const random = seeded(7);
  const dev = readDevQueries(dir);
  const pairs = Array.from({ length: 20 }, () => dev[Math.floor(random() * dev.length)]!.query);
  const sentenceQueries = readSentenceQueries()
    .slice(0, 20)
    .map((query) => query.query);
  const url = (q: string, extra = '') => `/api/public/achievements?limit=10&q=${encodeURIComponent(q)}${extra}`;
  return [
    { label: '两个关键词 2 keywords', urls: pairs.map((q) => url(q)) },
    { label: '整句 sentence', urls: sentenceQueries.map((q) => url(q)) },
    {
      label: '专利号 patent number',
      urls: Array.from({ length: 10 }, (_, i) => url(patentNumber(((i * 50 * 97) % size) - (((i * 50 * 97) % size) % 50)))),
    },
    {
      label: '关键词+分面 keywords + facet',
      urls: pairs.map((q, i) =>
        url(q, `&maturity=${maturities[i % 4]}&technicalField=${encodeURIComponent(disciplines[i % disciplines.length]!)}`),
      ),
    },
  ];
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * p) - 1)]!;

async function time(handle: DbHandle, size: number): Promise<Map<string, { p50: number; p95: number }>> {
  const app = await buildApp({
    db: handle.db,
    webRoot: null,
    logger: false,
    anonymousRateLimits: { signInPerMinute: 20, publicPerMinute: 1_000_000, searchPerMinute: 1_000_000 },
  });
  await app.ready();
  const out = new Map<string, { p50: number; p95: number }>();
  for (const kind of kinds(size)) {
    for (const url of kind.urls) await app.inject({ url }); // warm the caches once
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      for (const url of kind.urls) {
        const t0 = performance.now();
        const response = await app.inject({ url });
        times.push(performance.now() - t0);
        if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
        if (kind.label.startsWith('专利号') && run === 0 && (response.json() as { items: unknown[] }).items.length === 0)
          throw new Error(`${url}: the patent number found nothing`);
      }
    }
    out.set(kind.label, { p50: percentile(times, 0.5), p95: percentile(times, 0.95) });
  }
  await app.close();
  return out;
}

async function onPglite(size: number) {
  const handle = await createDb({ dataDir: null });
  await handle.migrate();
  const seconds = await load(handle, size);
  const timings = await time(handle, size);
  await handle.close();
  return { seconds, timings };
}

async function onPostgres(size: number) {
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  const name = 'stip_bench_search';
  const kept = process.env.SEARCH_KEEP_DB ? await admin.query(`select 1 from pg_database where datname = '${name}'`) : { rowCount: 0 };
  if (!kept.rowCount) {
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
  }
  const target = new URL(postgresUrl);
  target.pathname = `/${name}`;
  const handle = await createDb({ url: target.toString(), poolSize: 4 });
  try {
    await handle.migrate();
    // SEARCH_KEEP_DB=1 keeps the database after the run and reuses it when it already holds `size` rows (for tuning).
    const rows = ((await handle.db.execute(sql`select count(*)::int as n from achievements`)) as unknown as { rows: { n: number }[] })
      .rows[0]!.n;
    const seconds = rows === size ? 0 : await load(handle, size);
    const timings = await time(handle, size);
    return { seconds, timings };
  } finally {
    await handle.close();
    if (!process.env.SEARCH_KEEP_DB) await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

const fmt = (n: number) => n.toFixed(1).padStart(7);
console.log(
  `search speed: ${runs} runs of each query; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at start (2 cores, shared)`,
);
for (const size of sizes) {
  const lite = only !== 'postgres' && size <= pgliteMax ? await onPglite(size) : null;
  const post = only !== 'pglite' ? await onPostgres(size) : null;
  console.log(
    `\n${size.toLocaleString('en')} rows — load: ${lite ? `PGlite ${lite.seconds.toFixed(0)} s` : 'PGlite skipped'}, ${post ? `PostgreSQL ${post.seconds.toFixed(0)} s` : 'PostgreSQL skipped'}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`${'query'.padEnd(28)}  PGlite p50   p95   PostgreSQL p50   p95   ratio p95`);
  for (const label of (lite ?? post)!.timings.keys()) {
    const a = lite?.timings.get(label);
    const b = post?.timings.get(label);
    console.log(
      `${label.padEnd(28)} ${a ? `${fmt(a.p50)} ${fmt(a.p95)}` : '      –       –'}     ${b ? `${fmt(b.p50)} ${fmt(b.p95)}` : '      –       –'}   ${a && b ? (a.p95 / b.p95).toFixed(2) : '–'}`,
    );
  }
}
