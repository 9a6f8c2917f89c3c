import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, isDemo, tsvector, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';
import { publicationStatus } from './achievements';

/**
 * 技术需求: what an enterprise needs solved. Owned by the demands module; same publication lifecycle and
 * contact rule as achievements. A demand may be posted as a 揭榜挂帅 challenge (see `challenges`).
 */
export const demands = pgTable(
  'demands',
  {
    id: id(),
    externalId: text('external_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    technicalField: text('technical_field'),
    industry: text('industry'),
    /** 预算, 万元. */
    budget: numeric('budget', { mode: 'number' }),
    deadline: date('deadline', { mode: 'string' }),
    enterpriseOrganizationId: uuid('enterprise_organization_id').references(() => organizations.id),
    enterpriseName: text('enterprise_name'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
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
    createdBy: uuid('created_by').references(() => users.id),
    searchVector: tsvector('search_vector')
      .notNull()
      .default(sql`''::tsvector`),
    searchLength: integer('search_length').notNull().default(0),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('demands_external_id_key')
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('demands_search_idx').using('gin', t.searchVector),
    index('demands_status_idx').on(t.status, t.publishedAt),
    index('demands_region_idx').on(t.regionId),
    index('demands_enterprise_idx').on(t.enterpriseOrganizationId),
  ],
);
