import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

const title = '高炉煤气余热发电效率提升技术';

describe('an enterprise posts a technology demand and the bureau publishes it', () => {
  it('dagang posts and submits a demand, city staff publish it, and it is found in the published list', async () => {
    const enterprise = await stip.newPage();
    await stip.login(enterprise, 'dagang');
    await enterprise.getByTestId('main-menu').getByText('技术需求库').click();
    await enterprise.waitForURL((url) => url.pathname === '/demands');
    await enterprise.getByTestId('demand-create').click();
    await enterprise.waitForURL((url) => url.pathname === '/demands/new');
    await enterprise.getByTestId('demand-title').fill(title);
    await enterprise.getByTestId('demand-description').fill('我们需要一种提高高炉煤气余热发电效率的技术，降低吨钢能耗。');
    await enterprise.getByTestId('demand-field').fill('节能环保');
    await enterprise.getByTestId('demand-budget').fill('120');
    await enterprise.getByTestId('demand-save').click();
    await enterprise.waitForURL((url) => /^\/demands\/[0-9a-f-]{36}$/.test(url.pathname));
    const demandPath = new URL(enterprise.url()).pathname;
    await expect.poll(() => enterprise.getByText('草稿').first().isVisible()).toBe(true);
    await enterprise.getByTestId('publication-action-submit').click();
    await enterprise.getByTestId('publication-confirm').click();
    await expect.poll(() => enterprise.getByText('待审核').first().isVisible()).toBe(true);
    // The enterprise cannot publish its own demand: no such button.
    expect(await enterprise.getByTestId('publication-action-publish').count()).toBe(0);

    const staff = await stip.newPage();
    await stip.login(staff, 'city');
    await staff.getByTestId('main-menu').getByText('技术需求库').click();
    await staff.waitForURL((url) => url.pathname === '/demands');
    await staff.getByTestId('demand-status-tabs').getByText('待审核').click();
    const row = staff.locator('[data-testid=demand-table] tr.ant-table-row').filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: title }).click();
    await staff.waitForURL((url) => url.pathname === demandPath);
    await staff.getByTestId('publication-action-publish').click();
    await staff.getByTestId('publication-confirm').click();
    await expect.poll(() => staff.getByText('已发布').first().isVisible()).toBe(true);
    // The history names both steps.
    await expect.poll(() => staff.getByText('技术需求：发布').isVisible()).toBe(true);

    // In the published list, found by a sentence-like search, its matched terms marked.
    await staff.goto(`/demands?status=published&q=${encodeURIComponent('余热发电')}`);
    const published = staff.locator('[data-testid=demand-table] tr.ant-table-row').filter({ hasText: title });
    await expect.poll(() => published.count()).toBe(1);
    await expect.poll(() => published.locator('mark').count()).toBeGreaterThan(0);

    // The enterprise sees it published too.
    await enterprise.goto('/demands?status=published');
    const seen = enterprise.locator('[data-testid=demand-table] tr.ant-table-row').filter({ hasText: title });
    await expect.poll(() => seen.count()).toBe(1);
  });
});
