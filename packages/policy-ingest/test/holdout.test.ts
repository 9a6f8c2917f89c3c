/**
 * Scores the extractor on the held-out documents in test/holdout: written and annotated by hand (conventions in
 * test/gold/README.md) before the extractor was looked at, so they measure generalisation rather than fit.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../src/index.js';
import { scoreExtraction, type ExtractionScore } from '../src/score.js';
import { baselineRecorder } from './support/baseline.js';
import { scoreTable } from './support/score-table.js';
import { HOLDOUT_DOCUMENTS, HOLDOUT_GOLD_DIR, readGold, readText } from './corpus.js';

const MIN_TARGET_F1 = 0.9;
const MIN_TASK_F1 = 0.85;

const rows: Array<{ name: string; score: ExtractionScore }> = [];
const baseline = baselineRecorder('holdout');

afterAll(() => {
  console.log(scoreTable('holdout doc', rows));
  baseline.finish();
});

describe('extraction quality on held-out documents', () => {
  for (const document of HOLDOUT_DOCUMENTS) {
    it(`${document.name}: target F1 ≥ ${MIN_TARGET_F1} and task F1 ≥ ${MIN_TASK_F1}`, () => {
      const gold = readGold(document.name, HOLDOUT_GOLD_DIR);
      const score = scoreExtraction(extractPlan(readText(document.path), { date: document.date }), gold);
      rows.push({ name: document.name, score });
      baseline.check(document.name, score);
      expect(score.targets.f1).toBeGreaterThanOrEqual(MIN_TARGET_F1);
      expect(score.tasks.f1).toBeGreaterThanOrEqual(MIN_TASK_F1);
    });
  }
});
