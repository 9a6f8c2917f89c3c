import { type GrantAction, grantActionLabels, type GrantStatus, grantStatuses, grantStatusLabels, type Role } from '@stip/contracts';
import { defineLifecycle, transitionsFrom } from '../../shared/lifecycle';

/** Who moves a grant: city staff through an explicit action, or the payment that completes it. */
export type GrantMover = 'staff' | 'payment';

export interface GrantFacts {
  status: GrantStatus;
  amountFen: number;
  paidFen: number;
}

/**
 * The grant lifecycle — 拟资助 → 已批准 → 已拨付, or 已取消 — as the only status changes the server
 * makes. City staff approve or cancel; a grant becomes 已拨付 only through the payment that brings
 * its paid sum to its amount (partial payments keep it 已批准). A grant with money paid cannot be
 * cancelled; 已拨付 and 已取消 are final.
 */
export const grantLifecycle = defineLifecycle<GrantStatus, GrantMover, GrantFacts, GrantAction>({
  title: '资助（后补助/以奖代补）',
  states: grantStatuses,
  stateLabels: grantStatusLabels,
  actionLabels: grantActionLabels,
  moverLabels: { staff: '市科技局', payment: '拨付登记' },
  transitions: [
    { action: 'approve', from: ['proposed'], to: 'approved', by: ['staff'] },
    {
      action: 'cancel',
      from: ['proposed', 'approved'],
      to: 'cancelled',
      by: ['staff'],
      guard: (grant) => (grant.paidFen > 0 ? '已有拨付记录的资助不能取消' : null),
    },
    {
      action: 'settle',
      from: ['approved'],
      to: 'paid',
      by: ['payment'],
      guard: (grant) => (grant.paidFen === grant.amountFen ? null : '资助尚未足额拨付'),
    },
  ],
});

/** The mover a role acts as: only city staff move grants by hand. */
export function grantMoverOf(role: Role | 'payment'): GrantMover | null {
  if (role === 'payment') return 'payment';
  return role === 'city_staff' ? 'staff' : null;
}

/** The status an action leads to from the grant's facts for this role (or the payment), or the reason (Chinese) it is refused. */
export function grantMove(
  grant: GrantFacts,
  action: GrantAction,
  by: Role | 'payment',
  today: string,
): { to: GrantStatus; refusal: null } | { to: null; refusal: string } {
  const label = grantActionLabels[action];
  const mover = grantMoverOf(by);
  const transition = grantLifecycle.transitions.find((t) => t.action === action);
  if (!mover) return { to: null, refusal: `只有市科技局可以办理资助的“${label}”` };
  if (transition && !transition.by.includes(mover)) {
    return { to: null, refusal: `“${label}”由拨付登记自动办理，不能直接操作` };
  }
  if (!transition || !transition.from.includes(grant.status)) {
    return { to: null, refusal: `状态为“${grantStatusLabels[grant.status]}”的资助不能“${label}”` };
  }
  const refusal = transition.guard?.(grant, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}

/** The actions this role may take on the grant now (guards applied). */
export function allowedGrantActions(grant: GrantFacts, by: Role, today: string): GrantAction[] {
  const mover = grantMoverOf(by);
  if (!mover) return [];
  return transitionsFrom(grantLifecycle, grant.status, mover)
    .filter((t) => !t.guard?.(grant, today))
    .flatMap((t) => (t.action ? [t.action] : []));
}
