import { describe, expect, it } from 'vitest';
import type { ExtractedTarget } from '@stip/policy-ingest';
import type { TargetSuggestion } from '@stip/contracts';
import { targetMeaning } from './policy-ingest.proposal';

const read = (fields: Partial<ExtractedTarget>): ExtractedTarget => ({
  text: '新建市级重点实验室5家以上',
  subject: '市级重点实验室',
  level: '市',
  comparator: '>=',
  value: 5,
  unit: '家',
  deadline: '2028-12',
  kind: 'count',
  doubts: [],
  ...fields,
});

const platforms = (confidence: number, kind: 'count' | 'coverage' = 'count'): TargetSuggestion => ({
  mode: 'platforms',
  kind,
  types: [],
  levels: [],
  systems: [],
  coverageRegion: null,
  baselineDate: null,
  confidence,
  reason: '测试',
});
const reported: TargetSuggestion = { mode: 'reported', kind: 'amount', confidence: 0.9, reason: '测试' };

describe('a proposed target’s meaning', () => {
  it('counts additions from the plan’s start for 新建 / 新增, from the extractor’s basis or the phrase', () => {
    expect(targetMeaning(read({ basis: 'added' }), platforms(0.95))).toMatchObject({ basis: 'added', isTrusted: true });
    expect(targetMeaning(read({}), platforms(0.95)).basis).toBe('added');
    expect(targetMeaning(read({ text: '市级重点实验室总数达到30家', basis: 'stock' }), platforms(0.95)).basis).toBe('stock');
  });

  it('carries a yearly rate and a per-region requirement through', () => {
    expect(targetMeaning(read({ perYear: true }), platforms(0.95)).perYear).toBe(true);
    expect(targetMeaning(read({ perYear: true }), reported).perYear).toBe(true);
    const perCounty = targetMeaning(
      read({ text: '推动每个县（市、区）至少建成1家孵化器', perRegion: '县', basis: 'stock' }),
      platforms(0.95),
    );
    expect(perCounty).toMatchObject({ perRegion: true, basis: 'stock', isTrusted: true });
  });

  it('is 建议可信 only with no doubt, an assessed reading and a confident suggestion', () => {
    expect(targetMeaning(read({}), platforms(0.75)).isTrusted).toBe(false);
    const doubted = targetMeaning(read({ doubts: ['单位：原文未写明'] }), platforms(0.95));
    expect(doubted).toMatchObject({ isTrusted: false, doubts: ['单位：原文未写明'] });
    // Not assessed by the extractor: not vouched for.
    expect(targetMeaning(read({ doubts: undefined }), platforms(0.95)).isTrusted).toBe(false);
  });

  it('doubts an exact comparator and a missing deadline instead of trusting them', () => {
    const exact = targetMeaning(read({ comparator: '=' }), platforms(0.95));
    expect(exact.isTrusted).toBe(false);
    expect(exact.doubts.join()).toContain('比较关系');
    expect(targetMeaning(read({ deadline: null }), platforms(0.95)).doubts.join()).toContain('期限');
  });

  it('does not make a per-region requirement of a reported figure, and says so', () => {
    const meaning = targetMeaning(read({ perRegion: '县' }), reported);
    expect(meaning.perRegion).toBe(false);
    expect(meaning.doubts.join()).toContain('每个区域');
  });
});
