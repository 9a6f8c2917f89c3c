import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../apps/server/src/db/seed/credit-codes';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

describe('the city finds its imports in 导入记录', () => {
  it('sees a refused and a successful import with who, when and the outcome, and downloads the original file', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.goto('/imports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
    const templatePath = path.join(stip.downloadsDir, 'history-template.xlsx');
    await download.saveAs(templatePath);

    // The empty template is refused (no data rows); a filled one is imported.
    const emptyPath = path.join(stip.downloadsDir, '空白单位表.xlsx');
    await writeFile(emptyPath, await readFile(templatePath));
    await page.locator('input[type=file]').setInputFiles(emptyPath);
    await expect.poll(() => page.getByText('文件中没有数据行').count(), { timeout: 20_000 }).toBeGreaterThan(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templatePath);
    const sheet = workbook.getWorksheet('单位')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((h) => String(h ?? '').replace(/\*$/, ''));
    const row = {
      单位名称: '导入记录测试科技有限公司',
      单位类型: '企业',
      统一社会信用代码: makeCreditCode('import-history-e2e'),
      所在区域: '通川区',
    };
    for (const [header, value] of Object.entries(row)) sheet.getCell(2, headers.indexOf(header)).value = value;
    const filledPath = path.join(stip.downloadsDir, '单位导入（记录）.xlsx');
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    await writeFile(filledPath, filled);
    await page.locator('input[type=file]').setInputFiles(filledPath);
    await expect.poll(() => page.getByTestId('import-created').textContent(), { timeout: 20_000 }).toContain('1');

    await page.getByTestId('import-history-open').click();
    await page.waitForURL('**/imports/history');
    // The layout sets the title and breadcrumb once the route has rendered: wait for them rather than read them at once.
    await expect.poll(() => page.title()).toBe('导入记录 - 数据导入 - 科技创新平台体系管理系统');
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain('导入记录');
    const rows = page.locator('[data-testid=import-history-table] tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const [newest, older] = await rows.allTextContents();
    expect(newest).toContain('单位导入（记录）.xlsx');
    expect(newest).toContain('成功');
    expect(newest).toContain('市科技局 张科长（演示）');
    expect(newest).not.toContain('city');
    expect(newest).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(newest).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(older).toContain('空白单位表.xlsx');
    expect(older).toContain('失败');
    expect(older).toContain('下载错误报告');

    const [original] = await Promise.all([page.waitForEvent('download'), rows.first().getByTestId('import-history-download').click()]);
    expect(original.suggestedFilename()).toBe('单位导入（记录）.xlsx');
    const savedPath = path.join(stip.downloadsDir, 'history-original.xlsx');
    await original.saveAs(savedPath);
    expect((await readFile(savedPath)).equals(filled)).toBe(true);

    // 宣汉县 is under the city, not above it: the city's imports are not its to see.
    const county = await stip.newPage();
    await stip.login(county, 'xuanhan');
    const answer = await county.request.get('/api/imports/history');
    expect(answer.status()).toBe(200);
    expect(((await answer.json()) as { total: number }).total).toBe(0);
  });
});
