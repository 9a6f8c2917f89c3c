import { boolean, customType, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { regions } from './regions';
import { organizations } from './organizations';
import { users } from './accounts';
import { plans } from './plans';

/** Raw bytes; node-postgres answers a Buffer, PGlite a Uint8Array — both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A reading of a document kept in the library: the text read from the file (spans index into it), the
 * extractor's output (`Extraction` of @stip/policy-ingest) and the version of the extractor that made it.
 */
export interface StoredExtraction {
  text: string;
  /** The date deadlines were read against. */
  date: string | null;
  extraction: unknown;
  extractorVersion: string;
  extractedAt: string;
}

/**
 * A plan document kept in the library (政策文件库): the uploaded (or pasted) bytes, its current reading,
 * a re-extraction waiting to be kept, and the plan confirmed from it. One live record per content
 * (sha256) and region: the same file uploaded again in the same region reopens it. Soft-deleted.
 */
export const policyDocuments = pgTable(
  'policy_documents',
  {
    id: id(),
    fileName: text('file_name').notNull(),
    isPasted: boolean('is_pasted').notNull().default(false),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    documentNo: text('document_no'),
    title: text('title'),
    /** The uploader's region: visibility follows it (the region's subtree sees it). */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploaderOrganizationId: uuid('uploader_organization_id').references(() => organizations.id),
    current: jsonb('current').$type<StoredExtraction>().notNull(),
    extractorVersion: text('extractor_version').notNull(),
    targetCount: integer('target_count').notNull().default(0),
    taskCount: integer('task_count').notNull().default(0),
    /** A re-extraction shown to the user, stored until kept (or replaced by the next one). */
    pending: jsonb('pending').$type<StoredExtraction>(),
    planId: uuid('plan_id').references(() => plans.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('policy_documents_region_sha256_key')
      .on(t.regionId, t.sha256)
      .where(sql`${t.deletedAt} is null`),
    index('policy_documents_created_idx').on(t.createdAt),
  ],
);

/** Readings replaced by a kept re-extraction, oldest first: the library's history of a document. */
export const policyDocumentExtractions = pgTable(
  'policy_document_extractions',
  {
    id: id(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => policyDocuments.id),
    reading: jsonb('reading').$type<StoredExtraction>().notNull(),
    extractorVersion: text('extractor_version').notNull(),
    replacedBy: uuid('replaced_by').references(() => users.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('policy_document_extractions_document_idx').on(t.documentId, t.replacedAt)],
);
