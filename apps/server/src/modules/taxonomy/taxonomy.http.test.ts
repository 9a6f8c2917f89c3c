import { describe, expect, it } from 'vitest';
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildUser,
  findAuditRecords,
  unique,
} from '../../../test/factories';
import { seedPlatformSystem } from '../../db/seed/taxonomy';
import { auditLog, platformTypes, platformVersions, platforms } from '../../db/schema/index';
import { verifyAuditChain } from '../audit/audit.service';
import { assertTypeAcceptsPlatforms } from '../platforms/platforms.service';
import { findSupervisedTypeIds } from './taxonomy.repository';

const t = await buildTestApp();
const { db } = t.handle;

async function signIn(role: Role, scope: { regionId?: string; organizationId?: string } = {}): Promise<string> {
  const user = await buildUser(db, { role, ...scope });
  return t.login(user.username);
}

function request(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
}

/** The version of a platform in force on `day` (valid_from <= day < valid_to). */
async function versionOn(platformId: string, day: string) {
  const rows = await db
    .select()
    .from(platformVersions)
    .where(
      and(
        eq(platformVersions.platformId, platformId),
        lte(platformVersions.validFrom, day),
        or(isNull(platformVersions.validTo), gt(platformVersions.validTo, day)),
      ),
    );
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0];
}

async function newSystem() {
  return seedPlatformSystem(db, { code: unique('sys').replace('-', '_'), name: unique('体系') });
}

describe('reading the taxonomy', () => {
  it('lists systems and types with system, supervisor and successor names and the platform count each actor sees', async () => {
    const { city, countyA, countyB } = await buildRegionTree(db);
    const bureau = await buildOrganization(db, { name: unique('市经信局'), kind: 'department', regionId: city.id });
    const systemId = await newSystem();
    const supervised = await buildPlatformType(db, {
      systemId,
      name: unique('市级企业技术中心'),
      supervisorOrganizationId: bureau,
      supervisingDepartment: '经信局',
    });
    const other = await buildPlatformType(db, { systemId, name: unique('市级重点实验室') });
    const host = await buildOrganization(db, { regionId: countyA.id });
    await buildPlatform(db, { typeId: supervised, regionId: countyA.id, hostOrganizationId: host, status: 'operating' });
    await buildPlatform(db, { typeId: supervised, regionId: countyA.id, status: 'cultivating' });
    await buildPlatform(db, { typeId: supervised, regionId: countyB.id, status: 'constructing' });
    await buildPlatform(db, { typeId: supervised, regionId: countyB.id, status: 'rectifying', coBuilderIds: [host] });
    await buildPlatform(db, { typeId: supervised, regionId: countyA.id, status: 'revoked' });
    await buildPlatform(db, { typeId: other, regionId: countyA.id, status: 'operating' });
    const deleted = await buildPlatform(db, { typeId: supervised, regionId: countyA.id, status: 'operating' });
    await db.update(platforms).set({ deletedAt: new Date() }).where(eq(platforms.id, deleted));

    const countsFor = async (cookie: string) => {
      const response = await request(cookie, 'GET', '/taxonomy');
      expect(response.statusCode).toBe(200);
      const types = response.json().types as { id: string; platformCount: number }[];
      return [supervised, other].map((id) => types.find((type) => type.id === id)?.platformCount);
    };
    const cityCookie = await signIn('city_staff', { regionId: city.id });
    const taxonomy = (await request(cityCookie, 'GET', '/taxonomy')).json();
    expect(taxonomy.systems).toEqual(expect.arrayContaining([expect.objectContaining({ id: systemId })]));
    expect(taxonomy.types.find((type: { id: string }) => type.id === supervised)).toMatchObject({
      systemId,
      supervisorOrganizationId: bureau,
      supervisorOrganizationName: expect.stringContaining('市经信局'),
      supervisingDepartment: '经信局',
      isActive: true,
      successorTypeName: null,
    });
    expect(await countsFor(cityCookie)).toEqual([4, 1]);
    expect(await countsFor(await signIn('leader', { regionId: city.id }))).toEqual([4, 1]);
    expect(await countsFor(await signIn('county_staff', { regionId: countyA.id }))).toEqual([2, 1]);
    expect(await countsFor(await signIn('department_staff', { regionId: city.id, organizationId: bureau }))).toEqual([4, 0]);
    expect(await countsFor(await signIn('host_user', { organizationId: host }))).toEqual([2, 0]);
  });

  it('filters types by system and level and leaves retired ones out unless asked', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const systemId = await newSystem();
    const provincial = await buildPlatformType(db, { systemId, level: 'provincial' });
    const cityLevel = await buildPlatformType(db, { systemId, level: 'city' });
    const retired = await buildPlatformType(db, { systemId, level: 'city' });
    await db.update(platformTypes).set({ isActive: false, retiredOn: '2020-01-01' }).where(eq(platformTypes.id, retired));
    const ids = async (query: string) => {
      const response = await request(cookie, 'GET', `/platform-types?systemId=${systemId}${query}`);
      expect(response.statusCode).toBe(200);
      return (response.json().items as { id: string }[]).map((type) => type.id).sort();
    };
    expect(await ids('')).toEqual([provincial, cityLevel].sort());
    expect(await ids('&level=city')).toEqual([cityLevel]);
    expect(await ids('&level=city&includeRetired=true')).toEqual([cityLevel, retired].sort());
    expect(await ids('&level=national,provincial')).toEqual([provincial]);
    expect((await request(cookie, 'GET', `/platform-types/${retired}`)).json()).toMatchObject({ isActive: false, retiredOn: '2020-01-01' });
    expect((await request(cookie, 'GET', '/platform-types/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('editing the taxonomy', () => {
  it('lets city staff add a system and a type, refusing duplicates, missing references and other roles', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const code = `lab_${unique('x').slice(2).replace('-', '')}`;
    const system = await request(cookie, 'POST', '/platform-systems', { code, name: unique('实验室体系'), sortOrder: 5 });
    expect(system.statusCode).toBe(200);
    expect((await request(cookie, 'POST', '/platform-systems', { code, name: unique('另一体系') })).statusCode).toBe(409);

    const supervisor = await buildOrganization(db, { kind: 'department', regionId: city.id });
    const name = unique('市级临床医学研究中心');
    const created = await request(cookie, 'POST', '/platform-types', {
      systemId: system.json().id,
      name,
      level: 'city',
      supervisorOrganizationId: supervisor,
      supervisingDepartment: '卫健委、科技局',
      constructionPeriodMonths: 36,
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ name, systemName: system.json().name, platformCount: 0, version: 1, isActive: true });

    const duplicate = await request(cookie, 'POST', '/platform-types', { systemId: system.json().id, name, level: 'city' });
    expect(duplicate.statusCode).toBe(409);
    const noSystem = await request(cookie, 'POST', '/platform-types', {
      systemId: '00000000-0000-4000-8000-000000000000',
      name: unique('类型'),
      level: 'city',
    });
    expect(noSystem.statusCode).toBe(400);
    expect(noSystem.json().details).toEqual([expect.objectContaining({ field: 'systemId' })]);
    const noSupervisor = await request(cookie, 'POST', '/platform-types', {
      systemId: system.json().id,
      name: unique('类型'),
      level: 'city',
      supervisorOrganizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(noSupervisor.statusCode).toBe(400);
    expect(noSupervisor.json().details).toEqual([expect.objectContaining({ field: 'supervisorOrganizationId' })]);

    const county = await signIn('county_staff', { regionId: city.id });
    expect(
      (await request(county, 'POST', '/platform-types', { systemId: system.json().id, name: unique('类型'), level: 'city' })).statusCode,
    ).toBe(403);
  });

  it('edits a type with its version and refuses a stale one', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const id = await buildPlatformType(db);
    const first = await request(cookie, 'PATCH', `/platform-types/${id}`, { recognitionStandard: '有实验条件、有管理制度', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ recognitionStandard: '有实验条件、有管理制度', version: 2 });
    const stale = await request(cookie, 'PATCH', `/platform-types/${id}`, { constructionPeriodMonths: 24, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});

describe('editing a system', () => {
  it('renames and re-describes a system with its version, audited, refusing a stale version, a name in use and other roles', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const system = { code: unique('sys').replace('-', '_'), name: unique('体系') };
    const id = await seedPlatformSystem(db, system);
    const other = { code: unique('sys').replace('-', '_'), name: unique('体系') };
    await seedPlatformSystem(db, other);
    const name = unique('技术创新中心体系');
    const renamed = await request(cookie, 'PATCH', `/platform-systems/${id}`, { name, description: '共性关键技术', version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id, code: system.code, name, description: '共性关键技术', version: 2 });
    const [record] = await findAuditRecords(db, 'taxonomy.system.update', id);
    expect(record?.before).toMatchObject({ name: system.name });
    expect(record?.after).toMatchObject({ name });

    const stale = await request(cookie, 'PATCH', `/platform-systems/${id}`, { sortOrder: 3, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const taken = await request(cookie, 'PATCH', `/platform-systems/${id}`, { name: other.name, version: 2 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().message).toContain(other.name);
    const county = await signIn('county_staff', { regionId: city.id });
    expect((await request(county, 'PATCH', `/platform-systems/${id}`, { sortOrder: 1, version: 2 })).statusCode).toBe(403);
    expect(
      (await request(cookie, 'PATCH', '/platform-systems/00000000-0000-4000-8000-000000000000', { sortOrder: 1, version: 1 })).statusCode,
    ).toBe(404);
  });
});

describe('retiring a type (撤、并、转)', () => {
  it('converts every live platform to the successor from the effective date, keeping the old type before it', async () => {
    const { city, countyA } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const systemId = await newSystem();
    const fromName = unique('市级工程技术研究中心');
    const toName = unique('市级技术创新中心');
    const from = await buildPlatformType(db, { systemId, name: fromName });
    const to = await buildPlatformType(db, { systemId, name: toName });
    const converted = await buildPlatform(db, { typeId: from, regionId: countyA.id, status: 'operating', recognizedOn: '2020-06-15' });
    const cultivating = await buildPlatform(db, { typeId: from, regionId: countyA.id, status: 'cultivating', validFrom: '2022-03-01' });
    const revoked = await buildPlatform(db, { typeId: from, regionId: countyA.id, status: 'revoked', recognizedOn: '2019-01-01' });

    const response = await request(cookie, 'POST', `/platform-types/${from}/retire`, {
      successorTypeId: to,
      effectiveDate: '2024-01-01',
      note: '定政办发〔2018〕120号',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      convertedPlatforms: 2,
      type: {
        id: from,
        isActive: false,
        retiredOn: '2024-01-01',
        successorTypeId: to,
        successorTypeName: toName,
        platformCount: 0,
        version: 2,
      },
    });

    expect((await versionOn(converted, '2023-12-31'))?.typeId).toBe(from);
    const after = await versionOn(converted, '2024-01-02');
    expect(after).toMatchObject({
      typeId: to,
      version: 2,
      validFrom: '2024-01-01',
      validTo: null,
      status: 'operating',
      recognizedOn: '2020-06-15',
    });
    expect(after?.changeNote).toBe(`类型撤并转：${fromName} → ${toName}（定政办发〔2018〕120号）`);
    expect(await versionOn(converted, '2021-01-01')).toMatchObject({ typeId: from, version: 1, validTo: '2024-01-01' });
    expect((await versionOn(cultivating, '2024-01-02'))?.typeId).toBe(to);
    const [platformRow] = await db.select().from(platforms).where(eq(platforms.id, converted));
    expect(platformRow?.version).toBe(2);

    // A revoked platform keeps its type and gets no new version.
    const revokedVersions = await db.select().from(platformVersions).where(eq(platformVersions.platformId, revoked));
    expect(revokedVersions).toEqual([expect.objectContaining({ typeId: from, validTo: null })]);

    const taxonomy = (await request(cookie, 'GET', '/taxonomy')).json();
    expect(taxonomy.types.find((type: { id: string }) => type.id === to).platformCount).toBe(2);

    const trail = await db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.objectId, from), eq(auditLog.objectId, converted), eq(auditLog.objectId, cultivating)))
      .orderBy(asc(auditLog.seq));
    expect(trail.map((record) => record.action)).toEqual(['taxonomy.type.retire', 'platform.convert_type', 'platform.convert_type']);
    expect(trail[1]?.after).toMatchObject({ typeId: to, validFrom: '2024-01-01' });
    expect(await verifyAuditChain(db)).toMatchObject({ intact: true });

    // The retired type accepts no new platforms; the message names the successor.
    await expect(assertTypeAcceptsPlatforms(db, from)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining(toName),
    });
    await expect(assertTypeAcceptsPlatforms(db, to)).resolves.toMatchObject({ id: to });
    await expect(assertTypeAcceptsPlatforms(db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('retires a type without a successor: it stops accepting platforms and its platforms keep their type', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const typeId = await buildPlatformType(db);
    const platformId = await buildPlatform(db, { typeId, regionId: city.id, recognizedOn: '2021-01-01' });
    const response = await request(cookie, 'POST', `/platform-types/${typeId}/retire`, {
      successorTypeId: null,
      effectiveDate: '2024-06-30',
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ convertedPlatforms: 0, type: { isActive: false, successorTypeId: null } });
    expect(await db.select().from(platformVersions).where(eq(platformVersions.platformId, platformId))).toHaveLength(1);
    await expect(assertTypeAcceptsPlatforms(db, typeId)).rejects.toMatchObject({ code: 'RULE_VIOLATION' });
    const again = await request(cookie, 'POST', `/platform-types/${typeId}/retire`, {
      successorTypeId: null,
      effectiveDate: '2024-06-30',
      version: 2,
    });
    expect(again.statusCode).toBe(422);
  });

  it('refuses retiring into itself, into a retired type, from a future date, before a platform’s current record, or from a stale version', async () => {
    const { city } = await buildRegionTree(db);
    const cookie = await signIn('city_staff', { regionId: city.id });
    const typeId = await buildPlatformType(db);
    const successor = await buildPlatformType(db);
    const retiredSuccessor = await buildPlatformType(db);
    await db.update(platformTypes).set({ isActive: false, retiredOn: '2019-01-01' }).where(eq(platformTypes.id, retiredSuccessor));
    const late = unique('晚认定平台');
    const platformId = await buildPlatform(db, { typeId, name: late, regionId: city.id, recognizedOn: '2023-05-01' });
    const retire = (body: object) => request(cookie, 'POST', `/platform-types/${typeId}/retire`, { version: 1, ...body });

    const itself = await retire({ successorTypeId: typeId, effectiveDate: '2024-01-01' });
    expect(itself.statusCode).toBe(422);
    expect(itself.json()).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('自己') });
    const intoRetired = await retire({ successorTypeId: retiredSuccessor, effectiveDate: '2024-01-01' });
    expect(intoRetired.statusCode).toBe(422);
    expect(intoRetired.json().message).toContain('已撤销');
    const future = await retire({ successorTypeId: successor, effectiveDate: '2199-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json().message).toContain('晚于今天');
    const tooEarly = await retire({ successorTypeId: successor, effectiveDate: '2023-04-30' });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.json().message).toContain(late);
    expect(tooEarly.json().message).toContain('2023-05-01');
    const missing = await retire({ successorTypeId: '00000000-0000-4000-8000-000000000000', effectiveDate: '2024-01-01' });
    expect(missing.statusCode).toBe(400);
    const stale = await retire({ successorTypeId: successor, effectiveDate: '2024-01-01', version: 7 });
    expect(stale.statusCode).toBe(409);

    // Nothing above changed anything.
    const [type] = await db.select().from(platformTypes).where(eq(platformTypes.id, typeId));
    expect(type).toMatchObject({ isActive: true, version: 1, retiredOn: null });
    expect(await db.select().from(platformVersions).where(eq(platformVersions.platformId, platformId))).toHaveLength(1);
  });
});

describe('supervision', () => {
  it('finds the types an organisation supervises', async () => {
    const { city } = await buildRegionTree(db);
    const bureau = await buildOrganization(db, { kind: 'department', regionId: city.id });
    const systemId = await newSystem();
    const supervised = await buildPlatformType(db, { systemId, supervisorOrganizationId: bureau });
    await buildPlatformType(db, { systemId });
    expect(await findSupervisedTypeIds(db, bureau)).toEqual([supervised]);
  });
});
