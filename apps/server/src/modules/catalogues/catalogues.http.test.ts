import { describe, expect, it } from 'vitest';
import type { CatalogueEntry, Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildRegionTree, buildUser, findAuditRecords, unique } from '../../../test/factories';

const t = await buildTestApp();
const { db } = t.handle;
const tree = await buildRegionTree(db);

async function signIn(role: Role, regionId = tree.city.id): Promise<string> {
  const user = await buildUser(db, { role, regionId });
  return t.login(user.username);
}

function request(cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });
}

const city = await signIn('city_staff');

describe('the industry catalogue', () => {
  it('lets city staff add industries, listed in order, audited, and offered where an industry is picked', async () => {
    const first = unique('新材料');
    const second = unique('现代物流');
    const added = await request(city, 'POST', '/catalogues/industry/entries', { name: first });
    expect(added.statusCode, added.body).toBe(200);
    await request(city, 'POST', '/catalogues/industry/entries', { name: second });
    const list = (await request(city, 'GET', '/catalogues/industry/entries')).json() as { items: CatalogueEntry[] };
    const names = list.items.map((entry) => entry.name);
    expect(names.indexOf(first)).toBeLessThan(names.indexOf(second));
    const entry = added.json() as CatalogueEntry;
    expect(await findAuditRecords(db, 'catalogue.create', entry.id)).toHaveLength(1);
    const offered = (await request(city, 'GET', '/platforms/industries')).json() as string[];
    expect(offered).toEqual(expect.arrayContaining([first, second]));
  });

  it('refuses a name the list already holds with 409', async () => {
    const name = unique('电子信息');
    await request(city, 'POST', '/catalogues/industry/entries', { name });
    const again = await request(city, 'POST', '/catalogues/industry/entries', { name });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('renames and retires an entry, which is then no longer offered; a stale version answers 409', async () => {
    const entry = (await request(city, 'POST', '/catalogues/industry/entries', { name: unique('生物医药') })).json() as CatalogueEntry;
    const renamed = unique('生物医药与大健康');
    const changed = await request(city, 'PATCH', `/catalogue-entries/${entry.id}`, {
      name: renamed,
      isActive: false,
      version: entry.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: renamed, isActive: false, version: entry.version + 1 });
    const offered = (await request(city, 'GET', '/platforms/industries')).json() as string[];
    expect(offered).not.toContain(renamed);
    const stale = await request(city, 'PATCH', `/catalogue-entries/${entry.id}`, { name: unique('x'), version: entry.version });
    expect(stale.statusCode).toBe(409);
    expect(await findAuditRecords(db, 'catalogue.update', entry.id)).toHaveLength(1);
  });

  it('lets county staff read the list but not change it, and refuses an unknown list', async () => {
    const county = await signIn('county_staff', tree.countyA.id);
    expect((await request(county, 'GET', '/catalogues/industry/entries')).statusCode).toBe(200);
    expect((await request(county, 'POST', '/catalogues/industry/entries', { name: unique('产业') })).statusCode).toBe(403);
    expect((await request(city, 'GET', '/catalogues/colours/entries')).statusCode).toBe(400);
  });
});
