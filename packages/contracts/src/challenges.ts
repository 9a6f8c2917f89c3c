import { z } from 'zod';
import { zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { challengeApplicationStatuses, challengeStatuses } from './sharing';

/**
 * 揭榜挂帅: a demand posted as an open call (榜单) with a reward and deadlines. An enterprise's list is reviewed and
 * released by the bureau; the bureau may release its own lists directly. Teams of any organisation apply with a
 * proposal; the publisher selects one with a reason every applicant sees; the selected project's milestones are
 * tracked to completion.
 */

export const zChallengeStatus = z.enum(challengeStatuses);
export const zChallengeApplicationStatus = z.enum(challengeApplicationStatuses);

/** The explicit moves of a challenge (the deadline's own move, `expire`, is taken by the server when the day passes). */
export const challengeActions = ['submit', 'return', 'publish', 'close', 'expire', 'select', 'complete', 'cancel'] as const;
export const zChallengeAction = z.enum(challengeActions);
export type ChallengeAction = z.infer<typeof zChallengeAction>;
export const challengeActionLabels: Record<ChallengeAction, string> = {
  submit: '提交审核',
  return: '退回修改',
  publish: '审核发布',
  close: '截止揭榜',
  expire: '揭榜期满',
  select: '选定揭榜方',
  complete: '确认完成',
  cancel: '撤榜',
};

/** The moves a user asks for through POST /challenges/:id/transitions (select has its own route). */
export const challengeUserActions = ['submit', 'return', 'publish', 'close', 'complete', 'cancel'] as const;
export const zChallengeUserAction = z.enum(challengeUserActions);

const zReward = z
  .number({ message: '请填写榜单金额' })
  .gt(0, { message: '榜单金额应大于0' })
  .max(1_000_000, { message: '榜单金额不能超过100亿元（1,000,000万元）' });

const zChallengeFields = {
  title: zName(200),
  /** 榜单金额, 万元. */
  reward: zReward,
  rewardNote: zText(500).optional(),
  applicationDeadline: zDate,
  completionDeadline: zDate.nullable().optional(),
  requirements: zText(5000).optional(),
};

export const zCreateChallenge = z.object({ demandId: zId, ...zChallengeFields });
export type CreateChallenge = z.infer<typeof zCreateChallenge>;
export const zUpdateChallenge = z
  .object({ ...zChallengeFields, version: zVersion })
  .partial()
  .required({ version: true });
export type UpdateChallenge = z.infer<typeof zUpdateChallenge>;

export const zChallengeTransition = z.object({
  action: zChallengeUserAction,
  version: zVersion,
  /** Required to return (退回理由) and to cancel (撤榜理由). */
  note: zText(1000).optional(),
});
export type ChallengeTransition = z.infer<typeof zChallengeTransition>;

export const zSelectChallengeApplication = z.object({
  applicationId: zId,
  reason: zName(2000),
  version: zVersion,
});
export type SelectChallengeApplication = z.infer<typeof zSelectChallengeApplication>;

export const zChallengeQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  status: zChallengeStatus.optional(),
  keyword: zText(100).optional(),
  /** Only the lists the actor's organisation published (enterprises) or applied to. */
  relation: z.enum(['published', 'applied']).optional(),
});
export type ChallengeQuery = z.infer<typeof zChallengeQuery>;

export const zCreateChallengeApplication = z.object({
  teamLeader: zName(100),
  teamMembers: zText(2000).optional(),
  proposal: zName(20_000),
  plan: zText(10_000).optional(),
});
export type CreateChallengeApplication = z.infer<typeof zCreateChallengeApplication>;

export const zVersionBody = z.object({ version: zVersion });

export const zChallengeApplication = z.object({
  id: z.string(),
  challengeId: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  teamLeader: z.string(),
  teamMembers: z.string().nullable(),
  proposal: z.string(),
  plan: z.string().nullable(),
  status: zChallengeApplicationStatus,
  submittedAt: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type ChallengeApplication = z.infer<typeof zChallengeApplication>;

export const zChallengeMilestone = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: zDate,
  sortOrder: z.number().int(),
  completedAt: z.string().nullable(),
  evidence: z.string().nullable(),
  completedBy: z.string().nullable(),
  /** Past its due day and not completed. */
  isOverdue: z.boolean(),
  version: z.number().int(),
});
export type ChallengeMilestone = z.infer<typeof zChallengeMilestone>;

export const zCreateChallengeMilestone = z.object({ title: zName(200), dueOn: zDate });
export type CreateChallengeMilestone = z.infer<typeof zCreateChallengeMilestone>;
export const zUpdateChallengeMilestone = z.object({ title: zName(200).optional(), dueOn: zDate.optional(), version: zVersion });
export type UpdateChallengeMilestone = z.infer<typeof zUpdateChallengeMilestone>;
export const zCompleteChallengeMilestone = z.object({ evidence: zName(5000), version: zVersion });
export type CompleteChallengeMilestone = z.infer<typeof zCompleteChallengeMilestone>;

/** The selected team as every applicant sees it: no proposal (the portal shows its organisation only, `zPublicChallenge`). */
export const zSelectedTeam = z.object({ organizationName: z.string(), teamLeader: z.string() });

export const zChallengeListItem = z.object({
  id: z.string(),
  title: z.string(),
  reward: z.number(),
  applicationDeadline: zDate,
  completionDeadline: zDate.nullable(),
  publisherName: z.string(),
  region: z.object({ id: z.string(), name: z.string() }),
  status: zChallengeStatus,
  applicationCount: z.number().int(),
  /** The actor's organisation's live application's status, if any. */
  myApplicationStatus: zChallengeApplicationStatus.nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type ChallengeListItem = z.infer<typeof zChallengeListItem>;

export const zChallenge = zChallengeListItem.extend({
  demand: z.object({ id: z.string(), title: z.string(), description: z.string(), enterpriseName: z.string().nullable() }),
  rewardNote: z.string().nullable(),
  requirements: z.string().nullable(),
  publisherOrganizationId: z.string().nullable(),
  reviewNote: z.string().nullable(),
  cancelReason: z.string().nullable(),
  selectedTeam: zSelectedTeam.nullable(),
  selectionReason: z.string().nullable(),
  selectedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  milestones: z.array(zChallengeMilestone),
  /** The actor's organisation's latest application (live or withdrawn), with its proposal. */
  myApplication: zChallengeApplication.nullable(),
  /** The moves the actor may take now (guards applied). */
  allowedActions: z.array(zChallengeAction),
  /** The actor publishes this list: sees every application, selects, keeps milestones. */
  isOwner: z.boolean(),
  /** The actor may apply now (a team of another organisation, before the deadline, without a live application). */
  canApply: z.boolean(),
  /** The actor may record milestone completions (the owner or the selected team). */
  canCompleteMilestones: z.boolean(),
  createdAt: z.string(),
});
export type Challenge = z.infer<typeof zChallenge>;

/** A demand the actor may post as a list (the create page's choice, prefilled from `?demandId=`). */
export const zChallengeDemandChoice = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  /** 预算, 万元. */
  budget: z.number().nullable(),
  deadline: zDate.nullable(),
  enterpriseName: z.string().nullable(),
  status: z.string(),
});
export type ChallengeDemandChoice = z.infer<typeof zChallengeDemandChoice>;
export const zChallengeDemandChoiceQuery = z.object({ keyword: zText(100).optional(), id: zId.optional() });
export type ChallengeDemandChoiceQuery = z.infer<typeof zChallengeDemandChoiceQuery>;
