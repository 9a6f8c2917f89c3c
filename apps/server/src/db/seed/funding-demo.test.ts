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
    // Granted: the five hand-made grants (1,800,000) and those the rules gave the demo evaluation round's grades.
    const all = await db.select().from(grants).where(eq(grants.year, demoFundingYear));
    const fromRound = all.filter((g) => g.evaluationResultId !== null);
    expect(fromRound.length).toBeGreaterThan(0);
    const grantedFen = all.filter((g) => g.status !== 'cancelled').reduce((sum, g) => sum + g.amountFen, 0);
    expect(grantedFen - fromRound.reduce((sum, g) => sum + g.amountFen, 0)).toBe(180_000_000);
    expect(budgets[0]).toMatchObject({
      year: 2026,
      amount: '30000000.00',
      granted: (grantedFen / 100).toFixed(2),
      paid: '770000.00',
      remaining: '29230000.00',
    });

    const dagang = await t.login('dagang', demoPassword);
    const list = (await t.app.inject({ url: '/api/funding/grants', headers: { cookie: dagang } })).json();
    // dagang sees the grants of the platforms its organisation hosts or co-builds, exactly as its registry does.
    const names = list.items.map((g: Grant) => g.platform.name) as string[];
    expect(names.filter((name) => name === '达钢集团国家企业技术中心')).toHaveLength(2);
    const registry = (await t.app.inject({ url: '/api/platforms?limit=500', headers: { cookie: dagang } })).json().items as {
      name: string;
    }[];
    expect(names.every((name) => registry.some((p) => p.name === name))).toBe(true);
    const paid = list.items.find((g: Grant) => g.status === 'paid');
    const detail = (await t.app.inject({ url: `/api/funding/grants/${paid.id}`, headers: { cookie: dagang } })).json() as GrantDetail;
    expect(detail).toMatchObject({ amount: '500000.00', paid: '500000.00', spent: '349950.50', canPay: false, canFileExpenditure: true });
    expect(detail.expenditures).toHaveLength(3);
  });
});
