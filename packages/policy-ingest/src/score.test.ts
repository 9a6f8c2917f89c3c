import { describe, expect, it } from 'vitest';
import { bigramDice, scoreMeaning, scoreTargets, scoreTasks, sumScores, titleSimilarity, type ScoredTarget } from './score.js';

const target = (subject: string, value = 15, overrides: Partial<ScoredTarget> = {}): ScoredTarget => ({
  subject,
  comparator: '>=',
  value,
  unit: '家',
  deadline: '2025-12',
  kind: 'count',
  ...overrides,
});

describe('scoreTargets', () => {
  it('matches leniently on the subject but exactly on the figure, unit, kind, comparator and deadline', () => {
    const gold = [target('国家重点实验室（含分支机构）', 1), target('市级重点实验室'), target('省级工程实验室', 1)];
    const predicted = [
      target('国家重点实验室', 1),
      target('市级重点实验室', 15, { deadline: null }),
      target('省级工程实验室', 1, { comparator: '=' }),
    ];
    expect(scoreTargets(predicted, gold)).toMatchObject({ matched: 1, precision: 1 / 3, recall: 1 / 3 });
  });

  it('matches one to one, so a duplicate prediction costs precision', () => {
    const score = scoreTargets([target('市级重点实验室'), target('市级重点实验室')], [target('市级重点实验室')]);
    expect(score).toMatchObject({ matched: 1, precision: 0.5, recall: 1 });
    expect(score.f1).toBeCloseTo(2 / 3);
  });

  it('scores empty against empty as perfect, and anything against empty as zero', () => {
    expect(scoreTargets([], []).f1).toBe(1);
    expect(scoreTargets([target('市级重点实验室')], []).f1).toBe(0);
    expect(scoreTargets([], [target('市级重点实验室')]).f1).toBe(0);
  });
});

describe('scoreTasks', () => {
  it('needs a similar title and the same set of lead units', () => {
    const gold = [{ title: '布局建设市级重点实验室', lead: ['市科技局'] }];
    expect(scoreTasks([{ title: '布局建设市级重点实验室。', lead: ['市科技局'] }], gold).f1).toBe(1);
    expect(scoreTasks([{ title: '布局建设市级重点实验室', lead: ['市经信局'] }], gold).f1).toBe(0);
    expect(scoreTasks([{ title: '加强科技合作与交流', lead: ['市科技局'] }], gold).f1).toBe(0);
  });

  it('prefers the best title when several would do', () => {
    const gold = [
      { title: '积极培育省级重点实验室', lead: ['市科技局'] },
      { title: '布局建设市级重点实验室', lead: ['市科技局'] },
    ];
    const predicted = [
      { title: '布局建设市级重点实验室', lead: ['市科技局'] },
      { title: '积极培育省级重点实验室', lead: ['市科技局'] },
    ];
    expect(scoreTasks(predicted, gold).matched).toBe(2);
  });
});

describe('title similarity', () => {
  it('is the bigram Dice coefficient, or 1 for containment', () => {
    expect(bigramDice('科技合作', '科技合作')).toBe(1);
    expect(titleSimilarity('建设省级工程技术研究中心', '围绕光电产业等领域，建设省级工程技术研究中心。')).toBe(1);
    expect(titleSimilarity('加强科技合作与交流', '布局建设市级重点实验室')).toBeLessThan(0.5);
  });
});

describe('sumScores', () => {
  it('micro-averages: sums matches, predictions and gold entries before scoring', () => {
    const score = (matched: number, predicted: number, expected: number) => ({
      targets: { precision: 0, recall: 0, f1: 0, matched, predicted, expected },
      tasks: { precision: 0, recall: 0, f1: 0, matched: 0, predicted: 0, expected: 0 },
      meaning: { agreed: matched - 1, compared: matched, accuracy: 0, disagreements: [] },
    });
    const total = sumScores([score(9, 10, 10), score(0, 0, 10)]);
    expect(total.targets).toMatchObject({ matched: 9, predicted: 10, expected: 20, precision: 0.9, recall: 0.45 });
    expect(total.targets.f1).toBeCloseTo(0.6, 5);
    expect(total.tasks).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(total.meaning).toMatchObject({ agreed: 7, compared: 9 });
  });
});

describe('scoreMeaning', () => {
  const target = (extra: Partial<ScoredTarget>): ScoredTarget => ({
    subject: '市级重点实验室',
    comparator: '>=',
    value: 5,
    unit: '家',
    deadline: '2028-12',
    kind: 'count',
    ...extra,
  });

  it('compares basis, perYear and perRegion on matched pairs only, absent fields read as their defaults', () => {
    const gold = [target({ basis: 'added' }), target({ value: 1, perRegion: '县' }), target({ value: 9 })];
    const predicted = [target({}), target({ value: 1, perRegion: '县', basis: 'stock', perYear: false }), target({ value: 3 })];
    const meaning = scoreMeaning(predicted, gold);
    expect(meaning).toMatchObject({ agreed: 1, compared: 2, accuracy: 0.5 });
    expect(meaning.disagreements).toEqual(['市级重点实验室: basis stock→added']);
  });

  it('is vacuously 1 when nothing matched', () => {
    expect(scoreMeaning([], [target({})]).accuracy).toBe(1);
  });
});
