import {
  type ApplicationAction,
  applicationActionLabels,
  type ApplicationStatus,
  applicationStatuses,
  applicationStatusLabels,
  type Role,
} from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/**
 * Who moves an application: the applicant (host organisation), the first reviewer (the county bureau
 * of the applicant's county, or the department supervising the type), and the city bureau.
 */
export type ApplicationMover = 'host' | 'county' | 'department' | 'city';

/** The facts the guards read, gathered by the service in the transaction. */
export interface ApplicationFacts {
  /** The call's window and status. */
  callStatus: 'draft' | 'open' | 'closed' | 'archived';
  opensOn: string;
  closesOn: string;
  /** The applicant sits directly in the city's own region (no county bureau to recommend it). */
  applicantWithoutCounty: boolean;
  /** A panel for this application has concluded (experts module, table `panels.concluded_at`). */
  hasConcludedPanel: boolean;
  noticeEndsOn: string | null;
  unresolvedObjections: number;
  upheldObjections: number;
  /** Set by applicationMove: who is moving (the first step's guard reads it). */
  mover?: ApplicationMover;
}

const withinWindow = (facts: ApplicationFacts, today: string) =>
  facts.callStatus !== 'open'
    ? '申报通知不在受理中，不能提交'
    : today < facts.opensOn
      ? `申报尚未开始（${facts.opensOn}起受理）`
      : today > facts.closesOn
        ? `申报已于${facts.closesOn}截止，不能提交`
        : null;

/**
 * The review chain — 草稿 → 县级/主管部门推荐 → 形式审查 → 专家评审 → 公示 → 已认定 — as the only status
 * changes the server makes. A return sends the application back to the applicant with comments; the
 * applicant resubmits to the first step. The city rejects at its steps; an upheld objection during the
 * notice rejects too. The city acts at the first step only for an applicant with no county bureau above it.
 */
export const applicationLifecycle = defineLifecycle<ApplicationStatus, ApplicationMover, ApplicationFacts, ApplicationAction>({
  title: '平台认定申报',
  states: applicationStatuses,
  stateLabels: applicationStatusLabels,
  actionLabels: applicationActionLabels,
  moverLabels: { host: '依托单位', county: '县（市、区）科技局', department: '主管部门', city: '市科技局' },
  transitions: [
    { action: 'submit', from: ['draft'], to: 'county_review', by: ['host'], guard: withinWindow },
    {
      action: 'resubmit',
      from: ['returned'],
      to: 'county_review',
      by: ['host'],
      guard: (facts) => (facts.callStatus === 'archived' ? '申报通知已归档，不能重新提交' : null),
    },
    { action: 'withdraw', from: ['draft', 'returned', 'county_review'], to: 'withdrawn', by: ['host'] },
    {
      action: 'recommend',
      from: ['county_review'],
      to: 'formal_review',
      by: ['county', 'department', 'city'],
      guard: cityOnlyWithoutCounty,
    },
    {
      action: 'return',
      from: ['county_review'],
      to: 'returned',
      by: ['county', 'department', 'city'],
      guard: cityOnlyWithoutCounty,
    },
    { action: 'return', from: ['formal_review'], to: 'returned', by: ['city'] },
    { action: 'pass', from: ['formal_review'], to: 'expert_review', by: ['city'] },
    { action: 'reject', from: ['formal_review', 'expert_review', 'public_notice'], to: 'rejected', by: ['city'] },
    {
      action: 'startPublicNotice',
      from: ['expert_review'],
      to: 'public_notice',
      by: ['city'],
      guard: (facts) => (facts.hasConcludedPanel ? null : '专家评审尚未完成（评审组组长尚未形成评审意见），不能开始公示'),
    },
    {
      action: 'upholdObjection',
      from: ['public_notice'],
      to: 'rejected',
      by: ['city'],
      guard: (facts) => (facts.upheldObjections > 0 ? null : '没有成立的异议'),
    },
    {
      action: 'recognize',
      from: ['public_notice'],
      to: 'recognized',
      by: ['city'],
      guard: (facts, today) =>
        facts.noticeEndsOn === null || today <= facts.noticeEndsOn
          ? `公示期${facts.noticeEndsOn ? `至${facts.noticeEndsOn}` : ''}尚未结束，不能认定`
          : facts.unresolvedObjections > 0
            ? `尚有${facts.unresolvedObjections}条异议未处理，不能认定`
            : null,
    },
  ],
});

/**
 * The first step's guard for the city: only when the applicant has no county bureau. A `by` check has
 * already passed, so this sees only the city as a county-or-department mover when the facts say so.
 */
function cityOnlyWithoutCounty(facts: ApplicationFacts): string | null {
  return facts.mover === 'city' && !facts.applicantWithoutCounty ? '该申报应由县（市、区）科技局或主管部门推荐' : null;
}

/** The mover a role acts as, or null for roles that never move applications. */
export function applicationMoverOf(role: Role): ApplicationMover | null {
  switch (role) {
    case 'host_user':
      return 'host';
    case 'county_staff':
      return 'county';
    case 'department_staff':
      return 'department';
    case 'city_staff':
      return 'city';
    default:
      return null;
  }
}

/** The status an action leads to for this mover, or the reason (Chinese) it is refused. */
export function applicationMove(
  from: ApplicationStatus,
  action: ApplicationAction,
  mover: ApplicationMover,
  facts: ApplicationFacts,
  today: string,
): { to: ApplicationStatus; refusal: null } | { to: null; refusal: string } {
  const label = applicationActionLabels[action];
  const candidates = applicationLifecycle.transitions.filter((t) => t.action === action && t.from.includes(from));
  if (!candidates.length) return { to: null, refusal: `状态为“${applicationStatusLabels[from]}”的申报不能“${label}”` };
  const transition = candidates.find((t) => t.by.includes(mover));
  if (!transition) {
    const movers = [...new Set(candidates.flatMap((t) => t.by))].map((m) => applicationLifecycle.moverLabels[m]).join('、');
    return { to: null, refusal: `“${label}”只能由${movers}办理` };
  }
  const refusal = transition.guard?.({ ...facts, mover }, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}

/** The actions this mover may take now (guards applied). */
export function allowedApplicationActions(
  from: ApplicationStatus,
  mover: ApplicationMover,
  facts: ApplicationFacts,
  today: string,
): ApplicationAction[] {
  const actions = new Set<ApplicationAction>();
  for (const transition of applicationLifecycle.transitions) {
    if (!transition.action || !transition.from.includes(from) || !transition.by.includes(mover)) continue;
    if (applicationMove(from, transition.action, mover, facts, today).refusal === null) actions.add(transition.action);
  }
  return [...actions];
}

/** Adds working days (Mon–Fri; public holidays are not known to STIP, so they count as working days). */
export function addWorkingDays(start: string, days: number): string {
  const date = new Date(`${start}T00:00:00Z`);
  let left = days;
  // The notice's first day is `start` itself when it is a working day.
  const isWorking = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  while (!isWorking(date)) date.setUTCDate(date.getUTCDate() + 1);
  left--;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorking(date)) left--;
  }
  return date.toISOString().slice(0, 10);
}
