import { and, asc, count, desc, eq, gt, ilike, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Role, UserQuery } from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { loginThrottles, organizations, passwordHistory, regions, sessions, setupTokens, users } from '../../db/schema/index';

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  phone: users.phone,
  email: users.email,
  role: users.role,
  regionId: users.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  isActive: users.isActive,
  /** The latest sign-in lock on this username from any address (null when none is in force). */
  lockedUntil: sql<Date | null>`(select max(${loginThrottles.lockedUntil}) from ${loginThrottles}
    where ${loginThrottles.username} = lower(${users.username}) and ${loginThrottles.lockedUntil} > now())`.mapWith(
    (value: string | Date | null) => (value === null ? null : new Date(value)),
  ),
  lastLoginAt: users.lastLoginAt,
  mustChangePassword: users.mustChangePassword,
  isDemo: users.isDemo,
  version: users.version,
};
export type UserRow = Awaited<ReturnType<typeof findUserRows>>[number];

function findUserRows(db: Executor, where: SQL | undefined) {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(where);
}

export async function getUserRow(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await findUserRows(db, eq(users.id, id));
  return row;
}

export async function findUserCredentials(db: Executor, username: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      role: users.role,
      isActive: users.isActive,
      version: users.version,
    })
    .from(users)
    .where(eq(users.username, username));
  return row;
}

export async function findUsers(db: Executor, query: UserQuery) {
  const conditions: SQL[] = [];
  if (query.keyword) {
    const pattern = `%${query.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern))!);
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [totalRow]] = await Promise.all([
    findUserRows(db, where).orderBy(asc(users.username)).limit(query.limit).offset(query.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users);
  return row?.total ?? 0;
}

export async function hasDemoUsers(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  return !!row;
}

export async function insertUser(
  db: Executor,
  values: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: Role | null;
    regionId?: string | null;
    organizationId?: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

/** Applies `changes` only if the row is still at `version`; false when someone changed it first. */
export async function updateUserVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<
    Pick<
      typeof users.$inferInsert,
      'role' | 'regionId' | 'organizationId' | 'isActive' | 'passwordHash' | 'mustChangePassword' | 'displayName' | 'phone' | 'email'
    >
  >,
): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** Who is signing in, as the throttle counts it: the client address and the username as typed (lower-cased). */
export interface LoginAttempt {
  sourceIp: string;
  username: string;
}

const throttleKey = (attempt: LoginAttempt) =>
  and(eq(loginThrottles.sourceIp, attempt.sourceIp), eq(loginThrottles.username, attempt.username))!;

/** When the attempt's (address, username) pair is locked at `now`, until when; otherwise undefined. */
export async function findLoginLock(db: Executor, attempt: LoginAttempt, now: Date): Promise<Date | undefined> {
  const [row] = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(and(throttleKey(attempt), gt(loginThrottles.lockedUntil, now)));
  return row?.lockedUntil ?? undefined;
}

/**
 * Counts one failed sign-in of an (address, username) pair in one upsert, so parallel attempts each count and only
 * one of them locks: the attempt that reaches `maxFailures` sets `lockUntil` and restarts the count. Failures older
 * than `windowStart` are forgotten. Answers the pair's new `lockedUntil` (null when this failure did not lock), or
 * undefined when the pair was already locked at `now` (the row is left alone).
 */
export async function recordLoginFailure(
  db: Executor,
  attempt: LoginAttempt,
  now: Date,
  windowStart: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ lockedUntil: Date | null } | undefined> {
  const previous = sql`case when ${loginThrottles.updatedAt} <= ${windowStart.toISOString()}::timestamptz then 0 else ${loginThrottles.failedCount} end`;
  const reachesLimit = sql`${previous} + 1 >= ${maxFailures}`;
  const [row] = await db
    .insert(loginThrottles)
    .values({ ...attempt, failedCount: 1, lockedUntil: null, updatedAt: now })
    .onConflictDoUpdate({
      target: [loginThrottles.sourceIp, loginThrottles.username],
      set: {
        failedCount: sql`case when ${reachesLimit} then 0 else ${previous} + 1 end`,
        lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else null end`,
        updatedAt: now,
      },
      setWhere: or(isNull(loginThrottles.lockedUntil), lte(loginThrottles.lockedUntil, now)),
    })
    .returning({ lockedUntil: loginThrottles.lockedUntil });
  return row;
}

/**
 * Forgets the pair's failures after a good sign-in, unless a parallel attempt locked it meanwhile: answers the lock
 * then in force (the row is locked for the rest of the transaction), otherwise undefined.
 */
export async function clearLoginFailures(db: Executor, attempt: LoginAttempt, now: Date): Promise<Date | undefined> {
  const [row] = await db.select({ lockedUntil: loginThrottles.lockedUntil }).from(loginThrottles).where(throttleKey(attempt)).for('update');
  if (row?.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  if (row) await db.delete(loginThrottles).where(throttleKey(attempt));
  return undefined;
}

/** Lifts every sign-in lock and failure count on a username, from every address. */
export async function clearUsernameThrottles(db: Executor, username: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.username, username.toLowerCase()));
}

export async function recordLastLogin(db: Executor, id: string, now: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, id));
}

/** The hashes of the user's last `limit` replaced passwords, newest first. */
export async function findPasswordHistory(db: Executor, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ passwordHash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(limit);
  return rows.map((row) => row.passwordHash);
}

export async function insertPasswordHistory(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.insert(passwordHistory).values({ userId, passwordHash });
}

export async function insertSetupToken(db: Executor, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.insert(setupTokens).values({ tokenHash, expiresAt });
}

/** Whether a setup token with this hash is unused and unexpired at `now`. */
export async function isSetupTokenLive(db: Executor, tokenHash: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: setupTokens.id })
    .from(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)));
  return !!row;
}

/** Marks every setup token used (setup happens once; the other processes' tokens expire with it). */
export async function useUpSetupTokens(db: Executor, now: Date): Promise<void> {
  await db.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt));
}

/** Any value fixed for STIP: serialises first-start setups across processes and connections. */
const setupLockKey = 7426003;

/** Holds the setup lock until the transaction ends, so concurrent setups count users one after another. */
export async function lockSetup(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${setupLockKey})`);
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

/** Every authenticated request runs it: built once, a prepared statement parsed once per connection. */
const liveSessionQuery = preparedQuery((db) =>
  db
    .select({
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      role: users.role,
      isActive: users.isActive,
      regionId: users.regionId,
      regionPath: regions.path,
      organizationId: users.organizationId,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.createdAt, sql.placeholder('openedAfter')),
      ),
    ),
);

export type LiveSessionRow = Awaited<ReturnType<typeof liveSessionQuery>>[number];

/** The live session for a token hash (not revoked, not idle too long, opened after `openedAfter`), with its user and the user's region path. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date, openedAfter: Date): Promise<LiveSessionRow | undefined> {
  const [row] = await liveSessionQuery(db, { tokenHash, now, openedAfter });
  return row;
}

export async function touchSession(db: Executor, sessionId: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function revokeSessionByHash(db: Executor, tokenHash: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

/** Ends the user's open sessions, all of them or all but the one with `exceptTokenHash`. */
export async function revokeUserSessions(db: Executor, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptTokenHash ? ne(sessions.tokenHash, exceptTokenHash) : undefined),
    );
}
