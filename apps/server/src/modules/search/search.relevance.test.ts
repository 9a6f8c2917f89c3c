import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PublicAchievementPage } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { systemContext } from '../../shared/context';
import { importAchievementsJsonl } from './index';

/**
 * A regression floor for relevance: the first 200 CSL abstracts imported without keywords (as the full bench
 * does, bench/search-relevance.ts) and the dev queries that ask for them, through the public search.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const cslDir = [process.env.CSL_DIR, path.resolve(repoRoot, '../shared/data/csl'), path.resolve(repoRoot, '../../shared/data/csl')].find(
  (dir) => dir && existsSync(path.join(dir, 'csl-2000.jsonl')),
);

const t = await buildTestApp();

describe('search relevance on a slice of the CSL abstracts', () => {
  it('finds the paper of two author keywords in the top 10 (recall@10 ≥ 0.93, MRR@10 ≥ 0.85) though keywords are not indexed', async () => {
    expect(cslDir, 'the CSL sample (../shared/data/csl or CSL_DIR)').toBeDefined();
    const lines = readFileSync(path.join(cslDir!, 'csl-2000.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .slice(0, 200);
    const ids = new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'stip-csl-')), 'slice.jsonl');
    writeFileSync(file, lines.join('\n'));
    const summary = await importAchievementsJsonl(systemContext(t.handle.db), file, {
      indexKeywords: false,
      dataSource: '真实论文摘要（CSL 数据集）',
    });
    expect(summary.inserted).toBe(200);
    const queries = (
      JSON.parse(readFileSync(path.join(cslDir!, 'dev-queries.json'), 'utf8')) as { query: string; relevant: string[] }[]
    ).filter((query) => query.relevant.some((id) => ids.has(id)));
    expect(queries.length).toBeGreaterThan(50);
    let found = 0;
    let reciprocal = 0;
    for (const query of queries) {
      const response = await t.app.inject({ url: `/api/public/achievements?limit=10&q=${encodeURIComponent(query.query)}` });
      const rank = (response.json() as PublicAchievementPage).items.findIndex((item) => query.relevant.includes(item.externalId ?? ''));
      if (rank >= 0) {
        found += 1;
        reciprocal += 1 / (rank + 1);
      }
    }
    const recall = found / queries.length;
    const mrr = reciprocal / queries.length;
    console.log(`relevance slice: ${queries.length} queries, recall@10 ${recall.toFixed(3)}, MRR@10 ${mrr.toFixed(3)}`);
    expect(recall, `recall@10 over ${queries.length} queries`).toBeGreaterThanOrEqual(0.93);
    expect(mrr, 'MRR@10').toBeGreaterThanOrEqual(0.85);
  }, 60_000);
});
