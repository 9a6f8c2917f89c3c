import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Budget, Grant, GrantDetail } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { fundingBudgets, grantExpenditures, grantPayments, grants, subsidyRules } from '../schema/index';
import { demoPassword, seedDemo } from './demo';
import { demoFundingYear } from './funding-demo';

const t = await buildTestApp();
const { db } = t.handle;
await seedDemo(db);

describe('the funding demo', () => {
  it('holds a 2026 budget, rules by grade and grants in every state, all marked demo', async () => {
    const [budget] = await db.select().from(fundingBudgets).where(eq(fundingBudgets.year, demoFundingYear));
    expect(budget).toMatchObject({ isDemo: true, amountFen: 3_000_000_000 });
    const all = await db.select().from(grants);
    expect(new Set(all.map((g) => g.status))).toEqual(new Set(['proposed', 'approved', 'paid']));
    expect(all.some((g) => g.status === 'approved' && g.paidFen > 0 && g.paidFen < g.amountFen)).toBe(true);
    for (const table of [grants, grantPayments, grantExpenditures, subsidyRules] as const) {
      const rows = await db.select({ isDemo: table.isDemo }).from(table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.isDemo)).toBe(true);
    }
    expect(budget!.paidFen).toBe(all.reduce((sum, g) => sum + g.paidFen, 0));
  });

  it('shows the city its budget use, and dagang its own grants with a report to file', async () => {
    const city = await t.login('city', demoPassword);
    const budgets = (await t.app.inject({ url: '/api/funding/budgets', headers: { cookie: city } })).json().items as Budget[];
    expect(budgets[0]).toMatchObject({
      year: 2026,
      amount: '30000000.00',
      granted: '1800000.00',
      paid: '770000.00',
      remaining: '29230000.00',
    });

    const dagang = await t.login('dagang', demoPassword);
    const list = (await t.app.inject({ url: '/api/funding/grants', headers: { cookie: dagang } })).json();
    expect(list.items.map((g: Grant) => g.platform.name)).toEqual(['达钢集团国家企业技术中心', '达钢集团国家企业技术中心']);
    const paid = list.items.find((g: Grant) => g.status === 'paid');
    const detail = (await t.app.inject({ url: `/api/funding/grants/${paid.id}`, headers: { cookie: dagang } })).json() as GrantDetail;
    expect(detail).toMatchObject({ amount: '500000.00', paid: '500000.00', spent: '349950.50', canPay: false, canFileExpenditure: true });
    expect(detail.expenditures).toHaveLength(3);
  });
});
