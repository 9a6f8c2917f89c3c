import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

const title = '钢渣微粉高活性激发剂制备技术（端到端测试）';
const published = '连续玄武岩纤维高强度拉丝及专用浸润剂技术';

describe('an owner registers an achievement and staff find a published one', () => {
  it('dagang registers an achievement with a contact and submits it; it waits in the reviewers’ list', async () => {
    const owner = await stip.newPage();
    await stip.login(owner, 'dagang');
    await owner.getByTestId('main-menu').getByText('科技成果库').click();
    await owner.waitForURL((url) => url.pathname === '/achievements');
    await owner.getByTestId('achievement-create').click();
    await owner.waitForURL((url) => url.pathname === '/achievements/new');
    await owner.getByTestId('achievement-title').fill(title);
    await owner.getByTestId('achievement-abstract').fill('以钢渣为原料制备高活性微粉激发剂，用于替代部分水泥。');
    await owner.getByTestId('achievement-field').fill('新材料');
    await owner.getByRole('textbox', { name: '联系人', exact: true }).fill('王工');
    await owner.getByTestId('achievement-save').click();
    await owner.waitForURL((url) => /^\/achievements\/[0-9a-f-]{36}$/.test(url.pathname));
    const path = new URL(owner.url()).pathname;
    await expect.poll(() => owner.getByText('草稿').first().isVisible()).toBe(true);
    await expect.poll(() => owner.getByText('王工').isVisible()).toBe(true);
    expect(await owner.getByTestId('achievement-edit').count()).toBe(1);
    await owner.getByTestId('publication-action-submit').click();
    await owner.getByTestId('publication-confirm').click();
    await expect.poll(() => owner.getByText('待审核').first().isVisible()).toBe(true);
    // Under review the owner can no longer edit it.
    await expect.poll(() => owner.getByTestId('achievement-edit').count()).toBe(0);

    const staff = await stip.newPage();
    await stip.login(staff, 'city');
    await staff.goto('/achievements');
    await staff.getByTestId('achievement-status-tabs').getByText('待审核').click();
    const row = staff.locator('[data-testid=achievement-table] tr.ant-table-row').filter({ hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link', { name: title }).click();
    await staff.waitForURL((url) => url.pathname === path);
    await expect.poll(() => staff.getByText('科技成果：提交审核').isVisible()).toBe(true);
  });

  it('city staff search the published achievements, open one, and see its maturity and the way to matching', async () => {
    const staff = await stip.newPage();
    await stip.login(staff, 'city');
    await staff.goto(`/achievements?status=published&q=${encodeURIComponent('玄武岩纤维')}`);
    const row = staff.locator('[data-testid=achievement-table] tr.ant-table-row').filter({ hasText: published });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator('mark').count()).toBeGreaterThan(0);
    await expect.poll(() => staff.getByTestId('facets').getByText('成熟度').isVisible()).toBe(true);
    await row.getByRole('link', { name: published }).click();
    await staff.waitForURL((url) => /^\/achievements\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => staff.getByText('成果简介').isVisible()).toBe(true);
    await staff.getByTestId('achievement-matching').click();
    await staff.waitForURL((url) => url.pathname.startsWith('/matching/achievements/'));
  });
});
