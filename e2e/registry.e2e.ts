import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
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

const dazhouCounties = ['通川区', '达川区', '宣汉县', '开江县', '大竹县', '渠县', '万源市', '达州高新区'];

async function countCurrentPlatformsIn(regionName: string): Promise<number> {
  const result = await stip.db.execute(sql`
    select count(*)::int as n from platform_versions v join regions r on r.id = v.region_id join platforms p on p.id = v.platform_id
    where v.valid_to is null and p.deleted_at is null and r.name = ${regionName}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

describe('a county user and the registry', () => {
  it('sees only 宣汉县 in the list and the counts, edits a platform and finds the change in its history', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'xuanhan');
    const expected = await countCurrentPlatformsIn('宣汉县');
    expect(expected).toBeGreaterThan(2);

    await page.goto('/platforms');
    const rows = page.locator('[data-testid=platform-table] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(expected);
    await expect.poll(() => page.getByTestId('platform-total').textContent()).toContain(String(expected));
    for (const text of await rows.allTextContents()) {
      expect(text).toContain('宣汉县');
      for (const other of dazhouCounties.filter((c) => c !== '宣汉县')) expect(text).not.toContain(other);
    }
    const counts = await page.request.get('/api/platforms/counts');
    expect((await counts.json()).total).toBe(expected);

    // Open one platform, change its director, and find the change in the history.
    const firstName = (await page.getByTestId('platform-name-link').first().textContent())!.trim();
    await page.getByTestId('platform-name-link').first().click();
    await expect.poll(() => page.getByTestId('platform-detail-name').textContent()).toContain(firstName);
    await page.getByTestId('platform-edit').click();
    const director = page.getByTestId('platform-form-director');
    await director.fill('赵工程师');
    await page.getByTestId('platform-form-change-note').fill('更换负责人');
    await page.getByTestId('platform-form-submit').click();
    await expect.poll(() => page.getByTestId('platform-descriptions').textContent()).toContain('赵工程师');
    await page.getByTestId('platform-history-tab').click();
    const entries = page.getByTestId('platform-history-entry');
    await expect.poll(() => entries.count()).toBeGreaterThan(1);
    const newest = await entries.first().textContent();
    expect(newest).toContain('赵工程师');
    expect(newest).toContain('更换负责人');
    // Who recorded it, as people name them (姓名（单位）), not the login.
    expect(newest).toContain('宣汉县科技局 王股长（演示）');
    expect(newest).not.toContain('xuanhan');
  });

  it('answers 404 when the county user opens another county’s platform', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'xuanhan');
    const other = await stip.db.execute(sql`
      select v.platform_id as id from platform_versions v join regions r on r.id = v.region_id where v.valid_to is null and r.name = '通川区' limit 1`);
    const id = (other as unknown as { rows: { id: string }[] }).rows[0]!.id;
    const response = await page.request.get(`/api/platforms/${id}`);
    expect(response.status()).toBe(404);
  });
});

describe('a city user imports platforms from the Excel template', () => {
  it('downloads the template, fills two platforms, uploads it and finds them in the list', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.goto('/imports');
    await page.getByTestId('import-kind').getByText('平台').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    const templatePath = path.join(stip.downloadsDir, 'template.xlsx');
    await download.saveAs(templatePath);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    const sheet = workbook.getWorksheet('平台')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((h) => String(h ?? '').replace(/\*$/, ''));
    const names = ['开江油橄榄精深加工市级重点实验室（导入测试）', '渠县黄花产业市级工程技术研究中心（导入测试）'];
    const rows = [
      {
        平台名称: names[0]!,
        平台类型: '市级重点实验室',
        依托单位: '演示·油橄榄科技有限公司',
        所在区域: '开江县',
        状态: '运行',
        认定日期: '2025-06-30',
        重点产业: '农产品加工',
        技术领域: '油橄榄、精深加工',
      },
      {
        平台名称: names[1]!,
        平台类型: '市级工程技术研究中心',
        依托单位: '演示·农产品加工有限公司',
        所在区域: '渠县',
        状态: '建设期',
        认定日期: '2025-09-01',
      },
    ];
    rows.forEach((values, i) => {
      for (const [header, value] of Object.entries(values)) sheet.getCell(i + 2, headers.indexOf(header)).value = value;
    });
    const filledPath = path.join(stip.downloadsDir, '平台导入.xlsx');
    await writeFile(filledPath, Buffer.from(await workbook.xlsx.writeBuffer()));

    await page.locator('input[type=file]').setInputFiles(filledPath);
    await expect.poll(() => page.getByTestId('import-created').textContent(), { timeout: 20_000 }).toContain('2');

    await page.goto(`/platforms?keyword=${encodeURIComponent('导入测试')}`);
    const links = page.getByTestId('platform-name-link');
    await expect.poll(() => links.count()).toBe(2);
    expect((await links.allTextContents()).sort()).toEqual([...names].sort());
  });
});
