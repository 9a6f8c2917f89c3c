import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { users } from './accounts';

/**
 * The search module's domain user dictionary (用户词典): words jieba must keep whole (玄武岩纤维, 不溶性硫磺,
 * 科技型中小企业 …). Kept as data so staff can edit it; a change re-segments the affected records.
 */
export const searchDictionaryTerms = pgTable(
  'search_dictionary_terms',
  {
    id: id(),
    term: text('term').notNull(),
    /** jieba frequency; higher keeps the word whole against competing cuts. */
    frequency: integer('frequency').notNull().default(100000),
    /** Part-of-speech tag or a free category (材料, 政策 …). */
    tag: text('tag'),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('search_dictionary_terms_term_key')
      .on(t.term)
      .where(sql`${t.deletedAt} is null`),
    index('search_dictionary_terms_updated_idx').on(t.updatedAt),
  ],
);
