/**
 * The score-only set: documents kept apart to measure, never to fix (FIRST-CONTACT.md). No threshold is asserted, so
 * nobody is tempted to tune the readers to it; the test fails when a document cannot be read or when its score falls
 * below its entry in baseline.json (a drop caused elsewhere must not pass unseen).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { extractPlan, readDocumentText } from '../src/index.js';
import { scoreExtraction, type ExtractionScore } from '../src/score.js';
import { baselineRecorder } from './support/baseline.js';
import { scoreTable } from './support/score-table.js';
import { readGold, SCORED_ONLY_DOCUMENTS, SCORED_ONLY_GOLD_DIR } from './corpus.js';

const rows: Array<{ name: string; score: ExtractionScore }> = [];
const baseline = baselineRecorder('formats-scored');

afterAll(() => {
  console.log(scoreTable('score-only doc', rows));
  baseline.finish();
});

describe('score-only documents (measured, never fixed against)', () => {
  for (const document of SCORED_ONLY_DOCUMENTS) {
    it(`${document.name} is read and scored`, async () => {
      const text = await readDocumentText(readFileSync(document.path), document.path);
      expect(text.length).toBeGreaterThan(0);
      const score = scoreExtraction(extractPlan(text, { date: document.date }), readGold(document.name, SCORED_ONLY_GOLD_DIR));
      rows.push({ name: document.name, score });
      baseline.check(document.name, score);
    });
  }
});
