import { type CallAction, callActionLabels, type CallStatus, callStatuses, callStatusLabels } from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/** Only the city bureau's staff move calls. */
export type CallMover = 'city';

export interface CallFacts {
  opensOn: string;
  closesOn: string;
  typeCount: number;
}

/**
 * The call lifecycle — 草稿 → 受理中 → 已截止 → 已归档, and a closed call may be reopened (a deadline
 * extended) — as the only status changes the server makes. Publishing needs a window that has not
 * ended; reopening needs the (extended) deadline still ahead. Archived calls are final.
 */
export const callLifecycle = defineLifecycle<CallStatus, CallMover, CallFacts, CallAction>({
  title: '申报通知',
  states: callStatuses,
  stateLabels: callStatusLabels,
  actionLabels: callActionLabels,
  moverLabels: { city: '市科技局' },
  transitions: [
    {
      action: 'open',
      from: ['draft'],
      to: 'open',
      by: ['city'],
      guard: (call, today) =>
        call.closesOn < today ? `申报截止日期（${call.closesOn}）已过，请先修改申报时间` : call.typeCount === 0 ? '请先选择平台类型' : null,
    },
    { action: 'close', from: ['open'], to: 'closed', by: ['city'] },
    {
      action: 'reopen',
      from: ['closed'],
      to: 'open',
      by: ['city'],
      guard: (call, today) => (call.closesOn < today ? `申报截止日期（${call.closesOn}）已过，请先延长申报时间` : null),
    },
    { action: 'archive', from: ['closed'], to: 'archived', by: ['city'] },
  ],
});

/** The status an action leads to, or the reason (Chinese) it is refused. */
export function callMove(
  facts: CallFacts & { status: CallStatus },
  action: CallAction,
  today: string,
): { to: CallStatus; refusal: null } | { to: null; refusal: string } {
  const transition = callLifecycle.transitions.find((t) => t.action === action && t.from.includes(facts.status));
  if (!transition) return { to: null, refusal: `状态为“${callStatusLabels[facts.status]}”的申报通知不能“${callActionLabels[action]}”` };
  const refusal = transition.guard?.(facts, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}
