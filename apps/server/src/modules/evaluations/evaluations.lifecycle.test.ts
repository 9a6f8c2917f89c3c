import { describe, expect, it } from 'vitest';
import { evaluationRoundActions, evaluationRoundStatuses, rectificationActions, rectificationStatuses } from '@stip/contracts';
import { allowedRoundActions, roundMove } from './evaluations.lifecycle';
import {
  allowedRectificationActions,
  isRectificationOverdue,
  rectificationMove,
  type RectificationMover,
} from './rectifications.lifecycle';

const today = '2026-06-01';
const complete = { resultCount: 3, missingExpertScores: 0, missingOutcomes: 0 };

describe('evaluation round lifecycle', () => {
  const allowed: Record<string, string> = {
    'draft/startScoring': 'scoring',
    'scoring/submitForReview': 'reviewing',
    'reviewing/returnToScoring': 'scoring',
    'reviewing/publish': 'published',
    'published/withdraw': 'reviewing',
    'published/apply': 'applied',
  };
  for (const from of evaluationRoundStatuses) {
    for (const action of evaluationRoundActions) {
      const to = allowed[`${from}/${action}`];
      it(`${from} —${action}→ ${to ?? 'refused'}`, () => {
        const move = roundMove(from, action, complete, today);
        if (to) expect(move).toEqual({ to, refusal: null });
        else expect(move.refusal).toMatch(/不能/);
      });
    }
  }

  it('refuses review while an expert score is missing, or with no results', () => {
    expect(roundMove('scoring', 'submitForReview', { ...complete, missingExpertScores: 2 }, today).refusal).toBe(
      '还有2个平台未录入专家评分',
    );
    expect(roundMove('scoring', 'submitForReview', { ...complete, resultCount: 0 }, today).refusal).toBe('本轮没有参评平台');
  });

  it('refuses publication while an outcome is missing', () => {
    expect(roundMove('reviewing', 'publish', { ...complete, missingOutcomes: 1 }, today).refusal).toBe('还有1个平台没有考核结果');
  });

  it('lists the actions out of each status; applied is final', () => {
    expect(allowedRoundActions('reviewing').sort()).toEqual(['publish', 'returnToScoring']);
    expect(allowedRoundActions('applied')).toEqual([]);
  });
});

describe('rectification lifecycle', () => {
  const movers: RectificationMover[] = ['host', 'staff', 'evaluation'];
  const future = '2026-09-01';
  const past = '2026-05-01';
  // Expected target per (from, action, mover) with a deadline in the future and a valid new deadline.
  const allowed: Record<string, string> = {
    'ordered/submit/host': 'submitted',
    'submitted/pass/staff': 'passed',
    'submitted/fail/staff': 'revoked',
    'ordered/fail/evaluation': 'revoked',
    'submitted/fail/evaluation': 'revoked',
    'ordered/extend/staff': 'ordered',
    'submitted/extend/staff': 'ordered',
  };
  for (const status of rectificationStatuses) {
    for (const action of rectificationActions) {
      for (const mover of movers) {
        const to = allowed[`${status}/${action}/${mover}`];
        it(`${status} —${action} by ${mover}→ ${to ?? 'refused'}`, () => {
          const move = rectificationMove({ status, deadline: future, newDeadline: '2026-12-31' }, action, mover, today);
          if (to) expect(move).toEqual({ to, refusal: null });
          else expect(move.refusal).toMatch(/不能/);
        });
      }
    }
  }

  it('lets staff fail an unsubmitted rectification only after its deadline', () => {
    expect(rectificationMove({ status: 'ordered', deadline: future }, 'fail', 'staff', today).refusal).toMatch(/期限未到/);
    expect(rectificationMove({ status: 'ordered', deadline: past }, 'fail', 'staff', today)).toEqual({ to: 'revoked', refusal: null });
  });

  it('lets a host submit late', () => {
    expect(rectificationMove({ status: 'ordered', deadline: past }, 'submit', 'host', today)).toEqual({ to: 'submitted', refusal: null });
  });

  it('extends only to a later deadline in the future', () => {
    const extend = (newDeadline: string | null) =>
      rectificationMove({ status: 'ordered', deadline: future, newDeadline }, 'extend', 'staff', today);
    expect(extend(null).refusal).toBe('请填写新的整改期限');
    expect(extend(today).refusal).toBe('新的整改期限应晚于今天');
    expect(extend('2026-08-01').refusal).toBe('新的整改期限应晚于原期限');
    expect(extend('2026-09-02').to).toBe('ordered');
  });

  it('knows overdue, and the actions each mover has', () => {
    expect(isRectificationOverdue({ status: 'ordered', deadline: past }, today)).toBe(true);
    expect(isRectificationOverdue({ status: 'submitted', deadline: past }, today)).toBe(false);
    expect(isRectificationOverdue({ status: 'ordered', deadline: today }, today)).toBe(false);
    expect(allowedRectificationActions('ordered', 'host')).toEqual(['submit']);
    expect(allowedRectificationActions('submitted', 'staff').sort()).toEqual(['extend', 'fail', 'pass']);
    expect(allowedRectificationActions('passed', 'staff')).toEqual([]);
  });
});
