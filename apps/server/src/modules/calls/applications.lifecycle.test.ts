import { describe, expect, it } from 'vitest';
import { type ApplicationAction, applicationActions, type ApplicationStatus, applicationStatuses, roles } from '@stip/contracts';
import {
  addWorkingDays,
  allowedApplicationActions,
  type ApplicationFacts,
  type ApplicationMover,
  applicationMove,
  applicationMoverOf,
} from './applications.lifecycle';
import { callMove } from './calls.lifecycle';
import { callActions, callStatuses, type CallAction, type CallStatus } from '@stip/contracts';

const today = '2026-06-10';

/** Facts under which every guard lets its move through (a county applicant, before the deadline, notice over). */
const openFacts: ApplicationFacts = {
  callStatus: 'open',
  opensOn: '2026-06-01',
  closesOn: '2026-06-30',
  applicantWithoutCounty: false,
  hasConcludedPanel: true,
  noticeEndsOn: '2026-06-09',
  unresolvedObjections: 0,
  upheldObjections: 1,
};

/** The whole chain written out once more by hand: (status, action) → who may, and where it leads. */
const expected: Partial<Record<ApplicationStatus, Partial<Record<ApplicationAction, { to: ApplicationStatus; by: ApplicationMover[] }>>>> =
  {
    draft: { submit: { to: 'county_review', by: ['host'] }, withdraw: { to: 'withdrawn', by: ['host'] } },
    returned: { resubmit: { to: 'county_review', by: ['host'] }, withdraw: { to: 'withdrawn', by: ['host'] } },
    county_review: {
      withdraw: { to: 'withdrawn', by: ['host'] },
      recommend: { to: 'formal_review', by: ['county', 'department'] },
      return: { to: 'returned', by: ['county', 'department'] },
    },
    formal_review: {
      pass: { to: 'expert_review', by: ['city'] },
      return: { to: 'returned', by: ['city'] },
      reject: { to: 'rejected', by: ['city'] },
    },
    expert_review: { startPublicNotice: { to: 'public_notice', by: ['city'] }, reject: { to: 'rejected', by: ['city'] } },
    public_notice: {
      recognize: { to: 'recognized', by: ['city'] },
      reject: { to: 'rejected', by: ['city'] },
      upholdObjection: { to: 'rejected', by: ['city'] },
    },
  };

describe('the application lifecycle, for every role, status and action', () => {
  for (const role of roles) {
    const mover = applicationMoverOf(role);
    for (const from of applicationStatuses) {
      for (const action of applicationActions) {
        const rule = expected[from]?.[action];
        const allowed = mover !== null && rule !== undefined && rule.by.includes(mover);
        it(`${allowed ? 'lets' : 'refuses'} ${role} ${action} a ${from} application`, () => {
          if (mover === null) {
            expect(allowed).toBe(false); // experts, leaders and administrators never move applications
            return;
          }
          // Objections must be all resolved to recognise, but one must be upheld to uphold: facts per action.
          const facts = action === 'recognize' ? { ...openFacts, upheldObjections: 0 } : openFacts;
          const move = applicationMove(from, action, mover, facts, today);
          if (allowed) expect(move).toEqual({ to: rule.to, refusal: null });
          else {
            expect(move.to).toBeNull();
            expect(move.refusal).toMatch(/[\u4e00-\u9fff]/);
          }
        });
      }
    }
  }
});

describe('the guards', () => {
  const refusal = (
    from: ApplicationStatus,
    action: ApplicationAction,
    mover: ApplicationMover,
    facts: Partial<ApplicationFacts>,
    day = today,
  ) => applicationMove(from, action, mover, { ...openFacts, ...facts }, day).refusal;

  it('refuses a submission after the deadline, before the window opens and under a closed call', () => {
    expect(refusal('draft', 'submit', 'host', {}, '2026-07-01')).toContain('截止');
    expect(refusal('draft', 'submit', 'host', {}, '2026-05-31')).toContain('尚未开始');
    expect(refusal('draft', 'submit', 'host', { callStatus: 'closed' })).toContain('不在受理中');
    expect(refusal('draft', 'submit', 'host', {}, '2026-06-30')).toBeNull(); // the closing day itself counts
  });

  it('lets the city take the first step only for an applicant with no county bureau', () => {
    expect(refusal('county_review', 'recommend', 'city', { applicantWithoutCounty: false })).toContain('县');
    expect(refusal('county_review', 'recommend', 'city', { applicantWithoutCounty: true })).toBeNull();
    expect(refusal('county_review', 'return', 'city', { applicantWithoutCounty: true })).toBeNull();
  });

  it('starts the public notice only after a panel has concluded', () => {
    expect(refusal('expert_review', 'startPublicNotice', 'city', { hasConcludedPanel: false })).toContain('专家评审尚未完成');
  });

  it('recognises only after the notice has ended with every objection resolved', () => {
    expect(refusal('public_notice', 'recognize', 'city', { noticeEndsOn: today })).toContain('公示期');
    expect(refusal('public_notice', 'recognize', 'city', { noticeEndsOn: null })).toContain('公示期');
    expect(refusal('public_notice', 'recognize', 'city', { unresolvedObjections: 1 })).toContain('异议未处理');
  });

  it('rejects on an objection only when one was upheld', () => {
    expect(refusal('public_notice', 'upholdObjection', 'city', { upheldObjections: 0 })).toContain('没有成立的异议');
  });

  it('refuses a resubmission under an archived call', () => {
    expect(refusal('returned', 'resubmit', 'host', { callStatus: 'archived' })).toContain('归档');
  });

  it('lists the allowed actions with guards applied', () => {
    expect(allowedApplicationActions('expert_review', 'city', { ...openFacts, hasConcludedPanel: false }, today)).toEqual(['reject']);
    expect(allowedApplicationActions('draft', 'host', openFacts, today).sort()).toEqual(['submit', 'withdraw']);
    expect(allowedApplicationActions('recognized', 'city', openFacts, today)).toEqual([]);
  });
});

describe('working days of the public notice (Mon–Fri; holidays not known)', () => {
  it('counts the first day when it is a working day', () => {
    expect(addWorkingDays('2026-06-08', 5)).toBe('2026-06-12'); // Monday → Friday
  });
  it('skips weekends', () => {
    expect(addWorkingDays('2026-06-11', 5)).toBe('2026-06-17'); // Thursday → next Wednesday
    expect(addWorkingDays('2026-06-13', 1)).toBe('2026-06-15'); // a Saturday start begins on Monday
  });
});

describe('the call lifecycle', () => {
  const allowed: Partial<Record<CallStatus, Partial<Record<CallAction, CallStatus>>>> = {
    draft: { open: 'open' },
    open: { close: 'closed' },
    closed: { reopen: 'open', archive: 'archived' },
  };
  const facts = { opensOn: '2026-06-01', closesOn: '2026-06-30', typeCount: 1 };
  for (const status of callStatuses) {
    for (const action of callActions) {
      const to = allowed[status]?.[action];
      it(`${to ? 'allows' : 'refuses'} ${action} on a ${status} call`, () => {
        const move = callMove({ ...facts, status }, action, today);
        if (to) expect(move).toEqual({ to, refusal: null });
        else expect(move.refusal).toMatch(/[\u4e00-\u9fff]/);
      });
    }
  }
  it('refuses to publish or reopen a call whose deadline has passed, and a call without types', () => {
    expect(callMove({ ...facts, status: 'draft', closesOn: '2026-06-01' }, 'open', today).refusal).toContain('已过');
    expect(callMove({ ...facts, status: 'closed', closesOn: '2026-06-01' }, 'reopen', today).refusal).toContain('已过');
    expect(callMove({ ...facts, status: 'draft', typeCount: 0 }, 'open', today).refusal).toContain('平台类型');
  });
});
