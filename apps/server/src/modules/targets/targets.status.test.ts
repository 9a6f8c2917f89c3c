import { describe, expect, it } from 'vitest';
import { meetsTarget, targetStatus } from './targets.status';

const base = { comparator: '>=' as const, required: 10, start: { date: '2021-01-01', value: 0 }, deadline: '2025-12-31' };

describe('target status rule', () => {
  it('is achieved as soon as the figure meets the requirement, even before the deadline', () => {
    expect(targetStatus({ ...base, current: 10, asOf: '2022-01-01' }).status).toBe('achieved');
    expect(targetStatus({ ...base, current: 12, asOf: '2030-01-01' }).status).toBe('achieved');
  });

  it('is missed when the deadline has passed unmet, but not on the deadline day itself', () => {
    expect(targetStatus({ ...base, current: 9, asOf: '2026-01-01' }).status).toBe('missed');
    expect(targetStatus({ ...base, current: 9, asOf: '2025-12-31' }).status).toBe('at_risk');
  });

  it('is on track when the figure keeps pace with the straight line from the start to the deadline', () => {
    // Half-way through 2021-01-01 … 2021-01-11, the pace asks for 5 of 10.
    const short = { ...base, deadline: '2021-01-11' };
    expect(targetStatus({ ...short, current: 5, asOf: '2021-01-06' })).toEqual({ status: 'on_track', expected: 5 });
    expect(targetStatus({ ...short, current: 4, asOf: '2021-01-06' }).status).toBe('at_risk');
    // 2023-07-02 is day 912 of 1825 of the five-year plan: 4.997 expected, so 5 keeps pace.
    expect(targetStatus({ ...base, current: 5, asOf: '2023-07-02' }).expected).toBeCloseTo(4.997, 3);
  });

  it('measures the pace from the starting figure, not from zero', () => {
    const start = { date: '2021-01-01', value: 8 };
    // Half-way the pace from 8 to 10 asks for 9.
    expect(targetStatus({ ...base, start, current: 9, asOf: '2023-07-02' }).status).toBe('on_track');
    expect(targetStatus({ ...base, start, current: 8, asOf: '2023-07-02' }).status).toBe('at_risk');
  });

  it('asks for nothing yet before the start and everything once the start is not before the deadline', () => {
    expect(targetStatus({ ...base, current: 0, asOf: '2020-06-01' })).toEqual({ status: 'on_track', expected: 0 });
    expect(targetStatus({ ...base, start: { date: '2026-01-01', value: 0 }, current: 3, asOf: '2025-06-01' }).expected).toBe(10);
  });

  it('treats a ceiling (≤) as met while under it and on track while coming down fast enough', () => {
    const ceiling = { ...base, comparator: '<=' as const, required: 2, start: { date: '2021-01-01', value: 12 } };
    expect(targetStatus({ ...ceiling, current: 2, asOf: '2022-01-01' }).status).toBe('achieved');
    expect(targetStatus({ ...ceiling, current: 7, asOf: '2023-07-02' }).status).toBe('on_track');
    expect(targetStatus({ ...ceiling, current: 8, asOf: '2023-07-02' }).status).toBe('at_risk');
    expect(targetStatus({ ...ceiling, current: 3, asOf: '2026-01-01' }).status).toBe('missed');
  });

  it('treats an exact target (=) as met only on the figure, and over-shooting as at risk', () => {
    const exact = { ...base, comparator: '=' as const };
    expect(targetStatus({ ...exact, current: 10, asOf: '2022-01-01' }).status).toBe('achieved');
    expect(targetStatus({ ...exact, current: 5, asOf: '2023-07-02' }).status).toBe('on_track');
    expect(targetStatus({ ...exact, current: 16, asOf: '2023-07-02' }).status).toBe('at_risk');
  });

  it('counts a figure not yet reported as no progress since the start', () => {
    expect(targetStatus({ ...base, current: null, asOf: '2021-01-01' }).status).toBe('on_track');
    expect(targetStatus({ ...base, current: null, asOf: '2022-01-01' }).status).toBe('at_risk');
    expect(
      targetStatus({ ...base, comparator: '<=', current: null, asOf: '2022-01-01', start: { date: '2021-01-01', value: 0 } }).status,
    ).toBe('on_track');
  });

  it('compares figures with a tolerance for decimals', () => {
    expect(meetsTarget('>=', 1.3, 1.3)).toBe(true);
    expect(meetsTarget('=', 0.1 + 0.2, 0.3)).toBe(true);
    expect(meetsTarget('<=', 15.00001, 15)).toBe(false);
  });
});
