import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../apps/web/src/shared/i18n/zh-CN';
import { demoUsernames, menuPaths, startStip, type Stip } from './harness';

const pageLoadFailed = t.common.pageLoadFailed;
const notFound = t.common.notFoundTitle;
const titleSuffix = ` - ${t.app.title}`;
const rawUuid = /[0-9a-f]{8}-[0-9a-f]{4}-/;
const isoTimestamp = /\d{4}-\d\d-\d\dT\d\d:/;

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

/**
 * Every page of every demo account's menu (and 操作手册), opened as that account: no page may fail in the browser or
 * ask the API for something the role may not have (a 403 means the page reaches past the role's rights); each has a
 * breadcrumb, its own browser title, its own menu entry lit, and shows people no raw id or ISO timestamp.
 */
describe('every menu page, for every demo account', () => {
  for (const username of demoUsernames) {
    it(`opens each of ${username}'s pages with a breadcrumb, its own title and no raw id, without an error or a refused call`, async () => {
      const page = await stip.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      page.on('response', (response) => {
        if (response.url().includes('/api/') && response.status() >= 400 && response.status() !== 401) {
          problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
        }
      });
      await stip.login(page, username);
      const paths = await menuPaths(page);
      expect(paths.length).toBeGreaterThan(1);
      expect(paths).toContain('/todos');
      const titles = new Map<string, string>();
      for (const path of [...paths, '/help']) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const body = (await page.locator('.ant-layout-content').first().textContent()) ?? '';
        if (body.includes(pageLoadFailed) || body.includes(notFound)) problems.push(`${path}: ${body.slice(0, 80)}`);

        const crumbs = (await page.getByTestId('breadcrumb').textContent()) ?? '';
        if (!crumbs.trim()) problems.push(`${path}: no breadcrumb`);
        const title = await page.title();
        if (!title.endsWith(titleSuffix)) problems.push(`${path}: title “${title}”`);
        const samePage = [...titles].find(([, other]) => other === title);
        if (samePage) problems.push(`${path}: the same title as ${samePage[0]} (“${title}”)`);
        titles.set(path, title);

        if (path !== '/help') {
          const lit = await page.locator('[data-testid=main-menu] li.ant-menu-item-selected').getAttribute('data-menu-id');
          if (!lit?.endsWith(`-${path}`)) problems.push(`${path}: the menu lights up ${lit}`);
        }

        const text = await page.locator('body').innerText();
        const uuid = rawUuid.exec(text);
        if (uuid) problems.push(`${path}: a raw id is visible: …${text.slice(Math.max(0, uuid.index - 30), uuid.index + 40)}…`);
        const iso = isoTimestamp.exec(text);
        if (iso) problems.push(`${path}: an ISO timestamp is visible: …${text.slice(Math.max(0, iso.index - 30), iso.index + 30)}…`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe('breadcrumbs and titles of pages reached from a page', () => {
  it('names the record on a detail page and lights up its list’s menu entry; the help page puts the reader’s role first', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.goto('/platforms');
    const link = page.getByTestId('platform-name-link').first();
    const name = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/platforms\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain(`${t.menu.platforms}/${name}`);
    await expect.poll(() => page.title()).toMatch(/ - 平台库 - 科技创新平台体系管理系统$/);
    expect((await page.title()).startsWith(name)).toBe(true);
    expect(await page.locator('[data-testid=main-menu] li.ant-menu-item-selected').getAttribute('data-menu-id')).toMatch(/-\/platforms$/);
    // The breadcrumb leads back to the list.
    await page.getByTestId('breadcrumb').getByRole('link', { name: t.menu.platforms }).click();
    await page.waitForURL(/\/platforms$/);

    await page.goto('/plans/ingest');
    expect(await page.locator('[data-testid=main-menu] li.ant-menu-item-selected').getAttribute('data-menu-id')).toMatch(
      /-\/plans\/ingest$/,
    );

    // 操作手册 is one click from any page, the reader's own role first.
    await page.getByTestId('header-help').click();
    await page.waitForURL(/\/help$/);
    await expect.poll(() => page.getByTestId('help-section').first().textContent()).toContain('市科技局');
    await page.context().close();
  });
});

describe('the lists at 1280 × 800', () => {
  const lists: [username: string, path: string][] = [
    ['city', '/platforms'],
    ['city', '/calls'],
    ['city', '/applications/review'],
    ['dagang', '/applications/mine'],
    ['expert1', '/my-reviews'],
  ];
  it('show their default columns without scrolling sideways', async () => {
    const wide: string[] = [];
    for (const [username, path] of lists) {
      const page = await stip.newPage();
      await page.setViewportSize({ width: 1280, height: 800 });
      await stip.login(page, username);
      await page.goto(path);
      await page.locator('.ant-table-row').first().waitFor();
      // The scrolling part of each table (.ant-table-body under a fixed header): how much wider its rows are than it.
      const excesses = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')).map(
          (element) => element.scrollWidth - element.clientWidth,
        ),
      );
      if (!excesses.length) wide.push(`${username} ${path}: no table measured`);
      const overflow = excesses.filter((excess) => excess > 1);
      if (overflow.length) wide.push(`${username} ${path}: ${overflow.join(', ')} px too wide`);
      await page.context().close();
    }
    expect(wide).toEqual([]);
  });
});
