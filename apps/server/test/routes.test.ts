import { describe, expect, it } from 'vitest';
import { buildTestApp } from './build-test-app';
import { buildOrganization, buildPlatform, buildRegionTree, buildUser } from './factories';

const t = await buildTestApp();
const { db } = t.handle;
const routes = t.app.routePermissions.filter((r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'));

describe('route permissions', () => {
  it('finds the API routes', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('has every route declare the permission it needs', () => {
    const undeclared = t.app.routePermissions.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('refuses every non-public route to a visitor without a session', async () => {
    for (const route of routes.filter((r) => r.permission !== 'public')) {
      const url = route.url.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await t.app.inject({
        method: route.method as 'GET',
        url,
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      expect.soft(response.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});

const hostileIds = [
  'not-a-uuid',
  "' OR 1=1 --",
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '-1',
  '0',
  'x'.repeat(150),
  '%F0%9F%98%80',
  'null',
  '00000000-0000-4000-8000-000000000000',
];
const hostileQueries = [
  'limit=-1',
  'limit=abc',
  'limit=100000',
  'offset=-5',
  'offset=1e309',
  'asOf=2023-02-30',
  'asOf=yesterday',
  'regionId=xyz',
  'typeId=a,b,c',
  'status=unknown',
  'level=galactic',
  'sort=drop%20table',
  'order=sideways',
  `keyword=${'%25_'.repeat(2000)}`,
  'keyword=%00',
  'from=2024-13-01&to=x',
  'kind=robot',
  'role=root',
  'limit[]=1&limit[]=2',
  'planId=zzz',
];
const hostileBodies: unknown[] = [
  null,
  [],
  'a string',
  12345,
  {},
  { name: { $gt: '' }, version: 'one' },
  { __proto__: { isAdmin: true }, constructor: { prototype: { isAdmin: true } } },
  { name: 'x'.repeat(100_000) },
  { name: '\u0000\u0001', creditCode: '../../', regionId: "'; drop table platforms; --", version: -1 },
  { version: 1e300, effectiveDate: '2999-99-99', typeId: 42, status: ['operating'] },
  { username: 'a', password: { length: 1 } },
  deepObject(200),
];

function deepObject(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

describe('hostile input', () => {
  it('answers every route a 4xx {code, message} for hostile ids, queries and bodies — never a 5xx', async () => {
    const tree = await buildRegionTree(db);
    const organizationId = await buildOrganization(db, { regionId: tree.countyA.id });
    await buildPlatform(db, { regionId: tree.countyA.id, hostOrganizationId: organizationId });
    const actors = await Promise.all(
      (
        [
          { role: 'city_staff', regionId: tree.city.id },
          { role: 'county_staff', regionId: tree.countyA.id },
          { role: 'host_user', organizationId },
          { role: 'sysadmin' },
          { role: 'secadmin' },
          { role: 'auditadmin' },
        ] as const
      ).map(async (values) => t.login((await buildUser(db, values)).username)),
    );
    const failures: string[] = [];
    const check = async (method: string, url: string, cookie: string, payload?: unknown, rawBody?: string) => {
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, ...(rawBody !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(rawBody !== undefined ? { payload: rawBody } : payload !== undefined ? { payload: payload as object } : {}),
      });
      const isFile = /\.(xlsx|docx)$/.test(url.split('?')[0]!) && response.statusCode === 200;
      if (response.statusCode >= 500)
        failures.push(
          `${response.statusCode} ${method} ${url.slice(0, 120)} ${JSON.stringify(payload)?.slice(0, 80)} → ${response.body.slice(0, 200)}`,
        );
      else if (response.statusCode >= 400) {
        const body = response.json() as { code?: unknown; message?: unknown };
        if (typeof body.code !== 'string' || typeof body.message !== 'string')
          failures.push(`no {code,message}: ${method} ${url.slice(0, 120)} → ${response.body.slice(0, 200)}`);
      } else if (!isFile && response.headers['content-type']?.toString().includes('json') === false && method !== 'GET') {
        failures.push(`unexpected ${response.statusCode} ${method} ${url}`);
      }
    };
    const zeroId = '00000000-0000-4000-8000-000000000000';
    for (const route of routes) {
      if (route.url === '/api/auth/logout') continue;
      const hasParams = /:\w+/.test(route.url);
      const withId = (id: string) => route.url.replace(/:(\w+)/g, id);
      const readOnly = route.method === 'GET' || route.method === 'DELETE';
      for (const cookie of actors) {
        // Hostile ids with a plain request, then hostile queries or bodies on a well-formed id.
        if (hasParams) for (const id of hostileIds) await check(route.method, withId(id), cookie, readOnly ? undefined : {});
        const url = withId(zeroId);
        if (readOnly) {
          for (const query of hostileQueries) await check(route.method, `${url}?${query}`, cookie);
        } else {
          for (const body of hostileBodies) await check(route.method, url, cookie, body);
          await check(route.method, url, cookie, undefined, '{"unterminated": ');
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
