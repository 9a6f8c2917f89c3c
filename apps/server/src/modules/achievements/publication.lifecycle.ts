import {
  type PublicationAction,
  publicationActionLabels,
  type PublicationStatus,
  publicationStatuses,
  publicationStatusLabels,
} from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/**
 * Who moves a record: its owner (a user of the owning organisation, or the staff member who entered it for an
 * outside owner) or the bureau's reviewing staff (city staff; county staff for records in their region subtree).
 */
export type PublicationMover = 'owner' | 'staff';

/**
 * The publication lifecycle of achievements (科技成果) and demands (技术需求): 草稿 →提交审核→ 待审核 →发布→ 已发布, or
 * →退回修改 (with a reason)→ 已退回 →提交审核→ …; staff may take a published record back (撤回发布, with a reason) to
 * 已退回; 已发布 →关闭→ 已关闭 →重新发布→ 已发布 or →归档→ 已归档 (final). Only published records reach the portal.
 */
export const publicationLifecycle = defineLifecycle<PublicationStatus, PublicationMover, never, PublicationAction>({
  title: '科技成果与技术需求发布',
  states: publicationStatuses,
  stateLabels: publicationStatusLabels,
  actionLabels: publicationActionLabels,
  moverLabels: { owner: '成果/需求所属单位', staff: '科技局审核人员' },
  transitions: [
    { action: 'submit', from: ['draft', 'returned'], to: 'submitted', by: ['owner', 'staff'] },
    { action: 'publish', from: ['submitted'], to: 'published', by: ['staff'] },
    { action: 'return', from: ['submitted'], to: 'returned', by: ['staff'] },
    { action: 'unpublish', from: ['published'], to: 'returned', by: ['staff'] },
    { action: 'close', from: ['published'], to: 'closed', by: ['staff'] },
    { action: 'reopen', from: ['closed'], to: 'published', by: ['staff'] },
    { action: 'archive', from: ['closed'], to: 'archived', by: ['staff'] },
  ],
});

/** The status an action leads to for these movers, or why (in Chinese) it is refused. */
export function publicationMove(
  status: PublicationStatus,
  action: PublicationAction,
  movers: readonly PublicationMover[],
): { to: PublicationStatus; refusal: null } | { to: null; refusal: string } {
  const transition = publicationLifecycle.transitions.find((t) => t.action === action && t.from.includes(status));
  if (!transition) return { to: null, refusal: `状态为“${publicationStatusLabels[status]}”的记录不能“${publicationActionLabels[action]}”` };
  if (!transition.by.some((mover) => movers.includes(mover)))
    return {
      to: null,
      refusal: `只有${transition.by.map((m) => publicationLifecycle.moverLabels[m]).join('或')}可以“${publicationActionLabels[action]}”`,
    };
  return { to: transition.to, refusal: null };
}

/** The actions these movers may take from a status (what the detail page offers). */
export function allowedPublicationActions(status: PublicationStatus, movers: readonly PublicationMover[]): PublicationAction[] {
  return publicationLifecycle.transitions
    .filter((t) => t.from.includes(status) && t.by.some((mover) => movers.includes(mover)))
    .map((t) => t.action!);
}

/**
 * Whether these movers may edit a record in this status. Drafts and returned records: owner and staff. A published
 * record: staff edit it in place; an owner's edit sends it back to review (see `statusAfterEdit`). Submitted records
 * are under review (staff may correct them); closed and archived records are history.
 */
export function canEditInStatus(status: PublicationStatus, movers: readonly PublicationMover[]): boolean {
  if (status === 'draft' || status === 'returned' || status === 'published') return movers.length > 0;
  if (status === 'submitted') return movers.includes('staff');
  return false;
}

/** The status after an edit: an owner's change to a published record goes back to review (待审核) before the portal shows it. */
export function statusAfterEdit(status: PublicationStatus, movers: readonly PublicationMover[]): PublicationStatus {
  return status === 'published' && !movers.includes('staff') ? 'submitted' : status;
}
