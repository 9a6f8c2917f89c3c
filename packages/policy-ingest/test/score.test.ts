import { afterAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../src/index.js';
import { scoreExtraction, type ExtractionScore } from '../src/score.js';
import { baselineRecorder } from './support/baseline.js';
import { scoreTable } from './support/score-table.js';
import { OWN_DOCUMENTS, readGold, readText, SEEDS, seedPath, type CorpusDocument } from './corpus.js';

const MIN_TARGET_F1 = 0.9;
const MIN_TASK_F1 = 0.85;

const rows: Array<{ name: string; score: ExtractionScore }> = [];
const baseline = baselineRecorder('docs');

afterAll(() => {
  console.log(scoreTable('doc', rows));
  baseline.finish();
});

/** Scores a document against its gold and checks it against the committed baseline (a drop throws, naming it). */
function scoreDocument(document: CorpusDocument): ExtractionScore {
  const gold = readGold(document.gold ?? document.name);
  const score = scoreExtraction(extractPlan(readText(document.path), { date: document.date }), gold);
  rows.push({ name: document.name, score });
  baseline.check(document.name, score);
  return score;
}

describe('extraction quality on the seeds', () => {
  for (const seed of SEEDS.filter((candidate) => candidate.gold !== null)) {
    it(`${seed.name}: target F1 ≥ ${MIN_TARGET_F1} and task F1 ≥ ${MIN_TASK_F1}`, () => {
      const score = scoreDocument({ ...seed, path: seedPath(seed.number) });
      expect(score.targets.f1).toBeGreaterThanOrEqual(MIN_TARGET_F1);
      expect(score.tasks.f1).toBeGreaterThanOrEqual(MIN_TASK_F1);
    });
  }

  it('seed-002, a reply reporting results, yields no targets', () => {
    const extraction = extractPlan(readText(seedPath('002')), { date: '2025-06-01' });
    expect(extraction.targets).toEqual([]);
  });
});

describe('extraction quality on documents of other shapes', () => {
  for (const document of OWN_DOCUMENTS) {
    it(`${document.name}: target F1 ≥ ${MIN_TARGET_F1} and task F1 ≥ ${MIN_TASK_F1}`, () => {
      const score = scoreDocument(document);
      expect(score.targets.f1).toBeGreaterThanOrEqual(MIN_TARGET_F1);
      expect(score.tasks.f1).toBeGreaterThanOrEqual(MIN_TASK_F1);
    });
  }

  it('the work-results page yields exactly zero targets', () => {
    const results = OWN_DOCUMENTS.find((document) => document.name === 'results-suining');
    expect(results).toBeDefined();
    expect(extractPlan(readText(results?.path ?? ''), { date: results?.date }).targets).toHaveLength(0);
  });
});
