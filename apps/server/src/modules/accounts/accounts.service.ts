import { createHash, randomBytes } from 'node:crypto';
import {
  type AssignRole,
  type CreateUser,
  type UpdateUser,
  countCharacterClasses,
  findPasswordProblems,
  passwordHistoryDepth,
  type OrganizationOptionQuery,
  ErrorCode,
  type LoginChallenge,
  type Role,
  type SessionUser,
  type Setup,
  type User,
  type UserQuery,
  organizationScopedRoles,
  regionScopedRoles,
  rolePermissions,
} from '@stip/contracts';
import type { ChangeFeed } from '../../db/change-feed';
import type { Database, Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { StampedCache } from '../../shared/stamped-cache';
import { type Actor, type ActorContext, type RequestContext, inTransaction, systemContext } from '../../shared/context';
import { recordAudit } from '../audit';
import * as repository from './accounts.repository';
import { type AccountAction, assertMayManageAccount } from './accounts.policy';
import { dummyPasswordHash, getCommonPasswords, hashPassword, verifyPassword } from './passwords';
import { getRegionRow } from '../regions';
import { findOrganizationOptions, getOrganizationName } from '../organizations';
import { type TwoFactorPolicy, challengeAfterPassword } from './accounts.two-factor.service';

/** Failures of one (address, username) pair within `lockMinutes` that lock that pair for `lockMinutes`. */
export const maxFailedLogins = 5;
export const lockMinutes = 15;
/** A first-start setup token is valid this long (a new one is issued at each start while setup is needed). */
export const setupTokenLifetimeMs = 24 * 60 * 60 * 1000;
/** Sessions end after this long without a request (sliding). */
export const sessionIdleMs = 8 * 60 * 60 * 1000;
/** Sessions end this long after sign-in however active they are (absolute; SESSION_MAX_HOURS). */
export const defaultSessionMaxMs = 12 * 60 * 60 * 1000;
/** The cookie that carries the session token. */
export const sessionCookie = 'stip_session';

/** How the session cookie is set: never readable by scripts, same-site only, no longer than the session may live. */
export function sessionCookieOptions(secure: boolean | 'auto', sessionMaxMs = defaultSessionMaxMs) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    maxAge: Math.floor(Math.min(sessionIdleMs, sessionMaxMs) / 1000),
  };
}
const touchEveryMs = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toUser(row: repository.UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionId: row.regionId,
    regionName: row.regionName,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    phone: row.phone,
    email: row.email,
    isActive: row.isActive,
    lockedUntil: row.lockedUntil && row.lockedUntil > new Date() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    isDemo: row.isDemo,
    version: row.version,
  };
}

function lockedError(lockedUntil: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return new AppError(ErrorCode.AccountLocked, { message: `登录失败次数过多，账号已锁定，请${minutes}分钟后再试` });
}

type Credentials = NonNullable<Awaited<ReturnType<typeof repository.findUserCredentials>>>;

function loginAttempt(ctx: RequestContext, username: string): repository.LoginAttempt {
  return { sourceIp: ctx.sourceIp ?? 'unknown', username: username.trim().toLowerCase() };
}

/**
 * Signs in: throttle check, credential check, account check, then a server-side session. Failures are counted per
 * client address and username together, so an attacker's address locks only itself out of an account, and an
 * unknown username answers exactly like a known one (same error, a dummy argon2 verification, the same counting).
 */
export async function login(
  ctx: RequestContext,
  input: { username: string; password: string },
  userAgent: string | null,
  twoFactorPolicy: TwoFactorPolicy,
): Promise<{ token: string; user: SessionUser } | { challenge: LoginChallenge }> {
  const now = new Date();
  const attempt = loginAttempt(ctx, input.username);
  await assertLoginNotThrottled(ctx, attempt, now);
  const credentials = await checkCredentials(ctx, input, attempt, now);
  if (!credentials.isActive) throw new AppError(ErrorCode.AccountDisabled);
  if (!credentials.role) throw new AppError(ErrorCode.AccountDisabled, { message: '账号尚未分配角色，请联系安全管理员' });

  // Second factor (modules/two-factor): with two-factor sign-in on, or required and not yet set up, the password
  // answers a short-lived challenge instead of a session.
  const signingIn = { id: credentials.id, username: credentials.username, role: credentials.role };
  const challenge = await challengeAfterPassword(ctx, signingIn, twoFactorPolicy, userAgent);
  if (challenge) return { challenge };
  return openSession(ctx, signingIn, userAgent);
}

/** Refuses an (address, username) pair locked after too many failures. */
async function assertLoginNotThrottled(ctx: RequestContext, attempt: repository.LoginAttempt, now: Date): Promise<void> {
  const lockedUntil = await repository.findLoginLock(ctx.db, attempt, now);
  if (lockedUntil) throw lockedError(lockedUntil, now);
}

/**
 * Verifies the password (against a dummy hash for an unknown username) and answers the account; a failure is
 * counted and audited, the fifth within the window locks the pair. The count is one upsert, so a burst of parallel
 * attempts counts every one.
 */
async function checkCredentials(
  ctx: RequestContext,
  input: { username: string; password: string },
  attempt: repository.LoginAttempt,
  now: Date,
): Promise<Credentials> {
  const credentials = await repository.findUserCredentials(ctx.db, input.username);
  const passwordOk = await verifyPassword(credentials?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (credentials && passwordOk) return credentials;
  const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  const failure = await inTransaction(ctx, async (tx) => {
    const counted = await repository.recordLoginFailure(tx, attempt, now, windowStart, maxFailedLogins, lockUntil);
    await recordAudit(
      tx,
      { ...ctx, actor: null },
      {
        action: counted?.lockedUntil ? 'auth.lock' : 'auth.login_failed',
        objectType: 'user',
        objectId: credentials?.id ?? null,
        after: { username: input.username },
      },
    );
    return counted;
  });
  if (failure?.lockedUntil)
    throw new AppError(ErrorCode.AccountLocked, { message: `密码连续错误${maxFailedLogins}次，账号已锁定${lockMinutes}分钟` });
  // A parallel attempt locked the pair after it was checked above.
  if (!failure) throw lockedError((await repository.findLoginLock(ctx.db, attempt, now)) ?? lockUntil, now);
  throw new AppError(ErrorCode.InvalidCredentials);
}

/**
 * Opens a server-side session for a user whose sign-in succeeded (password, and the second factor when needed); the
 * sign-in clears the failures counted for this address and username.
 */
export async function openSession(
  ctx: RequestContext,
  credentials: { id: string; username: string; role: Role },
  userAgent: string | null,
): Promise<{ token: string; user: SessionUser }> {
  const now = new Date();
  const attempt = loginAttempt(ctx, credentials.username);
  const token = randomBytes(32).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    const lockedUntil = await repository.clearLoginFailures(tx, attempt, now);
    if (lockedUntil) throw lockedError(lockedUntil, now);
    await repository.recordLastLogin(tx, credentials.id, now);
    await repository.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: credentials.id,
      expiresAt: new Date(now.getTime() + sessionIdleMs),
      sourceIp: ctx.sourceIp,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      {
        ...ctx,
        actor: {
          userId: credentials.id,
          username: credentials.username,
          role: credentials.role,
          regionId: null,
          regionPath: null,
          organizationId: null,
          permissions: [],
        },
      },
      { action: 'auth.login', objectType: 'user', objectId: credentials.id },
    );
  });
  return { token, user: await getSessionUser(ctx.db, credentials.id) };
}

export async function logout(ctx: RequestContext, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await repository.revokeSessionByHash(tx, hashToken(token));
    if (ctx.actor) await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor.userId });
  });
}

/**
 * The actor behind a session token, or null when the session is unknown, revoked, idle longer than
 * `sessionIdleMs` or opened longer than `maxAgeMs` ago (the absolute lifetime, however active).
 */
export async function resolveSession(db: Database, token: string, maxAgeMs = defaultSessionMaxMs): Promise<Actor | null> {
  return (await loadSession(db, hashToken(token), new Date(), maxAgeMs))?.actor ?? null;
}

/**
 * The live session's actor, and until when that answer holds without asking again: the session's end (idle or
 * absolute), or the next minute's touch that keeps an active session from idling out, whichever is first.
 */
async function loadSession(
  db: Database,
  tokenHash: string,
  now: Date,
  maxAgeMs: number,
): Promise<{ actor: Actor; validUntil: number } | null> {
  const row = await repository.findLiveSession(db, tokenHash, now, new Date(now.getTime() - maxAgeMs));
  if (!row || !row.isActive || !row.role) return null;
  let expiresAt = row.expiresAt.getTime();
  let lastSeenAt = row.lastSeenAt.getTime();
  if (now.getTime() - lastSeenAt > touchEveryMs) {
    expiresAt = Math.min(now.getTime() + sessionIdleMs, row.createdAt.getTime() + maxAgeMs);
    lastSeenAt = now.getTime();
    await repository.touchSession(db, row.sessionId, now, new Date(expiresAt));
  }
  const actor: Actor = {
    userId: row.userId,
    username: row.username,
    role: row.role,
    regionId: row.regionId,
    regionPath: row.regionPath,
    organizationId: row.organizationId,
    permissions: rolePermissions[row.role],
    mustChangePassword: row.mustChangePassword,
  };
  return { actor, validUntil: Math.min(expiresAt, row.createdAt.getTime() + maxAgeMs, lastSeenAt + touchEveryMs) };
}

/** What a session answer depends on: the session (its end), its user (role, region, organisation, state) and regions (the path). */
const sessionTables = ['sessions', 'users', 'regions'] as const;

/**
 * `resolveSession` with answers kept in this process while the change feed hears no write to the session, its
 * user or the regions, and no longer than `validUntil`: a request then costs no database round trip. A session
 * ended in another process stops answering here when PostgreSQL's notice arrives (milliseconds); one ended in this
 * process (a logout, a password change) at once, since every write request moves the feed's stamps. Unknown
 * tokens are never kept, so guessing fills nothing.
 */
export function sessionResolver(db: Database, feed: ChangeFeed, maxAgeMs = defaultSessionMaxMs, max = 10_000) {
  const cache = new StampedCache<{ actor: Actor; validUntil: number }>(feed, { tables: sessionTables, max });
  return async (token: string): Promise<Actor | null> => {
    const tokenHash = hashToken(token);
    const now = new Date();
    const cached = cache.get(tokenHash);
    if (cached && now.getTime() < cached.validUntil) return cached.actor;
    const ticket = cache.begin();
    const loaded = await loadSession(db, tokenHash, now, maxAgeMs);
    if (loaded) cache.set(tokenHash, loaded, ticket);
    else cache.delete(tokenHash);
    return loaded?.actor ?? null;
  };
}

export async function getSessionUser(db: Database, userId: string): Promise<SessionUser> {
  const row = await repository.getUserRow(db, userId);
  if (!row || !row.role) throw notFound();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    regionId: row.regionId,
    regionName: row.regionName,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    permissions: [...rolePermissions[row.role]],
    mustChangePassword: row.mustChangePassword,
  };
}

export async function findUsers(ctx: ActorContext, query: UserQuery) {
  const page = await repository.findUsers(ctx.db, query);
  return { items: page.items.map(toUser), total: page.total };
}

export async function getUser(ctx: ActorContext, id: string): Promise<User> {
  const row = await repository.getUserRow(ctx.db, id);
  if (!row) throw notFound();
  return toUser(row);
}

/** Organisation names for the role form: the security administrator sees no other organisation data. */
export function findAssignableOrganizations(ctx: ActorContext, query: OrganizationOptionQuery) {
  return findOrganizationOptions(ctx.db, query.keyword, query.limit);
}

/** The system administrator creates an account without a role; only the security administrator can grant one. */
export async function createUser(ctx: ActorContext, input: CreateUser): Promise<User> {
  await assertPasswordAllowed(ctx.db, input.password, { username: input.username, field: 'password' });
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(ctx, async (tx) => {
    if (await repository.findUserCredentials(tx, input.username)) {
      throw new AppError(ErrorCode.AlreadyExists, { message: `用户名“${input.username}”已被使用` });
    }
    const userId = await repository.insertUser(tx, { username: input.username, displayName: input.displayName, passwordHash, role: null });
    await recordAudit(tx, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: userId,
      after: { username: input.username, displayName: input.displayName },
    });
    return userId;
  });
  return getUser(ctx, id);
}

/**
 * Reads the account an administrator acts on and applies the 三权分立 policy. The caller's version must
 * be the one read, so the write lands on exactly the state the policy approved.
 */
async function getManageableUser(ctx: ActorContext, id: string, version: number, action: AccountAction, grantedRole?: Role) {
  const target = await getUser(ctx, id);
  assertMayManageAccount(ctx.actor, target, action, grantedRole);
  if (target.version !== version) throw versionConflict();
  return target;
}

/** Grants a business role and its scope (never an administrator role, never to oneself or an administrator). */
export async function assignRole(ctx: ActorContext, id: string, input: AssignRole): Promise<User> {
  const before = await getManageableUser(ctx, id, input.version, 'assign_role', input.role);
  const needsRegion = regionScopedRoles.includes(input.role);
  const needsOrganization = organizationScopedRoles.includes(input.role);
  if (needsRegion && !input.regionId)
    throw new AppError(ErrorCode.ValidationFailed, { message: '该角色须指定所属区域', details: [{ field: 'regionId', message: '必填' }] });
  if (needsOrganization && !input.organizationId)
    throw new AppError(ErrorCode.ValidationFailed, {
      message: '该角色须指定所属单位',
      details: [{ field: 'organizationId', message: '必填' }],
    });
  if (input.regionId && !(await getRegionRow(ctx.db, input.regionId)))
    throw new AppError(ErrorCode.ValidationFailed, { message: '所属区域不存在' });
  if (input.organizationId && !(await getOrganizationName(ctx.db, input.organizationId)))
    throw new AppError(ErrorCode.ValidationFailed, { message: '所属单位不存在' });
  await inTransaction(ctx, async (tx) => {
    const changes = {
      role: input.role,
      regionId: needsRegion ? input.regionId : null,
      organizationId: needsOrganization ? input.organizationId : null,
    };
    if (!(await repository.updateUserVersioned(tx, id, input.version, changes))) throw versionConflict();
    // A changed role takes effect at once: the user's open sessions end.
    await repository.revokeUserSessions(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.assign_role',
      objectType: 'user',
      objectId: id,
      before: { role: before.role, regionId: before.regionId, organizationId: before.organizationId },
      after: changes,
    });
  });
  return getUser(ctx, id);
}

/** Corrects an account's name (system administrator); never an administrator's or one's own. */
export async function updateUser(ctx: ActorContext, id: string, input: UpdateUser): Promise<User> {
  const before = await getManageableUser(ctx, id, input.version, 'edit_profile');
  const next = {
    displayName: input.displayName.trim(),
    phone: input.phone ?? before.phone,
    email: input.email ?? before.email,
  };
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== before[key]);
  if (!changed.length) return before;
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateUserVersioned(tx, id, input.version, next))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'user.update',
      objectType: 'user',
      objectId: id,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, next[key]])),
    });
  });
  return getUser(ctx, id);
}

/** Disables an account (its sessions end) or enables it again; never an administrator's or one's own. */
export async function setUserActive(ctx: ActorContext, id: string, input: { isActive: boolean; version: number }): Promise<User> {
  const before = await getManageableUser(ctx, id, input.version, 'set_active');
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateUserVersioned(tx, id, input.version, { isActive: input.isActive }))) throw versionConflict();
    if (!input.isActive) await repository.revokeUserSessions(tx, id);
    await recordAudit(tx, ctx, {
      action: input.isActive ? 'user.enable' : 'user.disable',
      objectType: 'user',
      objectId: id,
      before: { isActive: before.isActive },
      after: { isActive: input.isActive },
    });
  });
  return getUser(ctx, id);
}

/**
 * The password rule (findPasswordProblems in @stip/contracts) with what only the server has: the shipped
 * common-password list, and for an existing account its current and last replaced passwords (the last five in all).
 */
export async function assertPasswordAllowed(
  db: Database,
  password: string,
  account: { username: string; field: string; userId?: string; currentHash?: string },
): Promise<void> {
  const problems = findPasswordProblems(password, { username: account.username, commonPasswords: getCommonPasswords() });
  if (!problems.length && account.userId) {
    const recent = await repository.findPasswordHistory(db, account.userId, passwordHistoryDepth - 1);
    for (const passwordHash of [account.currentHash, ...recent]) {
      if (passwordHash && (await verifyPassword(passwordHash, password))) {
        problems.push(`不能使用最近${passwordHistoryDepth}次用过的密码`);
        break;
      }
    }
  }
  if (problems.length) {
    throw new AppError(ErrorCode.ValidationFailed, {
      message: problems.join('；'),
      details: problems.map((message) => ({ field: account.field, message })),
    });
  }
}

/** Sets a new password, keeping the replaced one's hash in the history. */
async function replacePassword(
  tx: Transaction,
  row: { id: string; version: number; passwordHash: string },
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  if (!(await repository.updateUserVersioned(tx, row.id, row.version, { passwordHash, mustChangePassword }))) throw versionConflict();
  await repository.insertPasswordHistory(tx, row.id, row.passwordHash);
}

/**
 * The security administrator resets a password and lifts a sign-in lock; the user's sessions end and the new
 * password must be changed at the next sign-in. Never an administrator's or one's own.
 */
export async function resetPassword(ctx: ActorContext, id: string, input: { password: string; version: number }): Promise<User> {
  const target = await getManageableUser(ctx, id, input.version, 'reset_password');
  const credentials = await repository.findUserCredentials(ctx.db, target.username);
  if (!credentials) throw notFound();
  await assertPasswordAllowed(ctx.db, input.password, {
    username: target.username,
    field: 'password',
    userId: id,
    currentHash: credentials.passwordHash,
  });
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (tx) => {
    await replacePassword(tx, { ...credentials, version: input.version }, passwordHash, true);
    await repository.clearUsernameThrottles(tx, target.username);
    await repository.revokeUserSessions(tx, id);
    await recordAudit(tx, ctx, { action: 'user.reset_password', objectType: 'user', objectId: id });
  });
  return getUser(ctx, id);
}

/**
 * The security administrator lifts the sign-in locks on an account (from every address) without touching its
 * password; allowed on the administrators' accounts too, never on one's own.
 */
export async function unlockUser(ctx: ActorContext, id: string): Promise<User> {
  const target = await getUser(ctx, id);
  assertMayManageAccount(ctx.actor, target, 'unlock');
  await inTransaction(ctx, async (tx) => {
    await repository.clearUsernameThrottles(tx, target.username);
    await recordAudit(tx, ctx, { action: 'user.unlock', objectType: 'user', objectId: id, before: { lockedUntil: target.lockedUntil } });
  });
  return getUser(ctx, id);
}

/** Any signed-in user changes their own password; their other sessions end, the current one stays. */
export async function changeOwnPassword(
  ctx: ActorContext,
  input: { currentPassword: string; newPassword: string },
  currentToken: string | null,
): Promise<void> {
  const row = await repository.getUserRow(ctx.db, ctx.actor.userId);
  const credentials = row && (await repository.findUserCredentials(ctx.db, row.username));
  if (!row || !credentials || !(await verifyPassword(credentials.passwordHash, input.currentPassword))) {
    throw new AppError(ErrorCode.ValidationFailed, {
      message: '当前密码不正确',
      details: [{ field: 'currentPassword', message: '当前密码不正确' }],
    });
  }
  await assertPasswordAllowed(ctx.db, input.newPassword, {
    username: row.username,
    field: 'newPassword',
    userId: row.id,
    currentHash: credentials.passwordHash,
  });
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    await replacePassword(tx, credentials, passwordHash, false);
    await repository.revokeUserSessions(tx, row.id, currentToken ? hashToken(currentToken) : undefined);
    await recordAudit(tx, ctx, { action: 'user.change_password', objectType: 'user', objectId: row.id });
  });
}

/** A random password for the console reset that the rule would accept (three character classes at least). */
function randomPassword(): string {
  for (;;) {
    const password = randomBytes(12).toString('base64url');
    if (countCharacterClasses(password) >= 3) return password;
  }
}

/**
 * Recovery from the server's own shell (`stip accounts reset-password USERNAME`), for the one case account
 * administration refuses by design: an administrator who lost their password. Sets a random password, lifts a lock,
 * ends the account's sessions and records it as a system action; answers the new password for the operator to hand
 * over, which must be changed at the next sign-in.
 */
export async function resetPasswordFromConsole(db: Database, username: string): Promise<{ password: string }> {
  const credentials = await repository.findUserCredentials(db, username);
  if (!credentials) throw notFound();
  const password = randomPassword();
  const passwordHash = await hashPassword(password);
  const ctx = systemContext(db);
  await inTransaction(ctx, async (tx) => {
    const row = await repository.findUserCredentials(tx, username);
    if (!row) throw notFound();
    await replacePassword(tx, row, passwordHash, true);
    await repository.clearUsernameThrottles(tx, username);
    await repository.revokeUserSessions(tx, row.id);
    await recordAudit(tx, ctx, { action: 'user.reset_password_console', objectType: 'user', objectId: row.id, after: { username } });
  });
  return { password };
}

/** Whether the database holds the demo accounts (which share the published demo password). */
export async function hasDemoAccounts(db: Database): Promise<boolean> {
  return repository.hasDemoUsers(db);
}

export async function needsSetup(db: Database): Promise<boolean> {
  return (await repository.countUsers(db)) === 0;
}

/**
 * Issues a one-time first-start setup token (at `stip serve` start while no account exists): answers the token for
 * the operator's console and DATA_DIR/setup-token; the database keeps only its SHA-256, so any app process accepts
 * it. Valid for 24 hours or until a setup succeeds.
 */
export async function issueSetupToken(db: Database, now = new Date()): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await repository.insertSetupToken(db, hashToken(token), new Date(now.getTime() + setupTokenLifetimeMs));
  return token;
}

/**
 * First start with no accounts: whoever holds the setup token creates the three administrators with passwords they
 * choose. A wrong token is refused and audited. Concurrent setups are serialised by an advisory lock, so only the
 * first finds no accounts; a successful setup uses up every setup token.
 */
export async function runSetup(ctx: RequestContext, input: Setup): Promise<void> {
  const now = new Date();
  const tokenHash = hashToken(input.token);
  if (!(await repository.isSetupTokenLive(ctx.db, tokenHash, now))) {
    if (!(await needsSetup(ctx.db))) throw new AppError(ErrorCode.SetupAlreadyDone);
    await inTransaction(ctx, (tx) =>
      recordAudit(tx, ctx, { action: 'system.setup_refused', objectType: 'system', objectId: null, after: { reason: 'invalid_token' } }),
    );
    throw new AppError(ErrorCode.SetupTokenInvalid);
  }
  const names = [input.sysadmin.username, input.secadmin.username, input.auditadmin.username];
  if (new Set(names.map((name) => name.toLowerCase())).size !== 3)
    throw new AppError(ErrorCode.ValidationFailed, { message: '三个管理员的用户名必须互不相同' });
  const roles = ['sysadmin', 'secadmin', 'auditadmin'] as const;
  for (const role of roles) {
    await assertPasswordAllowed(ctx.db, input[role].password, { username: input[role].username, field: `${role}.password` });
  }
  const accounts = await Promise.all(
    roles.map(async (role) => ({
      role,
      username: input[role].username,
      passwordHash: await hashPassword(input[role].password),
    })),
  );
  await inTransaction(ctx, async (tx) => {
    await repository.lockSetup(tx);
    if ((await repository.countUsers(tx)) > 0) throw new AppError(ErrorCode.SetupAlreadyDone);
    await repository.useUpSetupTokens(tx, now);
    for (const account of accounts) {
      const id = await repository.insertUser(tx, {
        username: account.username,
        displayName: account.username,
        passwordHash: account.passwordHash,
        role: account.role,
      });
      await recordAudit(tx, ctx, {
        action: 'system.setup',
        objectType: 'user',
        objectId: id,
        after: { username: account.username, role: account.role },
      });
    }
  });
}
