import { describe, expect, it, onTestFinished } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, testPassword } from '../../test/build-test-app';
import { type BuildAppOptions, buildApp } from '../app';
import { buildRegionTree, buildUser, findAuditRecords } from '../../test/factories';
import { sessions } from '../db/schema/index';
import { hashToken } from '../modules/accounts/accounts.service';

const t = await buildTestApp({ auth: { publicOrigins: ['https://stip.example.cn'], cookieSecure: true, sessionMaxMs: 12 * 3_600_000 } });
const { db } = t.handle;

async function cityStaffCookie() {
  const { city } = await buildRegionTree(db);
  const user = await buildUser(db, { role: 'city_staff', regionId: city.id });
  return t.login(user.username);
}

function logout(cookie: string, headers: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { cookie, host: 'stip.local:3000', ...headers },
  });
}

describe('the Origin check on writes', () => {
  it('refuses a write from another site with 403 and a Chinese message', async () => {
    const cookie = await cityStaffCookie();
    const response = await logout(cookie, { origin: 'https://evil.example.com' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('本系统') });
    // The session survives: the forged logout never ran.
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('refuses a write whose Referer names another site when Origin is absent, and an opaque Origin', async () => {
    const cookie = await cityStaffCookie();
    expect((await logout(cookie, { referer: 'http://evil.example.com/page' })).statusCode).toBe(403);
    expect((await logout(cookie, { origin: 'null' })).statusCode).toBe(403);
    expect((await logout(cookie, { origin: 'not a url' })).statusCode).toBe(403);
  });

  it('refuses cross-site uploads and body-less writes before reading them', async () => {
    const cookie = await cityStaffCookie();
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/imports/platforms',
      headers: { cookie, origin: 'https://evil.example.com', 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc\r\n--x--\r\n',
    });
    expect(upload.statusCode).toBe(403);
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/platforms/00000000-0000-4000-8000-000000000000',
      headers: { cookie, origin: 'https://evil.example.com' },
    });
    expect(deletion.statusCode).toBe(403);
  });

  it('refuses a cross-site login (login CSRF)', async () => {
    const user = await buildUser(db, { role: 'city_staff' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example.com' },
      payload: { username: user.username, password: testPassword },
    });
    expect(response.statusCode).toBe(403);
  });

  it('accepts writes from its own host, from a configured public origin, and from clients that send neither header', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: 'http://stip.local:3000' },
      { referer: 'http://stip.local:3000/platforms' },
      { origin: 'https://stip.example.cn' },
      {},
    ]) {
      const cookie = await cityStaffCookie();
      const response = await logout(cookie, headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('leaves reads alone whatever their Origin', async () => {
    const cookie = await cityStaffCookie();
    const response = await t.app.inject({ url: '/api/auth/me', headers: { cookie, origin: 'https://evil.example.com' } });
    expect(response.statusCode).toBe(200);
  });
});

describe('the session cookie and lifetime', () => {
  it('marks the cookie Secure when COOKIE_SECURE=on, even over plain http', async () => {
    const user = await buildUser(db, { role: 'city_staff' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: testPassword },
    });
    const cookie = response.cookies.find((c) => c.name === 'stip_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const cookie = await cityStaffCookie();
    const token = cookie.split('=')[1]!;
    const me = () => t.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect((await me()).statusCode).toBe(200);
    // Active a minute ago, idle deadline hours ahead, but opened 11 h 59 min ago: still live.
    const move = (hoursAgo: number) =>
      db
        .update(sessions)
        .set({
          createdAt: new Date(Date.now() - hoursAgo * 3_600_000),
          lastSeenAt: new Date(Date.now() - 60_000),
          expiresAt: new Date(Date.now() + 7 * 3_600_000),
        })
        .where(eq(sessions.tokenHash, hashToken(token)));
    await move(11.98);
    expect((await me()).statusCode).toBe(200);
    await move(12.02);
    expect((await me()).statusCode).toBe(401);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that forbids framing and foreign scripts, nosniff and a Referrer-Policy', async () => {
    const response = await t.app.inject({ url: '/api/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('TRUST_PROXY and HSTS', () => {
  async function appWith(options: Omit<BuildAppOptions, 'db'>) {
    const app = await buildApp({ db, webRoot: null, ...options });
    onTestFinished(() => app.close());
    return app;
  }

  async function loginSourceIp(options: Omit<BuildAppOptions, 'db'>, forwardedFor: string) {
    const app = await appWith(options);
    const user = await buildUser(db, { role: 'city_staff' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username: user.username, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    const [record] = await findAuditRecords(db, 'auth.login', user.id);
    return record?.sourceIp;
  }

  it('believes only as many forwarded addresses as there are proxies: a client cannot plant one', async () => {
    expect(await loginSourceIp({ trustProxy: 1 }, '6.6.6.6, 10.0.0.9')).toBe('10.0.0.9');
    expect(await loginSourceIp({ trustProxy: ['127.0.0.1'] }, '6.6.6.6, 10.0.0.9')).toBe('10.0.0.9');
    expect(await loginSourceIp({ trustProxy: 2 }, '6.6.6.6, 10.0.0.9')).toBe('6.6.6.6');
    expect(await loginSourceIp({}, '6.6.6.6')).toBe('127.0.0.1');
  });

  it('sends Strict-Transport-Security only when HSTS is on', async () => {
    const app = await appWith({ hsts: true });
    const response = await app.inject({ url: '/api/health' });
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
