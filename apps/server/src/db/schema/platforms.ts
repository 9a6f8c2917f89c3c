import { date, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { platformStatuses } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { platformTypes } from './taxonomy';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';

export const platformStatus = pgEnum('platform_status', platformStatuses);

/**
 * A platform's identity. Everything that describes it lives in `platform_versions`, one row per
 * state with the days it was in force, so the registry "as of" any day is one indexed query and
 * the current registry is the rows whose `valid_to` is null.
 */
export const platforms = pgTable(
  'platforms',
  {
    id: id(),
    isDemo: isDemo(),
    /** Optimistic lock: the number of the newest version. */
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  // The registry's default order (last changed first) walks this index and stops at the page's end.
  (t) => [index('platforms_updated_at_idx').on(t.updatedAt.desc().nullsLast(), t.id)],
);

export const platformVersions = pgTable(
  'platform_versions',
  {
    id: id(),
    platformId: uuid('platform_id')
      .notNull()
      .references(() => platforms.id),
    version: integer('version').notNull(),
    /** First day this state was in force. */
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** First day it no longer was (exclusive); null while current. */
    validTo: date('valid_to', { mode: 'string' }),
    name: text('name').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => platformTypes.id),
    hostOrganizationId: uuid('host_organization_id')
      .notNull()
      .references(() => organizations.id),
    coBuilderIds: uuid('co_builder_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    industry: text('industry'),
    technicalFields: text('technical_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    director: text('director'),
    status: platformStatus('status').notNull(),
    recognitionDocNo: text('recognition_doc_no'),
    recognizedOn: date('recognized_on', { mode: 'string' }),
    constructionEndsOn: date('construction_ends_on', { mode: 'string' }),
    parentPlatformId: uuid('parent_platform_id').references(() => platforms.id),
    successorPlatformId: uuid('successor_platform_id').references(() => platforms.id),
    remarks: text('remarks'),
    changeNote: text('change_note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('platform_versions_platform_version_key').on(t.platformId, t.version),
    index('platform_versions_current_idx')
      .on(t.platformId)
      .where(sql`${t.validTo} is null`),
    // The registry by name: the current states in name order.
    index('platform_versions_current_name_idx')
      .on(t.name, t.platformId)
      .where(sql`${t.validTo} is null`),
    index('platform_versions_validity_idx').on(t.validFrom, t.validTo),
    index('platform_versions_type_idx').on(t.typeId),
    index('platform_versions_region_idx').on(t.regionId),
    index('platform_versions_host_idx').on(t.hostOrganizationId),
  ],
);
