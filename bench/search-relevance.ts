/**
 * `npm run bench -- search-relevance`: imports the 2,000 CSL abstracts (CSL_DIR or ../shared/data/csl) through the
 * same JSON-lines import as `stip achievements import --no-keywords` (keywords stored, not indexed: the dev queries
 * are author keywords), then runs the 1,000 dev queries and the hand-written sentence queries
 * (bench/queries/csl-sentence-queries.json) through GET /api/public/achievements (app.inject) and prints recall@10
 * and MRR@10 for each set. PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL (a database created and dropped).
 * BENCH_VERBOSE=1 lists the queries whose paper is not in the top 10.
 */
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { createDb, type DbHandle } from '../apps/server/src/db/client';
import { systemContext } from '../apps/server/src/shared/context';
import { importAchievementsJsonl } from '../apps/server/src/modules/search';
import { cslDir, knownItemScores, readDevQueries, readSentenceQueries, type KnownItemQuery } from './csl';

const verbose = Boolean(process.env.BENCH_VERBOSE);

async function openDatabase(): Promise<{ handle: DbHandle; drop: () => Promise<void>; label: string }> {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    const handle = await createDb({ dataDir: null });
    return { handle, drop: async () => {}, label: 'PGlite' };
  }
  const name = 'stip_bench_relevance';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await createDb({ url: target.toString(), poolSize: 4 });
  return {
    handle,
    label: 'PostgreSQL',
    drop: async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}

async function main() {
  const dir = cslDir();
  const { handle, drop, label } = await openDatabase();
  await handle.migrate();
  const started = performance.now();
  const summary = await importAchievementsJsonl(systemContext(handle.db), path.join(dir, 'csl-2000.jsonl'), {
    indexKeywords: false,
    dataSource: '真实论文摘要（CSL 数据集）',
  });
  console.log(
    `${label}: imported ${summary.inserted} CSL abstracts (keywords not indexed) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const app = await buildApp({
    db: handle.db,
    webRoot: null,
    logger: false,
    anonymousRateLimits: { signInPerMinute: 20, publicPerMinute: 1_000_000, searchPerMinute: 1_000_000 },
  });
  await app.ready();
  const externalIds = new Map<string, string>();
  const run = async (name: string, queries: KnownItemQuery[]) => {
    const results: { relevant: string[]; ranked: string[] }[] = [];
    const times: number[] = [];
    for (const query of queries) {
      const t0 = performance.now();
      const response = await app.inject({ url: `/api/public/achievements?limit=10&q=${encodeURIComponent(query.query)}` });
      times.push(performance.now() - t0);
      if (response.statusCode !== 200) throw new Error(`${query.query}: HTTP ${response.statusCode} ${response.body}`);
      const body = response.json() as { items: { id: string; externalId: string | null; title: string }[] };
      for (const item of body.items) if (item.externalId) externalIds.set(item.id, item.externalId);
      const ranked = body.items.map((item) => item.externalId ?? item.id);
      results.push({ relevant: query.relevant, ranked });
      if (verbose && !ranked.some((id) => query.relevant.includes(id)))
        console.log(
          `  miss: ${query.query} → want ${query.relevant.join(',')}, got ${body.items
            .slice(0, 3)
            .map((i) => i.title)
            .join(' | ')}`,
        );
    }
    const { recall, mrr } = knownItemScores(results);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `${name} (${queries.length} queries): recall@10 ${recall.toFixed(3)}  MRR@10 ${mrr.toFixed(3)}  (per query p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms)`,
    );
    return { recall, mrr };
  };
  const dev = await run('CSL dev queries (two author keywords)', readDevQueries(dir));
  await run('sentence queries (bench/queries/csl-sentence-queries.json)', readSentenceQueries());
  await app.close();
  await handle.close();
  await drop();
  console.log(`goal: recall@10 ≥ 0.95 and MRR ≥ 0.88 on the dev queries — ${dev.recall >= 0.95 && dev.mrr >= 0.88 ? 'met' : 'NOT met'}`);
}

await main();
