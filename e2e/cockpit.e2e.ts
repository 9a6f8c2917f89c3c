import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

/** Every cockpit card whose content is taller than the card's body shows it (scrolls or clips): their titles. */
function overflowingCards(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.stip-cockpit .ant-card')).flatMap((card) => {
      const inner = [card.querySelector('.ant-card-body'), ...Array.from(card.querySelectorAll('.ant-card-body *'))].filter(
        (element): element is HTMLElement =>
          element instanceof HTMLElement && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(element).overflowY),
      );
      const clipped = inner.some((element) => element.scrollHeight > element.clientHeight + 1);
      return clipped ? [card.querySelector('.ant-card-head-title')?.textContent ?? '(untitled)'] : [];
    }),
  );
}

/** Target names cut with an ellipsis in the cockpit's list. */
function truncatedTargetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid=cockpit-target-subject]'))
      .filter((element) => element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      .map((element) => element.textContent ?? ''),
  );
}

describe('the cockpit at 1440 × 900', () => {
  for (const username of ['city', 'xuanhan']) {
    it(`reads at a glance for ${username}: totals say what they count, no card scrolls, no target name is cut`, async () => {
      const page = await stip.newPage();
      await stip.login(page, username);
      await page.goto('/cockpit');
      await expect.poll(() => page.getByTestId('cockpit-kpi-total').textContent(), { timeout: 20_000 }).toContain('不含已撤销、已合并');
      await page.waitForTimeout(800); // the charts' first layout
      await page.screenshot({ path: `/tmp/cockpit-${username}.png`, fullPage: true });
      expect(await overflowingCards(page)).toEqual([]);
      // With the ended plans shown too (the seeds' plans have all ended), still nothing scrolls or is cut.
      const showEnded = page.getByTestId('cockpit-show-ended');
      if (await showEnded.count()) {
        await showEnded.click();
        await expect.poll(() => page.getByTestId('cockpit-target').count(), { timeout: 20_000 }).toBeGreaterThan(0);
        await page.waitForTimeout(800);
        await page.screenshot({ path: `/tmp/cockpit-${username}-ended.png`, fullPage: true });
        expect(await overflowingCards(page)).toEqual([]);
        expect(await truncatedTargetNames(page)).toEqual([]);
      }
      await page.context().close();
    });
  }
});
