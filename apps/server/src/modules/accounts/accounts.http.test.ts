import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildOrganization, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { verifyAuditChain } from '../audit/audit.service';

const t = await buildTestApp();
const { db } = t.handle;

describe('sessions', () => {
  it('logs in with a server-side session in an HttpOnly SameSite cookie, and logs out', async () => {
    const { city } = await buildRegionTree(db);
    const user = await buildUser(db, { role: 'city_staff', regionId: city.id });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: testPassword },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: user.username, role: 'city_staff', regionId: city.id });
    const cookie = response.cookies.find((c) => c.name === 'stip_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const header = `stip_session=${cookie.value}`;
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: header } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: header } })).statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/auth/me', headers: { cookie: header } });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even against the right one', async () => {
    const user = await buildUser(db, { role: 'expert' });
    for (let i = 0; i < 4; i++) {
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'wrong-password-1' },
      });
      expect(wrong.statusCode).toBe(401);
    }
    const fifth = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'wrong-password-1' },
    });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: testPassword },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().message).toMatch(/分钟后再试/);
  });

  it('stores argon2id hashes, never passwords', async () => {
    const user = await buildUser(db, { role: 'leader' });
    const rows = await db.execute(sql`select password_hash from users where username = ${user.username}`);
    const hash = (rows as unknown as { rows: { password_hash: string }[] }).rows[0]!.password_hash;
    expect(hash.startsWith('$argon2id$')).toBe(true);
  });

  it('answers the same error for an unknown user and a wrong password', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-here', password: 'x' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
  });

  it('audits logins in an intact hash chain', async () => {
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ intact: true });
    expect(verdict.checked).toBeGreaterThan(3);
  });
});

describe('separation of the three administrators', () => {
  it('lets the system administrator create an account but not grant it a role', async () => {
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const cookie = await t.login(sysadmin.username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { username: 'newperson', displayName: '新人', password: 'a-good-pass-1' },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json().role).toBeNull();
    const grant = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${created.json().id}/role`,
      headers: { cookie },
      payload: { role: 'sysadmin', regionId: null, organizationId: null, version: 1 },
    });
    expect(grant.statusCode).toBe(403);
  });

  it("lets the system administrator correct an account's name, with the version and an audit record, but not an administrator's", async () => {
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const cookie = await t.login(sysadmin.username);
    const target = await buildUser(db, { role: 'leader' });
    const edit = (id: string, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: { cookie }, payload });
    const edited = await edit(target.id, { displayName: '张明（市科技局）', version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ displayName: '张明（市科技局）', version: 2, role: 'leader' });
    expect((await edit(target.id, { displayName: '旧版本', version: 1 })).statusCode).toBe(409);
    expect((await edit(target.id, { displayName: '', version: 2 })).statusCode).toBe(400);
    const audit = await db.execute(sql`select before, after from audit_log where action = 'user.update' and object_id = ${target.id}`);
    expect((audit as unknown as { rows: unknown[] }).rows).toEqual([
      { before: { displayName: expect.any(String) }, after: { displayName: '张明（市科技局）' } },
    ]);
    // Contact data: checked, kept, audited field by field; an omitted field stays as it is.
    const badPhone = await edit(target.id, { displayName: '张明（市科技局）', phone: '电话', version: 2 });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().code).toBeTruthy();
    expect((await edit(target.id, { displayName: '张明（市科技局）', email: 'not-an-address', version: 2 })).statusCode).toBe(400);
    const contact = await edit(target.id, {
      displayName: '张明（市科技局）',
      phone: '0818-2345678',
      email: 'zhang@example.cn',
      version: 2,
    });
    expect(contact.statusCode, contact.body).toBe(200);
    expect(contact.json()).toMatchObject({ phone: '0818-2345678', email: 'zhang@example.cn', version: 3 });
    const renamed = await edit(target.id, { displayName: '张明', version: 3 });
    expect(renamed.json()).toMatchObject({ displayName: '张明', phone: '0818-2345678', email: 'zhang@example.cn', version: 4 });
    const contactAudit = await db.execute(
      sql`select before, after from audit_log where action = 'user.update' and object_id = ${target.id} order by seq`,
    );
    expect((contactAudit as unknown as { rows: unknown[] }).rows.slice(1)).toEqual([
      { before: { phone: '', email: '' }, after: { phone: '0818-2345678', email: 'zhang@example.cn' } },
      { before: { displayName: '张明（市科技局）' }, after: { displayName: '张明' } },
    ]);
    const otherAdmin = await buildUser(db, { role: 'auditadmin' });
    expect((await edit(otherAdmin.id, { displayName: '改名', version: 1 })).json()).toMatchObject({ code: 'ADMINISTRATOR_PROTECTED' });
    expect((await edit(sysadmin.id, { displayName: '改名', version: 1 })).statusCode).toBe(403);
    // The security administrator assigns roles and units, but names are the system administrator's.
    const secadmin = await t.login((await buildUser(db, { role: 'secadmin' })).username);
    const bySecadmin = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${target.id}`,
      headers: { cookie: secadmin },
      payload: { displayName: 'x', version: 4 },
    });
    expect(bySecadmin.statusCode).toBe(403);
  });

  it('lets the security administrator grant roles but not read the audit trail, and stops self-escalation', async () => {
    const secadmin = await buildUser(db, { role: 'secadmin' });
    const cookie = await t.login(secadmin.username);
    expect((await t.app.inject({ url: '/api/audit', headers: { cookie } })).statusCode).toBe(403);
    const self = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${secadmin.id}/role`,
      headers: { cookie },
      payload: { role: 'auditadmin', regionId: null, organizationId: null, version: 1 },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('ADMINISTRATOR_PROTECTED');
  });

  it('gives the security administrator organisation names to scope a role, and no organisation records', async () => {
    const name = unique('依托单位');
    const organizationId = await buildOrganization(db, { name });
    const secadmin = await buildUser(db, { role: 'secadmin' });
    const cookie = await t.login(secadmin.username);
    const options = await t.app.inject({ url: `/api/users/organization-options?keyword=${encodeURIComponent(name)}`, headers: { cookie } });
    expect(options.statusCode).toBe(200);
    expect(options.json()).toEqual({ items: [{ id: organizationId, name }], total: 1 });
    expect((await t.app.inject({ url: '/api/organizations', headers: { cookie } })).statusCode).toBe(403);
    const host = await buildUser(db, { role: 'expert' });
    const granted = await t.app.inject({
      method: 'PUT',
      url: `/api/users/${host.id}/role`,
      headers: { cookie },
      payload: { role: 'host_user', regionId: null, organizationId, version: 1 },
    });
    expect(granted.json()).toMatchObject({ role: 'host_user', organizationId, organizationName: name });
  });

  it('lets the audit administrator read and verify the trail and nothing else', async () => {
    const auditadmin = await buildUser(db, { role: 'auditadmin' });
    const cookie = await t.login(auditadmin.username);
    const page = await t.app.inject({ url: '/api/audit?limit=5', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.length).toBeGreaterThan(0);
    expect((await t.app.inject({ url: '/api/audit/verify', headers: { cookie } })).json().intact).toBe(true);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/users',
          headers: { cookie },
          payload: { username: 'x1234', displayName: 'x', password: 'a-good-pass-1' },
        })
      ).statusCode,
    ).toBe(403);
  });
});
