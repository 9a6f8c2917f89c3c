import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';
import { applications } from './calls';

/** The expert pool. Owned by the experts module. */
export const experts = pgTable('experts', {
  id: id(),
  name: text('name').notNull(),
  organizationId: uuid('organization_id')
    .notNull()
    .references(() => organizations.id),
  regionId: uuid('region_id').references(() => regions.id),
  /** The expert's own account, when they have one (role expert). */
  userId: uuid('user_id').references(() => users.id),
  fields: text('fields')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  title: text('title').notNull(),
  phone: text('phone'),
  idNumber: text('id_number'),
  suspended: boolean('suspended').notNull().default(false),
  suspendedReason: text('suspended_reason'),
  isDemo: isDemo(),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  deletedAt: deletedAt(),
});

/**
 * A panel drawn for an application (or, later, another subject). The seed makes the draw
 * repeatable. `concludedAt` is set when the chair records the consensus opinion; the calls
 * module's application lifecycle reads it. Owned by the experts module.
 */
export const panels = pgTable(
  'panels',
  {
    id: id(),
    applicationId: uuid('application_id').references(() => applications.id),
    seed: text('seed').notNull(),
    size: integer('size').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    drawnBy: uuid('drawn_by').references(() => users.id),
    chairExpertId: uuid('chair_expert_id').references(() => experts.id),
    consensus: text('consensus'),
    concludedAt: timestamp('concluded_at', { withTimezone: true, mode: 'date' }),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('panels_application_idx').on(t.applicationId)],
);

/** A seat on a panel. A declared conflict vacates the seat (`replacedAt`) and the next draw fills it. */
export const panelMembers = pgTable(
  'panel_members',
  {
    id: id(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    position: integer('position').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }),
    declaredConflict: boolean('declared_conflict'),
    declarationNote: text('declaration_note'),
    replacedAt: timestamp('replaced_at', { withTimezone: true, mode: 'date' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('panel_members_panel_expert_key').on(t.panelId, t.expertId), index('panel_members_expert_idx').on(t.expertId)],
);
