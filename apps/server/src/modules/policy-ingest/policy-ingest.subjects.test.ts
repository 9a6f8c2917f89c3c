import { describe, expect, it } from 'vitest';
import { catalogueSystems, catalogueTypes } from '../../db/seed/taxonomy-catalogue';
import { type SubjectContext, subjectParts, suggestTarget, type TypeFact } from './policy-ingest.subjects';

const types: TypeFact[] = catalogueTypes.map((type) => ({
  id: type.name,
  name: type.name,
  level: type.level,
  systemId: type.system,
  isActive: true,
}));
const context: SubjectContext = {
  types,
  systems: catalogueSystems.map((system) => ({ id: system.code, name: system.name })),
  coverageRegion: { id: 'dz', name: '达州市' },
  documentDate: '2021-04-15',
};

type Input = Parameters<typeof suggestTarget>[0];
const count = (subject: string, level: Input['level'] = null, text = subject): Input => ({
  text,
  subject,
  level,
  kind: 'count',
  unit: '家',
});
const typeNames = (input: Input, own: SubjectContext = context) => {
  const suggestion = suggestTarget(input, own);
  return suggestion.mode === 'platforms' ? suggestion.types.map((type) => type.name).sort() : suggestion.mode;
};

describe('reading a target subject', () => {
  it('splits level, "and above" and the categories in brackets', () => {
    expect(subjectParts('省级及以上科技企业孵化器（众创空间、星创天地）')).toEqual({
      level: 'provincial',
      andAbove: true,
      categories: ['科技企业孵化器', '众创空间', '星创天地'],
    });
    expect(subjectParts('国家重点实验室（含分支机构）')).toEqual({ level: 'national', andAbove: false, categories: ['重点实验室'] });
    expect(subjectParts('科技企业孵化器（省级）')).toEqual({ level: 'provincial', andAbove: false, categories: ['科技企业孵化器'] });
  });
});

describe('suggesting what a target counts', () => {
  it('maps a named type at its level', () => {
    expect(typeNames(count('市级重点实验室', '市'))).toEqual(['市级重点实验室']);
    expect(typeNames(count('省级重点实验室（包括省市共建实验室）', '省'))).toEqual(['省级重点实验室']);
    expect(typeNames(count('省级工程技术研究中心', '省'))).toEqual(['省级工程技术研究中心']);
    expect(typeNames(count('省级工程研究中心', '省'))).toEqual(['省级工程研究中心']);
    expect(typeNames(count('天府实验室'))).toEqual(['天府实验室']);
  });

  it('maps a narrower kind to its type with less confidence', () => {
    const suggestion = suggestTarget(count('省级学科重点实验室', '省'), context);
    expect(suggestion).toMatchObject({ mode: 'platforms', types: [{ name: '省级重点实验室' }] });
    expect(suggestion.confidence).toBeLessThan(0.9);
  });

  it('maps incubators with their bracketed kinds at the level and above', () => {
    const suggestion = suggestTarget(count('省级及以上科技企业孵化器（众创空间、星创天地）', '省'), context);
    expect(suggestion).toMatchObject({ mode: 'platforms', levels: ['provincial', 'national'] });
    expect(typeNames(count('省级及以上科技企业孵化器（众创空间、星创天地）', '省'))).toEqual(
      [
        '众创空间（国家级）',
        '众创空间（省级）',
        '星创天地（国家级）',
        '星创天地（省级）',
        '科技企业孵化器（国家级）',
        '科技企业孵化器（省级）',
      ].sort(),
    );
  });

  it('maps 零的突破 to the national type', () => {
    const suggestion = suggestTarget({ ...count('国家重点实验室（含分支机构）', '国家'), kind: 'first' }, context);
    expect(suggestion).toMatchObject({ mode: 'platforms', kind: 'first', types: [{ name: '国家重点实验室' }], levels: ['national'] });
  });

  it('maps coverage to a system and the coverage region', () => {
    const suggestion = suggestTarget(
      { text: '实现各县（市、区）科技创新服务平台全覆盖', subject: '科技创新服务平台', level: null, kind: 'coverage', unit: '%' },
      context,
    );
    expect(suggestion).toMatchObject({
      mode: 'platforms',
      kind: 'coverage',
      systems: [{ name: '科技服务平台体系' }],
      coverageRegion: { id: 'dz' },
    });
  });

  // Issue 11 point 1 changed this: additions count from the plan's start (basis `added`), not the document's date.
  it('sets no baseline date on 新建 targets: their additions count from the plan’s start', () => {
    const suggestion = suggestTarget(count('国家企业技术中心', '国家', '力争新建2个国家企业技术中心'), context);
    expect(suggestion).toMatchObject({ mode: 'platforms', baselineDate: null });
    expect(suggestTarget(count('国家企业技术中心', '国家', '建设国家企业技术中心2家以上'), context)).toMatchObject({ baselineDate: null });
  });

  it('follows the taxonomy it is given, not a built-in list', () => {
    const own = {
      ...context,
      types: [{ id: 'x', name: '市级技术创新中心', level: 'city' as const, systemId: 'innovation_center', isActive: true }],
    };
    expect(typeNames(count('市级工程技术研究中心', '市'), own)).toEqual([]);
    expect(typeNames(count('市级技术创新中心', '市'), own)).toEqual(['市级技术创新中心']);
  });

  it('suggests a level alone when only the level is named', () => {
    expect(suggestTarget(count('国家级平台', '国家'), context)).toMatchObject({
      mode: 'platforms',
      types: [],
      levels: ['national'],
      confidence: 0.5,
    });
  });

  it('makes money, shares, indices and counts of non-platforms reported figures', () => {
    const spending = suggestTarget(
      { text: '全社会研发投入达到20亿元', subject: '全社会研发投入', level: null, kind: 'amount', unit: '亿元' },
      context,
    );
    expect(spending).toMatchObject({ mode: 'reported', kind: 'amount' });
    expect(spending.mode === 'reported' && spending.metric).toBeFalsy();
    expect(
      suggestTarget({ text: '科技创新水平指数达到48', subject: '科技创新水平指数', level: null, kind: 'amount', unit: '' }, context),
    ).toMatchObject({
      mode: 'reported',
      kind: 'index',
    });
    expect(
      suggestTarget({ text: '研发投入强度2.5%', subject: '研发投入强度', level: null, kind: 'ratio', unit: '%' }, context),
    ).toMatchObject({
      mode: 'reported',
      kind: 'ratio',
    });
    expect(suggestTarget(count('高新技术企业', null, '新培育高新技术企业30家'), context)).toMatchObject({
      mode: 'reported',
      kind: 'amount',
    });
  });

  it('sums 技术合同登记额 / 成交额 amounts from the registered contracts, not their growth or their count', () => {
    const amount = (subject: string, unit = '亿元', kind: 'amount' | 'ratio' | 'count' = 'amount') =>
      suggestTarget({ text: `${subject}达到50${unit}`, subject, level: null, kind, unit }, context);
    for (const subject of ['技术合同登记额', '技术合同成交额', '技术合同交易额']) {
      expect(amount(subject)).toEqual({
        mode: 'reported',
        kind: 'amount',
        metric: 'technology_contract_amount',
        confidence: 0.9,
        reason: '技术合同登记额，由技术合同登记自动汇总',
      });
    }
    expect(amount('技术合同成交额', '万元')).toMatchObject({ metric: 'technology_contract_amount' });
    expect(amount('技术合同登记额年均增长', '%', 'ratio')).toEqual(expect.not.objectContaining({ metric: expect.anything() }));
    expect(amount('技术合同登记额较2020年增长')).toEqual(expect.not.objectContaining({ metric: expect.anything() }));
    expect(amount('技术合同', '项', 'count')).toMatchObject({ mode: 'reported', kind: 'amount' });
    expect(amount('技术合同', '项', 'count')).toEqual(expect.not.objectContaining({ metric: expect.anything() }));
    expect(amount('研发投入')).toEqual(expect.not.objectContaining({ metric: expect.anything() }));
  });
});
