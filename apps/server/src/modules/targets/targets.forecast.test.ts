import { describe, expect, it } from 'vitest';
import { forecastAtDeadline, seriesStatus, type YearFigure } from './targets.status';
import { planYears } from './targets.progress';

const base = { comparator: '>=' as const, required: 15, start: { date: '2026-01-01', value: 0 }, deadline: '2028-12-31' };

describe('the forecast to the deadline', () => {
  it('projects the pace so far in a straight line to the deadline', () => {
    // A third of the period gone (365 of 1095 days), 3 of 15 made: at this pace, 9 by the deadline.
    expect(forecastAtDeadline({ ...base, current: 3, asOf: '2027-01-01' })).toEqual({ value: 9, onPace: false });
    expect(forecastAtDeadline({ ...base, current: 6, asOf: '2027-01-01' })).toEqual({ value: 18, onPace: true });
  });

  it('starts from the figure at the start, not from zero', () => {
    const fromLevel = { ...base, start: { date: '2026-01-01', value: 10 } };
    expect(forecastAtDeadline({ ...fromLevel, current: 11, asOf: '2027-01-01' })).toEqual({ value: 13, onPace: false });
  });

  it('has nothing to project without a figure, on the first day, or after the deadline', () => {
    expect(forecastAtDeadline({ ...base, current: null, asOf: '2027-01-01' })).toBeNull();
    expect(forecastAtDeadline({ ...base, current: 0, asOf: '2026-01-01' })).toBeNull();
    expect(forecastAtDeadline({ ...base, current: 3, asOf: '2029-01-01' })).toBeNull();
  });

  it('reads a ceiling the other way round', () => {
    const ceiling = { ...base, comparator: '<=' as const, required: 5, start: { date: '2026-01-01', value: 20 } };
    expect(forecastAtDeadline({ ...ceiling, current: 15, asOf: '2027-01-01' })).toEqual({ value: 5, onPace: true });
  });
});

const year = (y: number, status: YearFigure['status'], current: number | null = null): YearFigure => ({
  year: y,
  current,
  required: 2,
  status,
});

describe('the overall status of a yearly target', () => {
  it('is missed once a finished year missed, whatever the current year does', () => {
    expect(seriesStatus([year(2026, 'missed'), year(2027, 'achieved'), year(2028, null)], new Set([2026]))).toBe('missed');
  });
  it('is achieved only when every plan year met it', () => {
    expect(seriesStatus([year(2026, 'achieved'), year(2027, 'achieved')], new Set([2026]))).toBe('achieved');
    expect(seriesStatus([year(2026, 'achieved'), year(2027, 'achieved'), year(2028, null)], new Set([2026]))).toBe('on_track');
  });
  it('is owed (no_data) when a finished year has no figure', () => {
    expect(seriesStatus([year(2026, 'no_data'), year(2027, 'at_risk')], new Set([2026]))).toBe('no_data');
  });
  it('follows the current year otherwise', () => {
    expect(seriesStatus([year(2026, 'achieved'), year(2027, 'at_risk'), year(2028, null)], new Set([2026]))).toBe('at_risk');
    expect(seriesStatus([year(2026, null), year(2027, null)], new Set())).toBe('on_track');
  });
});

describe('plan years', () => {
  it('cuts the first year at the plan’s start and the last at the deadline', () => {
    const years = planYears('2026-04-01', '2027-06-30', '2026-12-31');
    expect(years).toEqual([
      { year: 2026, end: '2026-12-31', day: '2026-12-31', baseline: '2026-03-31', begun: true, finished: false },
      { year: 2027, end: '2027-06-30', day: '2026-12-31', baseline: '2026-12-31', begun: false, finished: false },
    ]);
  });
});
