import { describe, expect, it } from 'vitest';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildUser } from '../../../test/factories';
import { resetPasswordFromConsole } from './accounts.service';

const t = await buildTestApp();
const { db } = t.handle;

function changePassword(cookie: string, currentPassword: string, newPassword: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });
}

async function signedInSecadmin() {
  const secadmin = await buildUser(db, { role: 'secadmin' });
  return t.login(secadmin.username);
}

describe('the password rule on every path that sets a password', () => {
  it.each([
    ['aaaaaaaaa1', '密码须包含小写字母、大写字母、数字、符号中的至少三类'],
    ['short-1A', '密码至少10位'],
  ])('refuses %s when an account is created', async (password, message) => {
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const cookie = await t.login(sysadmin.username);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'newcomer1', displayName: '新人', password },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain(message);
  });

  it('refuses a password containing the username, whatever its case', async () => {
    const expert = await buildUser(db, { role: 'expert' });
    const cookie = await t.login(expert.username);
    const response = await changePassword(cookie, testPassword, `${expert.username.toUpperCase()}-x1`);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ field: 'newPassword', message: '密码不能包含用户名' });
  });

  it('refuses a common password from the shipped list', async () => {
    const expert = await buildUser(db, { role: 'expert' });
    const cookie = await t.login(expert.username);
    const response = await changePassword(cookie, testPassword, 'P@ssw0rd123');
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ field: 'newPassword', message: '该密码过于常见，请换一个' });
  });

  it('refuses any of the last five passwords, and accepts the sixth-oldest again', async () => {
    const expert = await buildUser(db, { role: 'expert' });
    const cookie = await t.login(expert.username);
    const passwords = [testPassword, 'second-pass-2', 'third-pass-3', 'fourth-pass-4', 'fifth-pass-5'];
    for (let index = 1; index < passwords.length; index += 1) {
      expect((await changePassword(cookie, passwords[index - 1]!, passwords[index]!)).statusCode).toBe(200);
    }
    for (const old of passwords) {
      const response = await changePassword(cookie, 'fifth-pass-5', old);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain('最近5次');
    }
    expect((await changePassword(cookie, 'fifth-pass-5', 'sixth-pass-6')).statusCode).toBe(200);
    expect((await changePassword(cookie, 'sixth-pass-6', testPassword)).statusCode).toBe(200);
  });

  it('refuses an administrator reset to the account’s current password', async () => {
    const cookie = await signedInSecadmin();
    const staff = await buildUser(db, { role: 'expert' });
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${staff.id}/password`,
      headers: { cookie },
      payload: { password: testPassword, version: 1 },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('a reset password must be changed at the next sign-in', () => {
  it('lets the session only see itself, sign out and change the password, then everything its role allows', async () => {
    const cookie = await signedInSecadmin();
    const leader = await buildUser(db, { role: 'leader' });
    const reset = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${leader.id}/password`,
      headers: { cookie },
      payload: { password: 'handed-over-1', version: 1 },
    });
    expect(reset.statusCode).toBe(200);

    const session = await t.login(leader.username, 'handed-over-1');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json()).toMatchObject({ mustChangePassword: true });
    const blocked = await t.app.inject({ url: '/api/platforms', headers: { cookie: session } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '密码已被管理员重置，请先修改密码' });

    expect((await changePassword(session, 'handed-over-1', 'my-own-pass-7')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json()).toMatchObject({ mustChangePassword: false });
    expect((await t.app.inject({ url: '/api/platforms', headers: { cookie: session } })).statusCode).toBe(200);
  });

  it('applies to a console reset too', async () => {
    const auditadmin = await buildUser(db, { role: 'auditadmin' });
    const { password } = await resetPasswordFromConsole(db, auditadmin.username);
    const session = await t.login(auditadmin.username, password);
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie: session } })).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  it('never asks a freshly seeded account (the demo accounts) to change its password', async () => {
    const staff = await buildUser(db, { role: 'leader' });
    const session = await t.login(staff.username);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: session } })).json().mustChangePassword).toBe(false);
  });
});
