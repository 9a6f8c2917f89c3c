import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { achievementMaturities, achievementSources, ownerTypes, publicationStatuses, transferModes } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, tsvector, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';

export const publicationStatus = pgEnum('publication_status', publicationStatuses);
export const achievementMaturity = pgEnum('achievement_maturity', achievementMaturities);
export const transferMode = pgEnum('transfer_mode', transferModes);
export const ownerType = pgEnum('owner_type', ownerTypes);
export const achievementSource = pgEnum('achievement_source', achievementSources);

/** A patent (or other IP) claimed by an achievement. */
export interface AchievementPatent {
  number: string;
  title?: string;
  kind?: string;
}

/**
 * 科技成果. Owned by the achievements module. Visibility inside the system follows `region_id` (the owner's
 * region); the portal shows only `published` rows, and of the contact only the fields in `published_contact`.
 * `search_vector` is written by the search module from title (weight A), keywords and owner (B) and abstract (C);
 * `external_id` identifies rows loaded from outside (JSON lines, Excel) so re-imports are idempotent.
 */
export const achievements = pgTable(
  'achievements',
  {
    id: id(),
    externalId: text('external_id'),
    title: text('title').notNull(),
    abstract: text('abstract').notNull().default(''),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 学科 (as imported, e.g. the CSL discipline). */
    discipline: text('discipline'),
    /** 技术领域. */
    technicalField: text('technical_field'),
    /** 所属产业. */
    industry: text('industry'),
    maturity: achievementMaturity('maturity'),
    patents: jsonb('patents')
      .$type<AchievementPatent[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    ownerOrganizationId: uuid('owner_organization_id').references(() => organizations.id),
    /** The owner's name as shown (the organisation's name, or a person / outside body without an organisation row). */
    ownerName: text('owner_name'),
    ownerType: ownerType('owner_type'),
    team: text('team'),
    transferModes: transferMode('transfer_modes')
      .array()
      .notNull()
      .default(sql`'{}'::transfer_mode[]`),
    /** 参考价格, 万元. */
    priceMin: numeric('price_min', { mode: 'number' }),
    priceMax: numeric('price_max', { mode: 'number' }),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** Which contact fields the owner chose to publish (`contactFields`). */
    publishedContact: text('published_contact')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    regionId: uuid('region_id').references(() => regions.id),
    status: publicationStatus('status').notNull().default('draft'),
    reviewNote: text('review_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    source: achievementSource('source').notNull().default('manual'),
    /** Where the text comes from when it is not a bureau's own record, shown with it (e.g. 真实论文摘要（CSL 数据集）). */
    dataSource: text('data_source'),
    /** False when the keywords must stay out of the search index (a data set whose queries are its keywords). */
    indexKeywords: boolean('index_keywords').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id),
    searchVector: tsvector('search_vector')
      .notNull()
      .default(sql`''::tsvector`),
    /** The length of the indexed text in tokens, for length-normalised ranking. */
    searchLength: integer('search_length').notNull().default(0),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('achievements_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('achievements_search_idx').using('gin', t.searchVector),
    index('achievements_status_idx').on(t.status, t.publishedAt),
    index('achievements_region_idx').on(t.regionId),
    index('achievements_owner_idx').on(t.ownerOrganizationId),
  ],
);
