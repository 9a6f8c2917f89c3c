import { type AnyPgColumn, boolean, date, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { platformLevels } from '@stip/contracts';
import { createdAt, id, isDemo, updatedAt, version } from './columns';
import { organizations } from './organizations';

export const platformLevel = pgEnum('platform_level', platformLevels);

/** 体系: laboratories, technology innovation centres, service platforms — data, not code. */
export const platformSystems = pgTable('platform_systems', {
  id: id(),
  code: text('code').notNull().unique(),
  name: text('name').notNull().unique(),
  description: text('description'),
  sortOrder: integer('sort_order').notNull().default(0),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const platformTypes = pgTable(
  'platform_types',
  {
    id: id(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => platformSystems.id),
    name: text('name').notNull(),
    level: platformLevel('level').notNull(),
    supervisorOrganizationId: uuid('supervisor_organization_id').references(() => organizations.id),
    supervisingDepartment: text('supervising_department'),
    recognitionStandard: text('recognition_standard'),
    constructionPeriodMonths: integer('construction_period_months'),
    isActive: boolean('is_active').notNull().default(true),
    retiredOn: date('retired_on', { mode: 'string' }),
    successorTypeId: uuid('successor_type_id').references((): AnyPgColumn => platformTypes.id),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('platform_types_name_key').on(t.name)],
);
