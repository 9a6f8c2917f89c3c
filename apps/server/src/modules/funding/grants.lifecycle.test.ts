import { describe, expect, it } from 'vitest';
import { type GrantAction, grantActions, type GrantStatus, grantStatuses, roles } from '@stip/contracts';
import { allowedGrantActions, grantMove } from './grants.lifecycle';

const today = '2026-06-01';
/** A grant of 100 元 in each status; `paidFen` as the status implies unless a test says otherwise. */
const grant = (status: GrantStatus, paidFen = status === 'paid' ? 10_000 : 0) => ({ status, amountFen: 10_000, paidFen });

/** The whole table written out once more by hand: what city staff may do in each status, and where it leads. */
const allowedByStaff: Partial<Record<GrantStatus, Partial<Record<GrantAction, GrantStatus>>>> = {
  proposed: { approve: 'approved', cancel: 'cancelled' },
  approved: { cancel: 'cancelled' },
};

describe('the grant lifecycle', () => {
  for (const role of roles) {
    for (const from of grantStatuses) {
      for (const action of grantActions) {
        const to = role === 'city_staff' ? allowedByStaff[from]?.[action] : undefined;
        if (to) {
          it(`lets ${role} ${action} a ${from} grant, making it ${to}`, () => {
            expect(grantMove(grant(from), action, role, today)).toEqual({ to, refusal: null });
          });
        } else {
          it(`refuses ${role} ${action} on a ${from} grant, saying why in Chinese`, () => {
            const move = grantMove(grant(from), action, role, today);
            expect(move.to).toBeNull();
            expect(move.refusal).toMatch(/[\u4e00-\u9fff]/);
          });
        }
      }
    }
  }

  it('tells other roles that only the city bureau moves grants', () => {
    expect(grantMove(grant('proposed'), 'approve', 'county_staff', today).refusal).toBe('只有市科技局可以办理资助的“批准”');
    expect(grantMove(grant('proposed'), 'approve', 'host_user', today).refusal).toBe('只有市科技局可以办理资助的“批准”');
  });

  it('settles a grant only through the payment that brings it to its amount', () => {
    expect(grantMove(grant('approved', 10_000), 'settle', 'city_staff', today).refusal).toBe('“拨付完毕”由拨付登记自动办理，不能直接操作');
    expect(grantMove(grant('approved', 9_999), 'settle', 'payment', today)).toEqual({ to: null, refusal: '资助尚未足额拨付' });
    expect(grantMove(grant('approved', 10_000), 'settle', 'payment', today)).toEqual({ to: 'paid', refusal: null });
    for (const from of ['proposed', 'paid', 'cancelled'] as const) {
      expect(grantMove(grant(from, 10_000), 'settle', 'payment', today).to).toBeNull();
    }
    expect(grantMove(grant('approved', 10_000), 'approve', 'payment', today).to).toBeNull();
  });

  it('refuses to cancel a grant with money paid on it', () => {
    expect(grantMove(grant('approved', 1), 'cancel', 'city_staff', today)).toEqual({ to: null, refusal: '已有拨付记录的资助不能取消' });
  });

  it('offers each role exactly the actions the table allows, guards applied', () => {
    for (const role of roles) {
      for (const from of grantStatuses) {
        const expected = role === 'city_staff' ? Object.keys(allowedByStaff[from] ?? {}) : [];
        expect(allowedGrantActions(grant(from), role, today).sort()).toEqual(expected.sort());
      }
    }
    expect(allowedGrantActions(grant('approved', 5), 'city_staff', today)).toEqual([]);
  });
});
