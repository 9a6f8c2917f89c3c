import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { leadStatuses } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';
import { achievements } from './achievements';
import { demands } from './demands';
import { experts } from './experts';
import { platforms } from './platforms';

export const leadStatus = pgEnum('lead_status', leadStatuses);

/** One reason a match was proposed, as shown when the lead was recorded. */
export interface MatchReasonSnapshot {
  kind: string;
  label: string;
  terms?: string[];
}

/**
 * 对接记录: staff record a proposed match (a demand with an achievement, expert, platform or enterprise) and
 * follow it to a signed technology contract or drop it. Owned by the matching module. At least one of the
 * demand / achievement sides is set; `reasons` keeps why the match was proposed at the time.
 */
export const matchLeads = pgTable(
  'match_leads',
  {
    id: id(),
    demandId: uuid('demand_id').references(() => demands.id),
    achievementId: uuid('achievement_id').references(() => achievements.id),
    expertId: uuid('expert_id').references(() => experts.id),
    platformId: uuid('platform_id').references(() => platforms.id),
    /** The enterprise that could use an achievement (when matched from the achievement side). */
    organizationId: uuid('organization_id').references(() => organizations.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    status: leadStatus('status').notNull().default('new'),
    score: text('score'),
    reasons: jsonb('reasons')
      .$type<MatchReasonSnapshot[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('match_leads_demand_idx').on(t.demandId),
    index('match_leads_achievement_idx').on(t.achievementId),
    index('match_leads_region_idx').on(t.regionId),
  ],
);

/** A follow-up on a lead (跟进记录): what happened, and the status it moved the lead to. Append-only. */
export const matchLeadEvents = pgTable(
  'match_lead_events',
  {
    id: id(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => matchLeads.id),
    status: leadStatus('status').notNull(),
    note: text('note'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    isDemo: isDemo(),
  },
  (t) => [index('match_lead_events_lead_idx').on(t.leadId, t.occurredAt)],
);
