import { describe, expect, it } from 'vitest';
import type { IngestProposal, ProposedTarget, TargetSuggestion } from '@stip/contracts';
import { confirmationOf, draftOf, withKind } from './draft';

const proposed = (fields: Partial<ProposedTarget> & { suggestion: TargetSuggestion }): ProposedTarget => ({
  text: '全市技术合同登记额达到12亿元',
  subject: '技术合同登记额',
  level: null,
  comparator: '>=',
  value: 12,
  unit: '亿元',
  deadline: '2028-12',
  kind: 'amount',
  span: null,
  basis: 'stock',
  perYear: false,
  perRegion: false,
  doubts: [],
  isTrusted: true,
  ...fields,
});

const summed: TargetSuggestion = {
  mode: 'reported',
  kind: 'amount',
  metric: 'technology_contract_amount',
  confidence: 0.9,
  reason: '技术合同登记额，由技术合同登记自动汇总',
};
const reported: TargetSuggestion = { mode: 'reported', kind: 'amount', confidence: 0.9, reason: '金额、数额类目标，按填报数值跟踪' };

const proposal = (targets: ProposedTarget[]): IngestProposal => ({
  text: '（测试）',
  fileName: null,
  date: '2026-01-10',
  plan: { title: null, issuingBody: null, documentNo: null, issuedOn: null, periodStart: null, periodEnd: null, region: null },
  targets,
  tasks: [],
  units: [],
});

const plan = {
  title: '测试规划',
  issuingBody: '',
  documentNo: '',
  issuedOn: null,
  periodStart: '2026-01-01',
  periodEnd: '2028-12-31',
  regionId: '00000000-0000-4000-8000-000000000001',
};

describe('the confirmation of a reviewed proposal', () => {
  it('creates a 技术合同登记额 target with the suggested metric, and other amounts as reported', () => {
    const draft = draftOf(
      proposal([
        proposed({ suggestion: summed, perYear: true }),
        proposed({ text: '全社会研发投入达到20亿元', subject: '全社会研发投入', value: 20, suggestion: reported }),
      ]),
    );
    expect(draft.targets.map((target) => target.metric)).toEqual(['technology_contract_amount', null]);
    const confirmation = confirmationOf(draft, plan);
    expect(confirmation.problems).toEqual([]);
    expect(confirmation.body!.targets).toEqual([
      expect.objectContaining({ kind: 'amount', unit: '亿元', metric: 'technology_contract_amount', perYear: true }),
      expect.objectContaining({ kind: 'amount', unit: '亿元', metric: null }),
    ]);
  });

  it('drops the metric when the reviewer makes the target another kind, and names a unit the sum cannot be in', () => {
    const [target] = draftOf(proposal([proposed({ suggestion: summed })])).targets;
    expect(withKind(target!, 'ratio').metric).toBeNull();
    expect(withKind(target!, 'amount').metric).toBe('technology_contract_amount');
    const draft = { ...draftOf(proposal([])), targets: [{ ...target!, unit: '项' }] };
    expect(confirmationOf(draft, plan).problems.join()).toContain('技术合同登记额的单位');
  });
});
