import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildRegion,
  buildRegionTree,
  buildUser,
  findAuditRecords,
  unique,
} from '../../../test/factories';
import { makeCreditCode } from '../../db/seed/credit-codes';
import { auditLog, organizations, platformVersions } from '../../db/schema/index';
import { systemContext } from '../../shared/context';
import { verifyAuditChain } from '../audit/audit.service';
import { createOrganizationInTx, updateOrganizationInTx } from './organizations.service';
import { findOrganizationByCreditCode, findOrganizationByName, getOrganizationRow } from './organizations.repository';

const t = await buildTestApp();
const { db } = t.handle;

async function signIn(role: Role, scope: { regionId?: string; organizationId?: string } = {}): Promise<string> {
  const user = await buildUser(db, { role, ...scope });
  return t.login(user.username);
}

function request(cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
}

const newCode = () => makeCreditCode(unique('code'));

describe('registering organisations', () => {
  it('registers an organisation and answers it with its region name, audited', async () => {
    const { city, countyA } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const creditCode = newCode();
    const response = await request(cookie, 'POST', '/organizations', {
      name: '四川文理学院',
      kind: 'university',
      creditCode: creditCode.toLowerCase(),
      regionId: countyA.id,
      address: '达州市通川区塔石路519号',
    });
    expect(response.statusCode).toBe(200);
    const created = response.json();
    expect(created).toMatchObject({
      name: '四川文理学院',
      kind: 'university',
      creditCode,
      regionId: countyA.id,
      regionName: countyA.name,
      version: 1,
      qualifications: [],
    });
    const [audit] = await findAuditRecords(db, 'organization.create', created.id);
    expect(audit?.after).toMatchObject({ name: '四川文理学院', creditCode });
  });

  it('refuses a credit code with a wrong check character, saying which character and what it should be', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const response = await request(cookie, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode: '91350100M000100Y44',
      regionId: city.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('VALIDATION_FAILED');
    expect(response.json().message).toContain('统一社会信用代码第18位校验码错误：应为“3”，实际为“4”');
  });

  it('refuses a credit code with a forbidden letter, naming its position', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const response = await request(cookie, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode: '91350100M000100O43',
      regionId: city.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('第16位“O”');
  });

  it('refuses a credit code already held, naming the organisation that holds it — on create and on edit', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const creditCode = newCode();
    const holder = unique('达钢集团');
    await buildOrganization(db, { name: holder, regionId: city.id, creditCode });
    const duplicate = await request(cookie, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode,
      regionId: city.id,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(duplicate.json().message).toContain(`“${holder}”`);

    const otherId = await buildOrganization(db, { regionId: city.id });
    const edit = await request(cookie, 'PATCH', `/organizations/${otherId}`, { creditCode, version: 1 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain(holder);
  });

  it('refuses a region that does not exist, naming the field', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const response = await request(cookie, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode: newCode(),
      regionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'regionId' }] });
  });

  it('refuses a stale version with 409 and keeps the first edit', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const id = await buildOrganization(db, { regionId: city.id });
    const first = await request(cookie, 'PATCH', `/organizations/${id}`, { contactPerson: '张三', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ contactPerson: '张三', version: 2 });
    const second = await request(cookie, 'PATCH', `/organizations/${id}`, { contactPerson: '李四', version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('VERSION_CONFLICT');
    expect((await request(cookie, 'GET', `/organizations/${id}`)).json().contactPerson).toBe('张三');
  });

  it('answers an edit that changes nothing without a new version', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const name = unique('单位');
    const id = await buildOrganization(db, { name, regionId: city.id });
    const response = await request(cookie, 'PATCH', `/organizations/${id}`, { name, version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(1);
  });
});

describe('scope', () => {
  it('shows a county user only the organisations of its subtree, and 404 for the others', async () => {
    const { city, countyA, countyB } = await buildRegionTree(db);
    const town = await buildRegion(db, { parent: countyA, level: 'county', name: unique('镇') });
    const inA = await buildOrganization(db, { regionId: countyA.id });
    const inTown = await buildOrganization(db, { regionId: town.id });
    const inB = await buildOrganization(db, { regionId: countyB.id });
    const inCity = await buildOrganization(db, { regionId: city.id });
    const county = await signIn('county_staff', { regionId: countyA.id });

    const list = await request(county, 'GET', '/organizations?limit=500');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((o: { id: string }) => o.id);
    expect(ids.sort()).toEqual([inA, inTown].sort());
    expect(list.json().total).toBe(2);
    expect((await request(county, 'GET', `/organizations/${inB}`)).statusCode).toBe(404);
    expect((await request(county, 'GET', `/organizations/${inCity}`)).statusCode).toBe(404);
    expect((await request(county, 'PATCH', `/organizations/${inB}`, { contactPerson: 'x', version: 1 })).statusCode).toBe(404);
    expect((await request(county, 'DELETE', `/organizations/${inB}?version=1`)).statusCode).toBe(404);

    const city_ = await signIn('city_staff', { regionId: city.id });
    const cityIds = (await request(city_, 'GET', '/organizations?limit=500')).json().items.map((o: { id: string }) => o.id);
    expect(cityIds).toEqual(expect.arrayContaining([inA, inTown, inB, inCity]));
  });

  it('lets a county user register and edit only inside its subtree, and not move an organisation out', async () => {
    const { countyA, countyB } = await buildRegionTree(db);
    const county = await signIn('county_staff', { regionId: countyA.id });
    const outside = await request(county, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode: newCode(),
      regionId: countyB.id,
    });
    expect(outside.statusCode).toBe(403);
    const inside = await request(county, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode: newCode(),
      regionId: countyA.id,
    });
    expect(inside.statusCode).toBe(200);
    const move = await request(county, 'PATCH', `/organizations/${inside.json().id}`, { regionId: countyB.id, version: 1 });
    expect(move.statusCode).toBe(403);
    expect((await request(county, 'GET', `/organizations/${inside.json().id}`)).json().regionId).toBe(countyA.id);
  });

  it('shows a host user only its own organisation, which it may edit but not delete, and it cannot register others', async () => {
    const { countyA } = await buildRegionTree(db);
    const own = await buildOrganization(db, { regionId: countyA.id });
    const neighbour = await buildOrganization(db, { regionId: countyA.id });
    const host = await signIn('host_user', { organizationId: own });

    const list = await request(host, 'GET', '/organizations');
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: own }] });
    expect((await request(host, 'GET', `/organizations/${neighbour}`)).statusCode).toBe(404);
    expect((await request(host, 'PATCH', `/organizations/${neighbour}`, { address: 'x', version: 1 })).statusCode).toBe(404);
    const edit = await request(host, 'PATCH', `/organizations/${own}`, {
      address: '达州市通川区',
      contactPhone: '0818-1234567',
      version: 1,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ address: '达州市通川区', contactPhone: '0818-1234567' });
    const create = await request(host, 'POST', '/organizations', {
      name: unique('单位'),
      kind: 'enterprise',
      creditCode: newCode(),
      regionId: countyA.id,
    });
    expect(create.statusCode).toBe(403);
    expect((await request(host, 'DELETE', `/organizations/${own}?version=2`)).statusCode).toBe(403);
  });

  it('lets a host user change only its own contact data, naming the field it may not change, and says so in the answer', async () => {
    const { countyA, countyB } = await buildRegionTree(db);
    const own = await buildOrganization(db, { regionId: countyA.id, kind: 'enterprise' });
    const host = await signIn('host_user', { organizationId: own });
    const shown = (await request(host, 'GET', `/organizations/${own}`)).json();
    expect(shown).toMatchObject({ canDelete: false });
    expect([...shown.editableFields].sort()).toEqual(['address', 'contactPerson', 'contactPhone']);
    expect((await request(host, 'GET', '/organizations')).json().items[0]).toMatchObject({ canDelete: false });

    for (const [field, value] of [
      ['name', unique('新名称')],
      ['creditCode', newCode()],
      ['kind', 'university'],
      ['regionId', countyB.id],
    ] as const) {
      const refused = await request(host, 'PATCH', `/organizations/${own}`, { contactPerson: '王五', [field]: value, version: 1 });
      expect(refused.statusCode, field).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', details: [{ field }] });
    }
    // Refused edits changed nothing; the contact data alone goes through, audited with before and after.
    const edited = await request(host, 'PATCH', `/organizations/${own}`, { contactPerson: '王五', name: shown.name, version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ contactPerson: '王五', version: 2 });
    const [audit] = await findAuditRecords(db, 'organization.update', own);
    expect(audit).toMatchObject({ before: { contactPerson: null }, after: { contactPerson: '王五' } });
    expect((await request(host, 'PATCH', `/organizations/${own}`, { contactPerson: '赵六', version: 1 })).statusCode).toBe(409);
    // Qualifications are certified by the authorities, so the registry keepers record them.
    const qualification = { kind: 'tech_sme', validFrom: '2026-01-01' };
    expect((await request(host, 'POST', `/organizations/${own}/qualifications`, qualification)).statusCode).toBe(403);

    const county = await signIn('county_staff', { regionId: countyA.id });
    const staffView = (await request(county, 'GET', `/organizations/${own}`)).json();
    expect(staffView).toMatchObject({ canDelete: true });
    expect(staffView.editableFields).toContain('creditCode');
  });

  it('lets a leader read but not write', async () => {
    const { city } = await buildRegionTree(db);
    const id = await buildOrganization(db, { regionId: city.id });
    const leader = await signIn('leader', { regionId: city.id });
    expect((await request(leader, 'GET', `/organizations/${id}`)).statusCode).toBe(200);
    expect((await request(leader, 'PATCH', `/organizations/${id}`, { address: 'x', version: 1 })).statusCode).toBe(403);
  });
});

describe('finding organisations', () => {
  it('filters by keyword (name or credit code, wildcards literal), kind, region subtree and current qualification', async () => {
    const { city, countyA, countyB } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const tag = unique('筛选').replace('-', '');
    const enterprise = await buildOrganization(db, { name: `${tag}锂钾科技有限公司`, regionId: countyA.id });
    const university = await buildOrganization(db, { name: `${tag}学院`, kind: 'university', regionId: countyB.id });
    const percent = await buildOrganization(db, { name: `${tag}100%_材料`, regionId: countyB.id });
    const list = async (query: string) =>
      (await request(cookie, 'GET', `/organizations?limit=500&${query}`)).json().items.map((o: { id: string }) => o.id) as string[];

    expect((await list(`keyword=${encodeURIComponent(tag)}`)).sort()).toEqual([enterprise, university, percent].sort());
    expect(await list(`keyword=${encodeURIComponent(`${tag}100%_`)}`)).toEqual([percent]);
    expect(await list(`keyword=${encodeURIComponent('%')}&kind=university`)).not.toContain(enterprise);
    const code = (await request(cookie, 'GET', `/organizations/${university}`)).json().creditCode as string;
    expect(await list(`keyword=${code.slice(4, 16).toLowerCase()}`)).toEqual([university]);
    expect((await list(`keyword=${encodeURIComponent(tag)}&kind=university,hospital`)).sort()).toEqual([university]);
    expect((await list(`keyword=${encodeURIComponent(tag)}&regionId=${countyB.id}`)).sort()).toEqual([university, percent].sort());

    await request(cookie, 'POST', `/organizations/${enterprise}/qualifications`, {
      kind: 'high_tech',
      validFrom: '2020-01-01',
      validTo: '2099-12-31',
    });
    await request(cookie, 'POST', `/organizations/${percent}/qualifications`, {
      kind: 'high_tech',
      validFrom: '2015-01-01',
      validTo: '2017-12-31',
    });
    expect(await list(`keyword=${encodeURIComponent(tag)}&qualification=high_tech`)).toEqual([enterprise]);
  });

  it('refuses an unknown region filter with VALIDATION_FAILED', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const response = await request(cookie, 'GET', '/organizations?regionId=00000000-0000-4000-8000-000000000000');
    expect(response.statusCode).toBe(400);
  });
});

describe('qualifications', () => {
  it('records qualifications with their periods and withdraws one softly', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const id = await buildOrganization(db, { regionId: city.id });
    const added = await request(cookie, 'POST', `/organizations/${id}/qualifications`, {
      kind: 'tech_sme',
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
      certificateNo: '2024511700000123',
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().qualifications).toEqual([
      expect.objectContaining({ kind: 'tech_sme', validFrom: '2024-01-01', validTo: '2024-12-31', certificateNo: '2024511700000123' }),
    ]);
    const qualificationId = added.json().qualifications[0].id;
    const removed = await request(cookie, 'DELETE', `/organizations/${id}/qualifications/${qualificationId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().qualifications).toEqual([]);
    expect((await request(cookie, 'DELETE', `/organizations/${id}/qualifications/${qualificationId}`)).statusCode).toBe(404);
    const trail = await db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(trail.map((r) => r.action)).toEqual(['organization.qualification.add', 'organization.qualification.remove']);
  });

  it('refuses an enterprise qualification for a university and a period that ends before it starts', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const id = await buildOrganization(db, { regionId: city.id, kind: 'university' });
    const wrongKind = await request(cookie, 'POST', `/organizations/${id}/qualifications`, { kind: 'high_tech', validFrom: '2024-01-01' });
    expect(wrongKind.statusCode).toBe(422);
    expect(wrongKind.json().message).toContain('高新技术企业');
    const backwards = await request(cookie, 'POST', `/organizations/${id}/qualifications`, {
      kind: 'high_tech',
      validFrom: '2024-01-01',
      validTo: '2023-01-01',
    });
    expect(backwards.statusCode).toBe(400);
  });
});

describe('deleting', () => {
  it('soft-deletes: the organisation leaves lists and lookups but its row and platform history stay, and its code is free again', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const creditCode = newCode();
    const name = unique('被撤销单位');
    const id = await buildOrganization(db, { name, regionId: city.id, creditCode });
    const platformId = await buildPlatform(db, { regionId: city.id, hostOrganizationId: id, status: 'revoked' });

    expect((await request(cookie, 'DELETE', `/organizations/${id}?version=2`)).statusCode).toBe(409);
    const deleted = await request(cookie, 'DELETE', `/organizations/${id}?version=1`);
    expect(deleted.statusCode).toBe(200);
    expect((await request(cookie, 'GET', `/organizations/${id}`)).statusCode).toBe(404);
    const list = await request(cookie, 'GET', `/organizations?keyword=${encodeURIComponent(name)}`);
    expect(list.json()).toEqual({ items: [], total: 0 });
    expect(await getOrganizationRow(db, id)).toBeUndefined();
    expect(await findOrganizationByCreditCode(db, creditCode)).toBeUndefined();

    const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.name).toBe(name);
    const [version] = await db.select().from(platformVersions).where(eq(platformVersions.platformId, platformId));
    expect(version?.hostOrganizationId).toBe(id);

    const again = await request(cookie, 'POST', '/organizations', { name, kind: 'enterprise', creditCode, regionId: city.id });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).not.toBe(id);
  });

  it('refuses to delete an organisation that hosts platforms still in the registry, naming them', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const id = await buildOrganization(db, { regionId: city.id });
    const platformName = unique('玄武岩纤维重点实验室');
    await buildPlatform(db, { name: platformName, regionId: city.id, hostOrganizationId: id, status: 'cultivating' });
    const response = await request(cookie, 'DELETE', `/organizations/${id}?version=1`);
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe('RULE_VIOLATION');
    expect(response.json().message).toContain(platformName);
    expect((await request(cookie, 'GET', `/organizations/${id}`)).statusCode).toBe(200);
  });
});

describe('service functions for imports', () => {
  it('creates and updates many organisations inside one caller transaction, reporting unchanged rows', async () => {
    const { city } = await buildRegionTree(db);
    const ctx = systemContext(db);
    const names = [unique('导入甲'), unique('导入乙')];
    const codes = [newCode(), newCode()];
    const ids = await db.transaction(async (tx) => {
      const created: string[] = [];
      for (const [index, name] of names.entries()) {
        created.push(await createOrganizationInTx(tx, ctx, { name, kind: 'enterprise', creditCode: codes[index]!, regionId: city.id }));
      }
      expect(await updateOrganizationInTx(tx, ctx, created[0]!, { name: names[0], version: 1 })).toBe(false);
      expect(await updateOrganizationInTx(tx, ctx, created[1]!, { contactPerson: '王五', version: 1 })).toBe(true);
      return created;
    });
    expect((await findOrganizationByName(db, names[0]!))?.id).toBe(ids[0]);
    expect(await findOrganizationByCreditCode(db, codes[1]!)).toMatchObject({ id: ids[1], contactPerson: '王五', version: 2 });
  });

  it('rolls back every row of the caller transaction when one row is refused', async () => {
    const { city } = await buildRegionTree(db);
    const ctx = systemContext(db);
    const code = newCode();
    const name = unique('回滚');
    await expect(
      db.transaction(async (tx) => {
        await createOrganizationInTx(tx, ctx, { name, kind: 'enterprise', creditCode: code, regionId: city.id });
        await createOrganizationInTx(tx, ctx, { name: unique('重复'), kind: 'enterprise', creditCode: code, regionId: city.id });
      }),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(await findOrganizationByName(db, name)).toBeUndefined();
  });
});

describe('audit', () => {
  it('keeps the audit chain intact through every change above', async () => {
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ intact: true });
    expect(verdict.checked).toBeGreaterThan(10);
  });
});
