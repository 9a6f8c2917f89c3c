import type { SeatStatus } from '@stip/contracts';
import { seatStatuses } from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/** Who moves a seat: the seat's own expert, or the staff who keep the pool (drawing a replacement). */
export type SeatMover = 'member' | 'staff';
export type SeatAction = 'declareNoConflict' | 'declareConflict' | 'submitScores';

/** What a seat's guards look at. */
export interface SeatFacts {
  /** The panel's consensus is recorded: nothing moves any more. */
  isConcluded: boolean;
  /** Problems with the scores being submitted (missing criteria, low scores without comment …); empty when none. */
  scoreProblems?: readonly string[];
}

export const seatStatusLabels: Record<SeatStatus, string> = {
  pending_declaration: '待声明',
  scoring: '评分中',
  submitted: '已提交',
  vacated: '回避（已替换）',
};

/**
 * A panel seat (评审席位): the drawn expert first declares, before seeing the application, whether they
 * have a conflict of interest. No conflict opens scoring; a declared conflict vacates the seat and
 * the next qualified expert of the draw takes a new seat. Submitted scores are locked. Seats of a
 * concluded panel no longer move.
 */
export const seatLifecycle = defineLifecycle<SeatStatus, SeatMover, SeatFacts, SeatAction>({
  title: '评审专家席位',
  states: seatStatuses,
  stateLabels: seatStatusLabels,
  actionLabels: { declareNoConflict: '声明无利益冲突', declareConflict: '声明存在利益冲突（回避）', submitScores: '提交评分' },
  moverLabels: { member: '本席位专家', staff: '专家库管理人员' },
  transitions: [
    {
      action: 'declareNoConflict',
      from: ['pending_declaration'],
      to: 'scoring',
      by: ['member'],
      guard: (facts) => (facts.isConcluded ? '评审已结束' : null),
    },
    {
      action: 'declareConflict',
      from: ['pending_declaration'],
      to: 'vacated',
      by: ['member'],
      guard: (facts) => (facts.isConcluded ? '评审已结束' : null),
    },
    {
      action: 'submitScores',
      from: ['scoring'],
      to: 'submitted',
      by: ['member'],
      guard: (facts) => (facts.isConcluded ? '评审已结束' : (facts.scoreProblems?.[0] ?? null)),
    },
  ],
});

/** The seat's status from its columns. */
export function seatStatusOf(seat: { replacedAt: Date | null; submittedAt: Date | null; declaredAt: Date | null }): SeatStatus {
  if (seat.replacedAt) return 'vacated';
  if (seat.submittedAt) return 'submitted';
  if (seat.declaredAt) return 'scoring';
  return 'pending_declaration';
}

/** The status an action leads to, or the reason (Chinese) it is refused. */
export function seatMove(
  from: SeatStatus,
  action: SeatAction,
  by: SeatMover,
  facts: SeatFacts,
  today: string,
): { to: SeatStatus; refusal: null } | { to: null; refusal: string } {
  const transition = seatLifecycle.transitions.find((t) => t.action === action);
  const label = seatLifecycle.actionLabels![action];
  if (!transition || !transition.by.includes(by)) return { to: null, refusal: `只有本席位的专家可以“${label}”` };
  if (!transition.from.includes(from)) return { to: null, refusal: `席位状态为“${seatStatusLabels[from]}”，不能“${label}”` };
  const refusal = transition.guard?.(facts, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}
