import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app';
import { multipartBody, xlsxType } from '../../../test/multipart';
import { buildOrganization, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { makeCreditCode } from '../../db/seed/credit-codes';

const t = await buildTestApp();
const { db } = t.handle;

const tree = await buildRegionTree(db);
const countyA = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
const countyB = await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id });
const city = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
const countyACookie = await t.login(countyA.username);
const countyBCookie = await t.login(countyB.username);
const cityCookie = await t.login(city.username);

async function workbookFile(rows: Record<string, string>[], kind = 'organizations'): Promise<Buffer> {
  const response = await t.app.inject({ url: `/api/imports/${kind}/template.xlsx`, headers: { cookie: countyACookie } });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as string[]).map((h) => (h ?? '').toString().replace(/\*$/, ''));
  rows.forEach((values, i) => {
    for (const [header, value] of Object.entries(values)) sheet.getCell(i + 2, headers.indexOf(header)).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(file: Buffer, fileName: string, cookie: string, kind = 'organizations') {
  const { payload, contentType } = multipartBody({ name: fileName, content: file, type: xlsxType });
  return t.app.inject({ method: 'POST', url: `/api/imports/${kind}`, headers: { cookie, 'content-type': contentType }, payload });
}

const history = (cookie: string, query = '') => t.app.inject({ url: `/api/imports/history${query}`, headers: { cookie } });

const goodName = `good-${unique('a')}.xlsx`;
const badName = `bad-${unique('b')}.xlsx`;
const goodFile = await workbookFile([
  { 单位名称: unique('历史企业'), 单位类型: '企业', 统一社会信用代码: makeCreditCode(unique('h1')), 所在区域: tree.countyA.name },
  { 单位名称: unique('历史院所'), 单位类型: '科研院所', 统一社会信用代码: makeCreditCode(unique('h2')), 所在区域: tree.countyA.name },
]);
const badFile = await workbookFile([
  { 单位名称: unique('好'), 单位类型: '企业', 统一社会信用代码: makeCreditCode(unique('h3')), 所在区域: tree.countyA.name },
  { 单位名称: unique('坏'), 单位类型: '不存在的类型', 统一社会信用代码: makeCreditCode(unique('h4')), 所在区域: tree.countyA.name },
  { 单位名称: '', 单位类型: '企业', 统一社会信用代码: '123', 所在区域: tree.countyA.name },
]);
expect((await upload(goodFile, goodName, countyACookie)).statusCode).toBe(200);
expect((await upload(badFile, badName, countyACookie)).statusCode).toBe(400);

describe('import history (导入记录)', () => {
  it('records a successful and a refused import with their counts and the uploader as 姓名（单位）', async () => {
    const response = await history(countyACookie, '?kind=organizations');
    expect(response.statusCode).toBe(200);
    const { items, total } = response.json() as { items: Record<string, unknown>[]; total: number };
    expect(total).toBe(2);
    const good = items.find((item) => item.fileName === goodName)!;
    const bad = items.find((item) => item.fileName === badName)!;
    expect(good).toMatchObject({
      kind: 'organizations',
      status: 'succeeded',
      rows: 2,
      created: 2,
      updated: 0,
      rejected: 0,
      hasErrorReport: false,
    });
    expect(good.uploadedById).toBe(countyA.id);
    expect(good.uploader).toBe(`${countyA.username}（${tree.countyA.name}）`);
    expect(good.size).toBe(goodFile.length);
    expect(bad).toMatchObject({ status: 'failed', rows: 3, created: 0, updated: 0, rejected: 2, hasErrorReport: true });
    expect(bad.message).toContain('未导入任何数据');
    expect(bad.uploader).toBe(good.uploader);
  });

  it('keeps the file byte for byte, with a safe download header, and the error report of a refusal', async () => {
    const { items } = (await history(countyACookie)).json() as { items: { id: string; fileName: string }[] };
    const good = items.find((item) => item.fileName === goodName)!;
    const file = await t.app.inject({ url: `/api/imports/history/${good.id}/file`, headers: { cookie: countyACookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(goodFile)).toBe(true);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="import.xlsx"; filename*=UTF-8''${encodeURIComponent(goodName)}`,
    );

    const bad = items.find((item) => item.fileName === badName)!;
    const report = await t.app.inject({ url: `/api/imports/history/${bad.id}/errors.xlsx`, headers: { cookie: countyACookie } });
    expect(report.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).text).toBe('问题');
    expect(sheet.getColumn(2).values).toContain('单位类型');
    const none = await t.app.inject({ url: `/api/imports/history/${good.id}/errors.xlsx`, headers: { cookie: countyACookie } });
    expect(none.statusCode).toBe(404);
  });

  it('shows a county’s imports to the city above it, and hides them from another county (404 on download)', async () => {
    const cityView = (await history(cityCookie, `?kind=organizations&uploader=${encodeURIComponent(countyA.username)}`)).json() as {
      items: { id: string }[];
      total: number;
    };
    expect(cityView.total).toBe(2);
    const other = (await history(countyBCookie)).json() as { items: unknown[]; total: number };
    expect(other).toEqual({ items: [], total: 0 });
    for (const { id } of cityView.items) {
      for (const suffix of ['file', 'errors.xlsx']) {
        const response = await t.app.inject({ url: `/api/imports/history/${id}/${suffix}`, headers: { cookie: countyBCookie } });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toMatchObject({ code: 'NOT_FOUND' });
      }
    }
  });

  it('filters by kind, status, date and uploader', async () => {
    const count = async (query: string) => ((await history(countyACookie, query)).json() as { total: number }).total;
    expect(await count('?status=failed&kind=organizations')).toBe(1);
    expect(await count('?status=succeeded&kind=organizations')).toBe(1);
    expect(await count('?kind=organizations')).toBe(2);
    expect(await count('?from=2000-01-01&to=2199-12-31&kind=organizations')).toBe(2);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await count(`?from=${today}&to=${today}&kind=organizations`)).toBe(2);
    expect(await count('?to=2000-01-01')).toBe(0);
    expect(await count(`?uploader=${encodeURIComponent('没有这个人')}`)).toBe(0);
    expect(await count('?limit=1&kind=organizations')).toBe(2);
    expect(((await history(countyACookie, '?limit=1&kind=organizations')).json() as { items: unknown[] }).items).toHaveLength(1);
  });

  it('refuses a bad query with 400 {code, message}', async () => {
    for (const query of ['?status=partly', '?from=2026-13-45', '?limit=0', '?kind=people']) {
      const response = await history(countyACookie, query);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    const badId = await t.app.inject({ url: '/api/imports/history/not-a-uuid/file', headers: { cookie: countyACookie } });
    expect(badId.statusCode).toBe(400);
  });

  it('keeps the history of an import refused inside its transaction, whose rows were all rolled back', async () => {
    const hostName = unique('依托');
    await buildOrganization(db, { name: hostName, regionId: tree.countyA.id });
    const typeName = unique('类型');
    await buildPlatformType(db, { name: typeName, level: 'city' });
    const firstName = unique('回滚平台');
    const file = await workbookFile(
      [
        { 平台名称: firstName, 平台类型: typeName, 依托单位: hostName, 所在区域: tree.countyA.name, 状态: '运行' },
        {
          平台名称: unique('子平台'),
          平台类型: typeName,
          依托单位: hostName,
          所在区域: tree.countyA.name,
          状态: '运行',
          上级平台: unique('不存在'),
        },
      ],
      'platforms',
    );
    const fileName = `rollback-${unique('c')}.xlsx`;
    const response = await upload(file, fileName, countyACookie, 'platforms');
    expect(response.statusCode).toBe(400);
    const platforms = await t.app.inject({
      url: `/api/platforms?keyword=${encodeURIComponent(firstName)}`,
      headers: { cookie: countyACookie },
    });
    expect(platforms.json().total).toBe(0);
    const { items } = (await history(countyACookie, '?kind=platforms')).json() as { items: Record<string, unknown>[] };
    expect(items.find((item) => item.fileName === fileName)).toMatchObject({
      status: 'failed',
      rows: 2,
      created: 0,
      rejected: 1,
      hasErrorReport: true,
    });
  });

  it('is closed to roles that cannot import', async () => {
    const host = await t.login((await buildUser(db, { role: 'host_user', regionId: tree.countyA.id })).username);
    expect((await history(host)).statusCode).toBe(403);
  });
});
