/** Where the CSL sample lives (see its README): CSL_DIR, or `../shared/data/csl` from the repository root (or one folder higher, for a worktree). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function cslDir(): string {
  const candidates = [process.env.CSL_DIR, path.resolve(repoRoot, '../shared/data/csl'), path.resolve(repoRoot, '../../shared/data/csl')];
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, 'csl-2000.jsonl')));
  if (!found) throw new Error(`CSL sample not found (tried ${candidates.filter(Boolean).join(', ')}); set CSL_DIR`);
  return found;
}

export interface CslPaper {
  id: string;
  title: string;
  abstract: string;
  keywords: string[];
  discipline: string;
}

export interface KnownItemQuery {
  query: string;
  relevant: string[];
}

export const readPapers = (dir: string): CslPaper[] =>
  readFileSync(path.join(dir, 'csl-2000.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as CslPaper);

export const readDevQueries = (dir: string): KnownItemQuery[] =>
  JSON.parse(readFileSync(path.join(dir, 'dev-queries.json'), 'utf8')) as KnownItemQuery[];

export const readSentenceQueries = (): KnownItemQuery[] =>
  (JSON.parse(readFileSync(path.join(repoRoot, 'bench/queries/csl-sentence-queries.json'), 'utf8')) as { queries: KnownItemQuery[] })
    .queries;

/** recall@k and MRR@k (reciprocal rank of the first relevant id within the top k, 0 beyond) over ranked id lists. */
export function knownItemScores(results: { relevant: string[]; ranked: string[] }[], k = 10): { recall: number; mrr: number } {
  let found = 0;
  let reciprocal = 0;
  for (const { relevant, ranked } of results) {
    const rank = ranked.slice(0, k).findIndex((id) => relevant.includes(id));
    if (rank >= 0) {
      found += 1;
      reciprocal += 1 / (rank + 1);
    }
  }
  return { recall: found / results.length, mrr: reciprocal / results.length };
}
