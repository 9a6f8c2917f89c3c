import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { achievements, demands } from '../apps/server/src/db/schema/index';
import { refreshSearchVectors } from '../apps/server/src/modules/search';
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
  const [region] = await rows<{ id: string }>(sql`select id from regions where name = '达川区'`);
  // A published demand and a fitting published achievement (the achievements module's demo may add more).
  const [demand] = await stip.db
    .insert(demands)
    .values({
      title: '提高玄武岩纤维拉伸强度的浸润剂与拉丝工艺（端到端测试）',
      description: '我们需要一种提高玄武岩纤维强度的工艺，用于风电叶片复合材料。',
      keywords: ['玄武岩纤维', '浸润剂'],
      technicalField: '新材料',
      industry: '新材料产业',
      enterpriseName: '达州某复合材料公司（端到端测试）',
      regionId: region!.id,
      status: 'published',
      publishedAt: new Date(),
    })
    .returning({ id: demands.id });
  const [achievement] = await stip.db
    .insert(achievements)
    .values({
      title: '高强度玄武岩纤维浸润剂及连续拉丝技术（端到端测试）',
      abstract: '研制玄武岩纤维专用浸润剂，单丝拉伸强度提高20%，适用于复合材料增强。',
      keywords: ['玄武岩纤维', '浸润剂', '拉丝'],
      technicalField: '新材料',
      industry: '新材料产业',
      ownerName: '四川文理学院（端到端测试）',
      regionId: region!.id,
      status: 'published',
      publishedAt: new Date(),
    })
    .returning({ id: achievements.id });
  demandId = demand!.id;
  achievementId = achievement!.id;
  await refreshSearchVectors(stip.db, 'demand', [demandId]);
  await refreshSearchVectors(stip.db, 'achievement', [achievementId]);
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
  it('shows the fitting achievement with its reasons, records a lead, registers a contract, and the target shows the new figure', async () => {
    const page = await stip.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await stip.login(page, 'city');

    await page.goto(`/matching/demands/${demandId}`);
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
