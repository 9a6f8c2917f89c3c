import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '@stip/contracts';
import { type TestApp, buildTestApp, testPassword } from '../../../test/build-test-app';
import { buildRegionTree, buildUser, findAuditRecords } from '../../../test/factories';
import { totpCode } from './accounts.totp';
import { resetTwoFactorFromConsole } from './accounts.two-factor.service';

/** An instance as STIP_DEMO=off runs it (administrators must enrol), and a demo instance. */
const production = await buildTestApp({ requireAdministratorTwoFactor: undefined });
const demo = await buildTestApp({ demo: true });

/** Only Date is faked: each test moves the clock a step at a time, so codes of distinct steps can be used in turn. */
let clock = Math.floor(Date.now() / 30_000) * 30_000 + 1_000;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'], now: clock });
});
afterEach(() => {
  vi.useRealTimers();
});
function nextStep() {
  clock += 30_000;
  vi.setSystemTime(clock);
}

function post(t: TestApp, url: string, payload: unknown, cookie?: string) {
  return t.app.inject({ method: 'POST', url: `/api${url}`, payload: payload as object, headers: cookie ? { cookie } : {} });
}
function sessionCookie(response: { cookies: { name: string; value: string }[] }): string | undefined {
  const cookie = response.cookies.find((c) => c.name === 'stip_session');
  return cookie && `stip_session=${cookie.value}`;
}
function passwordStep(t: TestApp, username: string) {
  return post(t, '/auth/login', { username, password: testPassword });
}
async function userWith(t: TestApp, role: Role) {
  const { city } = await buildRegionTree(t.handle.db);
  return buildUser(t.handle.db, { role, regionId: role === 'city_staff' ? city.id : null });
}

/** An administrator on the production instance taken through the forced enrolment: their secret and recovery codes. */
async function enrolledAdministrator(role: Role = 'secadmin') {
  const user = await userWith(production, role);
  const challenge = (await passwordStep(production, user.username)).json();
  const { secret } = (await post(production, '/auth/login/enrolment', { pendingToken: challenge.pendingToken })).json();
  const confirmed = await post(production, '/auth/login/enrolment/confirm', {
    pendingToken: challenge.pendingToken,
    code: totpCode(secret, Date.now()),
  });
  expect(confirmed.statusCode).toBe(200);
  return { ...user, secret, recoveryCodes: confirmed.json().recoveryCodes as string[], cookie: sessionCookie(confirmed)! };
}

describe('an administrator of a production instance', () => {
  it('gets no session for the password alone: the login answers an enrolment challenge first', async () => {
    const admin = await userWith(production, 'sysadmin');
    const response = await passwordStep(production, admin.username);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ secondFactor: 'enrol', pendingToken: expect.any(String) });
    expect(sessionCookie(response)).toBeUndefined();
  });

  it('enrols with a QR secret, is refused a wrong first code, and is signed in by the right one with ten recovery codes', async () => {
    const admin = await userWith(production, 'auditadmin');
    const { pendingToken } = (await passwordStep(production, admin.username)).json();
    const enrolment = await post(production, '/auth/login/enrolment', { pendingToken });
    expect(enrolment.statusCode).toBe(200);
    expect(enrolment.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUri } = enrolment.json();
    expect(otpauthUri).toContain(`secret=${secret}`);

    const wrong = await post(production, '/auth/login/enrolment/confirm', { pendingToken, code: totpCode(secret, Date.now() - 120_000) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    expect(sessionCookie(wrong)).toBeUndefined();

    const right = await post(production, '/auth/login/enrolment/confirm', { pendingToken, code: totpCode(secret, Date.now()) });
    expect(right.statusCode).toBe(200);
    expect(right.json().user.username).toBe(admin.username);
    expect(right.json().recoveryCodes).toHaveLength(10);
    const me = await production.app.inject({ url: '/api/auth/me', headers: { cookie: sessionCookie(right)! } });
    expect(me.statusCode).toBe(200);
    expect(await findAuditRecords(production.handle.db, 'user.two_factor_enable', admin.id)).toHaveLength(1);

    // The secret is never answered again.
    const status = await production.app.inject({ url: '/api/auth/two-factor', headers: { cookie: sessionCookie(right)! } });
    expect(status.json()).toEqual({ enabled: true, required: true, enabledAt: expect.any(String), recoveryCodesLeft: 10 });
    expect(status.body).not.toContain(secret);
    const again = await post(production, '/auth/two-factor/enrolment', {}, sessionCookie(right));
    expect(again.statusCode).toBe(422);
  });

  it('then signs in with password and a code, refusing a wrong code and the replay of a used one', async () => {
    const admin = await enrolledAdministrator();
    nextStep();
    const first = (await passwordStep(production, admin.username)).json();
    expect(first.secondFactor).toBe('verify');

    const wrongCode = totpCode(admin.secret, Date.now()) === '000000' ? '111111' : '000000';
    const wrong = await post(production, '/auth/login/second-factor', { pendingToken: first.pendingToken, code: wrongCode });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('TWO_FACTOR_CODE_INVALID');

    const code = totpCode(admin.secret, Date.now());
    const signedIn = await post(production, '/auth/login/second-factor', { pendingToken: first.pendingToken, code });
    expect(signedIn.statusCode).toBe(200);
    expect(sessionCookie(signedIn)).toBeDefined();
    // The used challenge is gone.
    const reused = await post(production, '/auth/login/second-factor', { pendingToken: first.pendingToken, code });
    expect(reused.json().code).toBe('LOGIN_CHALLENGE_EXPIRED');

    // The same code (still within its 30 seconds) does not sign in a second time, nor does the code before it.
    const second = (await passwordStep(production, admin.username)).json();
    const replay = await post(production, '/auth/login/second-factor', { pendingToken: second.pendingToken, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    const earlier = await post(production, '/auth/login/second-factor', {
      pendingToken: second.pendingToken,
      code: totpCode(admin.secret, Date.now() - 30_000),
    });
    expect(earlier.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    nextStep();
    const fresh = await post(production, '/auth/login/second-factor', {
      pendingToken: second.pendingToken,
      code: totpCode(admin.secret, Date.now()),
    });
    expect(fresh.statusCode).toBe(200);
    expect((await findAuditRecords(production.handle.db, 'auth.second_factor_failed', admin.id)).length).toBe(3);
  });

  it('signs in with a recovery code once; the same recovery code is refused the second time', async () => {
    const admin = await enrolledAdministrator();
    const recoveryCode = admin.recoveryCodes[3]!;
    const first = (await passwordStep(production, admin.username)).json();
    const used = await post(production, '/auth/login/second-factor', {
      pendingToken: first.pendingToken,
      code: recoveryCode.toUpperCase(),
    });
    expect(used.statusCode).toBe(200);
    expect(await findAuditRecords(production.handle.db, 'auth.recovery_code_used', admin.id)).toHaveLength(1);

    const second = (await passwordStep(production, admin.username)).json();
    const again = await post(production, '/auth/login/second-factor', { pendingToken: second.pendingToken, code: recoveryCode });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('TWO_FACTOR_CODE_INVALID');
    const status = await production.app.inject({ url: '/api/auth/two-factor', headers: { cookie: sessionCookie(used)! } });
    expect(status.json().recoveryCodesLeft).toBe(9);
  });

  it('must sign in with the password again after five wrong codes, even with the right one', async () => {
    const admin = await enrolledAdministrator();
    nextStep();
    const { pendingToken } = (await passwordStep(production, admin.username)).json();
    const right = totpCode(admin.secret, Date.now());
    const wrongCode = right === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await post(production, '/auth/login/second-factor', { pendingToken, code: wrongCode })).json().code).toBe(
        'TWO_FACTOR_CODE_INVALID',
      );
    }
    const late = await post(production, '/auth/login/second-factor', { pendingToken, code: right });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('LOGIN_CHALLENGE_EXPIRED');
  });

  it('may not finish a sign-in after the challenge expired', async () => {
    const admin = await enrolledAdministrator();
    const { pendingToken } = (await passwordStep(production, admin.username)).json();
    clock += 6 * 60_000;
    vi.setSystemTime(clock);
    const late = await post(production, '/auth/login/second-factor', { pendingToken, code: totpCode(admin.secret, Date.now()) });
    expect(late.json().code).toBe('LOGIN_CHALLENGE_EXPIRED');
  });

  it('cannot turn two-factor sign-in off', async () => {
    const admin = await enrolledAdministrator('sysadmin');
    nextStep();
    const response = await post(production, '/auth/two-factor/disable', { code: totpCode(admin.secret, Date.now()) }, admin.cookie);
    expect(response.statusCode).toBe(422);
    const status = await production.app.inject({ url: '/api/auth/two-factor', headers: { cookie: admin.cookie } });
    expect(status.json().enabled).toBe(true);
  });
});

describe('any other user', () => {
  it('signs in with the password alone until they enrol, on a production instance too', async () => {
    const staff = await userWith(production, 'city_staff');
    const response = await passwordStep(production, staff.username);
    expect(response.json().username).toBe(staff.username);
    expect(sessionCookie(response)).toBeDefined();
  });

  it('enrols, regenerates recovery codes (old ones stop working), and turns it off again with a code', async () => {
    const staff = await userWith(production, 'city_staff');
    const cookie = sessionCookie(await passwordStep(production, staff.username))!;
    const { secret } = (await post(production, '/auth/two-factor/enrolment', {}, cookie)).json();
    // Not in force before the first code is verified.
    expect((await passwordStep(production, staff.username)).json().username).toBe(staff.username);
    expect((await post(production, '/auth/two-factor/enrolment/confirm', { code: '12345' }, cookie)).statusCode).toBe(400);
    const enabled = await post(production, '/auth/two-factor/enrolment/confirm', { code: totpCode(secret, Date.now()) }, cookie);
    expect(enabled.statusCode).toBe(200);
    const oldCodes: string[] = enabled.json().recoveryCodes;
    expect((await passwordStep(production, staff.username)).json().secondFactor).toBe('verify');

    const regenerated = await post(production, '/auth/two-factor/recovery-codes', { code: oldCodes[0] }, cookie);
    expect(regenerated.statusCode).toBe(200);
    const newCodes: string[] = regenerated.json().recoveryCodes;
    expect(newCodes).toHaveLength(10);
    expect(newCodes).not.toContain(oldCodes[1]);
    const { pendingToken } = (await passwordStep(production, staff.username)).json();
    expect((await post(production, '/auth/login/second-factor', { pendingToken, code: oldCodes[1] })).json().code).toBe(
      'TWO_FACTOR_CODE_INVALID',
    );
    expect(await findAuditRecords(production.handle.db, 'user.two_factor_recovery_codes_regenerate', staff.id)).toHaveLength(1);

    expect((await post(production, '/auth/two-factor/disable', { code: 'aaaaa-bbbbb' }, cookie)).statusCode).toBe(401);
    nextStep();
    const disabled = await post(production, '/auth/two-factor/disable', { code: totpCode(secret, Date.now()) }, cookie);
    expect(disabled.statusCode).toBe(200);
    expect(await findAuditRecords(production.handle.db, 'user.two_factor_disable', staff.id)).toHaveLength(1);
    expect((await passwordStep(production, staff.username)).json().username).toBe(staff.username);
  });
});

describe('the security administrator', () => {
  async function staffWithTwoFactor() {
    const staff = await userWith(production, 'city_staff');
    const cookie = sessionCookie(await passwordStep(production, staff.username))!;
    const { secret } = (await post(production, '/auth/two-factor/enrolment', {}, cookie)).json();
    await post(production, '/auth/two-factor/enrolment/confirm', { code: totpCode(secret, Date.now()) }, cookie);
    return { ...staff, cookie };
  }

  it("resets another user's two-factor sign-in: their sessions end and the password alone signs them in", async () => {
    const staff = await staffWithTwoFactor();
    const secadmin = await enrolledAdministrator('secadmin');
    const response = await production.app.inject({
      method: 'PUT',
      url: `/api/users/${staff.id}/two-factor/reset`,
      headers: { cookie: secadmin.cookie },
      payload: { version: 1 },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().version).toBe(2);
    expect((await production.app.inject({ url: '/api/auth/me', headers: { cookie: staff.cookie } })).statusCode).toBe(401);
    expect((await passwordStep(production, staff.username)).json().username).toBe(staff.username);
    const [record] = await findAuditRecords(production.handle.db, 'user.reset_two_factor', staff.id);
    expect(record?.actorUserId).toBe(secadmin.id);
  });

  it("may not reset an administrator's two-factor sign-in", async () => {
    const sysadmin = await enrolledAdministrator('sysadmin');
    const secadmin = await enrolledAdministrator('secadmin');
    const response = await production.app.inject({
      method: 'PUT',
      url: `/api/users/${sysadmin.id}/two-factor/reset`,
      headers: { cookie: secadmin.cookie },
      payload: { version: 1 },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('ADMINISTRATOR_PROTECTED');
  });

  it('is the only one who may reset it', async () => {
    const staff = await staffWithTwoFactor();
    const sysadmin = await enrolledAdministrator('sysadmin');
    const response = await production.app.inject({
      method: 'PUT',
      url: `/api/users/${staff.id}/two-factor/reset`,
      headers: { cookie: sysadmin.cookie },
      payload: { version: 1 },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('recovery from the server console', () => {
  it("turns a lost administrator's two-factor sign-in off, ends their sessions, and sends them to enrol again", async () => {
    const admin = await enrolledAdministrator('auditadmin');
    await resetTwoFactorFromConsole(production.handle.db, admin.username);
    expect((await production.app.inject({ url: '/api/auth/me', headers: { cookie: admin.cookie } })).statusCode).toBe(401);
    expect((await passwordStep(production, admin.username)).json().secondFactor).toBe('enrol');
    const [record] = await findAuditRecords(production.handle.db, 'user.reset_two_factor_console', admin.id);
    expect(record?.actorUserId).toBeNull();
  });
});

describe('a demo instance', () => {
  it('signs its administrators in with the password alone', async () => {
    for (const role of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      const admin = await userWith(demo, role);
      const response = await passwordStep(demo, admin.username);
      expect(response.statusCode).toBe(200);
      expect(response.json().username).toBe(admin.username);
      expect(sessionCookie(response)).toBeDefined();
    }
  });

  it('lets an administrator enrol voluntarily and turn it off again', async () => {
    const admin = await userWith(demo, 'secadmin');
    const cookie = sessionCookie(await passwordStep(demo, admin.username))!;
    expect((await demo.app.inject({ url: '/api/auth/two-factor', headers: { cookie } })).json()).toMatchObject({
      enabled: false,
      required: false,
    });
    const { secret } = (await post(demo, '/auth/two-factor/enrolment', {}, cookie)).json();
    expect((await post(demo, '/auth/two-factor/enrolment/confirm', { code: totpCode(secret, Date.now()) }, cookie)).statusCode).toBe(200);
    expect((await passwordStep(demo, admin.username)).json().secondFactor).toBe('verify');
    nextStep();
    expect((await post(demo, '/auth/two-factor/disable', { code: totpCode(secret, Date.now()) }, cookie)).statusCode).toBe(200);
  });
});
