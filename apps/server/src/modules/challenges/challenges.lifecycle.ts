import {
  type ChallengeAction,
  challengeActionLabels,
  type ChallengeApplicationStatus,
  challengeApplicationStatuses,
  challengeApplicationStatusLabels,
  type ChallengeStatus,
  challengeStatuses,
  challengeStatusLabels,
} from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/**
 * Who moves a challenge, relative to the record:
 * - `enterprise`: a user of the enterprise that publishes the list (发榜企业);
 * - `bureau`: staff of the bureau that publishes its own list (the list's region in their subtree);
 * - `reviewer`: bureau staff reviewing an enterprise's list in their subtree (审核、发布、撤榜);
 * - `deadline`: the calendar, when the application deadline has passed.
 */
export type ChallengeMover = 'enterprise' | 'bureau' | 'reviewer' | 'deadline';

export interface ChallengeFacts {
  applicationDeadline: string;
  completionDeadline: string | null;
  /** The demand the list is built on is published (a list is public, so its demand must be too). */
  isDemandPublished: boolean;
  /** Applications still in the running (submitted). */
  liveApplicationCount: number;
  milestoneCount: number;
  openMilestoneCount: number;
}

const deadlineAhead = (facts: ChallengeFacts, today: string) =>
  facts.applicationDeadline < today ? `揭榜截止日期（${facts.applicationDeadline}）已过，请先修改截止日期` : null;

const releasable = (facts: ChallengeFacts, today: string) =>
  !facts.isDemandPublished ? '所依托的技术需求尚未发布，请先发布需求' : deadlineAhead(facts, today);

/**
 * The 揭榜挂帅 lifecycle. As bureaus run it, an enterprise's list is not public until the bureau has reviewed it
 * (草稿 → 待审核 → 揭榜中, or 退回修改 back to 草稿); the bureau releases its own lists directly. Applications close
 * when the deadline passes or the publisher closes them early (评选中); the publisher selects one team with a reason
 * (已选定); when every milestone of the project is done the publisher confirms completion (已完成). The publisher or
 * the reviewing bureau may withdraw a list (撤榜, with a reason) until a team is selected.
 */
export const challengeLifecycle = defineLifecycle<ChallengeStatus, ChallengeMover, ChallengeFacts, ChallengeAction>({
  title: '揭榜挂帅',
  states: challengeStatuses,
  stateLabels: challengeStatusLabels,
  actionLabels: challengeActionLabels,
  moverLabels: { enterprise: '发榜企业', bureau: '发榜科技局', reviewer: '审核科技局', deadline: '揭榜截止（自动）' },
  transitions: [
    { action: 'submit', from: ['draft'], to: 'submitted', by: ['enterprise'], guard: deadlineAhead },
    { action: 'return', from: ['submitted'], to: 'draft', by: ['reviewer'] },
    { action: 'publish', from: ['submitted'], to: 'open', by: ['reviewer'], guard: releasable },
    { action: 'publish', from: ['draft'], to: 'open', by: ['bureau'], guard: releasable },
    { action: 'close', from: ['open'], to: 'reviewing', by: ['enterprise', 'bureau'] },
    {
      action: 'expire',
      from: ['open'],
      to: 'reviewing',
      by: ['deadline'],
      guard: (facts, today) => (facts.applicationDeadline < today ? null : '揭榜截止日期未到'),
    },
    {
      action: 'select',
      from: ['reviewing'],
      to: 'selected',
      by: ['enterprise', 'bureau'],
      guard: (facts) => (facts.liveApplicationCount === 0 ? '没有可选定的揭榜申请' : null),
    },
    {
      action: 'complete',
      from: ['selected'],
      to: 'completed',
      by: ['enterprise', 'bureau'],
      guard: (facts) =>
        facts.milestoneCount === 0
          ? '请先设置项目节点'
          : facts.openMilestoneCount > 0
            ? `还有${facts.openMilestoneCount}个项目节点未完成`
            : null,
    },
    { action: 'cancel', from: ['draft', 'submitted', 'open', 'reviewing'], to: 'cancelled', by: ['enterprise', 'bureau', 'reviewer'] },
  ],
});

/** The status an action leads to for this mover, or the reason (Chinese) it is refused. */
export function challengeMove(
  facts: ChallengeFacts & { status: ChallengeStatus },
  action: ChallengeAction,
  mover: ChallengeMover | null,
  today: string,
): { to: ChallengeStatus; refusal: null } | { to: null; refusal: string } {
  const transition = challengeLifecycle.transitions.find(
    (t) => t.action === action && t.from.includes(facts.status) && mover !== null && t.by.includes(mover),
  );
  if (!transition) {
    const exists = challengeLifecycle.transitions.some((t) => t.action === action && t.from.includes(facts.status));
    return {
      to: null,
      refusal: exists
        ? `您不能对该榜单执行“${challengeActionLabels[action]}”`
        : `状态为“${challengeStatusLabels[facts.status]}”的榜单不能“${challengeActionLabels[action]}”`,
    };
  }
  const refusal = transition.guard?.(facts, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}

/** The actions this mover may take now (guards applied), for the detail page's buttons. */
export function allowedChallengeActions(
  facts: ChallengeFacts & { status: ChallengeStatus },
  mover: ChallengeMover | null,
  today: string,
): ChallengeAction[] {
  if (!mover) return [];
  const actions = new Set<ChallengeAction>();
  for (const transition of challengeLifecycle.transitions) {
    if (!transition.action || !transition.from.includes(facts.status) || !transition.by.includes(mover)) continue;
    if ((transition.guard?.(facts, today) ?? null) === null) actions.add(transition.action);
  }
  return [...actions];
}

/** A list still taking applications on `today`: released and its deadline (inclusive) not passed. */
export function isTakingApplications(status: ChallengeStatus, applicationDeadline: string, today: string): boolean {
  return status === 'open' && applicationDeadline >= today;
}

/** The status a list shows on `today`: a released list whose deadline has passed is under review, stored or not. */
export function effectiveChallengeStatus(status: ChallengeStatus, applicationDeadline: string, today: string): ChallengeStatus {
  return status === 'open' && applicationDeadline < today ? 'reviewing' : status;
}

/** Who moves an application: the applying team's organisation, or the list's publisher by its selection or 撤榜. */
export type ChallengeApplicationMover = 'applicant' | 'publisher';
export type ChallengeApplicationAction = 'withdraw' | 'select' | 'reject';

export interface ChallengeApplicationFacts {
  applicationDeadline: string;
}

/**
 * A team's application (揭榜申请): submitted → withdrawn while the list still takes applications (the deadline
 * day included); at the selection one becomes selected and every other live one not_selected (as they do when
 * the list is withdrawn). A withdrawn organisation may apply again before the deadline.
 */
export const challengeApplicationLifecycle = defineLifecycle<
  ChallengeApplicationStatus,
  ChallengeApplicationMover,
  ChallengeApplicationFacts,
  ChallengeApplicationAction
>({
  title: '揭榜申请',
  states: challengeApplicationStatuses,
  stateLabels: challengeApplicationStatusLabels,
  actionLabels: { withdraw: '撤回', select: '选定', reject: '未选中（选定他人或撤榜）' },
  moverLabels: { applicant: '揭榜单位', publisher: '发榜方' },
  transitions: [
    {
      action: 'withdraw',
      from: ['submitted'],
      to: 'withdrawn',
      by: ['applicant'],
      guard: (facts, today) => (facts.applicationDeadline < today ? '揭榜已截止，不能撤回申请' : null),
    },
    { action: 'select', from: ['submitted'], to: 'selected', by: ['publisher'] },
    { action: 'reject', from: ['submitted'], to: 'not_selected', by: ['publisher'] },
  ],
});
