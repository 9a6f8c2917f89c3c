import { type AnyPgColumn, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regionLevels } from '@stip/contracts';
import { createdAt, id, isDemo, updatedAt, version } from './columns';

export const regionLevel = pgEnum('region_level', regionLevels);

/**
 * The administrative tree. `path` is the materialised path of ids ("/a/b/c/"), so a subtree is
 * `path LIKE '/a/b/%'` — scopes are subtrees and every list filters on them.
 */
export const regions = pgTable(
  'regions',
  {
    id: id(),
    parentId: uuid('parent_id').references((): AnyPgColumn => regions.id),
    name: text('name').notNull(),
    level: regionLevel('level').notNull(),
    code: text('code'),
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('regions_parent_name_key').on(t.parentId, t.name), index('regions_path_idx').on(t.path.op('text_pattern_ops'))],
);
