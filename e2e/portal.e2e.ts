import { and, eq, ilike } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievements, regions } from '../apps/server/src/db/schema/index';
import { refreshSearchVectors } from '../apps/server/src/modules/search';
import { startStip, type Stip } from './harness';

let stip: Stip;
let achievementTitle: string;

/**
 * The demo world's published 玄武岩纤维 achievement (the achievements module's demo rows); until that demo is
 * present this journey adds one like it, marked as demo data.
 */
async function basaltAchievement(): Promise<string> {
  const db = stip.db;
  const [existing] = await db
    .select({ title: achievements.title })
    .from(achievements)
    .where(and(eq(achievements.status, 'published'), ilike(achievements.title, '%玄武岩纤维%')));
  if (existing) return existing.title;
  const [county] = await db.select().from(regions).where(eq(regions.name, '达川区'));
  const [row] = await db
    .insert(achievements)
    .values({
      title: '演示·高强度玄武岩纤维连续拉丝成套工艺',
      abstract: '针对玄武岩纤维拉丝断头率高、强度离散大的问题，优化熔制温度场与漏板结构，使单丝强度提高15%，已在中试线验证。',
      keywords: ['玄武岩纤维', '连续拉丝', '漏板'],
      technicalField: '新材料',
      industry: '新材料',
      maturity: 'pilot',
      ownerName: '演示·四川玄武岩纤维科技有限公司',
      ownerType: 'enterprise',
      transferModes: ['license', 'cooperation'],
      contactName: '王工',
      contactPhone: '0818-0000000',
      publishedContact: ['name'],
      regionId: county!.id,
      status: 'published',
      publishedAt: new Date(),
      isDemo: true,
    })
    .returning({ id: achievements.id, title: achievements.title });
  await refreshSearchVectors(db, 'achievement', [row!.id]);
  return row!.title;
}

beforeAll(async () => {
  stip = await startStip();
  achievementTitle = await basaltAchievement();
});
afterAll(async () => {
  await stip?.stop();
});

/** Screenshots for a person to look at (STIP_PORTAL_SHOTS=folder), none otherwise. */
async function shot(page: Page, name: string) {
  if (process.env.STIP_PORTAL_SHOTS) await page.screenshot({ path: `${process.env.STIP_PORTAL_SHOTS}/${name}.png`, fullPage: true });
}

/** Whether the page is wider than its window (a sideways scroll bar). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

describe('the public portal', () => {
  it('a visitor without an account searches 玄武岩纤维, sees the term highlighted and opens the achievement', async () => {
    const page = await stip.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto('/portal');
    await expect.poll(() => page.getByTestId('portal-brand').innerText()).toContain('科技创新资源共享平台');
    await expect.poll(() => page.getByTestId('portal-brand').innerText()).toContain('达州市');
    await page.getByTestId('portal-counts').waitFor();
    expect(await page.getByTestId('main-menu').count()).toBe(0);

    await page.getByTestId('portal-home-search').fill('玄武岩纤维');
    await page.getByTestId('portal-home-search').press('Enter');
    await page.waitForURL((url) => url.pathname === '/portal/achievements' && url.searchParams.get('q') === '玄武岩纤维');
    // The search page's own results (the home page's latest cards look alike and may still be on screen).
    const result = page
      .getByTestId('portal-results')
      .getByTestId('portal-result')
      .filter({ hasText: achievementTitle.replace(/^演示·/, '') })
      .first();
    await result.locator('mark').first().waitFor();
    const marked = await result.locator('mark').allInnerTexts();
    expect(marked.join('')).toMatch(/玄武|纤维/);
    expect(await page.title()).toBe('科技成果 - 科技创新资源共享平台');
    expect(await scrollsSideways(page), 'results at 1440×900').toBe(false);

    await shot(page, 'results-1440');
    await result.getByTestId('portal-result-title').click();
    await page.waitForURL((url) => /^\/portal\/achievements\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.getByTestId('portal-record-title').innerText()).toContain('玄武岩纤维');
    await expect.poll(() => page.getByTestId('breadcrumb').innerText()).toContain('科技成果');
    const contact = await page.getByTestId('portal-contact').innerText();
    // The phone was not chosen for publication.
    expect(contact).not.toContain('0818-0000000');
    expect(page.url()).not.toContain('/login');
    await shot(page, 'record-1440');
    // Lightweight: the portal never loads the charts library, nor asks for a session.
    expect(requested.filter((url) => /echarts/.test(url))).toEqual([]);
    expect(requested.filter((url) => /\/api\/auth\//.test(url))).toEqual([]);
    await page.context().close();
  });

  it('fits a 375-wide phone without scrolling sideways, on the home, the results and the record', async () => {
    const context = await stip.browser.newContext({
      baseURL: stip.baseUrl,
      locale: 'zh-CN',
      viewport: { width: 375, height: 812 },
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto('/portal');
    await page.getByTestId('portal-counts').waitFor();
    expect(await scrollsSideways(page), '/portal').toBe(false);
    await shot(page, 'home-375');
    await page.goto(`/portal/achievements?q=${encodeURIComponent('玄武岩纤维')}`);
    await page.getByTestId('portal-result').first().waitFor();
    expect(await scrollsSideways(page), 'results').toBe(false);
    await shot(page, 'results-375');
    await page.getByTestId('portal-result-title').first().click();
    await page.getByTestId('portal-record-title').waitFor();
    expect(await scrollsSideways(page), 'record').toBe(false);
    await shot(page, 'record-375');
    for (const path of ['/portal/demands', '/portal/challenges', '/portal/calls', '/portal/platforms']) {
      await page.goto(path);
      await page.getByTestId('breadcrumb').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await scrollsSideways(page), path).toBe(false);
      await shot(page, `${path.split('/').pop()}-375`);
    }
    // The sections open from the menu button on a phone.
    await page.getByTestId('portal-menu').click();
    await page.getByRole('link', { name: '创新平台' }).last().click();
    await page.waitForURL((url) => url.pathname === '/portal/platforms');
    await context.close();
  });

  it('links the login page and the portal to each other', async () => {
    const page = await stip.newPage();
    await page.goto('/login');
    await page.getByTestId('login-portal-link').click();
    await page.waitForURL((url) => url.pathname === '/portal');
    await page.getByTestId('portal-sign-in').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await page.context().close();
  });
});
