import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
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

async function statusOf(platformName: string): Promise<string> {
  const [row] = (
    (await stip.db.execute(sql`select status from applications where platform_name = ${platformName}`)) as unknown as {
      rows: { status: string }[];
    }
  ).rows;
  return row?.status ?? '';
}

async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
}

async function openApplication(page: Page, platformName: string) {
  await page.goto('/applications/review');
  const link = page.getByTestId('application-link').filter({ hasText: platformName });
  await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
  await link.click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
}

async function review(page: Page, action: string, reason: string) {
  await page.getByTestId(`review-${action}`).click();
  await page.getByTestId('review-reason').fill(reason);
  await page.getByTestId('reason-ok').click();
}

describe('an application from draft to expert review', () => {
  const platformName = `达钢钢铁冶金工程技术研究中心（端到端测试 ${Date.now()}）`;

  it('lets the host draft the application, upload its construction plan and submit it', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'dagang');
    await page.getByTestId('main-menu').getByText('申报通知').click();
    await page.waitForURL((url) => url.pathname === '/calls');
    await page.getByTestId('call-apply').first().click();
    await page.getByTestId('application-type').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '市级工程技术研究中心' }).click();
    await page.getByTestId('application-name').fill(platformName);
    await page.getByTestId('application-create').click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}\/edit$/);

    await page.getByTestId('application-rd').fill('1200');
    for (const item of [
      '有固定的研发场所',
      '有必要的仪器设备',
      '有稳定的研发团队',
      '有持续的研发经费投入',
      '有明确的研究方向',
      '有健全的管理制度',
    ]) {
      await page.locator('.ant-form-item').filter({ hasText: item }).getByText('是', { exact: true }).click();
    }
    await page.getByTestId('application-save').click();
    await expect
      .poll(
        async () =>
          (await stip.db.execute(
            sql`select form->>'rdSpendLastYear' as rd from applications where platform_name = ${platformName}`,
          )) as unknown as { rows: { rd: string }[] },
      )
      .toMatchObject({ rows: [{ rd: '1200' }] });

    const plan = path.join(stip.downloadsDir, '建设方案.pdf');
    await writeFile(plan, '%PDF-1.4\n% 达钢钢铁冶金工程技术研究中心建设方案\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.locator('tr').filter({ hasText: '平台建设方案' }).locator('input[type=file]').setInputFiles(plan);
    await expect
      .poll(() => page.locator('tr').filter({ hasText: '平台建设方案' }).textContent(), { timeout: 20_000 })
      .toContain('建设方案.pdf');

    await page.getByTestId('application-submit').click();
    await confirmPopover(page);
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('application-status').first().textContent()).toBe('县级/主管部门推荐');
    expect(await statusOf(platformName)).toBe('county_review');
  });

  it('lets the county bureau see the eligibility results and recommend it', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'tongchuan');
    await openApplication(page, platformName);
    await expect.poll(() => page.locator('body').textContent()).toContain('已上传建设方案');
    await review(page, 'recommend', '材料齐全，同意推荐。');
    await expect.poll(() => page.getByTestId('application-status').first().textContent()).toBe('形式审查');
    expect(await statusOf(platformName)).toBe('formal_review');
  });

  it('lets the city pass the formal review, sending it to the experts', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await openApplication(page, platformName);
    await expect.poll(() => page.getByTestId('review-comment').allTextContents()).toContain('材料齐全，同意推荐。');
    await review(page, 'pass', '形式审查合格。');
    await expect.poll(() => page.getByTestId('application-status').first().textContent()).toBe('专家评审');
    expect(await statusOf(platformName)).toBe('expert_review');
  });
});
