import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { demands } from '../../db/schema/index';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildRegionTree, buildUser, findAuditRecords, unique } from '../../../test/factories';
import { multipartBody, xlsxType } from '../../../test/multipart';

const { app, handle, login } = await buildTestApp();
const db = handle.db;
const tree = await buildRegionTree(db);
const enterpriseName = unique('甲县企业');
const orgA = await buildOrganization(db, { regionId: tree.countyA.id, name: enterpriseName });
const orgB = await buildOrganization(db, { regionId: tree.countyB.id });
const city = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
const countyB = await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id });
const hostA = await buildUser(db, { role: 'host_user', organizationId: orgA });
const hostB = await buildUser(db, { role: 'host_user', organizationId: orgB });
const cookies = {
  city: await login(city.username),
  countyB: await login(countyB.username),
  hostA: await login(hostA.username),
  hostB: await login(hostB.username),
};
type Who = keyof typeof cookies;
const call = (who: Who, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });

async function postDemand(values: Record<string, unknown> = {}) {
  const response = await call('hostA', 'POST', '/api/demands', {
    title: unique('提高玄武岩纤维强度的工艺'),
    description: '我们需要一种提高玄武岩纤维拉伸强度的浸润剂配方。',
    keywords: ['玄武岩纤维', '浸润剂'],
    technicalField: '新材料',
    budget: 80,
    deadline: '2027-06-30',
    contactName: '李经理',
    contactPhone: '13800000000',
    publishedContact: ['name'],
    ...values,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { id: string; version: number; status: string; enterpriseName: string };
}

describe('demands', () => {
  it('lets an enterprise user post a demand for its own organisation, submit it, and city staff publish it', async () => {
    let demand = await postDemand();
    expect(demand).toMatchObject({ status: 'draft', enterpriseName });
    demand = (await call('hostA', 'POST', `/api/demands/${demand.id}/transitions`, { action: 'submit', version: demand.version })).json();
    expect(demand.status).toBe('submitted');
    const published = await call('city', 'POST', `/api/demands/${demand.id}/transitions`, { action: 'publish', version: demand.version });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    expect(await findAuditRecords(db, 'demand.publish', demand.id)).toHaveLength(1);
    const list = (await call('hostB', 'GET', '/api/demands?status=published&limit=500')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toContain(demand.id);
    const seen = (await call('hostB', 'GET', `/api/demands/${demand.id}`)).json();
    expect(seen).toMatchObject({ contactName: '李经理', contactPhone: null });
  });

  it('hides a draft demand from another county and another enterprise', async () => {
    const demand = await postDemand();
    expect((await call('countyB', 'GET', `/api/demands/${demand.id}`)).statusCode).toBe(404);
    expect((await call('hostB', 'GET', `/api/demands/${demand.id}`)).statusCode).toBe(404);
    expect((await call('countyB', 'POST', `/api/demands/${demand.id}/transitions`, { action: 'submit', version: 1 })).statusCode).toBe(404);
  });

  it('refuses an enterprise user publishing its own demand, and an unknown move', async () => {
    let demand = await postDemand();
    demand = (await call('hostA', 'POST', `/api/demands/${demand.id}/transitions`, { action: 'submit', version: demand.version })).json();
    const refused = await call('hostA', 'POST', `/api/demands/${demand.id}/transitions`, { action: 'publish', version: demand.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await call('hostA', 'POST', `/api/demands/${demand.id}/transitions`, { action: 'fly', version: 1 })).statusCode).toBe(400);
  });

  it('answers 409 to a stale version and keeps the first change', async () => {
    const demand = await postDemand();
    await call('hostA', 'PATCH', `/api/demands/${demand.id}`, { budget: 100, version: demand.version });
    const stale = await call('hostA', 'PATCH', `/api/demands/${demand.id}`, { budget: 5, version: demand.version });
    expect(stale.statusCode).toBe(409);
    const [row] = await db.select().from(demands).where(eq(demands.id, demand.id));
    expect(row!.budget).toBe(100);
  });

  it('refuses a malformed deadline with 400, not 500', async () => {
    const response = await call('hostA', 'POST', '/api/demands', { title: unique('需求'), deadline: '2027-02-30' });
    expect(response.statusCode).toBe(400);
  });

  it('imports demands from the template all-or-nothing and exports the list', async () => {
    const template = await call('city', 'GET', '/api/imports/demands/template.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('技术需求')!;
    const good = unique('导入需求');
    sheet.getRow(2).values = [good, '描述', '锂钾', '', '', 30, '2027-01-01', enterpriseName];
    sheet.getRow(3).values = [unique('坏需求'), '', '', '', '', '很多', '2027-13-01', enterpriseName];
    const send = async () => {
      const body = multipartBody({ name: '需求.xlsx', content: Buffer.from(await workbook.xlsx.writeBuffer()), type: xlsxType });
      return app.inject({
        method: 'POST',
        url: '/api/imports/demands',
        headers: { cookie: cookies.city, 'content-type': body.contentType },
        payload: body.payload,
      });
    };
    const refused = await send();
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: '预算（万元）' }),
        expect.objectContaining({ row: 3, field: '截止日期' }),
      ]),
    );
    expect(await db.select().from(demands).where(eq(demands.title, good))).toHaveLength(0);
    sheet.spliceRows(3, 1);
    const accepted = await send();
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ created: 1 });
    const exported = await call('city', 'GET', `/api/demands.xlsx?q=${encodeURIComponent(good)}`);
    expect(exported.statusCode).toBe(200);
    const out = new ExcelJS.Workbook();
    await out.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    expect(out.getWorksheet('技术需求')!.getColumn(1).values).toContain(good);
  });
});
