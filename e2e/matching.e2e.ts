import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoContractTargetSubject } from '../apps/server/src/db/seed/current-plan-demo';
import type { Page } from 'playwright-core';
import { startStip, type Stip } from './harness';

let stip: Stip;
let demandId = '';
let achievementId = '';

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await stip.db.execute(query)) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  stip = await startStip();
  // The fitting achievement is the demo world's published 玄武岩纤维 achievement; the demand is posted in the test.
  const [achievement] = await rows<{ id: string }>(
    sql`select id from achievements where title = '连续玄武岩纤维高强度拉丝及专用浸润剂技术' and status = 'published'`,
  );
  achievementId = achievement!.id;
});
afterAll(async () => {
  await stip?.stop();
});

/** At 1280×800 the page must not scroll sideways; with STIP_E2E_SHOTS set, its picture is kept there for a reviewer. */
async function checkLayout(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  if (process.env.STIP_E2E_SHOTS) await page.screenshot({ path: `${process.env.STIP_E2E_SHOTS}/${name}.png`, fullPage: true });
}

describe('matching a demand to a signed contract that moves the 技术合同登记额 target', () => {
  it('an enterprise posts a demand, staff publish it, matching shows a fitting achievement with its reasons, and a contract from that match moves the target', async () => {
    // 达钢 (an enterprise user) posts the demand and submits it for review.
    const enterprise = await stip.newPage();
    await stip.login(enterprise, 'dagang');
    await enterprise.goto('/demands/new');
    await enterprise.getByTestId('demand-title').fill('提高玄武岩纤维拉伸强度的工艺（端到端测试）');
    await enterprise.getByTestId('demand-description').fill('我们需要一种提高玄武岩纤维强度的工艺，用于钢渣混凝土构件的纤维增强。');
    await enterprise.getByTestId('demand-field').fill('新材料');
    await enterprise.getByTestId('demand-save').click();
    await enterprise.waitForURL((url) => /^\/demands\/[0-9a-f-]{36}$/.test(url.pathname));
    demandId = new URL(enterprise.url()).pathname.split('/').pop()!;
    await enterprise.getByTestId('publication-action-submit').click();
    await enterprise.getByTestId('publication-confirm').click();
    await expect.poll(() => enterprise.getByText('待审核').first().isVisible()).toBe(true);

    // City staff publish it.
    const page = await stip.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await stip.login(page, 'city');
    await page.goto(`/demands/${demandId}`);
    await page.getByTestId('publication-action-publish').click();
    await page.getByTestId('publication-confirm').click();
    await expect.poll(() => page.getByText('已发布').first().isVisible()).toBe(true);

    await page.getByText('智能匹配').first().click();
    await page.waitForURL((url) => url.pathname === `/matching/demands/${demandId}`);
    const candidate = page.locator(`[data-testid=match-candidate-achievement][data-id="${achievementId}"]`);
    await expect.poll(() => candidate.count()).toBe(1);
    await expect.poll(() => candidate.getByTestId('match-reason-shared_terms').textContent()).toContain('玄武岩纤维');
    await expect.poll(() => candidate.getByTestId('match-reason-technical_field').textContent()).toBe('技术领域相同：新材料');
    await checkLayout(page, 'matching');

    await candidate.getByTestId('match-record-lead').click();
    await page.getByTestId('match-record-lead-note').fill('推荐双方对接浸润剂技术（端到端测试）');
    await page.getByTestId('match-record-lead-confirm').click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('lead-status').first().textContent()).toBe('待跟进');
    await expect.poll(() => page.getByTestId('match-reasons').textContent()).toContain('玄武岩纤维');

    await page.getByTestId('lead-register-contract').click();
    await page.getByTestId('contract-form-number').fill('E2E5117012026000999');
    await page.getByTestId('contract-form-title').fill('玄武岩纤维浸润剂技术转让合同（端到端测试）');
    await page.getByTestId('contract-form-amount').fill('500');
    await page.getByTestId('contract-form-seller-name').fill('四川文理学院（端到端测试）');
    await page.getByTestId('contract-form-buyer-name').fill('达州某复合材料公司（端到端测试）');
    await page.getByTestId('contract-form-save').click();
    await expect.poll(() => page.getByTestId('lead-status').first().textContent()).toBe('已签约');
    await expect.poll(() => page.getByTestId('lead-contract-link').textContent()).toBe('E2E5117012026000999');
    await checkLayout(page, 'lead');

    const [target] = await rows<{ id: string }>(sql`select id from targets where subject = ${demoContractTargetSubject}`);
    await page.goto(`/targets/${target!.id}`);
    // The two demo contracts (860 + 1240 万元) and the one just registered.
    await expect.poll(async () => (await page.getByTestId('target-current').textContent())?.replace(/,/g, '')).toBe('2600');
    await expect.poll(() => page.getByTestId('target-metric-source').textContent()).toContain('登记 3 份');
    await expect.poll(() => page.getByTestId('target-metric-note').count()).toBe(1);
    await checkLayout(page, 'target');

    await page.goto('/technology-contracts');
    await expect.poll(() => page.getByTestId('contract-link').count()).toBe(3);
    await expect.poll(() => page.getByTestId('contracts-total').textContent()).toBe('共 3 份，成交额合计 2,600 万元');
    await checkLayout(page, 'contracts');
  });
});
