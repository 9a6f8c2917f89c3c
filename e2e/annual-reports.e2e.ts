import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

const platformName = '达钢集团国家企业技术中心';

async function statusOfDagangReport(): Promise<string> {
  const result = (await stip.db.execute(sql`
    select r.status from annual_reports r
    join platform_versions v on v.platform_id = r.platform_id and v.valid_to is null
    where r.year = 2026 and v.name = ${platformName}`)) as unknown as { rows: { status: string }[] };
  return result.rows[0]!.status;
}

const figures: Record<string, string> = {
  rdSpend: '1860.5',
  staffTotal: '210',
  staffResearchers: '96',
  projects: '14',
  patentsApplied: '31',
  patentsGranted: '12',
  achievementsTransferred: '5',
  enterprisesServed: '64',
};

describe('an annual report filed by the host and pre-reviewed by the county', () => {
  let reportPath = '';

  it('lets dagang fill its 2026 report beside last year’s figures and submit it', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'dagang');
    await page.getByTestId('main-menu').getByText('年度报告').click();
    await page.waitForURL((url) => url.pathname === '/annual-reports');
    await page.getByTestId('annual-tabs').getByText('待我处理').click();
    const link = page.getByTestId('annual-report-link').filter({ hasText: platformName });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await page.waitForURL(/\/annual-reports\/[0-9a-f-]{36}$/);
    reportPath = new URL(page.url()).pathname;
    await expect.poll(() => page.getByTestId('annual-report-title').textContent()).toContain(platformName);
    // Last year's accepted report stands beside the form.
    await expect.poll(() => page.getByTestId('annual-figures').textContent()).toContain('上年数据');

    for (const [key, value] of Object.entries(figures)) await page.getByTestId(`annual-figure-${key}`).fill(value);
    await page.getByTestId('annual-text-summary').fill('2026年度完成钒钛资源综合利用关键技术攻关，新增授权专利12件。（端到端测试）');
    await page.getByTestId('annual-action-submit').click();
    await page.getByTestId('annual-submit-confirm').click();
    await expect.poll(() => page.getByTestId('annual-report-status').textContent()).toContain('县级预审');
    await expect.poll(() => page.getByTestId('annual-history').textContent()).toContain('提交');
    expect(await statusOfDagangReport()).toBe('county_review');
  });

  it('lets 通川区 return it with a comment, dagang resubmit, and the county pass it to the city', async () => {
    expect(reportPath).not.toBe('');
    const county = await stip.newPage();
    await stip.login(county, 'tongchuan');
    await county.goto('/annual-reports?tab=mine');
    await expect.poll(() => county.getByTestId('annual-report-link').filter({ hasText: platformName }).count()).toBe(1);
    await county.getByTestId('annual-report-link').filter({ hasText: platformName }).click();
    await county.waitForURL((url) => url.pathname === reportPath);
    await county.getByTestId('annual-action-countyReturn').click();
    await county.getByTestId('annual-return-comment').fill('研发人员数请附花名册核实');
    await county.getByTestId('annual-return-submit').click();
    await expect.poll(() => county.getByTestId('annual-report-status').textContent()).toContain('已退回');

    const host = await stip.newPage();
    await stip.login(host, 'dagang');
    await host.goto(reportPath);
    await expect.poll(() => host.getByTestId('annual-history').textContent()).toContain('研发人员数请附花名册核实');
    await host.getByTestId('annual-figure-staffResearchers').fill('95');
    await host.getByTestId('annual-action-submit').click();
    await host.getByTestId('annual-submit-confirm').click();
    await expect.poll(() => host.getByTestId('annual-report-status').textContent()).toContain('县级预审');

    await county.reload();
    await county.getByTestId('annual-action-countyPass').click();
    await county.getByTestId('annual-pass-confirm').click();
    await expect.poll(() => county.getByTestId('annual-report-status').textContent()).toContain('市级审核');
    expect(await statusOfDagangReport()).toBe('city_review');
  });
});
