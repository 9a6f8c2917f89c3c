import { describe, expect, it } from 'vitest';
import { explainMatch, type MatchProfile, normaliseRanks, scoreWeights, sharedTerms } from './matching.scoring';

const dazhou = { id: '00000000-0000-4000-8000-000000000001', name: '达川区' };
const other = { id: '00000000-0000-4000-8000-000000000002', name: '宣汉县' };

const demand: MatchProfile = {
  terms: ['玄武岩纤维', '强度', '拉伸', '耐温', '纤维', '复合材料'],
  technicalFields: ['新材料'],
  industry: '新材料产业',
  region: dazhou,
};

describe('shared terms', () => {
  it('lists the longer (more specific) terms first, then in the subject order', () => {
    expect(sharedTerms(['强度', '玄武岩纤维', '耐温', '纤维'], ['纤维', '耐温', '玄武岩纤维', '强度'])).toEqual([
      '玄武岩纤维',
      '强度',
      '耐温',
      '纤维',
    ]);
  });

  it('leaves out single characters, generic words and terms only one side holds', () => {
    expect(sharedTerms(['高', '强度', '技术', '中心', '硫磺'], ['高', '强度', '技术', '中心', '纤维'])).toEqual(['强度']);
  });
});

describe('explaining a match', () => {
  it('is no match when no term, field or industry links the two', () => {
    expect(explainMatch(demand, { terms: ['中药', '种植'], technicalFields: ['生物医药'], industry: '医药', region: dazhou })).toBeNull();
  });

  it('gives every reason that holds, shared terms first, and adds up their weights', () => {
    const result = explainMatch(demand, {
      terms: ['玄武岩纤维', '强度', '拉伸', '耐温', '纤维', '复合材料'],
      technicalFields: ['新材料'],
      industry: '新材料产业',
      region: dazhou,
      textRank: 1,
    })!;
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['shared_terms', 'technical_field', 'industry', 'region']);
    expect(result.reasons[0]).toMatchObject({ label: '共同关键词：玄武岩纤维、复合材料、强度、拉伸、耐温、纤维' });
    expect(result.score).toBe(
      scoreWeights.text + scoreWeights.sharedTerms + scoreWeights.technicalField + scoreWeights.industry + scoreWeights.region,
    );
  });

  it('ranks a candidate sharing the specific terms above one sharing only the field', () => {
    const close = explainMatch(demand, { terms: ['玄武岩纤维', '强度'], technicalFields: [], industry: null, region: other })!;
    const fieldOnly = explainMatch(demand, { terms: ['电池'], technicalFields: ['新材料'], industry: null, region: other })!;
    expect(close.score).toBeGreaterThan(fieldOnly.score);
    expect(fieldOnly.reasons).toEqual([{ kind: 'technical_field', label: '技术领域相同：新材料' }]);
  });

  it('uses the search rank when the candidate has one, else the share of the subject terms it holds', () => {
    const facts = { terms: ['玄武岩纤维'], technicalFields: [], industry: null, region: null };
    const ranked = explainMatch(demand, { ...facts, textRank: 0.5 })!;
    const unranked = explainMatch(demand, facts)!;
    expect(ranked.score - unranked.score).toBeCloseTo(scoreWeights.text * (0.5 - 1 / 6), 1);
  });

  it('compares fields and industries without regard to case or surrounding spaces, and keeps the candidate own reasons', () => {
    const result = explainMatch(
      { ...demand, technicalFields: [' AI '] },
      {
        terms: [],
        technicalFields: ['ai'],
        industry: null,
        region: null,
        ownReasons: [{ kind: 'platform_type', label: '平台类型：市级重点实验室' }],
      },
    )!;
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['technical_field', 'platform_type']);
    expect(result.score).toBe(scoreWeights.technicalField + scoreWeights.ownReasons);
  });
});

describe('normalising ranks', () => {
  it('scales so the best rank is 1, and leaves zeros when nothing ranks', () => {
    expect(normaliseRanks([0.2, 0.1, 0])).toEqual([1, 0.5, 0]);
    expect(normaliseRanks([0, 0])).toEqual([0, 0]);
  });
});
