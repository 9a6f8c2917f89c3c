import { describe, expect, it } from 'vitest';
import {
  allowedChallengeActions,
  type ChallengeFacts,
  challengeMove,
  effectiveChallengeStatus,
  isTakingApplications,
} from './challenges.lifecycle';

const today = '2026-06-10';
const facts = (overrides: Partial<ChallengeFacts> = {}): ChallengeFacts => ({
  applicationDeadline: '2026-06-30',
  completionDeadline: null,
  isDemandPublished: true,
  liveApplicationCount: 2,
  milestoneCount: 2,
  openMilestoneCount: 0,
  ...overrides,
});

describe('challenge lifecycle', () => {
  it("sends an enterprise's draft to the bureau for review instead of releasing it", () => {
    expect(challengeMove({ ...facts(), status: 'draft' }, 'submit', 'enterprise', today)).toEqual({ to: 'submitted', refusal: null });
    expect(challengeMove({ ...facts(), status: 'draft' }, 'publish', 'enterprise', today).to).toBeNull();
    expect(challengeMove({ ...facts(), status: 'submitted' }, 'publish', 'reviewer', today).to).toBe('open');
    expect(challengeMove({ ...facts(), status: 'submitted' }, 'return', 'reviewer', today).to).toBe('draft');
  });

  it("lets the bureau release its own draft directly, but not an enterprise's unsent draft", () => {
    expect(challengeMove({ ...facts(), status: 'draft' }, 'publish', 'bureau', today).to).toBe('open');
    expect(challengeMove({ ...facts(), status: 'draft' }, 'publish', 'reviewer', today).to).toBeNull();
  });

  it('refuses to release a list whose deadline has passed or whose demand is not published', () => {
    const late = challengeMove({ ...facts({ applicationDeadline: '2026-06-01' }), status: 'draft' }, 'publish', 'bureau', today);
    expect(late.refusal).toContain('已过');
    const unpublished = challengeMove({ ...facts({ isDemandPublished: false }), status: 'submitted' }, 'publish', 'reviewer', today);
    expect(unpublished.refusal).toContain('需求尚未发布');
  });

  it('moves an open list to review when the deadline passes, not before', () => {
    expect(challengeMove({ ...facts(), status: 'open' }, 'expire', 'deadline', today).to).toBeNull();
    expect(challengeMove({ ...facts({ applicationDeadline: '2026-06-09' }), status: 'open' }, 'expire', 'deadline', today).to).toBe(
      'reviewing',
    );
  });

  it('selects only with a live application and completes only when every milestone is done', () => {
    expect(challengeMove({ ...facts({ liveApplicationCount: 0 }), status: 'reviewing' }, 'select', 'enterprise', today).refusal).toBe(
      '没有可选定的揭榜申请',
    );
    expect(challengeMove({ ...facts(), status: 'reviewing' }, 'select', 'enterprise', today).to).toBe('selected');
    expect(challengeMove({ ...facts({ openMilestoneCount: 1 }), status: 'selected' }, 'complete', 'bureau', today).refusal).toContain(
      '1个项目节点未完成',
    );
    expect(challengeMove({ ...facts({ milestoneCount: 0 }), status: 'selected' }, 'complete', 'bureau', today).refusal).toBe(
      '请先设置项目节点',
    );
    expect(challengeMove({ ...facts(), status: 'selected' }, 'complete', 'bureau', today).to).toBe('completed');
  });

  it('lets the reviewing bureau withdraw a list but not select on it; nobody withdraws after the selection', () => {
    expect(challengeMove({ ...facts(), status: 'open' }, 'cancel', 'reviewer', today).to).toBe('cancelled');
    expect(challengeMove({ ...facts(), status: 'reviewing' }, 'select', 'reviewer', today).refusal).toContain('您不能');
    expect(challengeMove({ ...facts(), status: 'selected' }, 'cancel', 'enterprise', today).refusal).toContain('已选定');
  });

  it('offers a mover only the actions whose guards pass', () => {
    expect(allowedChallengeActions({ ...facts(), status: 'open' }, 'enterprise', today).sort()).toEqual(['cancel', 'close']);
    expect(allowedChallengeActions({ ...facts({ liveApplicationCount: 0 }), status: 'reviewing' }, 'bureau', today)).toEqual(['cancel']);
    expect(allowedChallengeActions({ ...facts(), status: 'open' }, null, today)).toEqual([]);
  });

  it('treats the deadline day itself as still open', () => {
    expect(isTakingApplications('open', today, today)).toBe(true);
    expect(isTakingApplications('open', '2026-06-09', today)).toBe(false);
    expect(effectiveChallengeStatus('open', '2026-06-09', today)).toBe('reviewing');
    expect(effectiveChallengeStatus('open', today, today)).toBe('open');
    expect(effectiveChallengeStatus('selected', '2026-06-09', today)).toBe('selected');
  });
});
