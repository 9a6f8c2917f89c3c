import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedExpenditureCategories, forbiddenExpenditureCategories, formatFen, parseYuan } from '@stip/contracts';
import { expenditureOverrun, forbiddenUseRefusal, forbiddenUseRule, paymentRefusal } from './funding.rules';

describe('amounts in 元 and 分', () => {
  it('parses 元 exactly into integer 分, never through binary fractions', () => {
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floating point
    expect(parseYuan(0.29)).toBe(29);
    expect(parseYuan('1,234.5')).toBe(123_450);
    expect(parseYuan(500000)).toBe(50_000_000);
    expect(parseYuan('100000000000')).toBe(10_000_000_000_000);
  });

  it('refuses what is not an amount: negatives, three decimals, exponents, above 1000 亿, empty', () => {
    for (const bad of ['-1', '1.234', '1e5', 1e21, Number.NaN, '', ' ', 'abc', '100000000000.01', Infinity]) {
      expect(parseYuan(bad as string | number)).toBeNull();
    }
  });

  it('formats 分 back to the same text, and sums of 分 stay exact', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9_999_999_99 }), { maxLength: 50 }), (amounts) => {
        const total = amounts.reduce((sum, fen) => sum + fen, 0);
        expect(parseYuan(formatFen(total))).toBe(total);
        for (const fen of amounts) expect(parseYuan(formatFen(fen))).toBe(fen);
      }),
    );
    expect(formatFen(10 + 20)).toBe('0.30');
    expect(formatFen(-5)).toBe('-0.05');
  });
});

describe('forbidden uses (seed 004 §六(五))', () => {
  it('refuses every forbidden category, naming the category and the rule', () => {
    for (const category of forbiddenExpenditureCategories) {
      const refusal = forbiddenUseRefusal({ category, description: '按合同支付' });
      expect(refusal).toContain('属于禁止用途');
      expect(refusal).toContain(forbiddenUseRule);
    }
    expect(forbiddenUseRefusal({ category: 'fines', description: '环保处罚' })).toMatch(/^支出类别“支付各种罚款”/);
  });

  it('refuses an allowed category whose description names a forbidden use', () => {
    expect(forbiddenUseRefusal({ category: 'materials', description: '支付税务滞纳金' })).toMatch(
      /^支出说明含“滞纳金”，属于禁止用途“支付各种罚款”/,
    );
    expect(forbiddenUseRefusal({ category: 'research', description: '偿还 银行贷款' })).toContain('“偿还”，属于禁止用途“偿还债务”');
    expect(forbiddenUseRefusal({ category: 'research', description: '偿还 贷款' })).toContain('偿还贷款');
    expect(forbiddenUseRefusal({ category: 'equipment', description: '对子公司投资' })).toContain('“投资”');
    expect(forbiddenUseRefusal({ category: 'equipment', description: '实验楼基本建设' })).toContain('“基本建设”');
  });

  it('accepts the allowed uses with ordinary descriptions', () => {
    for (const category of allowedExpenditureCategories) {
      expect(forbiddenUseRefusal({ category, description: '购置高温合金检测仪器一台' })).toBeNull();
    }
  });
});

describe('balances', () => {
  it('refuses a payment above the grant’s or the budget’s balance, and allows one that empties both', () => {
    const grant = { amountFen: 1_000, paidFen: 400 };
    const budget = { amountFen: 10_000, paidFen: 9_500 };
    expect(paymentRefusal(601, grant, budget)).toBe('拨付金额超过该资助的未拨付余额（余额6.00元）');
    expect(paymentRefusal(501, grant, budget)).toBe('拨付金额超过本年度预算余额（余额5.00元）');
    expect(paymentRefusal(500, grant, budget)).toBeNull();
  });

  it('refuses expenditure lines beyond what was paid', () => {
    expect(expenditureOverrun(101, { paidFen: 1_000, spentFen: 900 })).toContain('尚可填报1.00元');
    expect(expenditureOverrun(100, { paidFen: 1_000, spentFen: 900 })).toBeNull();
  });
});
