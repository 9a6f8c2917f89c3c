import { and, asc, count, eq, gt, ilike, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Role, UserQuery } from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { organizations, regions, sessions, users } from '../../db/schema/index';

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionId: users.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  organizationId: users.organizationId,
  organizationName: organizations.name,
  isActive: users.isActive,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  failedLoginCount: users.failedLoginCount,
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
      passwordHash: users.passwordHash,
      role: users.role,
      isActive: users.isActive,
      lockedUntil: users.lockedUntil,
      failedLoginCount: users.failedLoginCount,
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
      'role' | 'regionId' | 'organizationId' | 'isActive' | 'passwordHash' | 'lockedUntil' | 'failedLoginCount' | 'displayName'
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

/** Not locked at `now`: no lock, or one that has run out. */
const notLockedAt = (now: Date) => or(isNull(users.lockedUntil), lte(users.lockedUntil, now))!;

/**
 * Counts one failed login in one UPDATE, so parallel attempts each count and only one of them locks:
 * the attempt that reaches `maxFailures` sets `lockUntil` and restarts the count. Answers the row's
 * new `lockedUntil` (null when this failure did not lock), or undefined when the account was already
 * locked at `now` (the row is left alone).
 */
export async function recordLoginFailure(
  db: Executor,
  id: string,
  now: Date,
  maxFailures: number,
  lockUntil: Date,
): Promise<{ lockedUntil: Date | null } | undefined> {
  const reachesLimit = sql`${users.failedLoginCount} + 1 >= ${maxFailures}`;
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${reachesLimit} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${reachesLimit} then ${lockUntil.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(users.id, id), notLockedAt(now)))
    .returning({ lockedUntil: users.lockedUntil });
  return row;
}

/** Clears the failure count and records the login, unless the account is locked at `now` (checked in the same UPDATE). */
export async function recordLoginSuccess(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: now })
    .where(and(eq(users.id, id), notLockedAt(now)))
    .returning({ id: users.id });
  return rows.length === 1;
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

/** The live session for a token hash (not revoked, not idle too long, opened after `openedAfter`), with its user and the user's region path. */
export async function findLiveSession(db: Executor, tokenHash: string, now: Date, openedAfter: Date) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      username: users.username,
      role: users.role,
      isActive: users.isActive,
      regionId: users.regionId,
      regionPath: regions.path,
      organizationId: users.organizationId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), gt(sessions.createdAt, openedAfter)),
    );
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
