import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '@stip/contracts';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { seedUser } from '../../db/seed/accounts';
import { systemContext } from '../../shared/context';
import { exportAudit, recordAudit } from './audit.service';

const t = await buildTestApp();
const { db } = t.handle;
const auditorCookie = await t.login((await buildUser(db, { role: 'auditadmin' })).username);

async function auditPage(query: Record<string, string>) {
  const response = await t.app.inject({ url: '/api/audit', query: { limit: '200', ...query }, headers: { cookie: auditorCookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: AuditRecord[]; total: number };
}

/** A named city officer of a named bureau, who revokes a platform with a reason and renames another. */
async function revocationStory() {
  const tree = await buildRegionTree(db);
  const bureau = unique('成都市科技局');
  const bureauId = await buildOrganization(db, { name: bureau, regionId: tree.city.id, kind: 'department' });
  const officer = unique('张三');
  const username = unique('zhang').replace(/[^a-zA-Z0-9_.-]/g, '');
  await seedUser(db, {
    username,
    password: testPassword,
    role: 'city_staff',
    displayName: officer,
    regionId: tree.city.id,
    organizationId: bureauId,
  });
  const cookie = await t.login(username);
  const hostOrganizationId = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('依托企业') });
  const typeId = await buildPlatformType(db);
  const revokedName = unique('某重点实验室');
  const revokedId = await buildPlatform(db, {
    name: revokedName,
    regionId: tree.countyA.id,
    hostOrganizationId,
    typeId,
    validFrom: '2022-01-01',
  });
  const revoked = await t.app.inject({
    method: 'POST',
    url: `/api/platforms/${revokedId}/transitions`,
    headers: { cookie },
    payload: { action: 'revoke', reason: '已无固定研发场所', effectiveDate: '2024-03-01', version: 1 },
  });
  expect(revoked.statusCode, revoked.body).toBe(200);
  const renamedId = await buildPlatform(db, {
    name: unique('旧名中心'),
    regionId: tree.countyA.id,
    hostOrganizationId,
    typeId,
    validFrom: '2022-01-01',
  });
  const oldName = (await db.query.platformVersions.findFirst({ where: (v, { eq }) => eq(v.platformId, renamedId) }))!.name;
  const newName = unique('新名中心');
  const renamed = await t.app.inject({
    method: 'PATCH',
    url: `/api/platforms/${renamedId}`,
    headers: { cookie },
    payload: { name: newName, version: 1 },
  });
  expect(renamed.statusCode, renamed.body).toBe(200);
  return { bureau, officer, cookie, revokedId, revokedName, renamedId, oldName, newName };
}

describe('the audit trail as an auditor reads it', () => {
  it('finds who revoked a platform and why by its name and the Chinese action, told as a sentence with names', async () => {
    const story = await revocationStory();
    const page = await auditPage({ objectName: story.revokedName.slice(0, 12), action: '撤销' });
    expect(page.total).toBe(1);
    const [record] = page.items;
    expect(record).toMatchObject({
      action: 'platform.transition',
      actionLabel: '撤销平台',
      objectTypeLabel: '平台',
      objectName: story.revokedName,
      objectPath: `/platforms/${story.revokedId}`,
      actorName: `${story.officer}（${story.bureau}）`,
    });
    expect(record!.sentence).toMatch(
      new RegExp(
        `^${story.officer}（${story.bureau}）于\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 撤销平台「${story.revokedName}」：已无固定研发场所$`,
      ),
    );
    expect(record!.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', label: '状态', before: '运行', after: '撤销' },
        { field: 'reason', label: '理由', before: null, after: '已无固定研发场所' },
        { field: 'effectiveDate', label: '生效日期', before: null, after: '2024-03-01' },
      ]),
    );
    const shown = JSON.stringify([record!.sentence, record!.changes, record!.actorName, record!.objectName]);
    expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(shown).not.toMatch(/\dT\d{2}:/);
  });

  it('filters by the Chinese action name as shown (修改平台) and still by the code', async () => {
    const story = await revocationStory();
    const byLabel = await auditPage({ action: '修改平台', objectId: story.renamedId });
    expect(byLabel.items.map((r) => r.action)).toEqual(['platform.update']);
    expect(byLabel.items[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'name', label: '平台名称', before: story.oldName, after: story.newName }]),
    );
    expect((await auditPage({ action: 'platform.update', objectId: story.renamedId })).total).toBe(1);
    expect((await auditPage({ action: 'platform', objectId: story.revokedId })).items.map((r) => r.action)).toEqual([
      'platform.transition',
    ]);
    // A revocation is not a 修改平台, and a rename is no 撤销.
    expect((await auditPage({ action: '修改平台', objectId: story.revokedId })).total).toBe(0);
    expect((await auditPage({ action: '撤销', objectId: story.renamedId })).total).toBe(0);
  });

  it('finds a renamed platform by its former name and names it by its current one', async () => {
    const story = await revocationStory();
    const page = await auditPage({ objectName: story.oldName });
    expect(page.items.map((r) => r.objectId)).toEqual([story.renamedId]);
    expect(page.items[0]!.objectName).toBe(story.newName);
  });

  it('filters by part of the actor’s name or unit', async () => {
    const story = await revocationStory();
    const byName = await auditPage({ actor: story.officer, objectType: 'platform' });
    expect(new Set(byName.items.map((r) => r.objectId))).toEqual(new Set([story.revokedId, story.renamedId]));
    expect((await auditPage({ actor: story.bureau, objectType: 'platform' })).total).toBe(2);
    // The officer's own sign-in is theirs too.
    expect((await auditPage({ actor: story.officer, action: '登录' })).items[0]).toMatchObject({ actionLabel: '登录' });
    expect((await auditPage({ actor: unique('无此人') })).total).toBe(0);
  });

  it('names an object that is gone by the name kept in its record, without a link', async () => {
    const objectId = randomUUID();
    const name = unique('已删除单位');
    await db.transaction((tx) =>
      recordAudit(tx, systemContext(db), {
        action: 'organization.delete',
        objectType: 'organization',
        objectId,
        before: { name, kind: 'enterprise' },
      }),
    );
    const [record] = (await auditPage({ objectId })).items;
    expect(record).toMatchObject({ objectName: name, objectPath: null, actorName: '系统', actionLabel: '删除单位' });
    expect(record!.changes).toEqual(expect.arrayContaining([{ field: 'kind', label: '单位类型', before: '企业', after: null }]));
    expect((await auditPage({ objectName: name })).items.map((r) => r.objectId)).toEqual([objectId]);
  });

  it('exports exactly what the filter shows as an Excel workbook with Chinese headers and the sentence', async () => {
    const story = await revocationStory();
    const response = await t.app.inject({
      url: '/api/audit/export.xlsx',
      query: { actor: story.officer, objectType: 'platform' },
      headers: { cookie: auditorCookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain(encodeURIComponent('审计记录'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计记录')!;
    expect(sheet.getRow(1).getCell(1).text).toContain(`操作人：${story.officer}；对象类型：平台`);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '序号',
      '时间',
      '操作人',
      '角色',
      '来源IP',
      '动作',
      '对象类型',
      '对象',
      '记录',
      '变更前',
      '变更后',
    ]);
    const rows = [3, 4].map((n) => sheet.getRow(n));
    expect(sheet.rowCount).toBe(4);
    expect(rows.map((row) => row.getCell(6).text).sort()).toEqual(['修改平台', '撤销平台']);
    const revocation = rows.find((row) => row.getCell(6).text === '撤销平台')!;
    expect(revocation.getCell(8).text).toBe(story.revokedName);
    expect(revocation.getCell(9).text).toContain('：已无固定研发场所');
    expect(revocation.getCell(10).text).toContain('状态：运行');
    expect(revocation.getCell(11).text).toContain('状态：撤销');
  });

  it('refuses an export larger than the cap with the count and a hint to narrow the filter', async () => {
    const story = await revocationStory();
    const refusal = exportAudit(systemContext(db), { actor: story.officer, objectType: 'platform' }, 1);
    await expect(refusal).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    await expect(refusal).rejects.toThrow(/符合条件的审计记录有 2 条，超过单次导出上限 1 条，请缩小筛选范围/);
    const exact = await exportAudit(systemContext(db), { actor: story.officer, objectType: 'platform' }, 2);
    expect(exact.content.length).toBeGreaterThan(0);
  });

  it('refuses the trail and its export to anyone but the audit administrator', async () => {
    const { cookie } = await revocationStory();
    expect((await t.app.inject({ url: '/api/audit/export.xlsx', headers: { cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/audit?action=撤销', headers: { cookie } })).statusCode).toBe(403);
  });
});
