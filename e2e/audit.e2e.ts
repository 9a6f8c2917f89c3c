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

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isoMomentPattern = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('the audit administrator and a platform revocation', () => {
  it('finds who revoked a platform and why by typing its name and 撤销, and reads the before/after in Chinese', async () => {
    // The demo's evaluation round revoked one platform (as the city bureau, with the round as the reason).
    const { rows } = (await stip.db.execute(sql`
      select v.name from audit_log a
      join platform_versions v on v.platform_id::text = a.object_id and v.valid_to is null
      where a.object_type = 'platform' and a.after->>'status' = 'revoked' and a.before->>'status' = 'operating'
      order by a.seq limit 1`)) as unknown as { rows: { name: string }[] };
    const platformName = rows[0]!.name;

    const page = await stip.newPage();
    await stip.login(page, 'auditadmin');
    await page.getByTestId('main-menu').getByText('审计日志').click();
    await page.waitForURL((url) => url.pathname === '/audit');

    await page.getByTestId('audit-filter-object-name').fill(platformName);
    await page.getByTestId('audit-filter-object-name').press('Enter');
    await page.getByTestId('audit-filter-action').fill('撤销');
    await page.getByTestId('audit-filter-action').press('Enter');

    const tableRows = page.locator('[data-testid=audit-table] tr.ant-table-row');
    await expect.poll(() => tableRows.count()).toBe(1);
    const row = tableRows.first();
    await expect.poll(() => row.textContent()).toContain('撤销平台');
    expect(await row.textContent()).toContain(platformName);
    expect(await row.textContent()).toContain('市科技局 张科长（演示）');

    await row.locator('.ant-table-row-expand-icon').click();
    const detail = page.getByTestId('audit-record-detail');
    await expect.poll(() => detail.isVisible()).toBe(true);
    const sentence = (await page.getByTestId('audit-sentence').textContent())!;
    // 姓名（单位）: the demo account's name, then the bureau it acts for; the reason is the round and its grade.
    expect(sentence).toMatch(
      new RegExp(
        `^市科技局 张科长（演示）（[^）]+）于\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 撤销平台「${escapeRegExp(platformName)}」：.*考核等级`,
      ),
    );
    const statusRow = page.locator('[data-testid=audit-changes] tr').filter({ hasText: '状态' });
    expect((await statusRow.locator('td').allTextContents()).map((text) => text.trim())).toEqual(['状态', '运行', '撤销']);

    const visible = await page.locator('main, .ant-layout-content').first().innerText();
    expect(visible).not.toMatch(uuidPattern);
    expect(visible).not.toMatch(isoMomentPattern);

    // The Excel export holds what the filter shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^审计记录-\d{8}\.xlsx$/);

    // The object's name leads to its whole trail.
    await row.getByTestId('audit-object-link').click();
    await page.waitForURL((url) => url.searchParams.get('objectType') === 'platform' && !!url.searchParams.get('objectId'));
    await expect.poll(() => page.getByTestId('audit-filter-object').textContent()).toContain(platformName);
    await page.close();
  });
});
