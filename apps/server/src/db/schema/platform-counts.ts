import { date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { platformStatus } from './platforms';

/**
 * The registry counted, kept by database triggers in the same transaction as every write to
 * `platform_versions` (and to `platforms.deleted_at`), so the count in force on any day is a sum over
 * these small tables instead of a pass over the whole history (`platform_counts.sql` holds the
 * triggers and the rebuild). A group is (type, region, status, industry, recognition year); an
 * unknown industry is stored as '' and an unknown recognition year as 0, so the keys are never null.
 * Soft-deleted platforms contribute nothing.
 */
const groupColumns = () => ({
  typeId: uuid('type_id').notNull(),
  regionId: uuid('region_id').notNull(),
  status: platformStatus('status').notNull(),
  industry: text('industry').notNull(),
  recognizedYear: integer('recognized_year').notNull(),
});

/** Per group, the versions still open (valid_to null): the registry as it will stand from the last recorded change on. */
export const platformCounts = pgTable('platform_counts', { ...groupColumns(), count: integer('count').notNull() }, (t) => [
  primaryKey({ columns: [t.typeId, t.regionId, t.status, t.industry, t.recognizedYear] }),
]);

/**
 * Per day and group, how the count changed on that day: +1 for each version beginning (valid_from),
 * −1 for each one ending (valid_to). The count in force on D is the open count minus the changes after D.
 */
export const platformCountChanges = pgTable(
  'platform_count_changes',
  {
    day: date('day', { mode: 'string' }).notNull(),
    ...groupColumns(),
    delta: integer('delta').notNull(),
  },
  // The key leads with the day: "the changes after D" is a range scan of it.
  (t) => [primaryKey({ columns: [t.day, t.typeId, t.regionId, t.status, t.industry, t.recognizedYear] })],
);

/**
 * The day-by-day changes (`platform_count_changes`) summed by month and by year per (type, region,
 * status), kept by the same triggers: the count on a day long past is the open count minus the changes
 * to the end of its month, the months to the end of its year and the years after — a few thousand rows
 * instead of every day since. `span` is 'month' or 'year'; `period` the first day of it.
 */
export const platformCountRollups = pgTable(
  'platform_count_rollups',
  {
    span: text('span').notNull(),
    period: date('period', { mode: 'string' }).notNull(),
    typeId: uuid('type_id').notNull(),
    regionId: uuid('region_id').notNull(),
    status: platformStatus('status').notNull(),
    delta: integer('delta').notNull(),
  },
  (t) => [primaryKey({ columns: [t.span, t.period, t.typeId, t.regionId, t.status] })],
);

/**
 * Per platform and (type, region, status), the first day it had a version in that combination
 * (`min(valid_from)` over its versions, soft-deleted platforms included: the reader excludes them).
 * Kept by a trigger on `platform_versions` in the same transaction as every version write
 * (`platform_entries.sql`), rebuilt by `platform_counts_rebuild()`. It answers 新建 ("entered the
 * filter after the baseline") without a pass over the versions in force: a platform new for a filter
 * entered one of the filter's combinations after the baseline and none on or before it.
 */
export const platformEntries = pgTable(
  'platform_entries',
  {
    platformId: uuid('platform_id').notNull(),
    typeId: uuid('type_id').notNull(),
    regionId: uuid('region_id').notNull(),
    status: platformStatus('status').notNull(),
    firstFrom: date('first_from', { mode: 'string' }).notNull(),
    // The version just before the platform's first one in this combination (null for its first version): a
    // witness — when it matches a filter and began by the baseline, the platform matched before, so it is not new.
    previousTypeId: uuid('previous_type_id'),
    previousRegionId: uuid('previous_region_id'),
    previousStatus: platformStatus('previous_status'),
    previousFrom: date('previous_from', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.platformId, t.typeId, t.regionId, t.status] }),
    // "Entered one of these types after the baseline": a range of each type's entries.
    index('platform_entries_type_first_idx').on(t.typeId, t.firstFrom),
    // The same for a filter of any type.
    index('platform_entries_first_idx').on(t.firstFrom),
  ],
);
