/**
 * The sealed set (test/sealed): only ever scored, never used to fix the rules. It prints its score and checks the
 * committed baseline; there is no absolute floor, because a floor would invite fixing against it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { extractPlan } from '../src/index.js';
import { scoreExtraction, type ExtractionScore } from '../src/score.js';
import { baselineRecorder } from './support/baseline.js';
import { scoreTable } from './support/score-table.js';
import { readGold, readText, SEALED_DOCUMENTS, SEALED_GOLD_DIR } from './corpus.js';

const rows: Array<{ name: string; score: ExtractionScore }> = [];
const baseline = baselineRecorder('sealed');

afterAll(() => {
  console.log(scoreTable('sealed doc', rows));
  baseline.finish();
});

describe('the sealed set, scored only', () => {
  for (const document of SEALED_DOCUMENTS) {
    it(`${document.name}: no lower than its baseline`, () => {
      const gold = readGold(document.name, SEALED_GOLD_DIR);
      const score = scoreExtraction(extractPlan(readText(document.path), { date: document.date }), gold);
      rows.push({ name: document.name, score });
      baseline.check(document.name, score);
      expect(score.targets.expected).toBeGreaterThan(0);
    });
  }
});
