import { describe, expect, it } from 'vitest';
import { type AnnualReportAction, type AnnualReportStatus, annualReportActions, annualReportStatuses } from '@stip/contracts';
import { type AnnualReportMover, allowedAnnualReportActions, annualReportMove } from './annual-reports.lifecycle';
import { moverFor } from './annual-reports.policy';
import type { Actor } from '../../shared/context';

const today = '2026-03-01';
const movers: readonly AnnualReportMover[] = ['host', 'county', 'city'];

/** The whole table written out again by hand: (mover, status, action, county step?) → where it leads. */
function expected(
  mover: AnnualReportMover,
  from: AnnualReportStatus,
  action: AnnualReportAction,
  hasCounty: boolean,
): AnnualReportStatus | null {
  if (mover === 'host' && action === 'submit' && (from === 'draft' || from === 'returned'))
    return hasCounty ? 'county_review' : 'city_review';
  if (mover === 'county' && from === 'county_review' && action === 'countyPass') return 'city_review';
  if (mover === 'county' && from === 'county_review' && action === 'countyReturn') return 'returned';
  if (mover === 'city' && from === 'city_review' && action === 'cityAccept') return 'accepted';
  if (mover === 'city' && from === 'city_review' && action === 'cityReturn') return 'returned';
  return null;
}

describe('the annual report lifecycle', () => {
  for (const hasCountyReview of [true, false]) {
    for (const mover of movers) {
      for (const from of annualReportStatuses) {
        for (const action of annualReportActions) {
          const to = expected(mover, from, action, hasCountyReview);
          const where = hasCountyReview ? 'below the city' : 'in the city itself';
          if (to) {
            it(`lets the ${mover} ${action} a ${from} report of a platform ${where}, making it ${to}`, () => {
              expect(annualReportMove({ status: from, hasCountyReview, hasComment: true }, action, mover, today)).toEqual({
                to,
                refusal: null,
              });
            });
          } else {
            it(`refuses the ${mover} ${action} on a ${from} report of a platform ${where}, in Chinese`, () => {
              const move = annualReportMove({ status: from, hasCountyReview, hasComment: true }, action, mover, today);
              expect(move.to).toBeNull();
              expect(move.refusal).toMatch(/[\u4e00-\u9fff]/);
            });
          }
        }
      }
    }
  }

  it('refuses every move to someone with no part in the report', () => {
    for (const from of annualReportStatuses) {
      for (const action of annualReportActions) {
        expect(annualReportMove({ status: from, hasCountyReview: true, hasComment: true }, action, null, today)).toMatchObject({
          to: null,
          refusal: expect.stringContaining('无权'),
        });
      }
    }
  });

  it('refuses a return without a comment at either review step', () => {
    expect(
      annualReportMove({ status: 'county_review', hasCountyReview: true, hasComment: false }, 'countyReturn', 'county', today).refusal,
    ).toBe('退回时必须填写退回意见');
    expect(annualReportMove({ status: 'city_review', hasCountyReview: true, hasComment: false }, 'cityReturn', 'city', today).refusal).toBe(
      '退回时必须填写退回意见',
    );
  });

  it('offers each part exactly the actions the table allows, and nothing on an accepted report', () => {
    for (const hasCountyReview of [true, false]) {
      for (const mover of movers) {
        for (const from of annualReportStatuses) {
          const offered = allowedAnnualReportActions({ status: from, hasCountyReview, hasComment: false }, mover, today).sort();
          const wanted = annualReportActions.filter((action) => expected(mover, from, action, hasCountyReview) !== null).sort();
          expect(offered, `${mover} ${from}`).toEqual(wanted);
        }
      }
    }
    expect(allowedAnnualReportActions({ status: 'accepted', hasCountyReview: true, hasComment: true }, null, today)).toEqual([]);
  });

  it('gives every role its part: host users of the host organisation, county staff, city staff; no one else', () => {
    const actor = (role: Actor['role'], organizationId: string | null = null): Actor => ({
      userId: 'u',
      username: 'u',
      role,
      regionId: null,
      regionPath: null,
      organizationId,
      permissions: [],
    });
    const report = { hostOrganizationId: 'org-1' };
    expect(moverFor(actor('host_user', 'org-1'), report)).toBe('host');
    expect(moverFor(actor('host_user', 'org-2'), report)).toBeNull();
    expect(moverFor(actor('county_staff'), report)).toBe('county');
    expect(moverFor(actor('city_staff'), report)).toBe('city');
    for (const role of ['department_staff', 'leader', 'expert', 'sysadmin', 'secadmin', 'auditadmin'] as const) {
      expect(moverFor(actor(role, 'org-1'), report), role).toBeNull();
    }
  });
});
