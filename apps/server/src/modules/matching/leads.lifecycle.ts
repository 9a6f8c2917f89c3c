import { type LeadAction, leadActionLabels, type LeadStatus, leadStatuses, leadStatusLabels } from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/** Staff follow leads up; 签约 is made only by registering a technology contract from the lead. */
export type LeadMover = 'staff' | 'contract';

/**
 * The lead (对接记录) lifecycle — 待跟进 → 已联系 → 洽谈中 → 已签约, or 已终止 from any open state — as the
 * only status changes the server makes. A contract may be registered from a lead that is still open (the
 * lead moves to 已签约) or already signed (a second contract); never from a dropped one.
 */
export const leadLifecycle = defineLifecycle<LeadStatus, LeadMover, Record<string, never>, LeadAction>({
  title: '对接记录',
  states: leadStatuses,
  stateLabels: leadStatusLabels,
  actionLabels: leadActionLabels,
  moverLabels: { staff: '科技局工作人员', contract: '登记技术合同' },
  transitions: [
    { action: 'contact', from: ['new'], to: 'contacted', by: ['staff'] },
    { action: 'negotiate', from: ['new', 'contacted'], to: 'negotiating', by: ['staff'] },
    { action: 'sign', from: ['new', 'contacted', 'negotiating'], to: 'signed', by: ['contract'] },
    { action: 'drop', from: ['new', 'contacted', 'negotiating'], to: 'dropped', by: ['staff'] },
  ],
});

/** The status an action leads to, or the reason (Chinese) it is refused. */
export function leadMove(
  status: LeadStatus,
  action: LeadAction,
  by: LeadMover,
): { to: LeadStatus; refusal: null } | { to: null; refusal: string } {
  const transition = leadLifecycle.transitions.find((t) => t.action === action && t.from.includes(status) && t.by.includes(by));
  if (!transition) return { to: null, refusal: `状态为“${leadStatusLabels[status]}”的对接记录不能“${leadActionLabels[action]}”` };
  return { to: transition.to, refusal: null };
}
