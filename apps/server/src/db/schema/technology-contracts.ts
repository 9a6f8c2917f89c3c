import { date, index, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';
import { achievements } from './achievements';
import { demands } from './demands';
import { matchLeads } from './leads';

/**
 * 技术合同 (登记): a signed technology contract, usually the end of a lead. The yearly sum of `amount` over
 * a region's subtree is the figure of a 技术合同登记额 target (`targets.metric = 'technology_contract_amount'`).
 * Owned by the contracts module; soft-deleted, since a registered amount once counted must stay explainable.
 */
export const technologyContracts = pgTable(
  'technology_contracts',
  {
    id: id(),
    registrationNumber: text('registration_number').notNull(),
    title: text('title').notNull(),
    /** 合同成交额, 万元. */
    amount: numeric('amount', { mode: 'number' }).notNull(),
    /** 技术交易额 (the technology part of the amount), 万元, when recorded. */
    technologyAmount: numeric('technology_amount', { mode: 'number' }),
    sellerOrganizationId: uuid('seller_organization_id').references(() => organizations.id),
    sellerName: text('seller_name').notNull(),
    buyerOrganizationId: uuid('buyer_organization_id').references(() => organizations.id),
    buyerName: text('buyer_name').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    /** The region where it was registered: the target arithmetic sums over a region's subtree. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    leadId: uuid('lead_id').references(() => matchLeads.id),
    achievementId: uuid('achievement_id').references(() => achievements.id),
    demandId: uuid('demand_id').references(() => demands.id),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('technology_contracts_registration_number_key')
      .on(t.registrationNumber)
      .where(sql`${t.deletedAt} is null`),
    index('technology_contracts_region_idx').on(t.regionId, t.registeredOn),
  ],
);
