import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Platform, Role } from '@stip/contracts';
import { buildApp } from '../app';
import { buildTestApp } from '../../test/build-test-app';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, buildUser, unique } from '../../test/factories';
import { sessions, users } from '../db/schema/index';

/**
 * Kept answers (the registry list, its counts, /auth/me) and kept sessions, through HTTP on the suite's database:
 * served again only to the same user, never across a write — this process's own write at once, anyone else's on
 * PostgreSQL's notice — and never for a bad request; sessions ended anywhere stop answering.
 */
const t = await buildTestApp();
const { db } = t.handle;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

const tree = await buildRegionTree(db);
const typeId = await buildPlatformType(db, { level: 'city' });
const hostA = await buildOrganization(db, { regionId: tree.countyA.id });
const hostB = await buildOrganization(db, { regionId: tree.countyB.id });
await buildPlatform(db, { typeId, hostOrganizationId: hostA, regionId: tree.countyA.id });
await buildPlatform(db, { typeId, hostOrganizationId: hostB, regionId: tree.countyB.id });

async function signIn(role: Role, regionId: string) {
  const user = await buildUser(db, { role, regionId });
  const cookie = await t.login(user.username);
  return { user, cookie, get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }) };
}

type Page = { items: Platform[]; total: number };

/** Asks until `accept` holds (PostgreSQL's notice of another connection's write takes milliseconds to arrive). */
async function eventually<T>(ask: () => Promise<T>, accept: (value: T) => boolean): Promise<{ value: T; tries: number }> {
  const deadline = Date.now() + 5_000;
  for (let tries = 1; ; tries += 1) {
    const value = await ask();
    if (accept(value) || Date.now() > deadline) return { value, tries };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Asks until the answer comes from what was kept. On PostgreSQL the notice of an earlier write (a test's setup
 * through the database) can arrive just after an answer was stored and drop it, so "the next request is a hit" is a
 * race there; the precondition "an answer is kept" is what the tests need.
 */
async function kept(ask: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const { value } = await eventually(ask, (response) => response.headers['x-stip-cache'] === 'hit');
  expect(value.headers['x-stip-cache']).toBe('hit');
  return value;
}

/** PostgreSQL delivers the notices of writes already made within milliseconds; PGlite before the write returns. */
async function settled(): Promise<void> {
  if (onPostgres) await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('read cache', () => {
  it('serves the list again to the same user, the same bytes, until this process writes', async () => {
    const city = await signIn('city_staff', tree.city.id);
    const first = await city.get('/api/platforms?limit=20');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-stip-cache']).toBe('miss');
    const second = await kept(() => city.get('/api/platforms?limit=20'));
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    expect((second.json() as Page).total).toBe(2);
    // Another URL is another answer.
    expect((await city.get('/api/platforms?limit=1')).headers['x-stip-cache']).toBe('miss');
    // Any write request drops what this process kept, even one that turns out to change nothing.
    const refused = await t.app.inject({ method: 'POST', url: '/api/platforms', headers: { cookie: city.cookie }, payload: {} });
    expect(refused.statusCode).toBe(400);
    expect((await city.get('/api/platforms?limit=20')).headers['x-stip-cache']).toBe('miss');
    await kept(() => city.get('/api/platforms?limit=20'));

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/platforms',
      headers: { cookie: city.cookie },
      payload: { name: unique('平台'), typeId, hostOrganizationId: hostA, regionId: tree.countyA.id, status: 'operating' },
    });
    expect(created.statusCode, created.body).toBe(200);
    // At once, whatever the database: the write request itself moved the stamps before it answered.
    const after = await city.get('/api/platforms?limit=20');
    expect(after.headers['x-stip-cache']).toBe('miss');
    expect((after.json() as Page).total).toBe(3);
    expect((after.json() as Page).items.map((p) => p.id)).toContain((created.json() as Platform).id);
  });

  it('keeps what it kept while others sign in, or fail to: a sign-in writes nothing a kept answer shows', async () => {
    const city = await signIn('city_staff', tree.city.id);
    const other = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
    await settled();
    const first = await kept(() => city.get('/api/platforms?limit=20'));
    await t.login(other.username);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: other.username, password: 'wrong-password-1' },
    });
    expect(wrong.statusCode).toBe(401);
    await settled(); // a notice the sign-ins sent would be in now, and the next read would miss
    const after = await city.get('/api/platforms?limit=20');
    expect(after.headers['x-stip-cache']).toBe('hit');
    expect(after.body).toBe(first.body);
    // A write that is not a sign-in drops it, even a refused one (see above): the exemption is the sign-in routes'.
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: await t.login(other.username) } });
    expect((await city.get('/api/platforms?limit=20')).headers['x-stip-cache']).toBe('miss');
  });

  it('drops the answer when another connection writes (another process, a script)', async () => {
    const city = await signIn('city_staff', tree.city.id);
    const before = (await city.get('/api/platforms/counts')).json() as { total: number };
    await kept(() => city.get('/api/platforms/counts'));
    await buildPlatform(db, { typeId, hostOrganizationId: hostB, regionId: tree.countyB.id });
    const { value, tries } = await eventually(
      () => city.get('/api/platforms/counts'),
      (response) => (response.json() as { total: number }).total === before.total + 1,
    );
    expect((value.json() as { total: number }).total).toBe(before.total + 1);
    // PGlite runs in this process and hands the notice over with the write: the very next read is fresh.
    if (!onPostgres) expect(tries).toBe(1);
  });

  it('drops the answer in a second app process when the first one writes (two processes, one database)', async () => {
    const second = await buildApp({ db, webRoot: null, logger: false, requireAdministratorTwoFactor: false });
    try {
      await second.ready();
      const city = await signIn('city_staff', tree.city.id);
      const get = (app: typeof second) => app.inject({ method: 'GET', url: '/api/platforms?limit=50', headers: { cookie: city.cookie } });
      const before = await kept(() => get(second));
      const name = unique('另一进程所建');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/platforms',
        headers: { cookie: city.cookie },
        payload: { name, typeId, hostOrganizationId: hostB, regionId: tree.countyB.id, status: 'operating' },
      });
      expect(created.statusCode, created.body).toBe(200);
      const { value } = await eventually(
        () => get(second),
        (response) => (response.json() as Page).items.some((p) => p.name === name),
      );
      expect((value.json() as Page).items.map((p) => p.name)).toContain(name);
      expect((value.json() as Page).total).toBe((before.json() as Page).total + 1);
    } finally {
      await second.close();
    }
  });

  it('never serves one user what it kept for another, even of the same role and region', async () => {
    const city = await signIn('city_staff', tree.city.id);
    const countyA = await signIn('county_staff', tree.countyA.id);
    const sameScope = await signIn('county_staff', tree.countyA.id);
    await city.get('/api/platforms?limit=50');
    const cityPage = (await city.get('/api/platforms?limit=50')).json() as Page;
    const county = await countyA.get('/api/platforms?limit=50');
    expect(county.headers['x-stip-cache']).toBe('miss');
    const countyPage = county.json() as Page;
    expect(countyPage.total).toBeLessThan(cityPage.total);
    expect(countyPage.items.every((p) => p.regionId === tree.countyA.id)).toBe(true);
    expect((await sameScope.get('/api/platforms?limit=50')).headers['x-stip-cache']).toBe('miss');
    // /auth/me is kept per user as well.
    expect(((await countyA.get('/api/auth/me')).json() as { id: string }).id).toBe(countyA.user.id);
    expect(((await sameScope.get('/api/auth/me')).json() as { id: string }).id).toBe(sameScope.user.id);
    const again = await kept(() => countyA.get('/api/auth/me'));
    expect((again.json() as { id: string }).id).toBe(countyA.user.id);
  });

  it('keeps no refusal: bad input, a missing permission, no session', async () => {
    const city = await signIn('city_staff', tree.city.id);
    for (let i = 0; i < 2; i++) {
      const bad = await city.get('/api/platforms?limit=abc');
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['x-stip-cache']).toBeUndefined();
    }
    const admin = await signIn('sysadmin', tree.city.id);
    for (let i = 0; i < 2; i++) expect((await admin.get('/api/platforms?limit=20')).statusCode).toBe(403);
    await city.get('/api/platforms?limit=20');
    expect((await t.app.inject({ method: 'GET', url: '/api/platforms?limit=20' })).statusCode).toBe(401);
  });

  it('ends a session at once on logout, and on another process’s revocation as soon as the notice arrives', async () => {
    const city = await signIn('city_staff', tree.city.id);
    expect((await city.get('/api/auth/me')).statusCode).toBe(200);
    expect((await city.get('/api/platforms?limit=20')).statusCode).toBe(200);
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: city.cookie } });
    expect(logout.statusCode).toBeLessThan(300);
    expect((await city.get('/api/auth/me')).statusCode).toBe(401);
    expect((await city.get('/api/platforms?limit=20')).statusCode).toBe(401);

    const other = await signIn('city_staff', tree.city.id);
    expect((await other.get('/api/platforms?limit=20')).statusCode).toBe(200);
    await kept(() => other.get('/api/platforms?limit=20'));
    await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, other.user.id));
    const { value, tries } = await eventually(
      () => other.get('/api/platforms?limit=20'),
      (response) => response.statusCode === 401,
    );
    expect(value.statusCode).toBe(401);
    if (!onPostgres) expect(tries).toBe(1);
  });

  it('follows a change to the user made elsewhere: deactivated, the role taken away', async () => {
    const county = await signIn('county_staff', tree.countyA.id);
    await kept(() => county.get('/api/platforms?limit=20'));
    await db.update(users).set({ role: 'sysadmin' }).where(eq(users.id, county.user.id));
    expect(
      (
        await eventually(
          () => county.get('/api/platforms?limit=20'),
          (r) => r.statusCode === 403,
        )
      ).value.statusCode,
    ).toBe(403);
    await db.update(users).set({ role: 'county_staff', isActive: false }).where(eq(users.id, county.user.id));
    expect(
      (
        await eventually(
          () => county.get('/api/platforms?limit=20'),
          (r) => r.statusCode === 401,
        )
      ).value.statusCode,
    ).toBe(401);
  });
});

const off = await buildTestApp({ readCacheMb: 0 });

describe('read cache metrics', () => {
  it('counts hits, misses and stored answers, and says whether the process hears changes', async () => {
    const metrics = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    const value = (text: string, outcome: string) =>
      Number(new RegExp(`stip_read_cache_requests\\{outcome="${outcome}"\\} (\\d+)`).exec(text)?.[1]);
    const before = await metrics();
    expect(before).toContain('stip_change_feed_listening 1');
    const city = await signIn('city_staff', tree.city.id);
    const outcomes: string[] = [String((await city.get('/api/platforms?limit=7')).headers['x-stip-cache'])];
    const { tries } = await eventually(
      async () => String((await city.get('/api/platforms?limit=7')).headers['x-stip-cache']),
      (outcome) => (outcomes.push(outcome), outcome === 'hit'),
    );
    expect(outcomes.length).toBe(tries + 1);
    const after = await metrics();
    const count = (outcome: string) => outcomes.filter((o) => o === outcome).length;
    expect(count('hit')).toBe(1);
    expect(value(after, 'hit') - value(before, 'hit')).toBe(count('hit'));
    expect(value(after, 'miss') - value(before, 'miss')).toBe(count('miss'));
    // Every miss is stored unless a notice came between its load and its answer; at least the one before the hit was.
    expect(value(after, 'stored') - value(before, 'stored')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'stored') - value(before, 'stored')).toBeLessThanOrEqual(count('miss'));
  });
});

describe('READ_CACHE_MB=0', () => {
  it('keeps nothing', async () => {
    await buildRegionTree(off.handle.db);
    const user = await buildUser(off.handle.db, { role: 'city_staff' });
    const cookie = await off.login(user.username);
    for (let i = 0; i < 3; i++) {
      const response = await off.app.inject({ method: 'GET', url: '/api/platforms?limit=20', headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['x-stip-cache']).toBeUndefined();
    }
    expect((await off.app.inject({ method: 'GET', url: '/metrics' })).body).toContain('stip_change_feed_listening 0');
    await off.handle.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.userId, user.id));
    expect((await off.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});
