import { describe, expect, it } from 'vitest';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildUser, findAuditRecords } from '../../../test/factories';
import { resetPasswordFromConsole } from './accounts.service';

const t = await buildTestApp();
const { db } = t.handle;

function login(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

describe('password recovery from the server console', () => {
  it('gives a locked-out administrator a new random password, ends the old sessions, and records it', async () => {
    const auditadmin = await buildUser(db, { role: 'auditadmin' });
    const oldCookie = await t.login(auditadmin.username);
    for (let attempt = 0; attempt < 5; attempt += 1) await login(auditadmin.username, 'wrong-password');
    expect((await login(auditadmin.username, testPassword)).json().code).toBe('ACCOUNT_LOCKED');

    const { password } = await resetPasswordFromConsole(db, auditadmin.username);
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: oldCookie } })).statusCode).toBe(401);
    expect((await login(auditadmin.username, testPassword)).statusCode).toBe(401);
    expect((await login(auditadmin.username, password)).statusCode).toBe(200);

    const records = await findAuditRecords(db, 'user.reset_password_console', auditadmin.id);
    expect(records).toHaveLength(1);
    expect(records[0]?.actorUserId).toBeNull();
  });

  it('refuses an unknown account', async () => {
    await expect(resetPasswordFromConsole(db, 'nobody-such')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
