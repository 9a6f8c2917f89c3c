import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EvaluationFormulaBody } from '@stip/contracts';
import { combineScores, defaultFormula, defaultOutcome, gradeFor, scoreIndicators } from './evaluations.score';

const formula: EvaluationFormulaBody = {
  indicators: [
    { key: 'rdSpend', label: '研发经费', weight: 60, threshold: 100, target: 500, cap: 1.2 },
    { key: 'patentsGranted', label: '专利授权', weight: 40, threshold: 0, target: 10, cap: 1 },
  ],
  indicatorWeight: 0.6,
  yearAggregation: 'average',
  gradeThresholds: { excellent: 90, good: 80, qualified: 60 },
};

describe('indicator score', () => {
  it('weights each indicator by its share of the weights', () => {
    const result = scoreIndicators(formula, [{ year: 2025, indicators: { rdSpend: 250, patentsGranted: 5 } }]);
    // rdSpend 250/500 = 0.5 of 60; patents 5/10 = 0.5 of 40
    expect(result.indicatorScore).toBe(50);
    expect(result.lines.map((l) => l.points)).toEqual([30, 20]);
  });

  it('caps over-achievement at the cap and the total at 100', () => {
    const result = scoreIndicators(formula, [{ year: 2025, indicators: { rdSpend: 5000, patentsGranted: 100 } }]);
    expect(result.lines[0]).toMatchObject({ ratio: 1.2, points: 72 });
    expect(result.lines[1]).toMatchObject({ ratio: 1, points: 40 });
    expect(result.indicatorScore).toBe(100);
    expect(result.lines[0]!.note).toContain('封顶');
  });

  it('gives nothing below the threshold, and full ratio from exactly the threshold', () => {
    expect(scoreIndicators(formula, [{ year: 2025, indicators: { rdSpend: 99.99, patentsGranted: 0 } }]).lines[0]!.points).toBe(0);
    expect(scoreIndicators(formula, [{ year: 2025, indicators: { rdSpend: 100, patentsGranted: 0 } }]).lines[0]!.points).toBe(12);
  });

  it('counts a missing key as 0 and says so', () => {
    const result = scoreIndicators(formula, [{ year: 2024, indicators: { rdSpend: 500 } }]);
    expect(result.lines[1]).toMatchObject({ value: 0, points: 0 });
    expect(result.lines[1]!.note).toContain('2024');
    expect(result.notes.join()).toContain('专利授权');
  });

  it('scores 0 with a note when no accepted report exists', () => {
    const result = scoreIndicators(formula, []);
    expect(result.indicatorScore).toBe(0);
    expect(result.notes[0]).toContain('没有已通过审核的年度报告');
  });

  it('averages the years, or takes the latest when the formula says so', () => {
    const reports = [
      { year: 2025, indicators: { rdSpend: 500, patentsGranted: 10 } },
      { year: 2024, indicators: { rdSpend: 300, patentsGranted: 0 } },
    ];
    expect(scoreIndicators(formula, reports)).toMatchObject({ reportYears: [2024, 2025] });
    expect(scoreIndicators(formula, reports).lines[0]!.value).toBe(400);
    const latest = scoreIndicators({ ...formula, yearAggregation: 'latest' }, reports);
    expect(latest.reportYears).toEqual([2025]);
    expect(latest.indicatorScore).toBe(100);
  });

  it('reads numeric strings and ignores non-numbers', () => {
    const result = scoreIndicators(formula, [{ year: 2025, indicators: { rdSpend: '500', patentsGranted: 'many' } }]);
    expect(result.lines[0]!.value).toBe(500);
    expect(result.lines[1]!.value).toBe(0);
  });

  it('the default formula is valid and its weights sum to 100', () => {
    expect(defaultFormula.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
  });
});

describe('total and grade', () => {
  it('combines indicator and expert scores by the split', () => {
    expect(combineScores(formula, 50, 100)).toBe(70);
    expect(combineScores({ ...formula, indicatorWeight: 1 }, 50, 100)).toBe(50);
    expect(combineScores({ ...formula, indicatorWeight: 0 }, 50, 100)).toBe(100);
  });

  it('grades at the thresholds, inclusive', () => {
    expect(gradeFor(formula, 90)).toBe('excellent');
    expect(gradeFor(formula, 89.99)).toBe('good');
    expect(gradeFor(formula, 80)).toBe('good');
    expect(gradeFor(formula, 79.99)).toBe('qualified');
    expect(gradeFor(formula, 60)).toBe('qualified');
    expect(gradeFor(formula, 59.99)).toBe('unqualified');
    expect(gradeFor(formula, 0)).toBe('unqualified');
    expect(gradeFor({ ...formula, gradeThresholds: { excellent: 95, good: 85, qualified: 70 } }, 90)).toBe('good');
  });
});

describe('default outcome', () => {
  it('rectifies a first failure, revokes a second or one already in rectification', () => {
    expect(defaultOutcome('unqualified', { status: 'operating', hasFailedBefore: false })).toBe('rectify');
    expect(defaultOutcome('unqualified', { status: 'rectifying', hasFailedBefore: false })).toBe('revoke');
    expect(defaultOutcome('unqualified', { status: 'operating', hasFailedBefore: true })).toBe('revoke');
  });
  it('recommends 优秀 and keeps the rest', () => {
    expect(defaultOutcome('excellent', { status: 'operating', hasFailedBefore: false })).toBe('recommend');
    expect(defaultOutcome('good', { status: 'operating', hasFailedBefore: true })).toBe('keep');
    expect(defaultOutcome('qualified', { status: 'rectifying', hasFailedBefore: false })).toBe('keep');
  });
});

describe('properties over generated formulas and reports', () => {
  const indicatorArb = fc.record({
    key: fc.constantFrom('rdSpend', 'researchers', 'projects', 'patentsGranted', 'income'),
    label: fc.constant('指标'),
    weight: fc.integer({ min: 0, max: 100 }),
    threshold: fc.integer({ min: 0, max: 50 }),
    target: fc.integer({ min: 50, max: 1000 }),
    cap: fc.double({ min: 1, max: 5, noNaN: true }),
  });
  const formulaArb = fc
    .uniqueArray(indicatorArb, { minLength: 1, maxLength: 5, selector: (i) => i.key })
    .filter((list) => list.some((i) => i.weight > 0))
    .chain((indicators) =>
      fc.record({
        indicators: fc.constant(indicators),
        indicatorWeight: fc.double({ min: 0, max: 1, noNaN: true }),
        yearAggregation: fc.constantFrom('average' as const, 'latest' as const),
        gradeThresholds: fc.constant({ excellent: 90, good: 80, qualified: 60 }),
      }),
    );
  const figuresArb = fc.dictionary(
    fc.constantFrom('rdSpend', 'researchers', 'projects', 'patentsGranted', 'income'),
    fc.integer({ min: 0, max: 5000 }),
  );
  const reportsArb = fc.array(fc.record({ year: fc.integer({ min: 2020, max: 2025 }), indicators: figuresArb }), { maxLength: 4 });

  it('keeps every score within 0–100', () => {
    fc.assert(
      fc.property(formulaArb, reportsArb, fc.integer({ min: 0, max: 100 }), (f, reports, expert) => {
        const { indicatorScore } = scoreIndicators(f, reports);
        const total = combineScores(f, indicatorScore, expert);
        return indicatorScore >= 0 && indicatorScore <= 100 && total >= 0 && total <= 100;
      }),
    );
  });

  it('never lowers the score when a figure or the expert score rises', () => {
    fc.assert(
      fc.property(
        formulaArb,
        figuresArb,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 500 }),
        (f, figures, expert, raise) => {
          const key = f.indicators[0]!.key;
          const base = scoreIndicators(f, [{ year: 2025, indicators: figures }]).indicatorScore;
          const more = scoreIndicators(f, [{ year: 2025, indicators: { ...figures, [key]: (figures[key] ?? 0) + raise } }]).indicatorScore;
          return more >= base && combineScores(f, base, Math.min(100, expert + 1)) >= combineScores(f, base, expert);
        },
      ),
    );
  });
});
