import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Platform, Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';

const t = await buildTestApp();
const { db } = t.handle;

/**
 * Two cities; in the first, a host organisation (达钢-like) hosting one platform and co-building another,
 * and a department (经信局-like) supervising one type, with platforms of every combination around them.
 */
async function buildWorld() {
  const tree = await buildRegionTree(db);
  const elsewhere = await buildRegionTree(db);
  const department = await buildOrganization(db, { regionId: tree.city.id, kind: 'department', name: unique('经信局') });
  const supervisedType = await buildPlatformType(db, { name: unique('企业技术中心'), supervisorOrganizationId: department });
  const otherType = await buildPlatformType(db, { name: unique('重点实验室') });
  const steelworks = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('钢铁集团') });
  const neighbour = await buildOrganization(db, { regionId: tree.countyB.id, name: unique('邻县企业') });
  const farAway = await buildOrganization(db, { regionId: elsewhere.countyA.id, name: unique('外市企业') });
  const platform = (name: string, values: Parameters<typeof buildPlatform>[1]) => buildPlatform(db, { name: unique(name), ...values });
  const ids = {
    hostedSupervised: await platform('甲', { hostOrganizationId: steelworks, regionId: tree.countyA.id, typeId: supervisedType }),
    coBuiltOther: await platform('乙', {
      hostOrganizationId: neighbour,
      coBuilderIds: [steelworks],
      regionId: tree.countyB.id,
      typeId: otherType,
    }),
    neighbourSupervised: await platform('丙', { hostOrganizationId: neighbour, regionId: tree.countyB.id, typeId: supervisedType }),
    neighbourOther: await platform('丁', { hostOrganizationId: neighbour, regionId: tree.countyA.id, typeId: otherType }),
    otherCitySupervised: await platform('戊', { hostOrganizationId: farAway, regionId: elsewhere.countyA.id, typeId: supervisedType }),
  };
  return { tree, department, steelworks, ids };
}

async function signIn(role: Role, values: { regionId?: string; organizationId?: string }) {
  const cookie = await t.login((await buildUser(db, { role, ...values })).username);
  return async (url: string) => t.app.inject({ url, headers: { cookie } });
}

/** The list and the export of the same query, as the user sees them. */
async function listAndExport(get: (url: string) => Promise<{ statusCode: number; body: string; rawPayload: Buffer; json(): unknown }>) {
  const query = 'sort=name&order=asc&limit=500';
  const list = await get(`/api/platforms?${query}`);
  expect(list.statusCode, list.body).toBe(200);
  const page = list.json() as { items: Platform[]; total: number };
  const exported = await get(`/api/platforms/export.xlsx?${query}`);
  expect(exported.statusCode, exported.body).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const exportedNames: string[] = [];
  for (let row = 3; row <= sheet.rowCount; row++) exportedNames.push(String(sheet.getRow(row).getCell(1).value ?? ''));
  return { page, exportedNames };
}

describe('export scope', () => {
  it('exports to a host-organisation user exactly what its list shows: what it hosts or co-builds', async () => {
    const world = await buildWorld();
    const get = await signIn('host_user', { organizationId: world.steelworks });
    const { page, exportedNames } = await listAndExport(get);
    expect(page.items.map((p) => p.id).sort()).toEqual([world.ids.hostedSupervised, world.ids.coBuiltOther].sort());
    expect(page.total).toBe(2);
    expect(exportedNames).toEqual(page.items.map((p) => p.name));
  });

  it('exports to a department user exactly what its list shows: the types it supervises in its city', async () => {
    const world = await buildWorld();
    const get = await signIn('department_staff', { regionId: world.tree.city.id, organizationId: world.department });
    const { page, exportedNames } = await listAndExport(get);
    expect(page.items.map((p) => p.id).sort()).toEqual([world.ids.hostedSupervised, world.ids.neighbourSupervised].sort());
    expect(page.total).toBe(2);
    expect(exportedNames).toEqual(page.items.map((p) => p.name));
  });
});
