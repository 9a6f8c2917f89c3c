import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return ((await stip.db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
}

/** "1,234.50 元" → 123450 (分), read the way the page prints amounts. */
const fenOf = (text: string | null) => {
  const match = /([\d,]+\.\d{2})\s*元/.exec(text ?? '');
  if (!match) throw new Error(`no amount in ${text}`);
  return Number(match[1]!.replace(/[,.]/g, ''));
};

describe('funding', () => {
  let grantPath = '';

  it('lets city staff record a payment and see the grant’s and the budget’s balance drop', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.getByTestId('main-menu').getByText('资金管理').click();
    await page.waitForURL((url) => url.pathname === '/funding');
    await page.goto('/funding?status=approved&kind=award');
    const rows = page.locator('[data-testid=grant-table] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await rows.first().getByTestId('grant-link').click();
    await page.waitForURL(/\/funding\/grants\/[0-9a-f-]{36}$/);
    grantPath = new URL(page.url()).pathname;
    const grantId = grantPath.split('/').pop()!;

    await expect.poll(() => page.getByTestId('payment-budget-balance').count()).toBe(1);
    const balanceBefore = fenOf(await page.getByTestId('grant-balance').textContent());
    const budgetBefore = fenOf(await page.getByTestId('payment-budget-balance').textContent());
    expect(balanceBefore).toBeGreaterThan(1_000_000);

    await page.getByTestId('payment-amount').fill('10000.50');
    await page.getByTestId('payment-voucher').fill('达财教〔2026〕E2E号');
    await page.getByTestId('payment-submit').click();
    await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();

    await expect
      .poll(() => page.getByTestId('grant-balance').textContent().then(fenOf), { timeout: 20_000 })
      .toBe(balanceBefore - 1_000_050);
    await expect.poll(() => page.getByTestId('payment-budget-balance').textContent().then(fenOf)).toBe(budgetBefore - 1_000_050);
    await expect.poll(() => page.getByTestId('payment-table').textContent()).toContain('达财教〔2026〕E2E号');

    // What the page shows is what the database holds.
    const stored = await one<{ amount: string; paid: string }>(
      sql`select amount_fen::text as amount, paid_fen::text as paid from funding_grants where id = ${grantId}`,
    );
    expect(Number(stored.amount) - Number(stored.paid)).toBe(balanceBefore - 1_000_050);
    const budget = await one<{ left: string }>(sql`select (amount_fen - paid_fen)::text as left from funding_budgets where year = 2026`);
    expect(Number(budget.left)).toBe(budgetBefore - 1_000_050);

    // A payment beyond the grant's balance is stopped in the form, before reaching the server.
    await page.getByTestId('payment-amount').fill('99999999');
    await page.getByTestId('payment-voucher').fill('超额');
    await page.getByTestId('payment-submit').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').first().textContent()).toContain('拨付金额超过未拨付余额');
  });

  it('lets the host file expenditure lines and refuses a forbidden use with the rule', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'dagang');
    await page.goto('/funding');
    // Its own centre's two grants, among those of the platforms it co-builds.
    const rows = page.locator('[data-testid=grant-table] tr.ant-table-row').filter({ hasText: '达钢集团国家企业技术中心' });
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: '以奖代补' }).getByTestId('grant-link').click();
    await page.waitForURL(/\/funding\/grants\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('expenditure-submit').count()).toBe(1);
    expect(await page.getByTestId('payment-submit').count()).toBe(0);

    const fill = async (category: string, amount: string, description: string) => {
      await page.getByTestId('expenditure-category').click();
      await page.keyboard.type(category);
      await page.keyboard.press('Enter');
      await page.getByTestId('expenditure-amount').fill(amount);
      await page.getByTestId('expenditure-description').fill(description);
      await page.getByTestId('expenditure-submit').click();
    };
    await fill('材料费', '5000', '缴纳环保罚款');
    await expect.poll(() => page.locator('.ant-message').textContent(), { timeout: 20_000 }).toContain('属于禁止用途“支付各种罚款”');

    await fill('测试化验加工费', '5000', '钒钛微合金钢性能检测');
    await expect.poll(() => page.getByTestId('expenditure-table').textContent(), { timeout: 20_000 }).toContain('钒钛微合金钢性能检测');
  });
});
