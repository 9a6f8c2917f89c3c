import { describe, expect, it } from 'vitest';
import { roleHas, roles } from '@stip/contracts';
import { buildTestApp } from './build-test-app';
import { makeCreditCode } from '../src/db/seed/credit-codes';
import { buildOrganization, buildPlan, buildPlatform, buildPlatformType, buildRegionTree, buildUser, unique } from './factories';

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

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Values that once reached the database and answered 500: year 0000 and other far years, NUL, lone UTF-16 surrogates. */
const hostileDates = ['0000-01-01', '0001-01-01', '9999-12-31', '1899-12-31', '2201-01-01'];
const hostileTexts = ['a\u0000b', '\uD800', 'x\uDC00y', '\uDBFF\uDBFF', '\u0000'];
const isDateSchema = (schema: JsonSchema) => schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$';
const isFreeText = (schema: JsonSchema) => schema.type === 'string' && !schema.format && !schema.enum && !schema.pattern;

/** The variant of a union a sample takes: the first that is not null. */
function concrete(schema: JsonSchema): JsonSchema {
  const variants = schema.anyOf ?? schema.oneOf;
  return variants ? concrete(variants.find((variant) => variant.type !== 'null') ?? variants[0]!) : schema;
}

/** A well-formed value for a schema, with real ids (and a valid credit code) from the test's fixture, so the request gets past lookups and checks. */
function sample(schema: JsonSchema, name: string, ids: Record<string, string>): unknown {
  const s = concrete(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.type === 'object')
    return Object.fromEntries(Object.entries(s.properties ?? {}).map(([key, value]) => [key, sample(value, key, ids)]));
  if (s.type === 'array') return s.items ? [sample(s.items, name.replace(/Ids$/, 'Id'), ids)] : [];
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 1, 1);
  if (s.type === 'boolean') return false;
  if (s.type === 'string' && ids[name]) return ids[name];
  if (s.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (isDateSchema(s)) return '2025-06-30';
  return `样例${name}`;
}

/** Every place in a sampled body where a date or free text goes, as a path of keys, with the hostile values for it. */
function hostileSlots(schema: JsonSchema, path: (string | number)[] = []): { path: (string | number)[]; values: string[] }[] {
  const s = concrete(schema);
  if (s.type === 'object') return Object.entries(s.properties ?? {}).flatMap(([key, value]) => hostileSlots(value, [...path, key]));
  if (s.type === 'array' && s.items) return hostileSlots(s.items, [...path, 0]);
  if (isDateSchema(s)) return [{ path, values: hostileDates }];
  if (isFreeText(s)) return [{ path, values: hostileTexts }];
  return [];
}

/** Percent-encodes a query value, a lone surrogate as its three WTF-8 bytes (what a hostile client can send; encodeURIComponent refuses). */
function encodeQueryValue(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .join('');
}

function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy;
}

describe('hostile dates and characters in every field of every route', () => {
  it('answers 4xx, never 500, for year 0000, far years, NUL and lone surrogates in any date, text or query field', async () => {
    const tree = await buildRegionTree(db);
    const organizationId = await buildOrganization(db, { regionId: tree.city.id });
    const typeId = await buildPlatformType(db);
    const platformId = await buildPlatform(db, { regionId: tree.city.id, hostOrganizationId: organizationId, typeId });
    const planId = await buildPlan(db, { regionId: tree.city.id });
    const ids: Record<string, string> = {
      regionId: tree.city.id,
      parentId: tree.city.id,
      organizationId,
      hostOrganizationId: organizationId,
      coBuilderId: organizationId,
      leadOrganizationId: organizationId,
      participantOrganizationId: organizationId,
      typeId,
      platformId,
      planId,
      creditCode: makeCreditCode(unique('hostile')),
    };
    const cookies = new Map<string, string>();
    for (const role of roles) {
      const user = await buildUser(db, {
        role,
        regionId: role === 'host_user' || role === 'expert' ? null : tree.city.id,
        organizationId: role === 'host_user' ? organizationId : null,
      });
      cookies.set(role, await t.login(user.username));
    }
    const document = t.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    const failures: string[] = [];
    let requests = 0;
    const send = async (method: string, url: string, cookie: string | undefined, payload?: unknown) => {
      requests++;
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        headers: cookie ? { cookie } : {},
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
      if (response.statusCode >= 500)
        failures.push(`${response.statusCode} ${method} ${url.slice(0, 100)} ${JSON.stringify(payload)?.slice(0, 120)}`);
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      if (path === '/api/auth/logout') continue;
      for (const [method, operation] of Object.entries(operations)) {
        const route = routes.find((r) => r.method === method.toUpperCase() && r.url === path.replace(/\{(\w+)\}/g, ':$1'));
        const permission = route?.permission;
        const role = permission === 'public' || !permission ? undefined : roles.find((r) => roleHas(r, permission));
        const cookie = role ? cookies.get(role) : undefined;
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? platformId);
        for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
          const schema = concrete(parameter.schema);
          const values = isDateSchema(schema) ? hostileDates : isFreeText(schema) ? hostileTexts : [];
          for (const value of values) await send(method.toUpperCase(), `${url}?${parameter.name}=${encodeQueryValue(value)}`, cookie);
        }
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        if (!bodySchema) continue;
        const body = sample(bodySchema, '', ids);
        for (const slot of hostileSlots(bodySchema))
          for (const value of slot.values) await send(method.toUpperCase(), url, cookie, withValue(body, slot.path, value));
      }
    }
    expect(requests).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 600_000);
});
