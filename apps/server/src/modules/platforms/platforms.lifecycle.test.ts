import { describe, expect, it } from 'vitest';
import { type PlatformAction, platformActions, type PlatformStatus, platformStatuses } from '@stip/contracts';
import { allowedPlatformActions, endedPlatformStatuses, platformMove } from './platforms.lifecycle';

/** The whole table, written out once more by hand: every (status, action) staff may take and where it leads. */
const allowedByStaff: Partial<Record<PlatformStatus, Partial<Record<PlatformAction, PlatformStatus>>>> = {
  cultivating: { startConstruction: 'constructing', revoke: 'revoked' },
  constructing: { startOperation: 'operating', revoke: 'revoked' },
  operating: { orderRectification: 'rectifying', revoke: 'revoked' },
  rectifying: { completeRectification: 'operating', revoke: 'revoked' },
};

const today = '2026-01-01';

describe('the platform lifecycle', () => {
  for (const from of platformStatuses) {
    for (const action of platformActions) {
      const to = allowedByStaff[from]?.[action];
      if (to) {
        it(`lets staff ${action} a ${from} platform, making it ${to}`, () => {
          expect(platformMove(from, action, 'staff', today)).toEqual({ to, refusal: null });
        });
      } else {
        it(`refuses staff ${action} on a ${from} platform, saying why in Chinese`, () => {
          const move = platformMove(from, action, 'staff', today);
          expect(move.to).toBeNull();
          expect(move.refusal).toMatch(/[\u4e00-\u9fff]/);
        });
      }
    }
  }

  it('reaches 已转并 only through a type conversion, from every status that still exists', () => {
    expect(platformMove('operating', 'merge', 'staff', today).refusal).toBe('“转并”只能通过平台类型撤并转办理，不能直接操作');
    for (const from of ['cultivating', 'constructing', 'operating', 'rectifying'] as const) {
      expect(platformMove(from, 'merge', 'conversion', today)).toEqual({ to: 'merged', refusal: null });
    }
    expect(platformMove('revoked', 'merge', 'conversion', today).to).toBeNull();
  });

  it('offers staff exactly the actions the table allows, and none on a revoked or merged platform', () => {
    for (const from of platformStatuses) {
      const offered = Object.fromEntries(allowedPlatformActions(from, 'staff').map((a) => [a.action, a.to]));
      expect(offered).toEqual(allowedByStaff[from] ?? {});
    }
  });

  it('treats 撤销 and 已转并 as final', () => {
    expect(endedPlatformStatuses).toEqual(['revoked', 'merged']);
  });
});
