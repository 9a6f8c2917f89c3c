import { customType, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { type ErrorDetail, importKinds, importRunStatuses } from '@stip/contracts';
import { createdAt, id } from './columns';
import { regions } from './regions';
import { users } from './accounts';

/** Raw bytes; node-postgres answers a Buffer, PGlite a Uint8Array — both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The import history (导入记录): one row per Excel import run, refused ones included, with the uploaded
 * file itself. A successful run is written in the import's transaction; a refused or failed one in its
 * own transaction after the rollback, so the history survives. Never updated or deleted.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    id: id(),
    kind: text('kind', { enum: importKinds }).notNull(),
    status: text('status', { enum: importRunStatuses }).notNull(),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    /** The uploader's region at the time: visibility follows it (its subtree's staff see the run). */
    regionId: uuid('region_id').references(() => regions.id),
    rows: integer('rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    message: text('message'),
    /** The error report shown to the uploader (row, column, message), when the file was refused. */
    errors: jsonb('errors').$type<ErrorDetail[]>(),
    createdAt: createdAt(),
  },
  (t) => [index('import_runs_created_idx').on(t.createdAt), index('import_runs_uploaded_by_idx').on(t.uploadedBy)],
);
