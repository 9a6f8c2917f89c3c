import { describe, expect, it } from 'vitest';
import { buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildUser, findAuditRecords } from '../../../test/factories';

const t = await buildTestApp();
const limited = await buildTestApp({ anonymousRateLimits: { signInPerMinute: 3, publicPerMinute: 5 } });
const { db } = t.handle;

const attacker = '203.0.113.66';
const office = '198.51.100.7';

function login(username: string, password: string, remoteAddress = attacker, app = t.app) {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
}

async function failFiveTimes(username: string, remoteAddress = attacker) {
  const responses = [];
  for (let attempt = 0; attempt < 5; attempt += 1) responses.push(await login(username, 'wrong-password-1', remoteAddress));
  return responses;
}

describe('sign-in throttling by address and account together', () => {
  it('lets the real administrator sign in from the office while an attacker’s address is locked out of the account', async () => {
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const attempts = await failFiveTimes(sysadmin.username);
    expect(attempts.at(-1)!.statusCode).toBe(429);
    expect((await login(sysadmin.username, testPassword, attacker)).json().code).toBe('ACCOUNT_LOCKED');
    const fromOffice = await login(sysadmin.username, testPassword, office);
    expect(fromOffice.statusCode).toBe(200);
  });

  it('answers an unknown username exactly like a known one, failure after failure, lock included', async () => {
    const known = await buildUser(db, { role: 'expert' });
    const knownAnswers = await failFiveTimes(known.username);
    const unknownAnswers = await failFiveTimes('no-such-person');
    const shape = (responses: typeof knownAnswers) => responses.map((response) => [response.statusCode, response.json()]);
    expect(shape(unknownAnswers)).toEqual(shape(knownAnswers));
    expect(shape(knownAnswers).at(-1)).toEqual([429, { code: 'ACCOUNT_LOCKED', message: '密码连续错误5次，账号已锁定15分钟' }]);
    const sixth = [await login(known.username, 'x', attacker), await login('no-such-person', 'x', attacker)];
    expect(sixth[1]!.json()).toEqual(sixth[0]!.json());
  });

  it('shows the account as locked to the security administrator, who unlocks an administrator without changing the password, audited', async () => {
    const auditadmin = await buildUser(db, { role: 'auditadmin' });
    const secadmin = await buildUser(db, { role: 'secadmin' });
    const cookie = await t.login(secadmin.username);
    await failFiveTimes(auditadmin.username, office);
    const listed = await t.app.inject({ url: `/api/users/${auditadmin.id}`, headers: { cookie } });
    expect(listed.json().lockedUntil).not.toBeNull();

    const unlocked = await t.app.inject({ method: 'POST', url: `/api/users/${auditadmin.id}/unlock`, headers: { cookie } });
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: auditadmin.id, lockedUntil: null });
    expect((await login(auditadmin.username, testPassword, office)).statusCode).toBe(200);
    const records = await findAuditRecords(db, 'user.unlock', auditadmin.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ actorUsername: secadmin.username });
  });

  it('keeps unlocking to the security administrator, and not on their own account', async () => {
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const expert = await buildUser(db, { role: 'expert' });
    const sysCookie = await t.login(sysadmin.username);
    expect((await t.app.inject({ method: 'POST', url: `/api/users/${expert.id}/unlock`, headers: { cookie: sysCookie } })).statusCode).toBe(
      403,
    );
    const secadmin = await buildUser(db, { role: 'secadmin' });
    const cookie = await t.login(secadmin.username);
    const self = await t.app.inject({ method: 'POST', url: `/api/users/${secadmin.id}/unlock`, headers: { cookie } });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('ADMINISTRATOR_PROTECTED');
  });
});

describe('per-address limits on the anonymous routes', () => {
  it('answers 429 RATE_LIMITED in Chinese once one address signs in too often, whatever the usernames', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt += 1) answers.push(await login(`name${attempt}`, 'x', attacker, limited.app));
    expect(answers.map((response) => response.statusCode)).toEqual([401, 401, 401, 429]);
    expect(answers[3]!.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/请求过于频繁，请\d+秒后再试/) });
    // Another address is not slowed down.
    expect((await login('name9', 'x', office, limited.app)).statusCode).toBe(401);
  });

  it('limits the setup routes too', async () => {
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await limited.app.inject({ method: 'POST', url: '/api/setup', payload: {}, remoteAddress: attacker })).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    const reads = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      reads.push((await limited.app.inject({ url: '/api/setup', remoteAddress: attacker })).statusCode);
    expect(reads).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
