/**
 * Prints each evaluation set's micro-averaged scores (targets, tasks, meaning): the figures FIRST-CONTACT.md records.
 * Run: npx tsx packages/policy-ingest/test/support/score-sets.ts [set…]
 */
import { readFileSync } from 'node:fs';
import { extractPlan, readDocumentText } from '../../src/index.js';
import { scoreExtraction, sumScores, type ExtractionScore } from '../../src/score.js';
import {
  FORMAT_DOCUMENTS,
  FORMATS_GOLD_DIR,
  HOLDOUT_DOCUMENTS,
  HOLDOUT_GOLD_DIR,
  OWN_DOCUMENTS,
  readGold,
  readText,
  SCORED_ONLY_DOCUMENTS,
  SCORED_ONLY_GOLD_DIR,
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

const formats = (from: string, to: string) =>
  FORMAT_DOCUMENTS.slice(
    FORMAT_DOCUMENTS.findIndex((document) => document.name === from),
    FORMAT_DOCUMENTS.findIndex((document) => document.name === to) + 1,
  );

/** `asFile`: read as the CLI reads a file (readDocumentText: .docx/.xlsx/.pdf/.html), as formats*.test.ts do. */
const SETS: Record<string, { documents: CorpusDocument[]; goldDir?: string; asFile?: boolean }> = {
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
  'formats-1': {
    documents: formats('space-wrapped-nanchong', 'html-gbk-jingmen'),
    goldDir: FORMATS_GOLD_DIR,
    asFile: true,
  },
  'formats-2': {
    documents: formats('web-copy-leader-xianyang', 'layout-aligned-anshun'),
    goldDir: FORMATS_GOLD_DIR,
    asFile: true,
  },
  'formats-3': { documents: SCORED_ONLY_DOCUMENTS, goldDir: SCORED_ONLY_GOLD_DIR, asFile: true },
};

const read = (document: CorpusDocument, asFile = false): Promise<string> =>
  asFile ? readDocumentText(readFileSync(document.path), document.path) : Promise.resolve(readText(document.path));

const wanted = process.argv.slice(2);
const verbose = wanted.includes('-v');
for (const [name, set] of Object.entries(SETS)) {
  if (wanted.filter((arg) => arg !== '-v').length > 0 && !wanted.includes(name)) continue;
  const rows: Array<{ name: string; score: ExtractionScore }> = [];
  for (const document of set.documents) {
    rows.push({
      name: document.name,
      score: scoreExtraction(
        extractPlan(await read(document, set.asFile), { date: document.date }),
        readGold(document.gold ?? document.name, set.goldDir),
      ),
    });
  }
  const total = sumScores(rows.map((row) => row.score));
  console.log(
    `${name.padEnd(10)} targets F1 ${total.targets.f1.toFixed(3)}  tasks F1 ${total.tasks.f1.toFixed(3)}  meaning ${total.meaning.accuracy.toFixed(3)} (${total.meaning.agreed}/${total.meaning.compared})`,
  );
  if (verbose) console.log(scoreTable(name, rows));
}
