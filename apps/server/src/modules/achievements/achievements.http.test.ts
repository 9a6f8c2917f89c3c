import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { achievements, importRuns } from '../../db/schema/index';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildRegionTree, buildUser, findAuditRecords, unique } from '../../../test/factories';
import { multipartBody, xlsxType } from '../../../test/multipart';

const { app, handle, login } = await buildTestApp();
const db = handle.db;
const tree = await buildRegionTree(db);
const orgA = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('甲县企业'), kind: 'university' });
const orgB = await buildOrganization(db, { regionId: tree.countyB.id, name: unique('乙县企业') });
const city = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
const countyA = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
const countyB = await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id });
const hostA = await buildUser(db, { role: 'host_user', organizationId: orgA });
const hostB = await buildUser(db, { role: 'host_user', organizationId: orgB });
const leader = await buildUser(db, { role: 'leader', regionId: tree.city.id });
const cookies = {
  city: await login(city.username),
  countyA: await login(countyA.username),
  countyB: await login(countyB.username),
  hostA: await login(hostA.username),
  hostB: await login(hostB.username),
  leader: await login(leader.username),
};
type Who = keyof typeof cookies;

const call = (who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

async function createDraft(who: Who, values: Record<string, unknown> = {}) {
  const response = await call(who, 'POST', '/api/achievements', {
    title: unique('玄武岩纤维增强复合材料'),
    abstract: '连续玄武岩纤维拉丝工艺，提高纤维强度与耐腐蚀性能。',
    keywords: ['玄武岩纤维', '复合材料'],
    technicalField: '新材料',
    maturity: 'pilot',
    patents: [{ number: 'ZL202110000001.X', title: '一种玄武岩纤维制备方法' }],
    transferModes: ['license', 'transfer'],
    priceMin: 50,
    priceMax: 200,
    contactName: '张工',
    contactPhone: '0818-1234567',
    contactEmail: 'zhang@example.com',
    publishedContact: ['name'],
    ...values,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; version: number; status: string; ownerType: string; region: { id: string } };
}

const move = (who: Who, id: string, action: string, version: number, reason?: string) =>
  call(who, 'POST', `/api/achievements/${id}/transitions`, { action, version, ...(reason ? { reason } : {}) });

describe('achievements', () => {
  it('lets a host user register its own organisation’s achievement as a draft, located and typed by its organisation', async () => {
    const draft = await createDraft('hostA');
    expect(draft).toMatchObject({ status: 'draft', ownerType: 'university', region: { id: tree.countyA.id } });
    const [row] = await db.select().from(achievements).where(eq(achievements.id, draft.id));
    expect(row!.searchVector).toContain('玄武岩');
  });

  it('refuses a host user registering another organisation’s achievement', async () => {
    const response = await call('hostA', 'POST', '/api/achievements', { title: unique('成果'), ownerOrganizationId: orgB });
    expect(response.statusCode).toBe(400);
  });

  it('refuses county staff registering an achievement for a unit of another county', async () => {
    const response = await call('countyA', 'POST', '/api/achievements', { title: unique('成果'), ownerOrganizationId: orgB });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('管辖范围');
  });

  it('refuses a price range whose minimum exceeds its maximum', async () => {
    const response = await call('hostA', 'POST', '/api/achievements', { title: unique('成果'), priceMin: 300, priceMax: 100 });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
  });

  it('hides an unpublished achievement from another county and another organisation (404), shows it in scope', async () => {
    const draft = await createDraft('hostA');
    expect((await call('countyB', 'GET', `/api/achievements/${draft.id}`)).statusCode).toBe(404);
    expect((await call('hostB', 'GET', `/api/achievements/${draft.id}`)).statusCode).toBe(404);
    expect((await call('countyA', 'GET', `/api/achievements/${draft.id}`)).statusCode).toBe(200);
    expect((await call('city', 'GET', `/api/achievements/${draft.id}`)).statusCode).toBe(200);
    expect((await call('leader', 'GET', `/api/achievements/${draft.id}`)).statusCode).toBe(200);
    const listB = (await call('countyB', 'GET', '/api/achievements?limit=500')).json() as { items: { id: string }[] };
    expect(listB.items.map((i) => i.id)).not.toContain(draft.id);
    const listHost = (await call('hostA', 'GET', '/api/achievements?limit=500')).json() as { items: { id: string }[] };
    expect(listHost.items.map((i) => i.id)).toContain(draft.id);
  });

  it('goes draft → submitted → returned (with a reason) → submitted → published, and only staff publish', async () => {
    let record = await createDraft('hostA');
    let response = await move('hostA', record.id, 'submit', record.version);
    expect(response.statusCode, response.body).toBe(200);
    record = response.json();
    expect(record.status).toBe('submitted');
    expect((await move('hostA', record.id, 'publish', record.version)).statusCode).toBe(409);
    expect((await move('countyB', record.id, 'publish', record.version)).statusCode).toBe(404);
    expect((await move('countyA', record.id, 'return', record.version)).statusCode).toBe(400);
    response = await move('countyA', record.id, 'return', record.version, '请补充专利证书编号');
    expect(response.statusCode, response.body).toBe(200);
    record = response.json();
    expect(response.json()).toMatchObject({ status: 'returned', reviewNote: '请补充专利证书编号' });
    record = (await move('hostA', record.id, 'submit', record.version)).json();
    response = await move('city', record.id, 'publish', record.version);
    expect(response.statusCode, response.body).toBe(200);
    const published = response.json();
    expect(published.status).toBe('published');
    expect(published.history.map((h: { action: string }) => h.action)).toEqual([
      'achievement.create',
      'achievement.submit',
      'achievement.return',
      'achievement.submit',
      'achievement.publish',
    ]);
    expect(published.history[2]).toMatchObject({ label: '科技成果：退回修改', reason: '请补充专利证书编号' });
    const audit = await findAuditRecords(db, 'achievement.publish', record.id);
    expect(audit).toHaveLength(1);
  });

  it('shows every published achievement read-only to other readers, with only the contact fields the owner publishes', async () => {
    let record = await createDraft('hostA');
    record = (await move('hostA', record.id, 'submit', record.version)).json();
    record = (await move('countyA', record.id, 'publish', record.version)).json();
    const seenByB = (await call('hostB', 'GET', `/api/achievements/${record.id}`)).json();
    expect(seenByB).toMatchObject({ contactName: '张工', contactPhone: null, contactEmail: null, canEdit: false, allowedActions: [] });
    const seenByOwner = (await call('hostA', 'GET', `/api/achievements/${record.id}`)).json();
    expect(seenByOwner.contactPhone).toBe('0818-1234567');
    const published = (await call('countyB', 'GET', '/api/achievements?status=published&limit=500')).json() as { items: { id: string }[] };
    expect(published.items.map((i) => i.id)).toContain(record.id);
    expect((await call('hostB', 'PATCH', `/api/achievements/${record.id}`, { title: '改名', version: record.version })).statusCode).toBe(
      403,
    );
  });

  it('sends a published achievement edited by its owner back to review; staff edit it in place', async () => {
    let record = await createDraft('hostA');
    record = (await move('hostA', record.id, 'submit', record.version)).json();
    record = (await move('city', record.id, 'publish', record.version)).json();
    let response = await call('city', 'PATCH', `/api/achievements/${record.id}`, { team: '纤维团队', version: record.version });
    expect(response.json()).toMatchObject({ status: 'published', team: '纤维团队' });
    record = response.json();
    response = await call('hostA', 'PATCH', `/api/achievements/${record.id}`, { abstract: '新的简介', version: record.version });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'submitted', abstract: '新的简介' });
  });

  it('closes, reopens, takes back and archives only where the lifecycle allows', async () => {
    let record = await createDraft('hostA');
    record = (await move('hostA', record.id, 'submit', record.version)).json();
    record = (await move('city', record.id, 'publish', record.version)).json();
    expect((await move('city', record.id, 'archive', record.version)).statusCode).toBe(409);
    record = (await move('city', record.id, 'close', record.version)).json();
    record = (await move('city', record.id, 'reopen', record.version)).json();
    expect(record.status).toBe('published');
    const takenBack = await move('city', record.id, 'unpublish', record.version, '信息有误');
    expect(takenBack.json()).toMatchObject({ status: 'returned', reviewNote: '信息有误' });
  });

  it('answers 409 to a stale version', async () => {
    const record = await createDraft('hostA');
    expect((await call('hostA', 'PATCH', `/api/achievements/${record.id}`, { title: '第一次', version: record.version })).statusCode).toBe(
      200,
    );
    const stale = await call('hostA', 'PATCH', `/api/achievements/${record.id}`, { title: '第二次', version: record.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });

  it('deletes a draft softly, and refuses to delete a published one', async () => {
    const record = await createDraft('hostA');
    expect((await call('hostA', 'DELETE', `/api/achievements/${record.id}?version=${record.version}`)).statusCode).toBe(200);
    expect((await call('hostA', 'GET', `/api/achievements/${record.id}`)).statusCode).toBe(404);
    const [row] = await db.select().from(achievements).where(eq(achievements.id, record.id));
    expect(row!.deletedAt).not.toBeNull();
    expect(await findAuditRecords(db, 'achievement.delete', record.id)).toHaveLength(1);
  });

  it('searches, filters by facet and highlights the matched terms', async () => {
    const title = unique('富硒茶') + '加工工艺';
    const record = await createDraft('hostA', { title, technicalField: '农产品加工', abstract: '富硒茶叶的绿色加工工艺。' });
    const response = await call(
      'hostA',
      'GET',
      `/api/achievements?q=${encodeURIComponent('富硒茶')}&technicalField=${encodeURIComponent('农产品加工')}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page.items.map((i: { id: string }) => i.id)).toContain(record.id);
    const hit = page.items.find((i: { id: string }) => i.id === record.id);
    expect(hit.highlighted).toContain('<mark>');
    expect(page.facets.technicalField).toEqual([{ value: '农产品加工', label: '农产品加工', count: page.total }]);
  });

  it('lists the submitted achievements as the reviewer’s to-dos and the returned ones as the owner’s', async () => {
    let record = await createDraft('hostA');
    record = (await move('hostA', record.id, 'submit', record.version)).json();
    const staffTodos = (await call('countyA', 'GET', '/api/todos')).json() as { items: { subjectId: string; kind: string }[] };
    expect(staffTodos.items).toContainEqual(expect.objectContaining({ subjectId: record.id, kind: 'achievement_review' }));
    const otherCounty = (await call('countyB', 'GET', '/api/todos')).json() as { items: { subjectId: string }[] };
    expect(otherCounty.items.map((i) => i.subjectId)).not.toContain(record.id);
    await move('countyA', record.id, 'return', record.version, '补充材料');
    const ownerTodos = (await call('hostA', 'GET', '/api/todos')).json() as { items: { subjectId: string; kind: string }[] };
    expect(ownerTodos.items).toContainEqual(expect.objectContaining({ subjectId: record.id, kind: 'achievement_fix' }));
  });
});

async function workbookOf(rows: (string | number)[][]): Promise<Buffer> {
  const template = await app.inject({ url: '/api/imports/achievements/template.xlsx', headers: { cookie: cookies.city } });
  expect(template.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('科技成果')!;
  const headers = (sheet.getRow(1).values as string[]).slice(1).map((h) => h.replace(/\*$/, ''));
  rows.forEach((values, r) => values.forEach((value, c) => (sheet.getCell(r + 2, c + 1).value = value)));
  expect(headers.slice(0, 3)).toEqual(['成果名称', '成果简介', '关键词']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(who: Who, content: Buffer, query = '') {
  const body = multipartBody({ name: '成果.xlsx', content, type: xlsxType });
  return app.inject({
    method: 'POST',
    url: `/api/imports/achievements${query}`,
    headers: { cookie: cookies[who], 'content-type': body.contentType },
    payload: body.payload,
  });
}

describe('achievements in Excel', () => {
  it('offers a template with a 说明 sheet and drop-downs for maturity and transfer mode', async () => {
    const template = await app.inject({ url: '/api/imports/achievements/template.xlsx', headers: { cookie: cookies.city } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['科技成果', '选项', '填写说明']);
    const sheet = workbook.getWorksheet('科技成果')!;
    const maturityColumn = (sheet.getRow(1).values as string[]).indexOf('成熟度');
    expect(sheet.getCell(2, maturityColumn).dataValidation).toMatchObject({ type: 'list' });
  });

  it('imports nothing when one row is bad, and reports the row and column', async () => {
    const title = unique('导入成果');
    const content = await workbookOf([
      [title, '简介', '关键词一、关键词二', '', '新材料', '', '中试', '', await orgName(orgA)],
      [unique('坏行'), '', '', '', '', '', '半成品', '', await orgName(orgA)],
    ]);
    const response = await upload('city', content);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_REJECTED');
    expect(response.json().details).toContainEqual(expect.objectContaining({ row: 3, field: '成熟度' }));
    expect(await db.select().from(achievements).where(eq(achievements.title, title))).toHaveLength(0);
    const [run] = await db.select().from(importRuns).where(eq(importRuns.kind, 'achievements'));
    expect(run).toMatchObject({ status: 'failed', rejected: 1 });
  });

  it('imports every good row as a draft from Excel, idempotent on 外部编号, and publishes at once on request', async () => {
    const title = unique('导入成果');
    const externalId = unique('EXT');
    const rows = [
      [
        title,
        '简介',
        '玄武岩纤维',
        '',
        '新材料',
        '',
        '中试',
        'ZL1、ZL2',
        await orgName(orgA),
        '',
        '',
        '',
        '转让、许可',
        10,
        20,
        '',
        '',
        '',
        '联系人',
        externalId,
      ],
    ];
    const first = await upload('city', await workbookOf(rows));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ kind: 'achievements', rows: 1, created: 1 });
    const [row] = await db.select().from(achievements).where(eq(achievements.externalId, externalId));
    expect(row).toMatchObject({ status: 'draft', source: 'excel', maturity: 'pilot', transferModes: ['transfer', 'license'] });
    expect(row!.patents).toEqual([{ number: 'ZL1' }, { number: 'ZL2' }]);
    const again = await upload('city', await workbookOf(rows));
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    expect(await db.select().from(achievements).where(eq(achievements.externalId, externalId))).toHaveLength(1);
    const publishedTitle = unique('直接发布');
    const published = await upload(
      'countyA',
      await workbookOf([[publishedTitle, '', '', '', '', '', '', '', await orgName(orgA)]]),
      '?publish=true',
    );
    expect(published.statusCode, published.body).toBe(200);
    const [publishedRow] = await db.select().from(achievements).where(eq(achievements.title, publishedTitle));
    expect(publishedRow!.status).toBe('published');
  });

  it('exports the filtered list with the template’s columns', async () => {
    const record = await createDraft('hostA', { title: unique('导出成果') });
    const response = await call('hostA', 'GET', `/api/achievements.xlsx?q=${encodeURIComponent('导出成果')}`);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('科技成果')!;
    const titles = sheet.getColumn(1).values.slice(2);
    expect(titles).toContain((await call('hostA', 'GET', `/api/achievements/${record.id}`)).json().title);
    expect(sheet.getRow(1).getCell(21).value).toBe('状态');
  });
});

async function orgName(id: string): Promise<string> {
  const response = await call('city', 'GET', `/api/organizations/${id}`);
  return response.json().name as string;
}
