import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyJobs } from '../apps/server/src/modules/jobs/jobs.service';
import { todayInChina } from '../apps/server/src/shared/clock';
import { startStip, type Stip } from './harness';
import { withoutDemoMark } from '../apps/web/src/shared/format/demoName';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await stip.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The live 市级重点实验室 (建设期、运行、整改) in 达州's subtree on `day`, counted straight from the registry
 * tables: the version of each platform in force that day ([valid_from, valid_to)).
 */
async function countLiveCityLaboratoriesInDazhou(day: string): Promise<number> {
  const [row] = await rows<{ n: number }>(sql`
    select count(*)::int as n
    from platform_versions v
    join platforms p on p.id = v.platform_id
    join platform_types pt on pt.id = v.type_id
    join regions r on r.id = v.region_id
    where v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
      and p.deleted_at is null and pt.name = '市级重点实验室'
      and v.status in ('constructing', 'operating', 'rectifying')
      and r.path like (select path from regions where name = '达州市') || '%'`);
  return row!.n;
}

/** The day a target's figure is taken: its deadline once that has passed (the figure is then final), else today. */
async function measuringDayOf(subject: string): Promise<string> {
  const [row] = await rows<{ deadline: string }>(sql`select deadline::text as deadline from targets where subject = ${subject}`);
  const today = todayInChina();
  return today > row!.deadline ? row!.deadline : today;
}

const planTitle = '达州市科技创新平台体系建设实施方案';

async function openPlanTask(page: Page, taskText: string): Promise<string> {
  await page.goto('/plans');
  await page.getByTestId('plan-title-link').filter({ hasText: planTitle }).click();
  await expect.poll(() => page.getByTestId('plan-detail-title').textContent()).toBe(planTitle);
  await page.getByTestId('plan-tab-tasks').click();
  const row = page.locator('[data-testid=task-table] tr.ant-table-row').filter({ hasText: taskText });
  await expect.poll(() => row.count()).toBe(1);
  await row.getByTestId('task-link').click();
  await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

describe('a leader and the cockpit', () => {
  it('opens the 市级重点实验室 target from the cockpit and reaches exactly the platforms it counts', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'leader');
    await page.getByTestId('main-menu').getByText('领导驾驶舱').click();
    await page.waitForURL((url) => url.pathname === '/cockpit');
    await expect.poll(() => page.getByTestId('cockpit-scope').textContent()).toContain('达州市');
    // The seeds' plans have ended: their targets show behind the 显示已结束规划 switch.
    await page.getByTestId('cockpit-show-ended').click();

    const target = page.getByTestId('cockpit-target').filter({ hasText: '建设市级重点实验室15家以上' });
    await expect.poll(() => target.count()).toBe(1);
    const shown = Number((await target.getByTestId('cockpit-target-current').textContent())!.trim());
    expect(shown).toBe(await countLiveCityLaboratoriesInDazhou(await measuringDayOf('建设市级重点实验室15家以上')));
    expect(shown).toBeGreaterThan(1);

    await target.click();
    await page.waitForURL(/\/targets\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByTestId('target-detail-subject').textContent()).toBe('建设市级重点实验室15家以上');
    await expect.poll(() => page.getByTestId('target-platform-total').textContent()).toContain(`共 ${shown} 个平台`);
    const types = page.getByTestId('counted-platform-type');
    await expect.poll(() => types.count()).toBe(shown);
    expect(new Set(await types.allTextContents())).toEqual(new Set(['市级重点实验室']));

    // Each row is a way into the platform's own record.
    const firstName = (await page.getByTestId('counted-platform-link').first().textContent())!.trim();
    await page.getByTestId('counted-platform-link').first().click();
    // The detail page says 演示 in its tag, not again at the end of the name.
    await expect.poll(() => page.getByTestId('platform-detail-name').textContent()).toContain(withoutDemoMark(firstName));
  });
});

describe('a county reports progress on a task and the lead unit sees it', () => {
  const reportText = `宣汉县已组建天然气综合利用市级重点实验室1家，另有1家完成申报材料（端到端测试 ${Date.now()}）`;
  const attachmentName = '宣汉县进展佐证.txt';
  let taskPath = '';

  it('lets 宣汉县 file a report with an attachment on a task its county government takes part in', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'xuanhan');
    taskPath = await openPlanTask(page, '布局建设市级重点实验室');
    await expect.poll(() => page.getByTestId('task-descriptions').textContent()).toContain('宣汉县人民政府（参与）');

    await page.getByTestId('task-report-text-input').fill(reportText);
    await page.getByTestId('task-report-percent').fill('60');
    const file = path.join(stip.downloadsDir, attachmentName);
    await writeFile(file, '宣汉县市级重点实验室建设进展佐证材料');
    await page.getByTestId('task-report-form').locator('input[type=file]').setInputFiles(file);
    await page.getByTestId('task-report-submit').click();

    const mine = page.getByTestId('task-report').filter({ hasText: reportText });
    await expect.poll(() => mine.count(), { timeout: 20_000 }).toBe(1);
    expect(await mine.getByTestId('task-report-unit').textContent()).toBe('宣汉县人民政府');
    await expect.poll(() => mine.getByTestId('task-report-attachment').textContent()).toContain(attachmentName);
    // The next report starts from 60 %, not from the earlier 40 %, so filing again never rolls progress back.
    await expect.poll(() => page.getByTestId('task-report-percent').inputValue()).toBe('60');
    await page.reload();
    await expect.poll(() => page.getByTestId('task-report-percent').inputValue()).toBe('60');
  });

  it('shows the report, with its attachment, to 市科技局 on the task’s page', async () => {
    expect(taskPath).not.toBe('');
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.goto(taskPath);
    await expect.poll(() => page.getByTestId('task-detail-title').textContent()).toBe('布局建设市级重点实验室');
    await expect.poll(() => page.getByTestId('task-descriptions').textContent()).toContain('达州市科学技术局（牵头）');

    const report = page.getByTestId('task-report').filter({ hasText: reportText });
    await expect.poll(() => report.count()).toBe(1);
    expect(await report.getByTestId('task-report-unit').textContent()).toBe('宣汉县人民政府');
    expect(await report.textContent()).toContain('60%');
    // The lead unit sees the other units' reports too (the demo data has one from 宣汉 already; this is a second).
    expect(await page.getByTestId('task-report').count()).toBeGreaterThan(1);

    const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('task-report-attachment').click()]);
    expect(download.suggestedFilename()).toBe(attachmentName);
    const saved = path.join(stip.downloadsDir, 'downloaded.txt');
    await download.saveAs(saved);
    expect(await readFile(saved, 'utf8')).toBe('宣汉县市级重点实验室建设进展佐证材料');
  });
});

describe('reminders', () => {
  it('shows the daily job’s reminders under the bell with their unread count, and opening one marks it read', async () => {
    const result = await runDailyJobs(stip.db, todayInChina());
    expect(result.remindersRaised).toBeGreaterThan(0);
    const [xuanhan] = await rows<{ n: number }>(sql`
      select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'xuanhan' and n.read_at is null`);
    expect(xuanhan!.n).toBeGreaterThan(0);

    const page = await stip.newPage();
    await stip.login(page, 'xuanhan');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('data-unread')).toBe(String(xuanhan!.n));
    await bell.click();
    const items = page.getByTestId('notification-panel').getByTestId('notification-item');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    await items.first().getByTestId('notification-open').click();
    await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await expect.poll(() => bell.getAttribute('data-unread')).toBe(String(xuanhan!.n - 1));
  });
});

describe('targets tell the truth (issue 11)', () => {
  it('shows a county user a city target as the city’s, with its own contribution, and a target without a figure as 未报送', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'xuanhan');
    await page.goto('/plans');
    const currentPlan = '达州市科技创新平台提质增效三年行动方案（2026—2028年）（演示）';
    await page.getByTestId('plan-title-link').filter({ hasText: currentPlan }).click();
    await expect.poll(() => page.getByTestId('plan-detail-title').textContent()).toBe(currentPlan);
    await page.getByTestId('plan-tab-targets').click();

    const labs = page.locator('[data-testid=target-table] tr.ant-table-row').filter({ hasText: '新建市级重点实验室6家以上' });
    await expect.poll(() => labs.count()).toBe(1);
    // The city's additions since the plan's start, not the county's part and not every existing laboratory.
    await expect.poll(() => labs.getByTestId('target-figure').textContent()).toBe('新增 2 / 6 家');
    await expect.poll(() => labs.getByTestId('target-fact-since').textContent()).toBe('自2026年1月1日起');
    await expect.poll(() => labs.getByTestId('target-fact-contribution').textContent()).toContain('本辖区（宣汉县）1 家');

    const spending = page.locator('[data-testid=target-table] tr.ant-table-row').filter({ hasText: '经费投入总量达到20亿元' });
    await expect.poll(() => spending.getByTestId('target-status').textContent()).toBe('未报送');
    await expect.poll(() => spending.getByTestId('target-fact-owed').textContent()).toBe('待报送单位：达州市统计局');

    await page.getByTestId('target-no-data-only').click();
    const rows = page.locator('[data-testid=target-table] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('经费投入总量达到20亿元');
  });
});
