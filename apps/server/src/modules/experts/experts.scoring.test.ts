import { describe, expect, it } from 'vitest';
import { zSaveRubric } from '@stip/contracts';
import { defaultRubric, isLowScore, panelStatistics, rankOf, scoreProblems, weightedTotal } from './experts.scoring';
import { seatLifecycle, seatMove } from './panels.lifecycle';
import type { SeatAction, SeatMover } from './panels.lifecycle';
import type { SeatStatus } from '@stip/contracts';
import { seatStatuses } from '@stip/contracts';

const rubric = {
  name: 'r',
  lowScorePercent: 60,
  criteria: [
    { key: 'a', name: '甲', weight: 60, maxScore: 100 },
    { key: 'b', name: '乙', weight: 40, maxScore: 10 },
  ],
};

describe('scoring rules', () => {
  it('the default rubric is valid: weights sum to 100', () => {
    expect(zSaveRubric.safeParse(defaultRubric).success).toBe(true);
  });

  it('refuses a rubric whose weights do not sum to 100', () => {
    const result = zSaveRubric.safeParse({ ...rubric, criteria: [{ key: 'a', name: '甲', weight: 50, maxScore: 100 }] });
    expect(result.success).toBe(false);
  });

  it('weights each criterion as a share of its maximum', () => {
    expect(
      weightedTotal(rubric, [
        { criterionKey: 'a', score: 80 },
        { criterionKey: 'b', score: 5 },
      ]),
    ).toBe(68);
  });

  it('requires a comment on low scores only when submitting, and every criterion', () => {
    const low = [
      { criterionKey: 'a', score: 59 },
      { criterionKey: 'b', score: 6 },
    ];
    expect(scoreProblems(rubric, low, false)).toEqual([]);
    expect(scoreProblems(rubric, low, true).map((p) => p.field)).toEqual(['scores.a']);
    expect(scoreProblems(rubric, [{ criterionKey: 'a', score: 59, comment: '基础薄弱' }, low[1]!], true)).toEqual([]);
    expect(scoreProblems(rubric, [low[1]!], true).map((p) => p.field)).toEqual(['scores.a']);
    expect(scoreProblems(rubric, [{ criterionKey: 'b', score: 11 }], false)[0]?.message).toContain('0到10');
    expect(scoreProblems(rubric, [{ criterionKey: 'x', score: 1 }], false)[0]?.message).toContain('不存在');
    expect(isLowScore(rubric.criteria[1]!, 6, 60)).toBe(false);
  });

  it('computes mean, range, standard deviation, outliers and rank', () => {
    const stats = panelStatistics(
      [
        { id: 'x', total: 80 },
        { id: 'y', total: 82 },
        { id: 'z', total: 50 },
      ],
      15,
    );
    expect(stats.mean).toBe(70.67);
    expect(stats.range).toBe(32);
    expect(stats.stdDev).toBe(14.64);
    expect(stats.outliers.map((o) => o.id)).toEqual(['z']);
    expect(rankOf(70, [90, 70, 60])).toBe(2);
  });
});

describe('seat lifecycle, transition by transition, for every mover', () => {
  const actions: SeatAction[] = ['declareNoConflict', 'declareConflict', 'submitScores'];
  const movers: SeatMover[] = ['member', 'staff'];
  const allowed: Record<string, SeatStatus> = {
    'pending_declaration/declareNoConflict/member': 'scoring',
    'pending_declaration/declareConflict/member': 'vacated',
    'scoring/submitScores/member': 'submitted',
  };
  for (const from of seatStatuses)
    for (const action of actions)
      for (const by of movers) {
        const key = `${from}/${action}/${by}`;
        it(`${key} → ${allowed[key] ?? 'refused'}`, () => {
          const move = seatMove(from, action, by, { isConcluded: false, scoreProblems: [] }, '2026-01-01');
          expect(move.to).toBe(allowed[key] ?? null);
          if (!allowed[key]) expect(move.refusal).toBeTruthy();
        });
      }

  it('refuses every move once the panel is concluded, and a submission with problems', () => {
    for (const t of seatLifecycle.transitions) {
      expect(seatMove(t.from[0]!, t.action!, 'member', { isConcluded: true }, '2026-01-01').refusal).toBe('评审已结束');
    }
    expect(seatMove('scoring', 'submitScores', 'member', { isConcluded: false, scoreProblems: ['缺评分'] }, '2026-01-01').refusal).toBe(
      '缺评分',
    );
  });
});
