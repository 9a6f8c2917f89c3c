import {
  type AnnualReportAction,
  type AnnualReportStatus,
  annualReportActionLabels,
  annualReportStatuses,
  annualReportStatusLabels,
} from '@stip/contracts';
import { defineLifecycle, transitionsFrom } from '../../shared/lifecycle';

/** Who moves a report: the host organisation files it, the county pre-reviews it, the city reviews it. */
export type AnnualReportMover = 'host' | 'county' | 'city';

export interface AnnualReportFacts {
  status: AnnualReportStatus;
  /** The platform lies below the city (a county or zone): the county pre-reviews first. */
  hasCountyReview: boolean;
  /** A comment was given with the move. */
  hasComment: boolean;
}

const needsComment = (facts: AnnualReportFacts) => (facts.hasComment ? null : '退回时必须填写退回意见');

/**
 * The annual report lifecycle — 待填报 → (县级预审) → 市级审核 → 已通过, with 已退回 back to the host from
 * either review step — as the only status changes the server makes (POST /api/annual-reports/:id/transitions).
 * A platform whose host region is the city itself has no county step: its submission goes straight to the city.
 * 已通过 is final: the evaluations module reads accepted figures.
 */
export const annualReportLifecycle = defineLifecycle<AnnualReportStatus, AnnualReportMover, AnnualReportFacts, AnnualReportAction>({
  title: '年度报告',
  states: annualReportStatuses,
  stateLabels: annualReportStatusLabels,
  actionLabels: annualReportActionLabels,
  moverLabels: { host: '依托单位', county: '县级科技部门', city: '市科技局' },
  transitions: [
    {
      action: 'submit',
      from: ['draft', 'returned'],
      to: 'county_review',
      by: ['host'],
      guard: (facts) => (facts.hasCountyReview ? null : '该平台不经县级预审'),
    },
    {
      action: 'submit',
      from: ['draft', 'returned'],
      to: 'city_review',
      by: ['host'],
      guard: (facts) => (facts.hasCountyReview ? '该平台须先经县级预审' : null),
    },
    { action: 'countyPass', from: ['county_review'], to: 'city_review', by: ['county'] },
    { action: 'countyReturn', from: ['county_review'], to: 'returned', by: ['county'], guard: needsComment },
    { action: 'cityAccept', from: ['city_review'], to: 'accepted', by: ['city'] },
    { action: 'cityReturn', from: ['city_review'], to: 'returned', by: ['city'], guard: needsComment },
  ],
});

/** The status an action leads to on these facts for this mover, or the reason (Chinese) it is refused. */
export function annualReportMove(
  facts: AnnualReportFacts,
  action: AnnualReportAction,
  by: AnnualReportMover | null,
  today: string,
): { to: AnnualReportStatus; refusal: null } | { to: null; refusal: string } {
  const label = annualReportActionLabels[action];
  const candidates = annualReportLifecycle.transitions.filter((t) => t.action === action);
  const mine = candidates.filter((t) => by !== null && t.by.includes(by));
  if (!mine.length) return { to: null, refusal: `您无权对年度报告执行“${label}”` };
  const fromHere = mine.filter((t) => t.from.includes(facts.status));
  if (!fromHere.length) return { to: null, refusal: `状态为“${annualReportStatusLabels[facts.status]}”的年度报告不能“${label}”` };
  let refusal = '';
  for (const transition of fromHere) {
    const reason = transition.guard?.(facts, today) ?? null;
    if (!reason) return { to: transition.to, refusal: null };
    refusal ||= reason;
  }
  return { to: null, refusal };
}

/** The actions a mover may take on a report in this status now (guards applied). */
export function allowedAnnualReportActions(facts: AnnualReportFacts, by: AnnualReportMover | null, today: string): AnnualReportAction[] {
  if (!by) return [];
  const actions = new Set<AnnualReportAction>();
  for (const transition of transitionsFrom(annualReportLifecycle, facts.status, by)) {
    // Returning needs a comment the user has yet to type: offer it, the move itself checks.
    const reason = transition.guard?.({ ...facts, hasComment: true }, today) ?? null;
    if (!reason && transition.action) actions.add(transition.action);
  }
  return [...actions];
}
