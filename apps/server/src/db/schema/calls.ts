import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { applicationActions, applicationStatuses, callStatuses, objectionResolutions } from '@stip/contracts';
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
    recognizedOn: date('recognized_on', { mode: 'string' }),
    /** The public notice (公示) period, working days Mon–Fri. */
    noticeStartsOn: date('notice_starts_on', { mode: 'string' }),
    noticeEndsOn: date('notice_ends_on', { mode: 'string' }),
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

export const applicationAction = pgEnum('application_action', applicationActions);
export const objectionResolution = pgEnum('objection_resolution', objectionResolutions);

/** Raw bytes; node-postgres answers a Buffer, PGlite a Uint8Array — both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A file the applicant uploaded for one item of the call's materials list, with its SHA-256. Removed softly. */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    /** The call's material code it answers (`construction_plan` …). */
    code: text('code').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    deletedAt: deletedAt(),
  },
  (t) => [index('application_materials_application_idx').on(t.applicationId)],
);

/** The form as it was at each submission (every earlier version stays visible). */
export const applicationVersions = pgTable(
  'application_versions',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    seq: integer('seq').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('application_versions_seq_key').on(t.applicationId, t.seq)],
);

/** One step of the chain: who moved the application, from where to where, why, and the eligibility results at that step. */
export const applicationReviews = pgTable(
  'application_reviews',
  {
    id: id(),
    /** The order of the steps (several can share one transaction's timestamp, e.g. in the demo seed). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    action: applicationAction('action').notNull(),
    fromStatus: applicationStatus('from_status').notNull(),
    toStatus: applicationStatus('to_status').notNull(),
    comment: text('comment'),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role'),
    eligibility: jsonb('eligibility'),
    isDemo: isDemo(),
    createdAt: createdAt(),
  },
  (t) => [index('application_reviews_application_idx').on(t.applicationId)],
);

/** An objection raised during the public notice (公示), recorded by staff and resolved (upheld → rejected; dismissed). */
export const applicationObjections = pgTable(
  'application_objections',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    raisedBy: text('raised_by').notNull(),
    text: text('text').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    resolution: objectionResolution('resolution'),
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    isDemo: isDemo(),
  },
  (t) => [index('application_objections_application_idx').on(t.applicationId)],
);
