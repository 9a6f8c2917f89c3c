import { labels, type PlatformAction, type PlatformStatus, platformStatuses } from '@stip/contracts';
import { defineLifecycle, transitionsFrom } from '../../shared/lifecycle';

/** Who moves a platform: staff through an explicit action, or a type's 撤并转 (taxonomy conversion). */
export type PlatformMover = 'staff' | 'conversion';

/**
 * The platform lifecycle — 培育 → 建设期 → 运行 ⇄ 整改, and 撤销 from any of them — as the only
 * status changes the server makes. Each is an explicit action with a reason and an effective date
 * (POST /api/platforms/:id/transitions), written as a new version; the edit form no longer sets
 * the status. 已转并 is reached only through a conversion, never by hand; 撤销 and 已转并 are final.
 */
export const platformLifecycle = defineLifecycle<PlatformStatus, PlatformMover, { status: PlatformStatus }, PlatformAction>({
  title: '科技创新平台',
  states: platformStatuses,
  stateLabels: labels.platformStatus,
  actionLabels: labels.platformAction,
  moverLabels: { staff: '管理人员', conversion: '类型撤并转' },
  transitions: [
    { action: 'startConstruction', from: ['cultivating'], to: 'constructing', by: ['staff'] },
    { action: 'startOperation', from: ['constructing'], to: 'operating', by: ['staff'] },
    { action: 'orderRectification', from: ['operating'], to: 'rectifying', by: ['staff'] },
    { action: 'completeRectification', from: ['rectifying'], to: 'operating', by: ['staff'] },
    { action: 'revoke', from: ['cultivating', 'constructing', 'operating', 'rectifying'], to: 'revoked', by: ['staff'] },
    { action: 'merge', from: ['cultivating', 'constructing', 'operating', 'rectifying'], to: 'merged', by: ['conversion'] },
  ],
});

/** The status an action leads to from `from` for this mover, or the reason (Chinese) it is refused. */
export function platformMove(
  from: PlatformStatus,
  action: PlatformAction,
  by: PlatformMover,
  today: string,
): { to: PlatformStatus; refusal: null } | { to: null; refusal: string } {
  const actionLabel = labels.platformAction[action];
  const transition = platformLifecycle.transitions.find((t) => t.action === action);
  if (transition && !transition.by.includes(by)) {
    return { to: null, refusal: `“${actionLabel}”只能通过平台类型撤并转办理，不能直接操作` };
  }
  if (!transition || !transition.from.includes(from)) {
    return { to: null, refusal: `状态为“${labels.platformStatus[from]}”的平台不能“${actionLabel}”` };
  }
  const refusal = transition.guard?.({ status: from }, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}

/** The actions a mover may take on a platform in this status, with the status each leads to. */
export function allowedPlatformActions(from: PlatformStatus, by: PlatformMover): { action: PlatformAction; to: PlatformStatus }[] {
  return transitionsFrom(platformLifecycle, from, by).flatMap((t) => (t.action ? [{ action: t.action, to: t.to }] : []));
}

/** The action that moves a platform from one status straight to another, if the table has one for this mover. */
export function platformActionBetween(from: PlatformStatus, to: PlatformStatus, by: PlatformMover): PlatformAction | null {
  return platformLifecycle.transitions.find((t) => t.to === to && t.from.includes(from) && t.by.includes(by))?.action ?? null;
}

/** Statuses that end a platform: no action leaves them. */
export const endedPlatformStatuses: readonly PlatformStatus[] = platformStatuses.filter(
  (status) => !platformLifecycle.transitions.some((t) => t.from.includes(status)),
);
