/**
 * Prints each evaluation set's micro-averaged scores (targets, tasks, meaning): the figures FIRST-CONTACT.md records.
 * Run: npx tsx packages/policy-ingest/test/support/score-sets.ts [set…]
 */
import { extractPlan } from '../../src/index.js';
import { scoreExtraction, sumScores, type ExtractionScore } from '../../src/score.js';
import {
  HOLDOUT_DOCUMENTS,
  HOLDOUT_GOLD_DIR,
  OWN_DOCUMENTS,
  readGold,
  readText,
  SEALED_DOCUMENTS,
  SEALED_GOLD_DIR,
  SEEDS,
  seedPath,
  type CorpusDocument,
} from '../corpus.js';
import { scoreTable } from './score-table.js';

const holdout = (from: string, to: string) =>
  HOLDOUT_DOCUMENTS.slice(
    HOLDOUT_DOCUMENTS.findIndex((document) => document.name === from),
    HOLDOUT_DOCUMENTS.findIndex((document) => document.name === to) + 1,
  );

const SETS: Record<string, { documents: CorpusDocument[]; goldDir?: string }> = {
  seeds: {
    documents: SEEDS.filter((seed) => seed.gold !== null).map((seed) => ({ ...seed, path: seedPath(seed.number) })),
  },
  own: { documents: OWN_DOCUMENTS },
  'holdout-1': { documents: holdout('plan-indicators-xuancheng', 'progress-table-quzhou'), goldDir: HOLDOUT_GOLD_DIR },
  'holdout-2': { documents: holdout('cell-per-line-changde', 'work-points-yichang'), goldDir: HOLDOUT_GOLD_DIR },
  'holdout-3': { documents: holdout('assessment-bishan', 'webpage-kunming'), goldDir: HOLDOUT_GOLD_DIR },
  'holdout-4': { documents: holdout('agri-carriers-enshi', 'unit-centric-lishui'), goldDir: HOLDOUT_GOLD_DIR },
  'holdout-5': { documents: holdout('plan-platforms-ganzhou', 'table-tasks-liuyang'), goldDir: HOLDOUT_GOLD_DIR },
  'holdout-6': { documents: holdout('staged-goals-shangrao', 'provincial-notice-hubei'), goldDir: HOLDOUT_GOLD_DIR },
  sealed: { documents: SEALED_DOCUMENTS, goldDir: SEALED_GOLD_DIR },
};

const wanted = process.argv.slice(2);
const verbose = wanted.includes('-v');
for (const [name, set] of Object.entries(SETS)) {
  if (wanted.filter((arg) => arg !== '-v').length > 0 && !wanted.includes(name)) continue;
  const rows: Array<{ name: string; score: ExtractionScore }> = set.documents.map((document) => ({
    name: document.name,
    score: scoreExtraction(
      extractPlan(readText(document.path), { date: document.date }),
      readGold(document.gold ?? document.name, set.goldDir),
    ),
  }));
  const total = sumScores(rows.map((row) => row.score));
  console.log(
    `${name.padEnd(10)} targets F1 ${total.targets.f1.toFixed(3)}  tasks F1 ${total.tasks.f1.toFixed(3)}  meaning ${total.meaning.accuracy.toFixed(3)} (${total.meaning.agreed}/${total.meaning.compared})`,
  );
  if (verbose) console.log(scoreTable(name, rows));
}
