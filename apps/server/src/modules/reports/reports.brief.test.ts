import { describe, expect, it } from 'vitest';
import type { Target } from '@stip/contracts';
import { figureText } from './reports.brief';

const first = (progress: Partial<Target['progress']>): Target => ({
  id: crypto.randomUUID(),
  planId: crypto.randomUUID(),
  planTitle: '方案',
  kind: 'first',
  subject: '国家重点实验室零的突破',
  comparator: '>=',
  value: 1,
  unit: '家',
  deadline: '2025-12-31',
  baselineDate: null,
  basis: 'stock',
  perYear: false,
  perRegion: false,
  metric: null,
  reportingUnits: [],
  filter: null,
  coverageRegion: null,
  sortOrder: 0,
  progress: {
    asOf: '2024-06-30',
    measuredOn: '2024-06-30',
    current: 1,
    required: 1,
    status: 'achieved',
    start: { date: '2021-04-15', value: 0 },
    expected: 1,
    isScopeLimited: false,
    baselineCount: 0,
    ...progress,
  },
  link: null,
  canReport: false,
  isDemo: false,
  version: 1,
});

describe('the brief’s figure of a first (零的突破) target', () => {
  it('states a breakthrough made by the plan as the bare figure', () => {
    expect(figureText(first({}))).toBe('1家');
  });

  it('says when the baseline already had a matching platform, so the figure is not read as the plan’s breakthrough', () => {
    expect(figureText(first({ baselineCount: 2, current: 2, start: { date: '2021-04-15', value: 2 } }))).toBe(
      '2家（2021年4月15日已有2家，非本期突破）',
    );
  });
});
