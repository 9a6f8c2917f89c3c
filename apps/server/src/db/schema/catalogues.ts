import { boolean, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { catalogues } from '@stip/contracts';
import { createdAt, id, isDemo, updatedAt, version } from './columns';

/** Which city lists exist: a fixed code set (the code reads each list by its key). */
export const catalogue = pgEnum('catalogue', catalogues);

/**
 * The entries of the city-specific lists (a city's key industries — Dazhou's "6+3" …): data a city
 * edits, not code. Entries are retired (`is_active` false) rather than deleted, since records name them.
 */
export const catalogueEntries = pgTable(
  'catalogue_entries',
  {
    id: id(),
    catalogue: catalogue('catalogue').notNull(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('catalogue_entries_catalogue_name_key').on(t.catalogue, t.name)],
);
