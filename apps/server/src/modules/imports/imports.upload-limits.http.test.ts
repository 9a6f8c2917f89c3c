import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-test-app';
import { buildRegionTree, buildUser } from '../../../test/factories';
import { zipArchive, zipBombWorkbook } from '../../../test/zip-bomb';

const t = await buildTestApp();
const { db } = t.handle;
const tree = await buildRegionTree(db);
const cookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);

function upload(file: Buffer) {
  const boundary = '----stip-test';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="import.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url: '/api/imports/organizations',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}

/** Rewrites the uncompressed size an archive declares for `name`, in its local header and its central directory. */
function understate(zip: Buffer, name: string, declared: number): Buffer {
  const patched = Buffer.from(zip);
  for (let at = 0; at < patched.length - 4; at++) {
    const signature = patched.readUInt32LE(at);
    if (signature === 0x04034b50 && patched.toString('utf8', at + 30, at + 30 + patched.readUInt16LE(at + 26)) === name)
      patched.writeUInt32LE(declared, at + 22);
    if (signature === 0x02014b50 && patched.toString('utf8', at + 46, at + 46 + patched.readUInt16LE(at + 28)) === name)
      patched.writeUInt32LE(declared, at + 24);
  }
  return patched;
}

describe('uploaded workbooks that would exhaust the server', () => {
  it('refuses three zip-bomb workbooks uploaded at once with clean 4xx answers, and keeps serving', async () => {
    const bomb = zipBombWorkbook(5_000_000);
    const responses = await Promise.all([upload(bomb), upload(bomb), upload(bomb)]);
    for (const response of responses) {
      expect([413, 429]).toContain(response.statusCode);
      expect(response.json().message).toMatch(/解压后超过 64 MB|请稍后再上传/);
    }
    expect(responses.some((response) => response.json().code === 'PAYLOAD_REJECTED')).toBe(true);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  }, 60_000);

  it('refuses an archive whose sheet inflates to more than its headers declare', async () => {
    const bomb = zipBombWorkbook(200_000);
    const response = await upload(understate(bomb, 'xl/worksheets/sheet1.xml', 100_000));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'IMPORT_REJECTED', message: expect.stringMatching(/不是有效的 .xlsx 文件/) });
  });

  it('refuses a workbook of more rows than one import takes, naming the cap', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('单位');
    sheet.addRow(['单位名称*', '单位类型*', '统一社会信用代码*', '所在区域*']);
    for (let i = 0; i < 5_001; i++) sheet.addRow([`单位${i}`, '企业', `CODE${i}`, tree.countyA.name]);
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/一次最多导入 5000 行/);
  });

  it('refuses a readable archive that is not a workbook', async () => {
    const response = await upload(zipArchive({ 'notes.xml': '<notes/>' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_REJECTED');
  });
});
