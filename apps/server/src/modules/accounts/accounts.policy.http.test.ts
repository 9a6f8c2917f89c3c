import { describe, expect, it } from 'vitest';
import type { Role } from '@stip/contracts';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildRegionTree, buildUser, findAuditRecords } from '../../../test/factories';

const t = await buildTestApp();
const { db } = t.handle;

const newPassword = 'another-pass-2';

function put(cookie: string, url: string, payload: object) {
  return t.app.inject({ method: 'PUT', url: `/api${url}`, headers: { cookie }, payload });
}

async function signedInSecadmin() {
  const secadmin = await buildUser(db, { role: 'secadmin' });
  return { ...secadmin, cookie: await t.login(secadmin.username) };
}

/** The three endpoints through which the security administrator acts on an account. */
const actions = {
  'reset the password of': (id: string) => ({ url: `/users/${id}/password`, payload: { password: newPassword, version: 1 } }),
  'change the role of': (id: string) => ({
    url: `/users/${id}/role`,
    payload: { role: 'expert', regionId: null, organizationId: null, version: 1 },
  }),
  disable: (id: string) => ({ url: `/users/${id}/active`, payload: { isActive: false, version: 1 } }),
};

describe('三权分立 on the account endpoints', () => {
  const administrators: Role[] = ['sysadmin', 'secadmin', 'auditadmin'];
  for (const [action, call] of Object.entries(actions)) {
    it.each(administrators)(`refuses the security administrator to ${action} a %s account, in Chinese`, async (role) => {
      const { cookie } = await signedInSecadmin();
      const target = await buildUser(db, { role });
      const { url, payload } = call(target.id);
      const response = await put(cookie, url, payload);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'ADMINISTRATOR_PROTECTED', message: expect.stringMatching(/三权分立.*管理员账号/) });
      // Nothing changed: the administrator still logs in with their own password and keeps their role.
      const session = await t.app.inject({ url: '/api/auth/me', headers: { cookie: await t.login(target.username) } });
      expect(session.json()).toMatchObject({ role });
    });
  }

  it.each(['sysadmin', 'secadmin', 'auditadmin'] as const)('refuses to grant the %s role to anyone', async (role) => {
    const { cookie } = await signedInSecadmin();
    const newcomer = await buildUser(db, { role: 'expert' });
    const response = await put(cookie, `/users/${newcomer.id}/role`, { role, regionId: null, organizationId: null, version: 1 });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'ADMINISTRATOR_PROTECTED', message: expect.stringContaining('不能授予') });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: await t.login(newcomer.username) } })).json().role).toBe('expert');
  });

  for (const [action, call] of Object.entries(actions)) {
    it(`refuses the security administrator to ${action} their own account`, async () => {
      const secadmin = await signedInSecadmin();
      const { url, payload } = call(secadmin.id);
      const response = await put(secadmin.cookie, url, payload);
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'ADMINISTRATOR_PROTECTED', message: expect.stringContaining('本人账号') });
    });
  }

  it('still lets the security administrator reset a business user’s password, audited', async () => {
    const { city } = await buildRegionTree(db);
    const { cookie } = await signedInSecadmin();
    const staff = await buildUser(db, { role: 'city_staff', regionId: city.id });
    const response = await put(cookie, `/users/${staff.id}/password`, { password: newPassword, version: 1 });
    expect(response.statusCode).toBe(200);
    await t.login(staff.username, newPassword);
    const records = await findAuditRecords(db, 'user.reset_password', staff.id);
    expect(records).toHaveLength(1);
  });

  it('keeps the system administrator to creating accounts: no role, password or status changes', async () => {
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const cookie = await t.login(sysadmin.username);
    const expert = await buildUser(db, { role: 'expert' });
    for (const call of Object.values(actions)) {
      const { url, payload } = call(expert.id);
      expect((await put(cookie, url, payload)).json().code).toBe('FORBIDDEN');
    }
  });

  it('keeps the audit administrator to the audit trail: no account changes', async () => {
    const auditadmin = await buildUser(db, { role: 'auditadmin' });
    const cookie = await t.login(auditadmin.username);
    const expert = await buildUser(db, { role: 'expert' });
    for (const call of Object.values(actions)) {
      const { url, payload } = call(expert.id);
      expect((await put(cookie, url, payload)).statusCode).toBe(403);
    }
  });
});

describe('changing one’s own password', () => {
  it('lets an administrator change their own password, ending their other sessions but not this one, audited', async () => {
    const auditadmin = await buildUser(db, { role: 'auditadmin' });
    const other = await t.login(auditadmin.username);
    const current = await t.login(auditadmin.username);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: current },
      payload: { currentPassword: testPassword, newPassword },
    });
    expect(response.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: current } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: other } })).statusCode).toBe(401);
    await t.login(auditadmin.username, newPassword);
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: auditadmin.username, password: testPassword },
    });
    expect(old.statusCode).toBe(401);
    const records = await findAuditRecords(db, 'user.change_password', auditadmin.id);
    expect(records).toHaveLength(1);
  });

  it('refuses a wrong current password and keeps the old one', async () => {
    const expert = await buildUser(db, { role: 'expert' });
    const cookie = await t.login(expert.username);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: 'not-my-password-9', newPassword },
    });
    expect(response.statusCode).toBe(400);
    await t.login(expert.username);
  });

  it('refuses a visitor without a session', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'x', newPassword } });
    expect(response.statusCode).toBe(401);
  });
});
