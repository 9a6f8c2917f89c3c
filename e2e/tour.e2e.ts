import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../apps/web/src/shared/i18n/zh-CN';
import { startStip, type Stip } from './harness';

const pageLoadFailed = t.common.pageLoadFailed;
const notFound = t.common.notFoundTitle;

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

/**
 * Every page of every business role's menu, opened as that role: no page may fail in the browser or
 * ask the API for something the role may not have (a 403 means the page reaches past the role's rights).
 */
describe('every menu page, for every role', () => {
  for (const role of ['city', 'tongchuan', 'jxj', 'dagang', 'expert1', 'leader']) {
    it(`opens each of ${role}'s pages without a browser error or a refused API call`, async () => {
      const page = await stip.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
      page.on('response', (response) => {
        if (response.url().includes('/api/') && response.status() >= 400 && response.status() !== 401) {
          problems.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
        }
      });
      await stip.login(page, role);
      const menu = page.getByTestId('main-menu');
      await expect.poll(() => menu.locator('li[data-menu-id]').count()).toBeGreaterThan(1);
      const paths = (
        await menu.locator('li[data-menu-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-menu-id') ?? ''))
      )
        .map((id) => id.replace(/^.*?-(\/.*)$/, '$1'))
        .filter((path) => path.startsWith('/'));
      expect(paths).toContain('/todos');
      for (const path of paths) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const body = (await page.locator('.ant-layout-content').first().textContent()) ?? '';
        if (body.includes(pageLoadFailed) || body.includes(notFound)) problems.push(`${path}: ${body.slice(0, 80)}`);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});
