/** PostgreSQL's SQLSTATE for a unique (or primary key, exclusion) constraint violation. */
export const uniqueViolation = '23505';

/**
 * The PostgreSQL error under whatever wraps it: Drizzle throws a `DrizzleQueryError` whose `cause`
 * is node-postgres's `DatabaseError` or PGlite's error, both carrying `code` and `constraint`.
 */
export function findPostgresError(error: unknown): { code: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return { code: candidate.code, ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}) };
    }
    current = candidate.cause;
  }
  return null;
}

/** True when the database refused a write because a unique value is already taken (e.g. two creates raced). */
export function isUniqueViolation(error: unknown): boolean {
  return findPostgresError(error)?.code === uniqueViolation;
}
