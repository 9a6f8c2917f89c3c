import { boolean, customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Columns every mutable aggregate root carries: identity, optimistic lock, timestamps, demo flag. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const version = () => integer('version').notNull().default(1);
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const deletedAt = () => timestamp('deleted_at', { withTimezone: true, mode: 'date' });
export const isDemo = () => boolean('is_demo').notNull().default(false);

/**
 * A PostgreSQL `tsvector`. STIP builds its vectors in the application (Chinese segmentation with jieba), so
 * the column is written as a tsvector literal and no text-search configuration or extension is needed.
 */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
