import { createHash, randomBytes } from 'node:crypto';
import {
  ErrorCode,
  type EnrolledLogin,
  type LoginChallenge,
  type RecoveryCodes,
  type Role,
  type SessionUser,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
  type User,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, type RequestContext, inTransaction, systemContext } from '../../shared/context';
import type { Database } from '../../db/client';
import { recordAudit } from '../audit';
import { findUserCredentials, getUserRow, revokeUserSessions, updateUserVersioned } from './accounts.repository';
import { assertMayManageAccount, isAdministratorRole } from './accounts.policy';
import { getUser, openSession } from './accounts.service';
import * as repository from './accounts.two-factor.repository';
import { matchTotpStep, newTotpSecret, totpUri } from './accounts.totp';

/** Whether this instance makes the three administrators use a second factor (every instance but a demo one). */
export interface TwoFactorPolicy {
  administratorsMustEnrol: boolean;
}

/** How long the second step of a sign-in may wait for its code. */
export const challengeMinutes = 5;
/** Wrong codes one challenge takes before the sign-in must start again with the password. */
export const maxChallengeFailures = 5;
export const recoveryCodeCount = 10;

interface SigningInUser {
  id: string;
  username: string;
  role: Role;
}

/** Whether `role` may not be without two-factor sign-in on this instance. */
export function isTwoFactorRequired(role: Role | null, policy: TwoFactorPolicy): boolean {
  return policy.administratorsMustEnrol && isAdministratorRole(role);
}

function hashSecret(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Recovery codes are ten base32 letters shown as `xxxxx-xxxxx`; case, spaces and dashes do not matter when typed. */
function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from({ length: recoveryCodeCount }, () => {
    const letters = [...randomBytes(10)].map((byte) => alphabet[byte & 31]).join('');
    return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  });
}

async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await repository.deleteRecoveryCodes(tx, userId);
  await repository.insertRecoveryCodes(
    tx,
    userId,
    codes.map((code) => hashSecret(normaliseRecoveryCode(code))),
  );
  return codes;
}

/**
 * Checks a code against an enabled credential and uses it up: an app code's time step must be later than the last
 * one used (no replay), a recovery code is marked used. Answers how it was proved, or null when it was not.
 */
async function useCode(
  tx: Transaction,
  credential: repository.CredentialRow,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) {
    const step = matchTotpStep(credential.secret, digits, now.getTime());
    return step !== null && (await repository.claimStep(tx, credential.userId, step)) ? 'totp' : null;
  }
  const recovery = normaliseRecoveryCode(code);
  if (/^[a-z2-7]{10}$/.test(recovery) && (await repository.useRecoveryCode(tx, credential.userId, hashSecret(recovery), now)))
    return 'recovery';
  return null;
}

/** The audit context of a user who proved their password but has no session yet. */
function signingInContext(ctx: RequestContext, user: SigningInUser): RequestContext {
  return {
    ...ctx,
    actor: {
      userId: user.id,
      username: user.username,
      role: user.role,
      regionId: null,
      regionPath: null,
      organizationId: null,
      permissions: [],
    },
  };
}

/**
 * After a correct password: a challenge when the account has two-factor sign-in on (`verify`) or must have it and has
 * not set it up (`enrol`); null when the password alone signs in.
 */
export async function challengeAfterPassword(
  ctx: RequestContext,
  user: SigningInUser,
  policy: TwoFactorPolicy,
  userAgent: string | null,
): Promise<LoginChallenge | null> {
  const credential = await repository.getCredential(ctx.db, user.id);
  const purpose = credential?.enabledAt ? 'verify' : isTwoFactorRequired(user.role, policy) ? 'enrol' : null;
  if (!purpose) return null;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + challengeMinutes * 60_000);
  await inTransaction(ctx, async (tx) => {
    await repository.insertChallenge(tx, {
      tokenHash: hashSecret(token),
      userId: user.id,
      purpose,
      expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(tx, signingInContext(ctx, user), {
      action: 'auth.second_factor_requested',
      objectType: 'user',
      objectId: user.id,
      after: { purpose },
    });
  });
  return { secondFactor: purpose, pendingToken: token, expiresAt: expiresAt.toISOString() };
}

/** The live challenge of a pending token with its (still active) user, or LOGIN_CHALLENGE_EXPIRED. */
async function getChallenge(ctx: RequestContext, pendingToken: string, purpose: 'verify' | 'enrol') {
  const challenge = await repository.findLiveChallenge(ctx.db, hashSecret(pendingToken), new Date(), maxChallengeFailures);
  if (!challenge || challenge.purpose !== purpose) throw new AppError(ErrorCode.LoginChallengeExpired);
  const row = await getUserRow(ctx.db, challenge.userId);
  if (!row || !row.isActive || !row.role) throw new AppError(ErrorCode.AccountDisabled);
  return { challenge, user: { id: row.id, username: row.username, role: row.role } };
}

/** A wrong code: counted against the challenge (and audited) in its own transaction, then refused. */
async function refuseCode(ctx: RequestContext, challengeId: string, user: SigningInUser): Promise<never> {
  await inTransaction(ctx, async (tx) => {
    await repository.recordChallengeFailure(tx, challengeId);
    await recordAudit(tx, signingInContext(ctx, user), { action: 'auth.second_factor_failed', objectType: 'user', objectId: user.id });
  });
  throw new AppError(ErrorCode.TwoFactorCodeInvalid);
}

/** The second step of a sign-in: a code from the app, or an unused recovery code, opens the session. */
export async function loginWithSecondFactor(
  ctx: RequestContext,
  input: { pendingToken: string; code: string },
  userAgent: string | null,
): Promise<{ token: string; user: SessionUser }> {
  const { challenge, user } = await getChallenge(ctx, input.pendingToken, 'verify');
  const credential = await repository.getCredential(ctx.db, user.id);
  if (!credential?.enabledAt) throw new AppError(ErrorCode.LoginChallengeExpired);
  const now = new Date();
  const method = await inTransaction(ctx, async (tx) => {
    const proved = await useCode(tx, credential, input.code, now);
    if (!proved) return null;
    if (!(await repository.consumeChallenge(tx, challenge.id, now))) throw new AppError(ErrorCode.LoginChallengeExpired);
    await recordAudit(tx, signingInContext(ctx, user), {
      action: proved === 'recovery' ? 'auth.recovery_code_used' : 'auth.second_factor_passed',
      objectType: 'user',
      objectId: user.id,
    });
    return proved;
  });
  if (!method) return refuseCode(ctx, challenge.id, user);
  return openSession(ctx, user, userAgent);
}

async function startEnrolmentFor(ctx: RequestContext, user: SigningInUser): Promise<TwoFactorEnrolment> {
  const secret = newTotpSecret();
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.upsertPendingCredential(tx, user.id, secret)))
      throw new AppError(ErrorCode.RuleViolation, { message: '已开启两步验证；如需更换验证器，请先关闭两步验证' });
    await recordAudit(tx, ctx, { action: 'user.two_factor_enrolment_start', objectType: 'user', objectId: user.id });
  });
  return { secret, otpauthUri: totpUri(secret, user.username) };
}

/** Verifies the first code of a pending enrolment, turns two-factor sign-in on and answers new recovery codes; null for a wrong code. */
async function confirmEnrolmentFor(
  tx: Transaction,
  ctx: RequestContext,
  userId: string,
  code: string,
  now: Date,
): Promise<string[] | null> {
  const credential = await repository.getCredential(tx, userId);
  if (!credential || credential.enabledAt) throw new AppError(ErrorCode.RuleViolation, { message: '没有待确认的两步验证设置，请重新开始' });
  const step = matchTotpStep(credential.secret, code.replace(/\s/g, ''), now.getTime());
  if (step === null || !(await repository.enableCredential(tx, userId, step, now))) return null;
  const codes = await replaceRecoveryCodes(tx, userId);
  await recordAudit(tx, ctx, { action: 'user.two_factor_enable', objectType: 'user', objectId: userId });
  return codes;
}

/** Sign-in of an account that must have two-factor sign-in: a new secret to scan, before anything else. */
export async function startLoginEnrolment(ctx: RequestContext, pendingToken: string): Promise<TwoFactorEnrolment> {
  const { user } = await getChallenge(ctx, pendingToken, 'enrol');
  return startEnrolmentFor(signingInContext(ctx, user), user);
}

/** Sign-in of an account that must have two-factor sign-in: the first code turns it on and opens the session. */
export async function confirmLoginEnrolment(
  ctx: RequestContext,
  input: { pendingToken: string; code: string },
  userAgent: string | null,
): Promise<{ token: string; result: EnrolledLogin }> {
  const { challenge, user } = await getChallenge(ctx, input.pendingToken, 'enrol');
  const now = new Date();
  const codes = await inTransaction(ctx, async (tx) => {
    const recoveryCodes = await confirmEnrolmentFor(tx, signingInContext(ctx, user), user.id, input.code, now);
    if (recoveryCodes && !(await repository.consumeChallenge(tx, challenge.id, now))) throw new AppError(ErrorCode.LoginChallengeExpired);
    return recoveryCodes;
  });
  if (!codes) return refuseCode(ctx, challenge.id, user);
  const session = await openSession(ctx, user, userAgent);
  return { token: session.token, result: { user: session.user, recoveryCodes: codes } };
}

/** The signed-in user's own two-factor state. */
export async function getTwoFactorStatus(ctx: ActorContext, policy: TwoFactorPolicy): Promise<TwoFactorStatus> {
  const credential = await repository.getCredential(ctx.db, ctx.actor.userId);
  const enabled = Boolean(credential?.enabledAt);
  return {
    enabled,
    required: isTwoFactorRequired(ctx.actor.role, policy),
    enabledAt: credential?.enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await repository.countUnusedRecoveryCodes(ctx.db, ctx.actor.userId) : 0,
  };
}

/** Starts (or restarts) the signed-in user's own enrolment: a new secret to scan, not yet in force. */
export function startEnrolment(ctx: ActorContext): Promise<TwoFactorEnrolment> {
  return startEnrolmentFor(ctx, { id: ctx.actor.userId, username: ctx.actor.username, role: ctx.actor.role });
}

/** The first code from the app turns two-factor sign-in on; the recovery codes are answered this once. */
export async function confirmEnrolment(ctx: ActorContext, code: string): Promise<RecoveryCodes> {
  const codes = await inTransaction(ctx, (tx) => confirmEnrolmentFor(tx, ctx, ctx.actor.userId, code, new Date()));
  if (!codes) throw new AppError(ErrorCode.TwoFactorCodeInvalid);
  return { recoveryCodes: codes };
}

/** Uses a code of the signed-in user's enabled credential inside `tx`, or throws TWO_FACTOR_CODE_INVALID (nothing is written). */
async function reauthenticate(tx: Transaction, ctx: ActorContext, code: string): Promise<'totp' | 'recovery'> {
  const credential = await repository.getCredential(tx, ctx.actor.userId);
  if (!credential?.enabledAt) throw new AppError(ErrorCode.RuleViolation, { message: '尚未开启两步验证' });
  const method = await useCode(tx, credential, code, new Date());
  if (!method) throw new AppError(ErrorCode.TwoFactorCodeInvalid);
  return method;
}

/** Turns the signed-in user's own two-factor sign-in off (a current code re-authenticates); never for a role that requires it. */
export async function disableTwoFactor(ctx: ActorContext, code: string, policy: TwoFactorPolicy): Promise<void> {
  if (isTwoFactorRequired(ctx.actor.role, policy))
    throw new AppError(ErrorCode.RuleViolation, { message: '管理员账号必须开启两步验证，不能关闭' });
  await inTransaction(ctx, async (tx) => {
    const method = await reauthenticate(tx, ctx, code);
    await repository.deleteCredential(tx, ctx.actor.userId);
    await repository.deleteRecoveryCodes(tx, ctx.actor.userId);
    await repository.consumeUserChallenges(tx, ctx.actor.userId, new Date());
    await recordAudit(tx, ctx, { action: 'user.two_factor_disable', objectType: 'user', objectId: ctx.actor.userId, after: { method } });
  });
}

/** New recovery codes for the signed-in user (a current code re-authenticates); the old ones stop working. */
export async function regenerateRecoveryCodes(ctx: ActorContext, code: string): Promise<RecoveryCodes> {
  const codes = await inTransaction(ctx, async (tx) => {
    const method = await reauthenticate(tx, ctx, code);
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx.actor.userId);
    await recordAudit(tx, ctx, {
      action: 'user.two_factor_recovery_codes_regenerate',
      objectType: 'user',
      objectId: ctx.actor.userId,
      after: { method },
    });
    return recoveryCodes;
  });
  return { recoveryCodes: codes };
}

/**
 * The security administrator turns another user's two-factor sign-in off (a lost phone and lost recovery codes);
 * never an administrator's or their own (三权分立). The user's sessions end; they sign in with the password alone and
 * may enrol again.
 */
export async function resetUserTwoFactor(ctx: ActorContext, userId: string, version: number): Promise<User> {
  const target = await getUserRow(ctx.db, userId);
  if (!target) throw notFound();
  assertMayManageAccount(ctx.actor, target, 'reset_two_factor');
  if (target.version !== version) throw versionConflict();
  await inTransaction(ctx, async (tx) => {
    if (!(await updateUserVersioned(tx, userId, version, {}))) throw versionConflict();
    const hadCredential = await repository.deleteCredential(tx, userId);
    await repository.deleteRecoveryCodes(tx, userId);
    await repository.consumeUserChallenges(tx, userId, new Date());
    await revokeUserSessions(tx, userId);
    await recordAudit(tx, ctx, {
      action: 'user.reset_two_factor',
      objectType: 'user',
      objectId: userId,
      before: { twoFactorEnabled: hadCredential },
      after: { twoFactorEnabled: false },
    });
  });
  return getUser(ctx, userId);
}

/**
 * Recovery from the server's own shell (`stip accounts reset-two-factor USERNAME`) for the case account administration
 * refuses by design: an administrator who lost both the authenticator and the recovery codes. Turns two-factor sign-in
 * off and ends the account's sessions, recorded as a system action; an administrator must enrol again at the next
 * sign-in (outside a demo instance).
 */
export async function resetTwoFactorFromConsole(db: Database, username: string): Promise<void> {
  const credentials = await findUserCredentials(db, username);
  if (!credentials) throw notFound();
  const ctx = systemContext(db);
  await inTransaction(ctx, async (tx) => {
    const hadCredential = await repository.deleteCredential(tx, credentials.id);
    await repository.deleteRecoveryCodes(tx, credentials.id);
    await repository.consumeUserChallenges(tx, credentials.id, new Date());
    await revokeUserSessions(tx, credentials.id);
    await recordAudit(tx, ctx, {
      action: 'user.reset_two_factor_console',
      objectType: 'user',
      objectId: credentials.id,
      before: { twoFactorEnabled: hadCredential },
      after: { username, twoFactorEnabled: false },
    });
  });
}
