import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Budget, GrantDetail } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildPlatform, buildRegionTree, buildUser } from '../../../test/factories';
import { fundingBudgets, grantPayments, grants } from '../../db/schema/index';

/**
 * 50 payments at once against balances that cover only some of them: exactly the covered number
 * succeed and the balances end at amount − sum(successful), never below zero. Runs on PGlite and,
 * with TEST_DATABASE_URL, on PostgreSQL with a pool of connections really racing.
 */
const t = await buildTestApp();
const { db } = t.handle;
let city: string;
let platforms: string[];

const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: city }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  const tree = await buildRegionTree(db);
  city = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  platforms = [];
  for (let i = 0; i < 10; i++) platforms.push(await buildPlatform(db, { regionId: tree.countyA.id }));
});

async function approvedGrant(platformId: string, year: number, amount: string): Promise<GrantDetail> {
  const created = await inject('POST', '/api/funding/grants', { platformId, year, kind: 'post_subsidy', amount, basis: '并发测试' });
  expect(created.statusCode, created.body).toBe(200);
  const grant = created.json() as GrantDetail;
  const approved = await inject('POST', `/api/funding/grants/${grant.id}/transitions`, { action: 'approve', version: grant.version });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

const payConcurrently = (targets: string[], amount: string, year: number) =>
  Promise.all(
    targets.map((grantId, index) =>
      inject('POST', `/api/funding/grants/${grantId}/payments`, { paidOn: `${year}-03-01`, amount, voucherNo: `PZ-${year}-${index}` }),
    ),
  );

async function budgetRow(year: number) {
  const [row] = await db.select().from(fundingBudgets).where(eq(fundingBudgets.year, year));
  return row!;
}

async function sumPayments(budgetId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${grantPayments.amountFen}), 0)` })
    .from(grantPayments)
    .where(eq(grantPayments.budgetId, budgetId));
  return Number(row!.total);
}

describe('concurrent payments', () => {
  it('lets exactly as many of 50 payments through as the budget covers', async () => {
    const year = 2051;
    const budget = (await (await inject('POST', '/api/funding/budgets', { year, amount: '12345.67' })).json()) as Budget;
    // Ten grants of 5 000 元 (50 000 in all) against a budget of 12 345.67 元; five 1 000 元 payments each.
    const grantIds: string[] = [];
    for (const platformId of platforms) grantIds.push((await approvedGrant(platformId, year, '5000')).id);
    const targets = Array.from({ length: 50 }, (_, i) => grantIds[i % grantIds.length]!);

    const responses = await payConcurrently(targets, '1000', year);
    const succeeded = responses.filter((r) => r.statusCode === 200);
    const refused = responses.filter((r) => r.statusCode !== 200);
    expect(succeeded).toHaveLength(12);
    expect(refused).toHaveLength(38);
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(422);
      expect(response.json().message).toMatch(/^拨付金额超过本年度预算余额（余额345\.67元）$/);
    }

    const row = await budgetRow(year);
    expect(row.paidFen).toBe(12 * 100_000);
    expect(row.amountFen - row.paidFen).toBe(34_567);
    expect(await sumPayments(budget.id)).toBe(row.paidFen);
    const listed = (await (await inject('GET', '/api/funding/budgets')).json()).items.find((b: Budget) => b.year === year);
    expect(listed).toMatchObject({ paid: '12000.00', remaining: '345.67' });
    // Each grant's stored paid sum equals its payments.
    for (const grantId of grantIds) {
      const [grant] = await db.select().from(grants).where(eq(grants.id, grantId));
      const [paid] = await db
        .select({ total: sql<string>`coalesce(sum(${grantPayments.amountFen}), 0)` })
        .from(grantPayments)
        .where(eq(grantPayments.grantId, grantId));
      expect(grant!.paidFen).toBe(Number(paid!.total));
      expect(grant!.paidFen).toBeLessThanOrEqual(grant!.amountFen);
    }
  });

  it('lets exactly as many of 50 payments on one grant through as the grant covers', async () => {
    const year = 2052;
    await inject('POST', '/api/funding/budgets', { year, amount: '1000000' });
    const grant = await approvedGrant(platforms[0]!, year, '7000.50');
    const responses = await payConcurrently(
      Array.from({ length: 50 }, () => grant.id),
      '1000',
      year,
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(7);
    const refusals = responses.filter((r) => r.statusCode !== 200).map((r) => `${r.statusCode} ${r.json().message}`);
    expect(refusals).toHaveLength(43);
    for (const refusal of refusals) expect(refusal).toBe('422 拨付金额超过该资助的未拨付余额（余额0.50元）');
    const [row] = await db.select().from(grants).where(eq(grants.id, grant.id));
    expect(row).toMatchObject({ paidFen: 700_000, amountFen: 700_050, status: 'approved' });
    expect((await budgetRow(year)).paidFen).toBe(700_000);
    // The last fifty fen settle it.
    const last = await inject('POST', `/api/funding/grants/${grant.id}/payments`, {
      paidOn: `${year}-04-01`,
      amount: '0.50',
      voucherNo: 'PZ-last',
    });
    expect(last.json()).toMatchObject({ status: 'paid', balance: '0.00' });
  });
});
