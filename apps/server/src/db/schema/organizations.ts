import { date, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organizationKinds, qualificationKinds } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { regions } from './regions';

export const organizationKind = pgEnum('organization_kind', organizationKinds);
export const qualificationKind = pgEnum('qualification_kind', qualificationKinds);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    kind: organizationKind('kind').notNull(),
    creditCode: text('credit_code').notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    address: text('address'),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('organizations_credit_code_key')
      .on(t.creditCode)
      .where(sql`${t.deletedAt} is null`),
    index('organizations_region_idx').on(t.regionId),
    index('organizations_name_idx').on(t.name),
  ],
);

/** 梯度培育: an enterprise's qualifications, each valid for a period. */
export const organizationQualifications = pgTable(
  'organization_qualifications',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    kind: qualificationKind('kind').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    certificateNo: text('certificate_no'),
    createdAt: createdAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('organization_qualifications_org_idx').on(t.organizationId)],
);
