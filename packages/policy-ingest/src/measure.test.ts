import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract.js';
import { summedMetricOf } from './measure.js';

/** The extractor's targets of a sentence, each with the metric its figure would be summed from. */
function read(sentence: string) {
  return extractPlan(sentence, { date: '2024-03-01' }).targets.map((target) => ({
    subject: target.subject,
    kind: target.kind,
    value: target.value,
    unit: target.unit,
    comparator: target.comparator,
    metric: summedMetricOf(target),
  }));
}

describe('a target summed from the registered technology contracts', () => {
  it('is an amount of 技术合同登记额 / 成交额 / 交易额 in 元, 万元 or 亿元, as at least', () => {
    expect(read('到2025年，全市技术合同登记额达到50亿元。')).toEqual([
      { subject: '技术合同登记额', kind: 'amount', value: 50, unit: '亿元', comparator: '>=', metric: 'technology_contract_amount' },
    ]);
    expect(read('到2025年，技术合同成交额突破100亿元。')).toMatchObject([
      { value: 100, unit: '亿元', comparator: '>=', metric: 'technology_contract_amount' },
    ]);
    expect(read('力争2026年技术合同交易额达到3000万元以上。')).toMatchObject([
      { value: 3000, unit: '万元', comparator: '>=', metric: 'technology_contract_amount' },
    ]);
    expect(read('到2025年，技术合同认定登记额不低于12亿元。')).toMatchObject([{ comparator: '>=', metric: 'technology_contract_amount' }]);
    expect(read('到2025年，全省技术合同登记成交额达到200亿元以上。')).toMatchObject([{ value: 200, metric: 'technology_contract_amount' }]);
    expect(read('到2025年，技术合同登记金额达到5000000元。')).toMatchObject([
      { value: 5000000, unit: '元', metric: 'technology_contract_amount' },
    ]);
    expect(read('到2028年，达州市技术合同登记额累计达到4.5亿元。')).toMatchObject([{ value: 4.5, metric: 'technology_contract_amount' }]);
  });

  it('is a yearly figure too (每年技术合同登记额…), and only the contracts’ figure of a list of amounts', () => {
    expect(read('每年技术合同登记额不低于20亿元。')).toMatchObject([{ value: 20, metric: 'technology_contract_amount' }]);
    expect(read('到2025年，高新技术企业营业收入达到500亿元，技术合同登记额达到50亿元，研发投入强度达到2.5%。')).toEqual([
      expect.objectContaining({ subject: '高新技术企业营业收入', metric: null }),
      expect.objectContaining({ subject: '技术合同登记额', metric: 'technology_contract_amount' }),
      expect.objectContaining({ subject: '研发投入强度', metric: null }),
    ]);
  });

  it('is not a growth rate or a growth of the amount', () => {
    expect(read('全市技术合同登记额年均增长15%。')).toMatchObject([{ kind: 'ratio', metric: null }]);
    expect(read('到2027年，全市技术合同成交额年均增长15%以上。')).toMatchObject([{ kind: 'ratio', metric: null }]);
    expect(read('到2025年，技术合同登记额较2020年增长5亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
    expect(read('技术合同成交额年均增长5亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
  });

  it('is not a count of contracts in 项, nor another amount', () => {
    expect(read('到2025年，登记技术合同500项。')).toMatchObject([{ kind: 'count', metric: null }]);
    expect(read('到2025年，技术合同登记数量达到800项。')).toMatchObject([{ kind: 'count', metric: null }]);
    expect(read('到2025年，全社会研发投入达到120亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
    expect(read('力争全社会R&D经费投入总量达到15亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
    // Only the technology part of contracts, and the part bought in: not the registered contracts' sum.
    expect(read('到2025年，全市技术交易额达到40亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
    expect(read('到2025年，吸纳技术合同成交额达到30亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
    expect(read('到2025年，技术合同吸纳额达到100亿元。')).toMatchObject([{ kind: 'amount', metric: null }]);
  });

  it('is not a figure in a currency other than 人民币, and reads the fields it is given', () => {
    expect(summedMetricOf({ subject: '技术合同成交额', kind: 'amount', unit: '亿美元' })).toBeNull();
    expect(summedMetricOf({ subject: '技术合同成交额', kind: 'ratio', unit: '%' })).toBeNull();
    expect(summedMetricOf({ subject: '技术合同 登记额', kind: 'amount', unit: ' 万元' })).toBe('technology_contract_amount');
  });
});
