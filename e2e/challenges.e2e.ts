import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../apps/server/src/db/seed/accounts';
import { demoPassword, startStip, type Stip } from './harness';

let stip: Stip;
let demandId = '';
const demandTitle = '玄武岩纤维拉伸强度提升工艺需求（揭榜测试）';
const reason = '四川文理学院团队已建成玄武岩纤维中试线，工艺路线最成熟';

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  return ((await stip.db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
}

beforeAll(async () => {
  stip = await startStip();
  // The demands module is another part of this issue: its published demand is inserted the way its service would leave it.
  const enterprise = await one<{ id: string; region_id: string }>(
    sql`select id, region_id from organizations where name = '演示·微玻纤材料有限公司'`,
  );
  const demand = await one<{
    id: string;
  }>(sql`insert into demands (title, description, enterprise_organization_id, region_id, status, published_at, is_demo)
    values (${demandTitle}, '现有玄武岩纤维拉伸强度不足，需要一种提高强度的浸润剂配方与拉丝工艺', ${enterprise.id}, ${enterprise.region_id}, 'published', now(), true)
    returning id`);
  demandId = demand.id;
  // A second team: a university's user beside the demo's 达钢集团.
  const university = await one<{ id: string; region_id: string }>(sql`select id, region_id from organizations where name = '四川文理学院'`);
  await seedUser(stip.db, {
    username: 'wenli',
    password: demoPassword,
    role: 'host_user',
    displayName: '四川文理学院 科研处（演示）',
    organizationId: university.id,
    regionId: university.region_id,
    isDemo: true,
  });
});
afterAll(async () => {
  await stip?.stop();
});

/** The input behind an antd control (a date picker), whichever element carries its test id. */
async function inputOf(page: Page, testId: string): Promise<Locator> {
  const control = page.getByTestId(testId);
  return (await control.evaluate((element) => element.tagName)) === 'INPUT' ? control : control.locator('input').first();
}

async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

async function apply(page: Page, path: string, leader: string) {
  await page.goto(path);
  await page.getByTestId('challenge-apply').click();
  await page.getByTestId('apply-leader').fill(leader);
  await page.getByTestId('apply-proposal').fill(`${leader}团队：改性浸润剂配方与拉丝温度控制方案`);
  await page.getByTestId('apply-ok').click();
  await expect.poll(() => page.getByTestId('challenge-my-application').textContent(), { timeout: 20_000 }).toContain('已提交');
}

describe('揭榜挂帅', () => {
  it('staff publish a list from a demand, two teams apply, the bureau selects with a reason, and the other team sees it', async () => {
    // The city bureau posts the demand as a list: the create page is prefilled from the demand.
    const city = await stip.newPage();
    await stip.login(city, 'city');
    await city.getByTestId('main-menu').getByText('揭榜挂帅').click();
    await city.waitForURL((url) => url.pathname === '/challenges');
    await city.goto(`/challenges/new?demandId=${demandId}`);
    await expect.poll(() => city.getByTestId('challenge-title').inputValue(), { timeout: 20_000 }).toBe(demandTitle);
    await city.getByTestId('challenge-reward').fill('300');
    const deadline = await inputOf(city, 'challenge-deadline');
    await deadline.click();
    await deadline.fill('2099-12-31');
    // Enter confirms the typed date and submits the form (保存草稿), as a keyboard user would.
    await deadline.press('Enter');
    await city.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
    const path = new URL(city.url()).pathname;
    const challengeId = path.split('/').pop()!;
    await expect.poll(() => city.getByTestId('challenge-status').first().textContent()).toBe('草稿');
    await city.getByTestId('challenge-publish').click();
    await confirmPopover(city);
    await expect.poll(() => city.getByTestId('challenge-status').first().textContent(), { timeout: 20_000 }).toBe('揭榜中');

    // Two teams apply (揭榜).
    const dagang = await stip.newPage();
    await stip.login(dagang, 'dagang');
    await dagang.goto('/challenges?status=open');
    await dagang.getByRole('link', { name: demandTitle }).click();
    await dagang.waitForURL((url) => url.pathname === path);
    await apply(dagang, path, '钱工程师');
    const wenli = await stip.newPage();
    await stip.login(wenli, 'wenli');
    await apply(wenli, path, '孙教授');

    // The bureau closes applications and selects the university's team with a reason.
    await city.reload();
    await city.getByTestId('challenge-close').click();
    await confirmPopover(city);
    await expect.poll(() => city.getByTestId('challenge-status').first().textContent(), { timeout: 20_000 }).toBe('评选中');
    const rows = city.locator('[data-testid=challenge-applications] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: '四川文理学院' }).getByTestId('application-select').click();
    await city.getByTestId('selection-reason').fill(reason);
    await city.getByTestId('selection-reason-ok').click();
    await expect.poll(() => city.getByTestId('challenge-status').first().textContent(), { timeout: 20_000 }).toBe('已选定');

    // The team not selected sees the selected team and the reason, and its own application marked 未选中.
    await dagang.reload();
    await expect.poll(() => dagang.getByTestId('challenge-selection-reason').textContent(), { timeout: 20_000 }).toBe(reason);
    await expect.poll(() => dagang.getByTestId('challenge-result').textContent()).toContain('四川文理学院');
    await expect.poll(() => dagang.getByTestId('challenge-my-application').textContent()).toContain('未选中');
    // …but never the other team's proposal.
    expect(await dagang.locator('body').textContent()).not.toContain('孙教授团队：改性浸润剂配方');

    // What the pages show is what the database holds.
    const stored = await one<{ status: string; selection_reason: string; organization: string }>(sql`
      select c.status, c.selection_reason, o.name as organization from challenges c
      join challenge_applications a on a.id = c.selected_application_id join organizations o on o.id = a.organization_id
      where c.id = ${challengeId}`);
    expect(stored).toEqual({ status: 'selected', selection_reason: reason, organization: '四川文理学院' });
  });

  it('shows the list and a detail page at 1280 × 800 without scrolling sideways', async () => {
    const wide: string[] = [];
    for (const username of ['city', 'dagang']) {
      const page = await stip.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await stip.login(page, username);
      await page.goto('/challenges');
      await page.locator('[data-testid=challenge-table] .ant-table-row').first().waitFor();
      await page.locator('[data-testid=challenge-table] .ant-table-row a').first().click();
      await page.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
      await page.getByTestId('challenge-status').first().waitFor();
      const pageExcess = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (pageExcess > 1) wide.push(`${username} detail: ${pageExcess} px too wide`);
      await page.goBack();
      await page.locator('[data-testid=challenge-table] .ant-table-row').first().waitFor();
      const excesses = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')).map(
          (element) => element.scrollWidth - element.clientWidth,
        ),
      );
      const overflow = excesses.filter((excess) => excess > 1);
      if (overflow.length) wide.push(`${username} /challenges: ${overflow.join(', ')} px too wide`);
      await page.context().close();
    }
    expect(wide).toEqual([]);
  });
});
