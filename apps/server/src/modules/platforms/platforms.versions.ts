import { and, eq, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { platformVersions, platforms } from '../../db/schema/index';
import { notFound, ruleViolation, versionConflict } from '../../shared/app-error';

/**
 * Registry history is valid-time: `platforms` holds a platform's identity and optimistic `version`,
 * `platform_versions` one row per state with the days [valid_from, valid_to) it was in force. This
 * file is the one place that writes those rows (the service, taxonomy conversions, seeds and test
 * factories all come here) and the one definition of "in force on day D" every reader uses. It is
 * the version table's repository: the registry's reads live in platforms.repository.ts.
 */

/** The fields a platform state carries (everything of a version row but its bookkeeping). */
export type PlatformState = Omit<
  typeof platformVersions.$inferSelect,
  'id' | 'platformId' | 'version' | 'validFrom' | 'validTo' | 'recordedAt' | 'recordedBy' | 'changeNote'
>;

/** The two columns of a version row (or an alias of the table) that say when it was in force. */
export interface ValidityColumns {
  validFrom: AnyColumn;
  validTo: AnyColumn;
}

/**
 * The version in force on `day` — its [valid_from, valid_to) range contains the day, an open
 * valid_to being unbounded — or, for a null day, the current version (valid_to is null, the partial
 * index). Written as a range so the GiST index on that expression (migration
 * 0003_platform_versions_validity_gist) finds the rows in force on any day.
 */
export function inForceOn(day: string | null, v: ValidityColumns = platformVersions): SQL {
  if (day === null) return isNull(v.validTo);
  return sql`daterange(${v.validFrom}, ${v.validTo}, '[)') @> ${day}::date`;
}

/** Who recorded a state and why, kept on the version row. */
export interface VersionNote {
  changeNote: string | null;
  recordedBy: string | null;
}

/** Registers a new platform with its first state (version 1), in force from `validFrom`. Returns its id. */
export async function openPlatform(
  db: Executor,
  state: PlatformState,
  validFrom: string,
  note: VersionNote & { isDemo?: boolean },
): Promise<string> {
  const [platform] = await db
    .insert(platforms)
    .values({ isDemo: note.isDemo ?? false })
    .returning({ id: platforms.id });
  await db.insert(platformVersions).values({
    ...state,
    platformId: platform!.id,
    version: 1,
    validFrom,
    changeNote: note.changeNote,
    recordedBy: note.recordedBy,
  });
  return platform!.id;
}

/**
 * The current state of a live platform with the platform's optimistic `version` (`lockVersion`),
 * locking the platform row against concurrent writers until the transaction ends.
 */
async function lockCurrentVersion(db: Executor, id: string) {
  const [row] = await db
    .select({ state: platformVersions, lockVersion: platforms.version })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(and(eq(platforms.id, id), isNull(platforms.deletedAt), isNull(platformVersions.validTo)))
    .for('update', { of: platforms });
  return row;
}

/** The state a version row carries, without its bookkeeping. */
function stateOfRow(row: typeof platformVersions.$inferSelect): PlatformState {
  const {
    id: _id,
    platformId: _platformId,
    version: _version,
    validFrom: _validFrom,
    validTo: _validTo,
    recordedAt: _recordedAt,
    recordedBy: _recordedBy,
    changeNote: _changeNote,
    ...state
  } = row;
  return state;
}

/**
 * Closes a platform's current state on `effectiveDate` and opens `next` (a state, or a function of
 * the current one) from that day, bumping the platform's optimistic `version`. With
 * `expectedVersion`, a platform changed by someone else since (or deleted) answers 409; the platform
 * row stays locked until the caller's transaction ends.
 *
 * - A change back-dated before the current state began is refused: history is never rewritten.
 * - A change on the day the current state began replaces it for that day on: the earlier state
 *   keeps its row (an empty range, never in force) so the history still shows it.
 *
 * Returns the new version's number.
 */
export async function writePlatformVersion(
  db: Executor,
  platformId: string,
  next: PlatformState | ((current: PlatformState) => PlatformState),
  effectiveDate: string,
  note: VersionNote & { expectedVersion?: number },
): Promise<number> {
  const locked = await lockCurrentVersion(db, platformId);
  if (!locked) throw notFound();
  if (note.expectedVersion !== undefined && locked.lockVersion !== note.expectedVersion) throw versionConflict();
  const current = locked.state;
  if (effectiveDate < current.validFrom) {
    throw ruleViolation(`生效日期（${effectiveDate}）不能早于当前状态的生效日期（${current.validFrom}）`, [
      { field: 'effectiveDate', message: '早于当前状态的生效日期' },
    ]);
  }
  const version = current.version + 1;
  await db
    .update(platformVersions)
    .set({ validTo: effectiveDate })
    .where(and(eq(platformVersions.platformId, platformId), isNull(platformVersions.validTo)));
  await db.insert(platformVersions).values({
    ...(typeof next === 'function' ? next(stateOfRow(current)) : next),
    platformId,
    version,
    validFrom: effectiveDate,
    changeNote: note.changeNote,
    recordedBy: note.recordedBy,
  });
  await db.update(platforms).set({ version, updatedAt: new Date() }).where(eq(platforms.id, platformId));
  return version;
}
