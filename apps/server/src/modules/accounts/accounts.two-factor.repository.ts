import { and, count, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { loginChallenges, twoFactorCredentials, twoFactorRecoveryCodes } from '../../db/schema/index';

export type CredentialRow = typeof twoFactorCredentials.$inferSelect;
export type ChallengeRow = typeof loginChallenges.$inferSelect;

export async function getCredential(db: Executor, userId: string): Promise<CredentialRow | undefined> {
  const [row] = await db.select().from(twoFactorCredentials).where(eq(twoFactorCredentials.userId, userId));
  return row;
}

/** Starts (or restarts) an enrolment with a new secret; never touches a credential already enabled. False when one is. */
export async function upsertPendingCredential(db: Executor, userId: string, secret: string): Promise<boolean> {
  const rows = await db
    .insert(twoFactorCredentials)
    .values({ userId, secret })
    .onConflictDoUpdate({
      target: twoFactorCredentials.userId,
      set: { secret, lastUsedStep: null, createdAt: new Date() },
      setWhere: isNull(twoFactorCredentials.enabledAt),
    })
    .returning({ userId: twoFactorCredentials.userId });
  return rows.length === 1;
}

/** Enables a pending credential, remembering the step of the code that proved it. False when it was not pending. */
export async function enableCredential(db: Executor, userId: string, step: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ enabledAt: now, lastUsedStep: step })
    .where(and(eq(twoFactorCredentials.userId, userId), isNull(twoFactorCredentials.enabledAt)))
    .returning({ userId: twoFactorCredentials.userId });
  return rows.length === 1;
}

/**
 * Accepts a code's time step once: in one UPDATE, only when it is later than the last step used, so a code (or an
 * earlier one) replayed, even in parallel, is refused.
 */
export async function claimStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(twoFactorCredentials)
    .set({ lastUsedStep: step })
    .where(
      and(
        eq(twoFactorCredentials.userId, userId),
        isNotNull(twoFactorCredentials.enabledAt),
        or(isNull(twoFactorCredentials.lastUsedStep), lt(twoFactorCredentials.lastUsedStep, step)),
      ),
    )
    .returning({ userId: twoFactorCredentials.userId });
  return rows.length === 1;
}

export async function deleteCredential(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .delete(twoFactorCredentials)
    .where(eq(twoFactorCredentials.userId, userId))
    .returning({ userId: twoFactorCredentials.userId });
  return rows.length === 1;
}

export async function deleteRecoveryCodes(db: Executor, userId: string): Promise<void> {
  await db.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
}

export async function insertRecoveryCodes(db: Executor, userId: string, codeHashes: string[]): Promise<void> {
  await db.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code used, in one UPDATE (so it works once, even in parallel). False when there is none. */
export async function useRecoveryCode(db: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, codeHash), isNull(twoFactorRecoveryCodes.usedAt)),
    )
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length > 0;
}

export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.total ?? 0;
}

export async function insertChallenge(db: Executor, values: typeof loginChallenges.$inferInsert): Promise<void> {
  await db.insert(loginChallenges).values(values);
}

/** The challenge for a token hash while it is unused, unexpired and has failed fewer than `maxFailures` times. */
export async function findLiveChallenge(
  db: Executor,
  tokenHash: string,
  now: Date,
  maxFailures: number,
): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .select()
    .from(loginChallenges)
    .where(
      and(
        eq(loginChallenges.tokenHash, tokenHash),
        isNull(loginChallenges.consumedAt),
        gt(loginChallenges.expiresAt, now),
        lt(loginChallenges.failedAttempts, maxFailures),
      ),
    );
  return row;
}

/** Uses a challenge up; false when another request used it first. */
export async function consumeChallenge(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(loginChallenges)
    .set({ consumedAt: now })
    .where(and(eq(loginChallenges.id, id), isNull(loginChallenges.consumedAt)))
    .returning({ id: loginChallenges.id });
  return rows.length === 1;
}

/** Counts a wrong code against a challenge, in one UPDATE so parallel guesses each count. */
export async function recordChallengeFailure(db: Executor, id: string): Promise<void> {
  await db
    .update(loginChallenges)
    .set({ failedAttempts: sql`${loginChallenges.failedAttempts} + 1` })
    .where(eq(loginChallenges.id, id));
}

/** Ends a user's pending sign-in steps (their 2FA was reset or turned off). */
export async function consumeUserChallenges(db: Executor, userId: string, now: Date): Promise<void> {
  await db
    .update(loginChallenges)
    .set({ consumedAt: now })
    .where(and(eq(loginChallenges.userId, userId), isNull(loginChallenges.consumedAt)));
}
