import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildRegionTree, buildUser, findAuditRecords } from '../../../test/factories';
import { loginThrottles } from '../../db/schema/index';

const t = await buildTestApp();
const { db } = t.handle;

function login(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

function me(cookie: string) {
  return t.app.inject({ url: '/api/auth/me', headers: { cookie } });
}

describe('a changed account ends its sessions', () => {
  async function signedInStaffAndSecadmin() {
    const { city, countyA } = await buildRegionTree(db);
    const staff = await buildUser(db, { role: 'city_staff', regionId: city.id });
    const staffCookie = await t.login(staff.username);
    expect((await me(staffCookie)).statusCode).toBe(200);
    const secadmin = await buildUser(db, { role: 'secadmin' });
    return { staff, staffCookie, countyA, secadminCookie: await t.login(secadmin.username) };
  }

  it('answers 401 to the old cookie once the security administrator changes the role', async () => {
    const { staff, staffCookie, countyA, secadminCookie } = await signedInStaffAndSecadmin();
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${staff.id}/role`,
      headers: { cookie: secadminCookie },
      payload: { role: 'county_staff', regionId: countyA.id, organizationId: null, version: 1 },
    });
    expect(response.statusCode).toBe(200);
    const after = await me(staffCookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
    // A new login carries the new role.
    expect((await me(await t.login(staff.username))).json()).toMatchObject({ role: 'county_staff', regionId: countyA.id });
  });

  it('answers 401 to the old cookie once the account is disabled, and refuses to log in', async () => {
    const { staff, staffCookie, secadminCookie } = await signedInStaffAndSecadmin();
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${staff.id}/active`,
      headers: { cookie: secadminCookie },
      payload: { isActive: false, version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect((await me(staffCookie)).statusCode).toBe(401);
    expect((await login(staff.username, testPassword)).json().code).toBe('ACCOUNT_DISABLED');
  });

  it('answers 401 to the old cookie once the password is reset', async () => {
    const { staff, staffCookie, secadminCookie } = await signedInStaffAndSecadmin();
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${staff.id}/password`,
      headers: { cookie: secadminCookie },
      payload: { password: 'a-reset-pass-3', version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect((await me(staffCookie)).statusCode).toBe(401);
    expect((await login(staff.username, testPassword)).statusCode).toBe(401);
    expect((await login(staff.username, 'a-reset-pass-3')).statusCode).toBe(200);
  });
});

describe('the login lockout', () => {
  it('counts every failure of a parallel burst: 12 wrong passwords at once lock the account against the right one', async () => {
    const user = await buildUser(db, { role: 'expert' });
    const burst = await Promise.all(Array.from({ length: 12 }, () => login(user.username, 'wrong-password-1')));
    const statuses = burst.map((response) => response.statusCode).sort();
    // The first four failures answer 401, the fifth locks, the rest find the account locked.
    expect(statuses).toEqual([...Array<number>(4).fill(401), ...Array<number>(8).fill(429)]);
    const right = await login(user.username, testPassword);
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/分钟后再试/) });
    const locks = await findAuditRecords(db, 'auth.lock', user.id);
    expect(locks).toHaveLength(1);
  });

  it('lifts the lock after 15 minutes and counts failures afresh', async () => {
    const user = await buildUser(db, { role: 'expert' });
    for (let i = 0; i < 5; i++) await login(user.username, 'wrong-password-1');
    const [locked] = await db
      .select({ lockedUntil: loginThrottles.lockedUntil })
      .from(loginThrottles)
      .where(eq(loginThrottles.username, user.username.toLowerCase()));
    const minutes = (locked!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect((await login(user.username, testPassword)).statusCode).toBe(429);

    // Fifteen minutes pass: move the stored lock into the past.
    await db
      .update(loginThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginThrottles.username, user.username.toLowerCase()));
    expect((await login(user.username, 'wrong-password-1')).statusCode).toBe(401);
    expect((await login(user.username, testPassword)).statusCode).toBe(200);
  });
});
