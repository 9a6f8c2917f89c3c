import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { challengeApplicationStatuses, challengeStatuses } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';
import { users } from './accounts';
import { demands } from './demands';

export const challengeStatus = pgEnum('challenge_status', challengeStatuses);
export const challengeApplicationStatus = pgEnum('challenge_application_status', challengeApplicationStatuses);

/**
 * 揭榜挂帅: a demand posted as an open call with a reward and a deadline, by its enterprise or by the bureau
 * (`publisher_organization_id` null = the bureau of `region_id`). Owned by the challenges module.
 */
export const challenges = pgTable(
  'challenges',
  {
    id: id(),
    demandId: uuid('demand_id')
      .notNull()
      .references(() => demands.id),
    title: text('title').notNull(),
    /** 榜单金额 / 奖励, 万元. */
    reward: numeric('reward', { mode: 'number' }).notNull(),
    rewardNote: text('reward_note'),
    applicationDeadline: date('application_deadline', { mode: 'string' }).notNull(),
    /** 完成期限 of the project once a team is selected. */
    completionDeadline: date('completion_deadline', { mode: 'string' }),
    requirements: text('requirements'),
    publisherOrganizationId: uuid('publisher_organization_id').references(() => organizations.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    status: challengeStatus('status').notNull().default('draft'),
    selectedApplicationId: uuid('selected_application_id'),
    /** Why the owner chose the selected team: shown to every applicant. */
    selectionReason: text('selection_reason'),
    selectedAt: timestamp('selected_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    /** The bureau's note when it returns an enterprise's list for changes (shown to the enterprise). */
    reviewNote: text('review_note'),
    /** 撤榜: why the list was withdrawn, shown to applicants. */
    cancelReason: text('cancel_reason'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('challenges_status_idx').on(t.status, t.applicationDeadline), index('challenges_demand_idx').on(t.demandId)],
);

/** A team's bid (揭榜申请) with its proposal. */
export const challengeApplications = pgTable(
  'challenge_applications',
  {
    id: id(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    teamLeader: text('team_leader').notNull(),
    teamMembers: text('team_members'),
    proposal: text('proposal').notNull(),
    /** 预期成效 / 实施周期 as written by the team. */
    plan: text('plan'),
    status: challengeApplicationStatus('status').notNull().default('submitted'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('challenge_applications_challenge_idx').on(t.challengeId),
    index('challenge_applications_org_idx').on(t.organizationId),
    /** One live (not withdrawn) application per organisation per challenge, even when two submissions race. */
    uniqueIndex('challenge_applications_live_key')
      .on(t.challengeId, t.organizationId)
      .where(sql`${t.status} <> 'withdrawn'`),
  ],
);

/** A milestone of the selected team's project, tracked to completion. */
export const challengeMilestones = pgTable(
  'challenge_milestones',
  {
    id: id(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    evidence: text('evidence'),
    completedBy: uuid('completed_by').references(() => users.id),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('challenge_milestones_challenge_idx').on(t.challengeId)],
);
