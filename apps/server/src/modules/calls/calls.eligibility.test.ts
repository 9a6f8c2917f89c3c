import { describe, expect, it } from 'vitest';
import { evaluateEligibility, type EligibilityInputs } from './calls.eligibility';

const today = '2026-06-10';
const base: EligibilityInputs = {
  call: { regionPath: '/p/c/', regionName: '达州市' },
  organization: { name: '某公司', regionPath: '/p/c/x/', regionName: '宣汉县' },
  qualifications: [{ kind: 'high_tech', validFrom: '2024-01-01', validTo: '2026-12-31', certificateNo: 'GR1' }],
  form: { rdSpendLastYear: 600, sixHaves: { site: true, equipment: true, staff: true, funding: true, direction: true, rules: true } },
  sameTypePlatforms: [],
  materialCodes: ['construction_plan'],
};
const run = (rule: Parameters<typeof evaluateEligibility>[0][number], inputs: Partial<EligibilityInputs> = {}) =>
  evaluateEligibility([rule], { ...base, ...inputs }, today)[0]!;

describe('the eligibility catalogue', () => {
  it('checks the host lies in the call region', () => {
    expect(run({ code: 'host_in_region' }).outcome).toBe('pass');
    expect(run({ code: 'host_in_region' }, { organization: { ...base.organization, regionPath: '/p/d/' } }).outcome).toBe('fail');
  });
  it('checks a qualification valid today, with the data used', () => {
    const pass = run({ code: 'qualification', kinds: ['high_tech', 'tech_sme'] });
    expect(pass.outcome).toBe('pass');
    expect(pass.data).toMatchObject({ checkedOn: today });
    expect(run({ code: 'qualification', kinds: ['tech_sme'] }).outcome).toBe('fail');
    const expired = [{ kind: 'high_tech' as const, validFrom: '2020-01-01', validTo: '2026-06-09', certificateNo: null }];
    expect(run({ code: 'qualification', kinds: ['high_tech'] }, { qualifications: expired }).outcome).toBe('fail');
  });
  it('compares last year’s R&D spend with the threshold, failing when not given', () => {
    expect(run({ code: 'rd_spend_min', minAmount: 600 }).outcome).toBe('pass');
    expect(run({ code: 'rd_spend_min', minAmount: 601 }).outcome).toBe('fail');
    expect(run({ code: 'rd_spend_min', minAmount: 1 }, { form: {} }).detail).toContain('未填报');
  });
  it('fails when the host already has a platform of the type', () => {
    expect(
      run({ code: 'no_same_type_platform' }, { sameTypePlatforms: [{ id: 'x', name: '甲实验室', status: 'operating' }] }).detail,
    ).toContain('甲实验室');
  });
  it('asks for judgement when a 六有 item is answered no, fails when one is unanswered', () => {
    expect(run({ code: 'six_haves_answered' }).outcome).toBe('pass');
    expect(run({ code: 'six_haves_answered' }, { form: { sixHaves: { ...base.form.sixHaves, rules: false } } }).outcome).toBe(
      'needs_judgement',
    );
    expect(run({ code: 'six_haves_answered' }, { form: { sixHaves: { site: true } } }).outcome).toBe('fail');
  });
  it('looks for the construction plan among the materials', () => {
    expect(run({ code: 'construction_plan_attached' }).outcome).toBe('pass');
    expect(run({ code: 'construction_plan_attached' }, { materialCodes: [] }).outcome).toBe('fail');
  });
});
