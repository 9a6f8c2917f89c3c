import {
  type EvaluationRoundAction,
  evaluationLabels,
  evaluationRoundActionLabels,
  type EvaluationRoundStatus,
  evaluationRoundStatuses,
} from '@stip/contracts';
import { defineLifecycle, transitionsFrom } from '../../shared/lifecycle';

/** Who moves a round: city staff holding `evaluation:write` (other roles are refused by the route's permission). */
export type RoundMover = 'staff';

/** What the guards look at: the round's results. */
export interface RoundFacts {
  resultCount: number;
  /** Results still without the expert panel's score. */
  missingExpertScores: number;
  /** Results without an outcome. */
  missingOutcomes: number;
}

/**
 * The evaluation round lifecycle — 草稿 → 评分中 → 审核中 → 已公布 → 已执行 — as the only moves the
 * server makes. Opening scoring computes each in-scope platform's indicator score from its accepted
 * annual reports; review needs every expert score; 审核中 may go back to 评分中; publishing needs
 * every outcome; a publication may be withdrawn back to review (e.g. when the platform table refuses an
 * outcome on applying); applying (已执行) moves the platforms through their own transition table.
 */
export const roundLifecycle = defineLifecycle<EvaluationRoundStatus, RoundMover, RoundFacts, EvaluationRoundAction>({
  title: '评估考核轮次',
  states: evaluationRoundStatuses,
  stateLabels: evaluationLabels.roundStatus,
  actionLabels: evaluationRoundActionLabels,
  moverLabels: { staff: '市科技局' },
  transitions: [
    { action: 'startScoring', from: ['draft'], to: 'scoring', by: ['staff'] },
    {
      action: 'submitForReview',
      from: ['scoring'],
      to: 'reviewing',
      by: ['staff'],
      guard: (facts) =>
        facts.resultCount === 0
          ? '本轮没有参评平台'
          : facts.missingExpertScores > 0
            ? `还有${facts.missingExpertScores}个平台未录入专家评分`
            : null,
    },
    { action: 'returnToScoring', from: ['reviewing'], to: 'scoring', by: ['staff'] },
    {
      action: 'publish',
      from: ['reviewing'],
      to: 'published',
      by: ['staff'],
      guard: (facts) => (facts.missingOutcomes > 0 ? `还有${facts.missingOutcomes}个平台没有考核结果` : null),
    },
    { action: 'withdraw', from: ['published'], to: 'reviewing', by: ['staff'] },
    { action: 'apply', from: ['published'], to: 'applied', by: ['staff'] },
  ],
});

/** The status an action leads to from `from`, or the reason (Chinese) it is refused. */
export function roundMove(
  from: EvaluationRoundStatus,
  action: EvaluationRoundAction,
  facts: RoundFacts,
  today: string,
): { to: EvaluationRoundStatus; refusal: null } | { to: null; refusal: string } {
  const transition = roundLifecycle.transitions.find((t) => t.action === action && t.from.includes(from));
  if (!transition) {
    return { to: null, refusal: `状态为“${evaluationLabels.roundStatus[from]}”的考核轮次不能“${evaluationRoundActionLabels[action]}”` };
  }
  const refusal = transition.guard?.(facts, today) ?? null;
  return refusal ? { to: null, refusal } : { to: transition.to, refusal: null };
}

/** The actions staff may take on a round in this status (guards not applied). */
export function allowedRoundActions(from: EvaluationRoundStatus): EvaluationRoundAction[] {
  return transitionsFrom(roundLifecycle, from, 'staff').flatMap((t) => (t.action ? [t.action] : []));
}
