import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app';
import { multipartBody, xlsxType } from '../../../test/multipart';
import { buildOrganization, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { makeCreditCode } from '../../db/seed/credit-codes';
import { verifyAuditChain } from '../audit/audit.service';

const t = await buildTestApp();
const { db } = t.handle;

const tree = await buildRegionTree(db);
const cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
const countyCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);

/** Downloads the template, fills its data sheet with `rows` (header → value) and returns the file. */
async function filledTemplate(kind: 'organizations' | 'platforms', rows: Record<string, string>[]): Promise<Buffer> {
  const response = await t.app.inject({ url: `/api/imports/${kind}/template.xlsx`, headers: { cookie: cityCookie } });
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as string[]).map((h) => (h ?? '').toString().replace(/\*$/, ''));
  rows.forEach((values, i) => {
    for (const [header, value] of Object.entries(values)) sheet.getCell(i + 2, headers.indexOf(header)).value = value;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(kind: string, file: Buffer, cookie = cityCookie) {
  const { payload, contentType } = multipartBody({ name: 'import.xlsx', content: file, type: xlsxType });
  return t.app.inject({ method: 'POST', url: `/api/imports/${kind}`, headers: { cookie, 'content-type': contentType }, payload });
}

describe('Excel import of organisations', () => {
  const rows: Record<string, string>[] = [
    { 单位名称: unique('导入企业'), 单位类型: '企业', 统一社会信用代码: makeCreditCode(unique('a')), 所在区域: tree.countyA.name },
    {
      单位名称: unique('导入院所'),
      单位类型: '科研院所',
      统一社会信用代码: makeCreditCode(unique('b')),
      所在区域: tree.countyB.name,
      联系人: '王工',
    },
  ];

  it('imports a good file in one go, and the same file again creates nothing', async () => {
    const file = await filledTemplate('organizations', rows);
    const first = await upload('organizations', file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0 });
    const again = await upload('organizations', file);
    expect(again.json()).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const list = await t.app.inject({
      url: `/api/organizations?keyword=${encodeURIComponent(rows[0]!.单位名称!)}`,
      headers: { cookie: cityCookie },
    });
    expect(list.json().total).toBe(1);
  });

  it('refuses a file with any bad row whole, naming each row and column in Chinese', async () => {
    const good = {
      单位名称: unique('好单位'),
      单位类型: '企业',
      统一社会信用代码: makeCreditCode(unique('c')),
      所在区域: tree.countyA.name,
    };
    const validCode = makeCreditCode(unique('d'));
    const badCode = `${validCode.slice(0, 17)}${validCode.endsWith('0') ? '1' : '0'}`;
    const file = await filledTemplate('organizations', [
      good,
      { 单位名称: unique('坏单位'), 单位类型: '外星机构', 统一社会信用代码: badCode, 所在区域: '火星' },
      { 单位名称: '', 单位类型: '企业', 统一社会信用代码: good.统一社会信用代码, 所在区域: tree.countyA.name },
    ]);
    const response = await upload('organizations', file);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toMatch(/未导入任何数据/);
    const fields = body.details.map((d: { row: number; field: string }) => `${d.row}:${d.field}`);
    expect(fields).toEqual(expect.arrayContaining(['3:单位类型', '3:统一社会信用代码', '3:所在区域', '4:单位名称', '4:统一社会信用代码']));
    expect(body.details.find((d: { row: number; field: string }) => d.row === 3 && d.field === '统一社会信用代码').message).toMatch(
      /第18位/,
    );
    const list = await t.app.inject({
      url: `/api/organizations?keyword=${encodeURIComponent(good.单位名称)}`,
      headers: { cookie: cityCookie },
    });
    expect(list.json().total).toBe(0);
  });

  it("refuses a county user's rows outside its county", async () => {
    const file = await filledTemplate('organizations', [
      { 单位名称: unique('越界'), 单位类型: '企业', 统一社会信用代码: makeCreditCode(unique('e')), 所在区域: tree.countyB.name },
    ]);
    const response = await upload('organizations', file, countyCookie);
    expect(response.statusCode).toBe(400);
    expect(response.json().details[0]).toMatchObject({ row: 2, field: '所在区域' });
  });

  it('refuses a file that is not a workbook', async () => {
    const response = await upload('organizations', Buffer.from('not a spreadsheet'));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_REJECTED');
  });
});

describe('Excel import of platforms', () => {
  it('imports platforms that name their host by name, idempotently, with history for a changed row', async () => {
    const hostName = unique('依托企业');
    await buildOrganization(db, { name: hostName, regionId: tree.countyA.id });
    const typeName = unique('市级重点实验室');
    await buildPlatformType(db, { name: typeName, level: 'city' });
    const rows: Record<string, string>[] = [
      {
        平台名称: unique('导入平台甲'),
        平台类型: typeName,
        依托单位: hostName,
        所在区域: tree.countyA.name,
        状态: '运行',
        认定日期: '2023-05-01',
        技术领域: '新材料、复合材料',
      },
      { 平台名称: unique('导入平台乙'), 平台类型: typeName, 依托单位: hostName, 所在区域: tree.countyA.name, 状态: '培育' },
    ];
    const first = await upload('platforms', await filledTemplate('platforms', rows));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, unchanged: 0 });
    expect((await upload('platforms', await filledTemplate('platforms', rows))).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = await upload('platforms', await filledTemplate('platforms', [{ ...rows[0]!, 状态: '整改' }, rows[1]!]));
    expect(changed.json()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const list = await t.app.inject({
      url: `/api/platforms?keyword=${encodeURIComponent(rows[0]!.平台名称!)}`,
      headers: { cookie: cityCookie },
    });
    const platform = list.json().items[0];
    expect(platform).toMatchObject({ status: 'rectifying', technicalFields: ['新材料', '复合材料'] });
    const history = await t.app.inject({ url: `/api/platforms/${platform.id}/history`, headers: { cookie: cityCookie } });
    expect(history.json()).toHaveLength(2);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });

  it('refuses a file with good rows and one bad row whole, creating nothing, naming each row and column in Chinese', async () => {
    const hostName = unique('依托企业');
    await buildOrganization(db, { name: hostName, regionId: tree.countyA.id });
    const typeName = unique('市级工程技术研究中心');
    await buildPlatformType(db, { name: typeName, level: 'city' });
    const good = (name: string) => ({
      平台名称: unique(name),
      平台类型: typeName,
      依托单位: hostName,
      所在区域: tree.countyA.name,
      状态: '运行',
    });
    const goodRows = [good('好平台甲'), good('好平台乙'), good('好平台丙')];
    const file = await filledTemplate('platforms', [
      goodRows[0]!,
      goodRows[1]!,
      { 平台名称: unique('坏平台'), 平台类型: '不存在的类型', 依托单位: hostName, 所在区域: '火星', 状态: '冬眠', 认定日期: '2023-13-01' },
      goodRows[2]!,
    ]);
    const response = await upload('platforms', file);
    expect(response.statusCode).toBe(400);
    const body = response.json() as { code: string; message: string; details: { row: number; field: string; message: string }[] };
    expect(body.code).toBe('IMPORT_REJECTED');
    expect(body.message).toMatch(/未导入任何数据/);
    // Only the bad row (sheet row 4: the header is row 1) is reported, once per bad column, in Chinese.
    expect(body.details.map((d) => `${d.row}:${d.field}`).sort()).toEqual(['4:平台类型', '4:所在区域', '4:状态', '4:认定日期'].sort());
    for (const detail of body.details) expect(detail.message).toMatch(/[\u4e00-\u9fff]/);
    for (const row of goodRows) {
      const list = await t.app.inject({
        url: `/api/platforms?keyword=${encodeURIComponent(row.平台名称)}`,
        headers: { cookie: cityCookie },
      });
      expect(list.json().total).toBe(0);
    }
    // The good rows on their own import: it was the bad row that stopped them.
    expect((await upload('platforms', await filledTemplate('platforms', goodRows))).json()).toMatchObject({ rows: 3, created: 3 });
  });

  it('reports unknown types, unregistered hosts and bad dates per row', async () => {
    const file = await filledTemplate('platforms', [
      {
        平台名称: unique('坏平台'),
        平台类型: '不存在的类型',
        依托单位: '没登记的单位',
        所在区域: tree.countyA.name,
        状态: '运行',
        认定日期: '2023-02-30',
      },
    ]);
    const response = await upload('platforms', file);
    expect(response.statusCode).toBe(400);
    const fields = response.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['平台类型', '依托单位', '认定日期']));
  });
});
