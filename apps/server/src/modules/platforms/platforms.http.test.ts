import { describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { labels, type Platform, type PlatformCounts, type PlatformVersion, type Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegion,
  buildRegionTree,
  buildUser,
  unique,
} from '../../../test/factories';
import { auditLog, catalogueEntries, platformTypes } from '../../db/schema/index';
import { seedPlatformSystem } from '../../db/seed/taxonomy';
import { verifyAuditChain } from '../audit/audit.service';
import { todayInChina } from '../../shared/clock';
import { dazhouIndustries, seedCatalogue } from '../../db/seed/catalogues';

const t = await buildTestApp();
const { db } = t.handle;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A signed-in user of a role, with helpers that call the API as that user. */
async function signIn(role: Role, values: { regionId?: string; organizationId?: string } = {}) {
  const user = await buildUser(db, { role, ...values });
  const cookie = await t.login(user.username);
  const call = (method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return {
    user,
    call,
    get: (url: string) => call('GET', url),
    list: async (query = '') => {
      const response = await call('GET', `/api/platforms${query ? `?${query}` : ''}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { items: Platform[]; total: number };
    },
    create: (payload: object) => call('POST', '/api/platforms', payload),
    update: (id: string, payload: object) => call('PATCH', `/api/platforms/${id}`, payload),
  };
}

/** A small world: a city with two counties, a host organisation in each, one platform type. */
async function buildWorld() {
  const tree = await buildRegionTree(db);
  const systemId = await seedPlatformSystem(db, { code: unique('sys').replace('-', '_'), name: unique('体系') });
  const cityType = await buildPlatformType(db, { systemId, name: unique('市级重点实验室'), level: 'city' });
  const provincialType = await buildPlatformType(db, { systemId, name: unique('省级重点实验室'), level: 'provincial' });
  const hostA = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('甲县企业') });
  const hostB = await buildOrganization(db, { regionId: tree.countyB.id, name: unique('乙县企业') });
  const cityStaff = await signIn('city_staff', { regionId: tree.city.id });
  return { ...tree, systemId, cityType, provincialType, hostA, hostB, cityStaff };
}

const platformInput = (world: Awaited<ReturnType<typeof buildWorld>>, values: Record<string, unknown> = {}) => ({
  name: unique('平台'),
  typeId: world.cityType,
  hostOrganizationId: world.hostA,
  regionId: world.countyA.id,
  status: 'operating',
  ...values,
});

async function createdPlatform(world: Awaited<ReturnType<typeof buildWorld>>, values: Record<string, unknown> = {}): Promise<Platform> {
  const response = await world.cityStaff.create(platformInput(world, values));
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function readWorkbook(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

const cellText = (value: ExcelJS.CellValue) => (value === null || value === undefined ? '' : String(value));

describe('the registry as of a day', () => {
  it('shows each platform as it stood on the day asked: absent, 培育, 运行 under its old name, then 撤销', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world, { name: '玄武岩纤维实验室', status: 'constructing', recognizedOn: '2020-05-01' });
    expect(created).toMatchObject({ validFrom: '2020-05-01', version: 1, status: 'constructing' });
    const upgraded = await world.cityStaff.call('POST', `/api/platforms/${created.id}/transitions`, {
      action: 'startOperation',
      reason: '建设期验收通过',
      effectiveDate: '2022-03-01',
      version: 1,
    });
    expect(upgraded.statusCode, upgraded.body).toBe(200);
    const renamed = await world.cityStaff.update(created.id, {
      version: 2,
      typeId: world.provincialType,
      name: '玄武岩纤维及复合材料实验室',
      effectiveDate: '2023-06-01',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const revoked = await world.cityStaff.call('POST', `/api/platforms/${created.id}/transitions`, {
      action: 'revoke',
      reason: '评估不合格',
      effectiveDate: '2024-01-01',
      version: 3,
    });
    expect(revoked.statusCode, revoked.body).toBe(200);

    const asOf = async (day: string | null) => {
      const page = await world.cityStaff.list(`regionId=${world.countyA.id}${day ? `&asOf=${day}` : ''}`);
      return page.items.find((item) => item.id === created.id);
    };
    expect(await asOf('2019-12-31')).toBeUndefined();
    expect(await asOf('2020-05-01')).toMatchObject({ status: 'constructing' });
    expect(await asOf('2021-06-30')).toMatchObject({ status: 'constructing', typeName: expect.stringContaining('市级'), level: 'city' });
    expect(await asOf('2022-03-01')).toMatchObject({ status: 'operating', name: '玄武岩纤维实验室', validFrom: '2022-03-01' });
    expect(await asOf('2023-12-31')).toMatchObject({ status: 'operating', level: 'provincial', name: '玄武岩纤维及复合材料实验室' });
    expect(await asOf('2024-01-01')).toMatchObject({ status: 'revoked', name: '玄武岩纤维及复合材料实验室' });
    expect(await asOf(null)).toMatchObject({ status: 'revoked', name: '玄武岩纤维及复合材料实验室', version: 4 });

    const counts = async (day: string) =>
      (await world.cityStaff.get(`/api/platforms/counts?regionId=${world.countyA.id}&asOf=${day}`)).json() as PlatformCounts;
    expect((await counts('2019-12-31')).total).toBe(0);
    expect((await counts('2021-06-30')).byStatus.find((s) => s.status === 'constructing')?.count).toBe(1);
    expect((await counts('2023-12-31')).byLevel.find((l) => l.level === 'provincial')?.count).toBe(1);
  });

  it('shows the history newest first, each change with names before and after and who recorded it', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world, { status: 'cultivating', recognizedOn: '2020-05-01' });
    const coBuilder = await buildOrganization(db, { regionId: world.countyA.id, name: unique('共建大学') });
    await world.cityStaff.update(created.id, {
      version: 1,
      typeId: world.provincialType,
      coBuilderIds: [coBuilder],
      effectiveDate: '2022-03-01',
      changeNote: '升级为省级',
    });
    await world.cityStaff.update(created.id, {
      version: 2,
      hostOrganizationId: world.hostB,
      regionId: world.countyB.id,
      effectiveDate: '2023-07-01',
    });

    const response = await world.cityStaff.get(`/api/platforms/${created.id}/history`);
    expect(response.statusCode, response.body).toBe(200);
    const history = response.json() as PlatformVersion[];
    expect(history.map((v) => [v.version, v.validFrom, v.validTo])).toEqual([
      [3, '2023-07-01', null],
      [2, '2022-03-01', '2023-07-01'],
      [1, '2020-05-01', '2022-03-01'],
    ]);
    // People as 姓名（单位）: a staff member without an organisation is named with the region they act for.
    expect(history[0]!.recordedBy).toBe(`${world.cityStaff.user.username}（${world.city.name}）`);
    const [hostA, hostB] = [created.hostOrganizationName, history[0]!.snapshot.hostOrganizationName];
    expect(history[0]!.changes).toEqual([
      { field: 'hostOrganization', before: hostA, after: hostB },
      { field: 'region', before: world.countyA.name, after: world.countyB.name },
    ]);
    expect(history[1]!.changeNote).toBe('升级为省级');
    expect(history[1]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'type', before: created.typeName, after: history[1]!.snapshot.typeName },
        { field: 'level', before: '市级', after: '省级' },
        { field: 'coBuilders', before: [], after: [history[1]!.snapshot.coBuilders[0]!.name] },
      ]),
    );
    expect(history[1]!.snapshot.typeName).not.toBe(created.typeName);
    expect(history[2]!.changes).toEqual([]);
    expect(history[2]!.snapshot).toMatchObject({ status: 'cultivating', regionName: world.countyA.name, version: 1 });
  });

  it('refuses an effective date before the current state began or after today, in Chinese', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world, { recognizedOn: '2021-01-01' });
    const early = await world.cityStaff.update(created.id, { version: 1, director: '李四', effectiveDate: '2020-12-31' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('不能早于当前状态的生效日期') });
    const future = await world.cityStaff.update(created.id, { version: 1, director: '李四', effectiveDate: '2199-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toContain('不能晚于今天');
    const futureCreate = await world.cityStaff.create(platformInput(world, { effectiveDate: '2199-01-01' }));
    expect(futureCreate.statusCode).toBe(422);
    expect(futureCreate.json().code).toBe('RULE_VIOLATION');
    expect((await world.cityStaff.get(`/api/platforms/${created.id}`)).json().version).toBe(1);
  });

  it('starts version 1 on the effective date, else the recognition date, else today', async () => {
    const world = await buildWorld();
    expect((await createdPlatform(world, { recognizedOn: '2019-03-04', effectiveDate: '2020-01-02' })).validFrom).toBe('2020-01-02');
    expect((await createdPlatform(world, { recognizedOn: '2019-03-04' })).validFrom).toBe('2019-03-04');
    expect((await createdPlatform(world)).validFrom).toBe(todayInChina());
  });

  it('returns the platform unchanged, with no new version, when an update changes nothing', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world, { director: '张三', technicalFields: ['玄武岩纤维'] });
    const same = await world.cityStaff.update(created.id, {
      version: 1,
      name: created.name,
      status: 'operating',
      director: '张三',
      technicalFields: ['玄武岩纤维'],
      changeNote: '无变化',
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual(created);
    const history = (await world.cityStaff.get(`/api/platforms/${created.id}/history`)).json() as PlatformVersion[];
    expect(history).toHaveLength(1);
  });

  it('answers 409 VERSION_CONFLICT to the second of two concurrent edits of the same version', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world);
    const [first, second] = await Promise.all([
      world.cityStaff.update(created.id, { version: 1, director: '甲' }),
      world.cityStaff.update(created.id, { version: 1, director: '乙' }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().code).toBe('VERSION_CONFLICT');
    const current = (await world.cityStaff.get(`/api/platforms/${created.id}`)).json() as Platform;
    expect(current.version).toBe(2);
    const stale = await world.cityStaff.update(created.id, { version: 1, director: '丙' });
    expect(stale.statusCode).toBe(409);
  });

  it('soft-deletes a platform entered by mistake with the right version, hiding it from every view', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world);
    const stale = await world.cityStaff.call('DELETE', `/api/platforms/${created.id}?version=7`);
    expect(stale.statusCode).toBe(409);
    const deleted = await world.cityStaff.call('DELETE', `/api/platforms/${created.id}?version=1`);
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect((await world.cityStaff.get(`/api/platforms/${created.id}`)).statusCode).toBe(404);
    expect((await world.cityStaff.get(`/api/platforms/${created.id}/history`)).statusCode).toBe(404);
    expect((await world.cityStaff.update(created.id, { version: 1, director: 'x' })).statusCode).toBe(404);
    expect((await world.cityStaff.list(`regionId=${world.countyA.id}`)).items.map((p) => p.id)).not.toContain(created.id);
    const counts = (await world.cityStaff.get(`/api/platforms/counts?regionId=${world.countyA.id}`)).json() as PlatformCounts;
    expect(counts.total).toBe(0);
    const [record] = await db.select().from(auditLog).where(eq(auditLog.objectId, created.id)).orderBy(auditLog.seq);
    expect(record).toMatchObject({ action: 'platform.create', objectType: 'platform' });
  });

  it('refuses to delete a platform that another names as its parent', async () => {
    const world = await buildWorld();
    const parent = await createdPlatform(world);
    await createdPlatform(world, { name: '分支机构', parentPlatformId: parent.id });
    const response = await world.cityStaff.call('DELETE', `/api/platforms/${parent.id}?version=1`);
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain('分支机构');
  });

  it('keeps a revoked platform in the registry with status 撤销', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world);
    const revoked = await world.cityStaff.call('POST', `/api/platforms/${created.id}/transitions`, {
      action: 'revoke',
      reason: '评估不合格',
      effectiveDate: todayInChina(),
      version: 1,
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked', version: 2 });
    const page = await world.cityStaff.list(`regionId=${world.countyA.id}&status=revoked`);
    expect(page.items.map((p) => p.id)).toEqual([created.id]);
  });
});

describe('scope', () => {
  it('shows a county user only its subtree in the list, the counts and the export', async () => {
    const world = await buildWorld();
    const zone = await buildRegion(db, { parent: world.countyA, level: 'zone', name: unique('园区') });
    const inA = await createdPlatform(world, { name: unique('甲县平台') });
    const inZone = await createdPlatform(world, { name: unique('园区平台'), regionId: zone.id });
    const inB = await createdPlatform(world, { name: unique('乙县平台'), hostOrganizationId: world.hostB, regionId: world.countyB.id });
    const county = await signIn('county_staff', { regionId: world.countyA.id });

    const page = await county.list('sort=name&order=asc');
    expect(page.items.map((p) => p.id).sort()).toEqual([inA.id, inZone.id].sort());
    expect(page.total).toBe(2);
    const counts = (await county.get('/api/platforms/counts')).json() as PlatformCounts;
    expect(counts.total).toBe(2);
    expect(counts.byRegion).toEqual([{ id: zone.id, name: zone.name, count: 1 }]);
    const exported = await county.get('/api/platforms/export.xlsx?sort=name&order=asc');
    expect(exported.statusCode).toBe(200);
    const sheet = await readWorkbook(exported.rawPayload);
    const names = [];
    for (let row = 3; row <= sheet.rowCount; row++) names.push(cellText(sheet.getRow(row).getCell(1).value));
    expect(names).toEqual(page.items.map((p) => p.name));
    expect(names).not.toContain(inB.name);

    const cityCounts = (await world.cityStaff.get('/api/platforms/counts')).json() as PlatformCounts;
    expect(cityCounts.byRegion).toEqual(
      expect.arrayContaining([
        { id: world.countyA.id, name: world.countyA.name, count: 2 },
        { id: world.countyB.id, name: world.countyB.name, count: 1 },
      ]),
    );
  });

  it("answers 404 to a county user for another county's platform and refuses to create or move one there", async () => {
    const world = await buildWorld();
    const inB = await createdPlatform(world, { hostOrganizationId: world.hostB, regionId: world.countyB.id });
    const county = await signIn('county_staff', { regionId: world.countyA.id });
    expect((await county.get(`/api/platforms/${inB.id}`)).statusCode).toBe(404);
    expect((await county.get(`/api/platforms/${inB.id}/history`)).statusCode).toBe(404);
    expect((await county.update(inB.id, { version: 1, director: '某人' })).statusCode).toBe(404);
    expect((await county.call('DELETE', `/api/platforms/${inB.id}?version=1`)).statusCode).toBe(404);

    const there = await county.create(platformInput(world, { regionId: world.countyB.id }));
    expect(there.statusCode).toBe(400);
    expect(there.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'regionId' }] });
    const foreignHost = await county.create(platformInput(world, { hostOrganizationId: world.hostB }));
    expect(foreignHost.statusCode).toBe(400);
    expect(foreignHost.json().details).toEqual([expect.objectContaining({ field: 'hostOrganizationId' })]);

    const own = await county.create(platformInput(world));
    expect(own.statusCode, own.body).toBe(200);
    const move = await county.update(own.json().id, { version: 1, regionId: world.countyB.id });
    expect(move.statusCode).toBe(400);
    expect(move.json().details).toEqual([expect.objectContaining({ field: 'regionId' })]);
    expect((await county.update(own.json().id, { version: 1, director: '李四' })).json()).toMatchObject({ director: '李四', version: 2 });
  });

  it('shows department staff only the types their organisation supervises, and lets them write only those', async () => {
    const world = await buildWorld();
    const department = await buildOrganization(db, { regionId: world.city.id, kind: 'department' });
    const supervisedType = await buildPlatformType(db, {
      systemId: world.systemId,
      name: unique('市级企业技术中心'),
      supervisorOrganizationId: department,
    });
    const supervised = await createdPlatform(world, { typeId: supervisedType });
    await createdPlatform(world, { typeId: world.cityType });
    const staff = await signIn('department_staff', { regionId: world.city.id, organizationId: department });

    expect((await staff.list()).items.map((p) => p.id)).toEqual([supervised.id]);
    expect(((await staff.get('/api/platforms/counts')).json() as PlatformCounts).total).toBe(1);
    const other = await staff.create(platformInput(world, { typeId: world.cityType }));
    expect(other.statusCode).toBe(400);
    expect(other.json().details).toEqual([expect.objectContaining({ field: 'typeId' })]);
    expect((await staff.create(platformInput(world, { typeId: supervisedType }))).statusCode).toBe(200);
    const convert = await staff.update(supervised.id, { version: 1, typeId: world.cityType });
    expect(convert.statusCode).toBe(400);
  });

  it('shows a host user only the platforms its organisation hosts or co-builds, and lets it describe only those it hosts', async () => {
    const world = await buildWorld();
    const hosted = await createdPlatform(world);
    const coBuilt = await createdPlatform(world, {
      hostOrganizationId: world.hostB,
      regionId: world.countyB.id,
      coBuilderIds: [world.hostA],
    });
    const other = await createdPlatform(world, { hostOrganizationId: world.hostB, regionId: world.countyB.id });
    const host = await signIn('host_user', { organizationId: world.hostA });
    expect((await host.list()).items.map((p) => p.id).sort()).toEqual([hosted.id, coBuilt.id].sort());
    expect((await host.get(`/api/platforms/${other.id}`)).statusCode).toBe(404);
    expect((await host.create(platformInput(world))).statusCode).toBe(403);

    // Its own platform: the descriptive fields only, said by the API so the page shows just those inputs.
    const detail = (await host.get(`/api/platforms/${hosted.id}`)).json() as Platform;
    expect(detail.editableFields?.sort()).toEqual(['director', 'remarks', 'technicalFields']);
    const described = await host.update(hosted.id, {
      version: 1,
      director: '张三',
      technicalFields: ['天然气化工'],
      remarks: '年度开放共享',
    });
    expect(described.statusCode, described.body).toBe(200);
    expect(described.json()).toMatchObject({ director: '张三', technicalFields: ['天然气化工'], version: 2 });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.objectId, hosted.id)).orderBy(desc(auditLog.seq)).limit(1);
    expect(audit).toMatchObject({ action: 'platform.update', actorUsername: host.user.username });
    expect((await host.update(hosted.id, { version: 1, director: '李四' })).statusCode).toBe(409);

    // Never the registry's fields, each refusal naming the field; unchanged values sent along are no change.
    for (const [field, value] of [
      ['name', '改名'],
      ['regionId', world.countyB.id],
      ['recognitionDocNo', '达市科发〔2026〕1号'],
      ['typeId', world.provincialType],
    ] as const) {
      const refused = await host.update(hosted.id, { version: 2, director: '张三', [field]: value });
      expect(refused.statusCode, field).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'FORBIDDEN', details: [{ field }] });
      expect(refused.json().message).toContain('不能修改平台的');
    }
    expect((await host.update(hosted.id, { version: 2, name: hosted.name, remarks: '面向全市开放' })).statusCode).toBe(200);
    // A platform it only co-builds stays read-only; lifecycle moves and deletion remain the bureau's.
    expect(((await host.get(`/api/platforms/${coBuilt.id}`)).json() as Platform).editableFields).toEqual([]);
    expect((await host.update(coBuilt.id, { version: 1, director: 'x' })).statusCode).toBe(403);
    expect((await host.call('GET', `/api/platforms/${hosted.id}/transitions`)).json()).toEqual([]);
    const revoke = { action: 'revoke', reason: '自行撤销', effectiveDate: todayInChina(), version: 3 };
    expect((await host.call('POST', `/api/platforms/${hosted.id}/transitions`, revoke)).statusCode).toBe(403);
    expect((await host.call('DELETE', `/api/platforms/${hosted.id}?version=3`)).statusCode).toBe(403);
    // Staff keep every field.
    expect(((await world.cityStaff.get(`/api/platforms/${hosted.id}`)).json() as Platform).editableFields).toContain('regionId');
  });

  it('charts by the level below the viewer: a host by the regions of its own platforms, a county without regions below by itself', async () => {
    const world = await buildWorld();
    await createdPlatform(world);
    await createdPlatform(world, { hostOrganizationId: world.hostB, regionId: world.countyB.id, coBuilderIds: [world.hostA] });
    await createdPlatform(world, { hostOrganizationId: world.hostB, regionId: world.countyB.id });
    const host = await signIn('host_user', { organizationId: world.hostA });
    const hostCounts = (await host.get('/api/platforms/counts')).json() as PlatformCounts;
    expect(hostCounts.total).toBe(2);
    expect(hostCounts.byRegion.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      [
        { id: world.countyA.id, name: world.countyA.name, count: 1 },
        { id: world.countyB.id, name: world.countyB.name, count: 1 },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );
    const county = await signIn('county_staff', { regionId: world.countyB.id });
    const countyCounts = (await county.get('/api/platforms/counts')).json() as PlatformCounts;
    expect(countyCounts.byRegion).toEqual([{ id: world.countyB.id, name: world.countyB.name, count: 2 }]);
  });

  it('lets a leader read its city but change nothing', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world);
    const leader = await signIn('leader', { regionId: world.city.id });
    expect((await leader.get(`/api/platforms/${created.id}`)).statusCode).toBe(200);
    expect((await leader.update(created.id, { version: 1, director: 'x' })).statusCode).toBe(403);
    expect((await leader.call('DELETE', `/api/platforms/${created.id}?version=1`)).statusCode).toBe(403);
  });

  it('refuses a region filter outside the actor’s subtree', async () => {
    const world = await buildWorld();
    const county = await signIn('county_staff', { regionId: world.countyA.id });
    const response = await county.get(`/api/platforms?regionId=${world.countyB.id}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([expect.objectContaining({ field: 'regionId' })]);
  });
});

describe('filters and order', () => {
  it('filters by region subtree, type list, level, status, industry, host and system', async () => {
    const world = await buildWorld();
    const zone = await buildRegion(db, { parent: world.countyA, level: 'zone' });
    const a = await createdPlatform(world, { industry: '新材料' });
    const z = await createdPlatform(world, { regionId: zone.id, typeId: world.provincialType, status: 'constructing' });
    const b = await createdPlatform(world, { hostOrganizationId: world.hostB, regionId: world.countyB.id, status: 'rectifying' });
    const ids = async (query: string) => (await world.cityStaff.list(query)).items.map((p) => p.id).sort();
    expect(await ids(`regionId=${world.countyA.id}`)).toEqual([a.id, z.id].sort());
    expect(await ids(`regionId=${zone.id}`)).toEqual([z.id]);
    expect(await ids(`typeId=${world.provincialType}`)).toEqual([z.id]);
    expect(await ids(`typeId=${world.provincialType},${world.cityType}`)).toEqual([a.id, z.id, b.id].sort());
    expect(await ids('level=city')).toEqual([a.id, b.id].sort());
    expect(await ids('level=provincial,national')).toEqual([z.id]);
    expect(await ids('status=constructing,rectifying')).toEqual([z.id, b.id].sort());
    expect(await ids(`industry=${encodeURIComponent('新材料')}`)).toEqual([a.id]);
    expect(await ids(`hostOrganizationId=${world.hostB}`)).toEqual([b.id]);
    expect(await ids(`systemId=${world.systemId}`)).toHaveLength(3);
  });

  it('matches the keyword in name, host, director and technical fields, taking % and _ literally', async () => {
    const world = await buildWorld();
    const tag = unique('k');
    const percent = await createdPlatform(world, { name: `${tag}100%纯度中心` });
    const underscore = await createdPlatform(world, { name: `${tag}A_B中心` });
    await createdPlatform(world, { name: `${tag}AxB中心` });
    await createdPlatform(world, { name: `${tag}100纯度中心` });
    const director = await createdPlatform(world, { director: `${tag}王五` });
    const field = await createdPlatform(world, { technicalFields: ['锂钾', `${tag}天然气化工`] });
    const search = async (keyword: string) =>
      (await world.cityStaff.list(`keyword=${encodeURIComponent(keyword)}`)).items.map((p) => p.id).sort();
    expect(await search(`${tag}A_B`)).toEqual([underscore.id]);
    expect(await search(`${tag}100%`)).toEqual([percent.id]);
    expect(await search('_B中')).toEqual([underscore.id]);
    expect(await search(`${tag}王五`)).toEqual([director.id]);
    expect(await search(`${tag}天然气`)).toEqual([field.id]);
    const hostName = (await world.cityStaff.get(`/api/platforms/${percent.id}`)).json().hostOrganizationName as string;
    expect((await search(hostName)).length).toBeGreaterThanOrEqual(6);
  });

  it('sorts by the field asked and pages with a total', async () => {
    const world = await buildWorld();
    const tag = unique('s');
    for (const name of ['丙', '甲', '乙']) await createdPlatform(world, { name: `${tag}-${name}`, recognizedOn: '2021-01-01' });
    const query = `keyword=${tag}&sort=name&order=asc`;
    const all = await world.cityStaff.list(query);
    expect(all.items.map((p) => p.name)).toEqual([...all.items.map((p) => p.name)].sort());
    const desc = await world.cityStaff.list(`keyword=${tag}&sort=name&order=desc`);
    expect(desc.items.map((p) => p.name)).toEqual([...all.items.map((p) => p.name)].reverse());
    const second = await world.cityStaff.list(`${query}&limit=1&offset=1`);
    expect(second).toMatchObject({ total: 3, items: [{ name: all.items[1]!.name }] });
    for (const sort of ['recognizedOn', 'updatedAt', 'level', 'typeName', 'regionName', 'status']) {
      expect((await world.cityStaff.list(`keyword=${tag}&sort=${sort}`)).total).toBe(3);
    }
    expect((await world.cityStaff.get('/api/platforms?limit=501')).statusCode).toBe(400);
  });

  it('lists each item with its names: type, system, region, host, co-builders, parent and successor', async () => {
    const world = await buildWorld();
    const coBuilder = await buildOrganization(db, { regionId: world.countyA.id, name: unique('共建') });
    const parent = await createdPlatform(world, { name: unique('总部') });
    const successor = await createdPlatform(world, { name: unique('承继') });
    const branch = await createdPlatform(world, {
      coBuilderIds: [coBuilder],
      parentPlatformId: parent.id,
      successorPlatformId: successor.id,
      status: 'merged',
    });
    expect(branch).toMatchObject({
      regionId: world.countyA.id,
      regionName: world.countyA.name,
      typeId: world.cityType,
      systemId: world.systemId,
      level: 'city',
      coBuilders: [{ id: coBuilder, name: expect.stringContaining('共建') }],
      parentPlatformName: parent.name,
      successorPlatformName: successor.name,
    });
    const listed = (await world.cityStaff.list(`keyword=${encodeURIComponent(branch.name)}`)).items[0];
    // Lists leave out the per-user editable fields that one platform's own answer carries.
    expect(listed).toEqual({ ...branch, editableFields: undefined });
  });
});

describe('export', () => {
  it('exports exactly the list: same rows, same order, Chinese headers, a title naming the filter and day', async () => {
    const world = await buildWorld();
    const coBuilder = await buildOrganization(db, { regionId: world.countyA.id, name: unique('共建') });
    await createdPlatform(world, {
      name: unique('导出甲'),
      coBuilderIds: [coBuilder],
      industry: '新材料',
      technicalFields: ['玄武岩纤维', '复合材料'],
      director: '赵六',
      recognitionDocNo: '达市科〔2021〕12号',
      recognizedOn: '2021-06-01',
      constructionEndsOn: '2024-06-01',
    });
    await createdPlatform(world, { name: unique('导出乙'), status: 'cultivating', recognizedOn: '2020-01-01' });
    await createdPlatform(world, { name: unique('导出丙'), hostOrganizationId: world.hostB, regionId: world.countyB.id });
    const query = `regionId=${world.countyA.id}&sort=recognizedOn&order=desc&asOf=${todayInChina()}`;
    const list = await world.cityStaff.list(query);
    expect(list.total).toBe(2);

    const response = await world.cityStaff.get(`/api/platforms/export.xlsx?${query}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="platforms-\d{8}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(/^科技创新平台名录-\d{8}\.xlsx$/);

    const sheet = await readWorkbook(response.rawPayload);
    const title = cellText(sheet.getRow(1).getCell(1).value);
    expect(title).toContain(`所在区域：${world.countyA.name}（含下级）`);
    expect(title).toContain(`截至 ${todayInChina()}`);
    expect(title).toContain('导出时间');
    const headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(cellText);
    expect(headers).toEqual([
      '平台名称',
      '体系',
      '类型',
      '级别',
      '依托单位',
      '共建单位',
      '所在区域',
      '重点产业',
      '技术领域',
      '负责人',
      '状态',
      '认定文号',
      '认定日期',
      '建设期满',
      '更新时间',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);

    const rows = [];
    for (let row = 3; row <= sheet.rowCount; row++) {
      rows.push(Array.from({ length: 14 }, (_, index) => cellText(sheet.getRow(row).getCell(index + 1).value)));
    }
    expect(rows).toEqual(
      list.items.map((p) => [
        p.name,
        p.systemName,
        p.typeName,
        labels.platformLevel[p.level],
        p.hostOrganizationName,
        p.coBuilders.map((c) => c.name).join('、'),
        p.regionName,
        p.industry ?? '',
        p.technicalFields.join('、'),
        p.director ?? '',
        labels.platformStatus[p.status],
        p.recognitionDocNo ?? '',
        p.recognizedOn ?? '',
        p.constructionEndsOn ?? '',
      ]),
    );
    expect(cellText(sheet.getRow(3).getCell(15).value)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('exports an empty registry as a title and header only', async () => {
    const world = await buildWorld();
    const response = await world.cityStaff.get(`/api/platforms/export.xlsx?regionId=${world.countyB.id}`);
    const sheet = await readWorkbook(response.rawPayload);
    expect(sheet.rowCount).toBe(2);
    expect(cellText(sheet.getRow(1).getCell(1).value)).toContain('数据状态：当前');
  });
});

describe('validation', () => {
  it('refuses a missing or retired type, for new platforms and for conversions into it', async () => {
    const world = await buildWorld();
    const missing = await world.cityStaff.create(platformInput(world, { typeId: '00000000-0000-4000-8000-000000000000' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ field: 'typeId' })]);

    const retired = await buildPlatformType(db, { systemId: world.systemId, name: unique('市级工程技术研究中心') });
    const existing = await createdPlatform(world, { typeId: retired });
    await db.update(platformTypes).set({ isActive: false, retiredOn: '2024-01-01' }).where(eq(platformTypes.id, retired));
    const created = await world.cityStaff.create(platformInput(world, { typeId: retired }));
    expect(created.statusCode).toBe(422);
    expect(created.json().message).toContain('不再接受新平台');
    const other = await createdPlatform(world);
    expect((await world.cityStaff.update(other.id, { version: 1, typeId: retired })).statusCode).toBe(422);
    // A platform already of the retired type still takes other changes.
    expect((await world.cityStaff.update(existing.id, { version: 1, director: '钱七' })).statusCode).toBe(200);
  });

  it('names the field when a referenced organisation, region or platform does not exist', async () => {
    const world = await buildWorld();
    const nobody = '00000000-0000-4000-8000-000000000000';
    for (const field of ['hostOrganizationId', 'regionId', 'parentPlatformId', 'successorPlatformId']) {
      const response = await world.cityStaff.create(platformInput(world, { [field]: nobody }));
      expect(response.statusCode, field).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
    }
    const coBuilder = await world.cityStaff.create(platformInput(world, { coBuilderIds: [nobody] }));
    expect(coBuilder.json().details).toEqual([expect.objectContaining({ field: 'coBuilderIds' })]);
    const hostAsCoBuilder = await world.cityStaff.create(platformInput(world, { coBuilderIds: [world.hostA] }));
    expect(hostAsCoBuilder.statusCode).toBe(400);
  });

  it('refuses a platform as its own parent or successor, and a parent cycle', async () => {
    const world = await buildWorld();
    const top = await createdPlatform(world);
    const child = await createdPlatform(world, { parentPlatformId: top.id });
    const self = await world.cityStaff.update(top.id, { version: 1, parentPlatformId: top.id });
    expect(self.statusCode).toBe(422);
    expect((await world.cityStaff.update(top.id, { version: 1, successorPlatformId: top.id })).statusCode).toBe(422);
    const cycle = await world.cityStaff.update(top.id, { version: 1, parentPlatformId: child.id });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().message).toContain('下级');
  });

  it('requires a successor for a platform registered as 已转并', async () => {
    const world = await buildWorld();
    const merged = await world.cityStaff.create(platformInput(world, { status: 'merged' }));
    expect(merged.statusCode).toBe(422);
    expect(merged.json()).toMatchObject({ code: 'RULE_VIOLATION', details: [{ field: 'successorPlatformId' }] });
    const successor = await createdPlatform(world);
    const ok = await world.cityStaff.create(platformInput(world, { status: 'merged', successorPlatformId: successor.id }));
    expect(ok.json()).toMatchObject({ status: 'merged', successorPlatformName: successor.name });
  });

  it('refuses a second platform of the same name under the same host', async () => {
    const world = await buildWorld();
    const first = await createdPlatform(world);
    const again = await world.cityStaff.create(platformInput(world, { name: first.name }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_EXISTS');
  });

  it('refuses a construction end before the recognition date', async () => {
    const world = await buildWorld();
    const response = await world.cityStaff.create(platformInput(world, { recognizedOn: '2022-01-01', constructionEndsOn: '2021-01-01' }));
    expect(response.statusCode).toBe(422);
  });

  it('audits every change with before and after, in an intact chain', async () => {
    const world = await buildWorld();
    const created = await createdPlatform(world);
    await world.cityStaff.update(created.id, { version: 1, director: '孙八', changeNote: '更换负责人' });
    const records = await db.select().from(auditLog).where(eq(auditLog.objectId, created.id)).orderBy(auditLog.seq);
    expect(records.map((r) => r.action)).toEqual(['platform.create', 'platform.update']);
    expect(records[1]!.before).toMatchObject({ director: null, version: 1 });
    expect(records[1]!.after).toMatchObject({ director: '孙八', version: 2, changeNote: '更换负责人' });
    expect(records[1]!.actorUsername).toBe(world.cityStaff.user.username);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});

describe('industries', () => {
  /** The city's industry catalogue, as the demo seed fills it (a city edits it on the 名录 page); once per database. */
  const seedIndustries = async () => {
    const [row] = await db.select({ n: count() }).from(catalogueEntries);
    if (!row?.n) await db.transaction((tx) => seedCatalogue(tx, db, 'industry', dazhouIndustries));
  };

  it('takes an industry only from the city’s list once it has one, and says which list to use', async () => {
    const world = await buildWorld();
    const free = unique('自由填写产业');
    // No list yet (a fresh city): any industry is taken as typed.
    expect((await world.cityStaff.create(platformInput(world, { industry: free }))).statusCode).toBe(200);
    await seedIndustries();
    const refused = await world.cityStaff.create(platformInput(world, { industry: unique('名录外产业') }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.json().message).toContain('名录');
    expect((await world.cityStaff.create(platformInput(world, { industry: '新材料' }))).statusCode).toBe(200);
  });

  it('offers the key industries first, then the others used in the actor’s scope', async () => {
    await seedIndustries();
    const world = await buildWorld();
    // A platform recorded before the list existed keeps its industry, and the filter offers it too.
    const other = unique('现代物流');
    await buildPlatform(db, { industry: other, regionId: world.countyA.id, hostOrganizationId: world.hostA });
    await createdPlatform(world, { industry: '新材料' });
    await buildPlatform(db, { industry: unique('外地产业') });
    const county = await signIn('county_staff', { regionId: world.countyA.id });
    const industries = (await county.get('/api/platforms/industries')).json() as string[];
    expect(industries.slice(0, 6)).toEqual(['新材料', '智能制造', '能源化工', '农产品加工', '电子信息', '生物医药']);
    expect(industries.slice(6)).toEqual([other]);
  });
});
