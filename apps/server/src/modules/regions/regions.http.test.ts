import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Region, RegionNode } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildRegion, buildRegionTree, unique } from '../../../test/factories';
import { auditLog } from '../../db/schema/index';
import { demoPassword, seedDemo } from '../../db/seed/demo';

const t = await buildTestApp();
const { db } = t.handle;
const { regionIds } = await seedDemo(db);

const dazhouCounties = ['通川区', '达川区', '万源市', '宣汉县', '开江县', '大竹县', '渠县', '达州高新区'];
const dingxiCounties = ['安定区', '通渭县', '陇西县', '渭源县', '临洮县', '漳县', '岷县'];

const sysadmin = await t.login('sysadmin', demoPassword);

function get(cookie: string, url: string) {
  return t.app.inject({ url: `/api${url}`, headers: { cookie } });
}

function patch(cookie: string, id: string, payload: object) {
  return t.app.inject({ method: 'PATCH', url: `/api/regions/${id}`, headers: { cookie }, payload });
}

const names = (nodes: { name: string }[]) => nodes.map((node) => node.name).sort();

describe('reading regions', () => {
  it('answers the seeded tree: 四川省/达州市 with its eight county-level regions, 甘肃省/定西市 with its seven counties', async () => {
    const response = await get(sysadmin, '/regions/tree');
    expect(response.statusCode).toBe(200);
    const tree = response.json() as RegionNode[];
    expect(tree.map((node) => node.name)).toEqual(['四川省', '甘肃省']);
    const [sichuan, gansu] = tree;
    expect(sichuan!.children.map((node) => node.name)).toEqual(['达州市']);
    expect(names(sichuan!.children[0]!.children)).toEqual([...dazhouCounties].sort());
    expect(sichuan!.children[0]!.children.find((node) => node.name === '达州高新区')).toMatchObject({ level: 'zone', code: null });
    expect(gansu!.children.map((node) => node.name)).toEqual(['定西市']);
    expect(names(gansu!.children[0]!.children)).toEqual([...dingxiCounties].sort());
    expect(gansu!.children[0]!.children.every((node) => node.level === 'county' && node.children.length === 0)).toBe(true);
  });

  it('shows a county user only its own subtree, and answers 404 for regions outside it', async () => {
    const xuanhan = await t.login('xuanhan', demoPassword);
    const tree = (await get(xuanhan, '/regions/tree')).json() as RegionNode[];
    expect(tree).toMatchObject([{ name: '宣汉县', level: 'county', children: [] }]);
    expect((await get(xuanhan, '/regions')).json()).toMatchObject({ items: [{ name: '宣汉县' }], total: 1 });
    expect((await get(xuanhan, `/regions/${regionIds.get('宣汉县')}`)).statusCode).toBe(200);
    for (const outside of ['达州市', '四川省', '通川区', '定西市']) {
      const response = await get(xuanhan, `/regions/${regionIds.get(outside)}`);
      expect(response.statusCode, outside).toBe(404);
      expect(response.json().code).toBe('NOT_FOUND');
    }
  });

  it('shows the city user 达州市 and everything under it, nothing of 甘肃省', async () => {
    const city = await t.login('city', demoPassword);
    const tree = (await get(city, '/regions/tree')).json() as RegionNode[];
    expect(tree.map((node) => node.name)).toEqual(['达州市']);
    expect(names(tree[0]!.children)).toEqual([...dazhouCounties].sort());
    expect((await get(city, `/regions/${regionIds.get('定西市')}`)).statusCode).toBe(404);
  });

  it('pages the flat list with limit and offset, parents first, answering {items, total}', async () => {
    const all = (await get(sysadmin, '/regions')).json() as { items: Region[]; total: number };
    expect(all.total).toBe(2 + 2 + dazhouCounties.length + dingxiCounties.length);
    expect(all.items).toHaveLength(all.total);
    expect(all.items.slice(0, 2).map((region) => region.name)).toEqual(['四川省', '甘肃省']);
    const first = (await get(sysadmin, '/regions?limit=5')).json() as { items: Region[]; total: number };
    expect(first.total).toBe(all.total);
    expect(first.items.map((region) => region.id)).toEqual(all.items.slice(0, 5).map((region) => region.id));
    const rest = (await get(sysadmin, '/regions?limit=5&offset=15')).json() as { items: Region[] };
    expect(rest.items.map((region) => region.id)).toEqual(all.items.slice(15).map((region) => region.id));
    expect((await get(sysadmin, '/regions?limit=501')).statusCode).toBe(400);
    expect((await get(sysadmin, '/regions?offset=-1')).statusCode).toBe(400);
  });
});

describe('changing regions', () => {
  it('lets the system administrator create and update a region, audited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: sysadmin },
      payload: { parentId: regionIds.get('定西市'), name: '定西经济开发区', level: 'zone' },
    });
    expect(created.statusCode).toBe(200);
    const region = created.json() as Region;
    expect(region).toMatchObject({ name: '定西经济开发区', level: 'zone', version: 1 });
    const updated = await patch(sysadmin, region.id, { name: '定西经开区', sortOrder: 9, version: 1 });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ name: '定西经开区', sortOrder: 9, version: 2 });
    const records = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.objectType, 'region'), eq(auditLog.objectId, region.id)));
    expect(records.map((record) => record.action).sort()).toEqual(['region.create', 'region.update']);
  });

  it.each(['city', 'xuanhan', 'secadmin', 'auditadmin', 'leader', 'dagang'])('refuses region changes to %s with 403', async (username) => {
    const cookie = await t.login(username, demoPassword);
    const target = regionIds.get(username === 'xuanhan' ? '宣汉县' : '达州市')!;
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie },
      payload: { parentId: target, name: unique('新区'), level: 'zone' },
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().code).toBe('FORBIDDEN');
    expect((await patch(cookie, target, { name: '改名', version: 1 })).statusCode).toBe(403);
    expect((await get(sysadmin, `/regions/${target}`)).json().name).toBe(username === 'xuanhan' ? '宣汉县' : '达州市');
  });

  it('refuses to lower a city to the level of its counties', async () => {
    const { city } = await buildRegionTree(db);
    const response = await patch(sysadmin, city.id, { level: 'county', version: 1 });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringContaining('有下级区域') });
    expect((await get(sysadmin, `/regions/${city.id}`)).json()).toMatchObject({ level: 'city', version: 1 });
  });

  it('refuses to raise a county to the level of its city, or a city to its province’s', async () => {
    const { province, city, countyA } = await buildRegionTree(db);
    const county = await patch(sysadmin, countyA.id, { level: 'city', version: 1 });
    expect(county.statusCode).toBe(422);
    expect(county.json().message).toContain('必须低于上级区域');
    expect((await patch(sysadmin, city.id, { level: 'province', version: 1 })).statusCode).toBe(422);
    expect((await get(sysadmin, `/regions/${province.id}`)).json().level).toBe('province');
  });

  it('lets a leaf change between county and zone, which fit the same place', async () => {
    const { countyA } = await buildRegionTree(db);
    const response = await patch(sysadmin, countyA.id, { level: 'zone', version: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ level: 'zone', version: 2 });
  });

  it('refuses a rename to the name of a sibling, with 409', async () => {
    const { countyA, countyB } = await buildRegionTree(db);
    const response = await patch(sysadmin, countyA.id, { name: countyB.name, version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'ALREADY_EXISTS', message: `同一上级下已有“${countyB.name}”` });
    expect((await get(sysadmin, `/regions/${countyA.id}`)).json().name).toBe(countyA.name);
  });

  it('refuses a rename of a top-level region to another top-level region’s name', async () => {
    const other = await buildRegion(db, { level: 'province' });
    const response = await patch(sysadmin, other.id, { name: '四川省', version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('ALREADY_EXISTS');
  });

  it('allows the same name under another parent, and keeping one’s own name', async () => {
    const first = await buildRegionTree(db);
    const second = await buildRegionTree(db);
    expect((await patch(sysadmin, second.countyA.id, { name: first.countyA.name, version: 1 })).statusCode).toBe(200);
    expect((await patch(sysadmin, second.countyB.id, { name: second.countyB.name, sortOrder: 3, version: 1 })).statusCode).toBe(200);
  });
});
