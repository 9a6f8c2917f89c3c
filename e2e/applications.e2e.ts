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

describe('an application from draft to recognition, across the host, the county, the city and an expert', () => {
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

    // 玄武岩纤维 is a field only 刘教授 (expert1) covers in the demo pool, so a panel of one draws expert1.
    await page.getByTestId('application-fields').locator('input').fill('玄武岩纤维');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
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

  it('lets the city draw a panel, whose expert declares, scores and, as chair, records the consensus', async () => {
    const city = await stip.newPage();
    await stip.login(city, 'city');
    await openApplication(city, platformName);
    const card = city.getByTestId('application-panel-card');
    const size = card.locator('input[data-testid=panel-size], [data-testid=panel-size] input').first();
    await size.fill('1');
    await size.blur();
    await expect.poll(() => size.inputValue()).toBe('1');
    await card.getByTestId('panel-draw').click();
    const members = card.getByTestId('panel-members').locator('tr.ant-table-row');
    await expect.poll(() => members.allTextContents(), { timeout: 20_000 }).toEqual([expect.stringContaining('刘教授')]);

    const expert = await stip.newPage();
    await stip.login(expert, 'expert1');
    await expert.getByTestId('main-menu').getByText('我的评审').click();
    await expert.waitForURL((url) => url.pathname === '/my-reviews');
    const row = expert.locator('[data-testid=my-review-table] tr.ant-table-row').filter({ hasText: platformName });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('seat-declare').click();
    await expert.getByTestId('declaration-no-conflict').click();
    await expert.getByTestId('declaration-submit').click();
    const table = expert.getByTestId('score-table');
    await expect.poll(() => table.isVisible()).toBe(true);
    const inputs = table.locator('input.ant-input-number-input');
    await expect.poll(() => inputs.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill('88');
    await expert.getByTestId('score-submit').click();
    await expert.locator('.ant-modal-confirm').getByRole('button', { name: '提交评分' }).click();
    await expect.poll(() => row.getByTestId('seat-status').textContent()).toBe('已提交');
    await row.getByTestId('seat-conclude').click();
    // The chair writes with the panel's result in view (and the dialog no longer grows under the pointer).
    await expect.poll(() => expert.locator('.ant-modal').getByTestId('panel-result').isVisible()).toBe(true);
    await expert.getByTestId('conclude-consensus').fill('专家组一致认为该中心研发基础扎实，同意通过评审。');
    await expert.getByTestId('conclude-submit').click();
    // The modal closes once the consensus is recorded (a refusal keeps it open, and the harness prints the answer).
    await expect.poll(() => expert.getByTestId('conclude-consensus').count()).toBe(0);
    await expect
      .poll(async () => {
        const result = (await stip.db.execute(
          sql`select p.concluded_at from panels p join applications a on a.id = p.application_id where a.platform_name = ${platformName}`,
        )) as unknown as { rows: { concluded_at: string | null }[] };
        return result.rows[0]?.concluded_at ?? null;
      })
      .not.toBeNull();
  });

  it('lets the city publish the notice and, once it has ended, recognise the platform: it joins the registry and a target moves', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    // The demo plans' deadlines have passed, so their figures are final; a target for next year counts the new centre.
    const [type] = (
      (await stip.db.execute(sql`select id from platform_types where name = '市级工程技术研究中心'`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    const plans = (await (await page.request.get('/api/plans?limit=1')).json()) as { items: { id: string }[] };
    const created = await page.request.post(`/api/plans/${plans.items[0]!.id}/targets`, {
      data: {
        kind: 'count',
        subject: '2027年底市级工程技术研究中心达到30家（端到端测试）',
        value: 30,
        unit: '家',
        deadline: '2027-12-31',
        filter: { typeIds: [type!.id] },
      },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const targetId = ((await created.json()) as { id: string }).id;
    const progress = async () => {
      const response = await page.request.get(`/api/targets/${targetId}`);
      expect(response.ok()).toBe(true);
      return ((await response.json()) as { progress: { current: number | null } }).progress.current ?? 0;
    };
    await openApplication(page, platformName);
    await review(page, 'startPublicNotice', '经专家评审，拟认定为市级工程技术研究中心，现予公示。');
    await expect.poll(() => page.getByTestId('application-status').first().textContent()).toBe('公示中');
    expect(await statusOf(platformName)).toBe('public_notice');

    // The notice runs for working days; the test lets them pass instead of waiting.
    await stip.db.execute(
      sql`update applications set notice_starts_on = current_date - 10, notice_ends_on = current_date - 1 where platform_name = ${platformName}`,
    );
    const before = await progress();
    await page.reload();
    await page.getByTestId('review-recognize').click();
    await page.getByTestId('recognition-doc').fill('达市科技〔2026〕88号');
    await page.getByTestId('review-reason').fill('公示期满无异议，予以认定。');
    await page.getByTestId('reason-ok').click();
    await expect.poll(() => page.getByTestId('application-status').first().textContent()).toBe('已认定');
    expect(await statusOf(platformName)).toBe('recognized');

    await page.goto(`/platforms?keyword=${encodeURIComponent(platformName.slice(0, 14))}`);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain(platformName);
    expect(await progress()).toBe(before + 1);
  });
});
