import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { applicationStatuses, callStatuses } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { regions } from './regions';
import { organizations } from './organizations';
import { platformTypes } from './taxonomy';
import { platforms } from './platforms';
import { users } from './accounts';

export const callStatus = pgEnum('call_status', callStatuses);
export const applicationStatus = pgEnum('application_status', applicationStatuses);

/** A call for applications (申报通知/指南) for one or more platform types. Owned by the calls module. */
export const calls = pgTable('calls', {
  id: id(),
  title: text('title').notNull(),
  year: integer('year').notNull(),
  /** The region whose bureau issues the call; applicants must be in its subtree. */
  regionId: uuid('region_id')
    .notNull()
    .references(() => regions.id),
  typeIds: uuid('type_ids').array().notNull(),
  opensOn: date('opens_on', { mode: 'string' }).notNull(),
  closesOn: date('closes_on', { mode: 'string' }).notNull(),
  status: callStatus('status').notNull().default('draft'),
  /** The required-materials list and the eligibility rules (checks from the catalogue, with parameters). */
  materials: jsonb('materials')
    .notNull()
    .default(sql`'[]'::jsonb`),
  eligibilityRules: jsonb('eligibility_rules')
    .notNull()
    .default(sql`'[]'::jsonb`),
  description: text('description'),
  createdBy: uuid('created_by').references(() => users.id),
  isDemo: isDemo(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: deletedAt(),
});

/** An application for recognition under a call. Owned by the calls module. */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    typeId: uuid('type_id')
      .notNull()
      .references(() => platformTypes.id),
    /** The applicant (host organisation). */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    platformName: text('platform_name').notNull(),
    technicalFields: text('technical_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    coBuilderIds: uuid('co_builder_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** Named collaborators (people and organisations) — experts among them are in conflict. */
    collaborators: jsonb('collaborators')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The type's application form, as answered. */
    form: jsonb('form')
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: applicationStatus('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    /** Set on recognition: the platform it created and the recognition document number. */
    platformId: uuid('platform_id').references(() => platforms.id),
    recognitionDocNo: text('recognition_doc_no'),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('applications_call_idx').on(t.callId),
    index('applications_organization_idx').on(t.organizationId),
    index('applications_status_idx').on(t.status),
  ],
);
