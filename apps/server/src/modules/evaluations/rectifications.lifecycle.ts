import { type RectificationAction, rectificationLabels, type RectificationStatus, rectificationStatuses } from '@stip/contracts';
import { defineLifecycle, transitionsFrom } from '../../shared/lifecycle';

/**
 * Who moves a rectification: the platform's host (a host user of its organisation holding
 * `annual-report:file`), city staff (`evaluation:write`), or a later evaluation round that revokes
 * the platform.
 */
export type RectificationMover = 'host' | 'staff' | 'evaluation';

export interface RectificationFacts {
  status: RectificationStatus;
  deadline: string;
  /** For `extend`: the new deadline asked for. */
  newDeadline?: string | null;
}

const overdue = (facts: RectificationFacts, today: string) => facts.deadline < today;

/**
 * The rectification lifecycle (整改) — 整改中 → 待核查 → 整改通过 / 未通过（撤销） — with the deadline
 * extendable by staff. Passing moves the platform 整改 → 运行 and failing revokes it, both through
 * the platform transition table. A host may still submit after the deadline (the record shows it
 * late); staff may fail an unsubmitted rectification only once its deadline has passed.
 */
export const rectificationLifecycle = defineLifecycle<RectificationStatus, RectificationMover, RectificationFacts, RectificationAction>({
  title: '整改',
  states: rectificationStatuses,
  stateLabels: rectificationLabels.status,
  actionLabels: rectificationLabels.action,
  moverLabels: { host: '依托单位', staff: '市科技局', evaluation: '评估考核（撤销平台）' },
  transitions: [
    { action: 'submit', from: ['ordered'], to: 'submitted', by: ['host'] },
    { action: 'pass', from: ['submitted'], to: 'passed', by: ['staff'] },
    {
      action: 'fail',
      from: ['submitted', 'ordered'],
      to: 'revoked',
      by: ['staff'],
      guard: (facts, today) =>
        facts.status === 'ordered' && !overdue(facts, today) ? '整改期限未到且尚未提交整改报告，不能判定不通过' : null,
    },
    { action: 'fail', from: ['ordered', 'submitted'], to: 'revoked', by: ['evaluation'] },
    {
      action: 'extend',
      from: ['ordered', 'submitted'],
      to: 'ordered',
      by: ['staff'],
      guard: (facts, today) => {
        if (!facts.newDeadline) return '请填写新的整改期限';
        if (facts.newDeadline <= today) return '新的整改期限应晚于今天';
        if (facts.newDeadline <= facts.deadline) return '新的整改期限应晚于原期限';
        return null;
      },
    },
  ],
});

/** The status an action by this mover leads to, or the reason (Chinese) it is refused. */
export function rectificationMove(
  facts: RectificationFacts,
  action: RectificationAction,
  by: RectificationMover,
  today: string,
): { to: RectificationStatus; refusal: null } | { to: null; refusal: string } {
  const candidates = rectificationLifecycle.transitions.filter((t) => t.action === action && t.by.includes(by));
  const transition = candidates.find((t) => t.from.includes(facts.status));
  if (!transition) {
    if (candidates.length === 0) return { to: null, refusal: `您不能“${rectificationLabels.action[action]}”` };
    return {
      to: null,
      refusal: `状态为“${rectificationLabels.status[facts.status]}”的整改不能“${rectificationLabels.action[action]}”`,
    };
  }
  const refusal = transition.guard?.(facts, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}

/** The actions a mover may take on a rectification in this status (guards not applied). */
export function allowedRectificationActions(status: RectificationStatus, by: RectificationMover): RectificationAction[] {
  return [...new Set(transitionsFrom(rectificationLifecycle, status, by).flatMap((t) => (t.action ? [t.action] : [])))];
}

/** Late on `today`: still ordered and the deadline has passed. */
export function isRectificationOverdue(facts: RectificationFacts, today: string): boolean {
  return facts.status === 'ordered' && overdue(facts, today);
}
