import { describe, expect, it } from 'vitest';
import type { ExtractedTarget, ExtractedTask } from '@stip/policy-ingest';
import { diffExtractions, diffPlanTargets } from './policy-ingest.diff';

const target = (text: string, extra: Partial<ExtractedTarget> = {}): ExtractedTarget => ({
  text,
  subject: text.replace(/\d.*$/, ''),
  level: '市',
  comparator: '>=',
  value: 15,
  unit: '家',
  deadline: '2025-12',
  kind: 'count',
  ...extra,
});
const task = (title: string, extra: Partial<ExtractedTask> = {}): ExtractedTask => ({
  title,
  lead: ['市科技局'],
  participants: [],
  deadline: '2025-12',
  recurring: false,
  ...extra,
});

describe('the diff of two extractions', () => {
  it('names the field that changed: comparator 由“=”改为“≥”', () => {
    const before = { targets: [target('市级重点实验室总数达到30家', { comparator: '=', value: 30 })], tasks: [] };
    const after = { targets: [target('市级重点实验室总数达到30家', { value: 30 })], tasks: [] };
    expect(diffExtractions(before, after).targets).toEqual({
      added: [],
      removed: [],
      changed: [{ name: '市级重点实验室总数达到30家', changes: [{ field: 'comparator', label: '比较关系', before: '=', after: '≥' }] }],
    });
  });

  it('lists added and removed targets and tasks, and stays silent on identical ones', () => {
    const before = { targets: [target('市级重点实验室15家'), target('工程技术研究中心20家')], tasks: [task('建设实验室'), task('旧任务')] };
    const after = {
      targets: [target('市级重点实验室15家'), target('新型研发机构5家')],
      tasks: [task('建设实验室', { lead: ['市科技局', '市经信局'] }), task('培育孵化器')],
    };
    const diff = diffExtractions(before, after);
    expect(diff.targets.added.map((item) => item.name)).toEqual(['新型研发机构5家']);
    expect(diff.targets.removed.map((item) => item.name)).toEqual(['工程技术研究中心20家']);
    expect(diff.targets.changed).toEqual([]);
    expect(diff.tasks.added.map((item) => item.name)).toEqual(['培育孵化器']);
    expect(diff.tasks.removed.map((item) => item.name)).toEqual(['旧任务']);
    expect(diff.tasks.changed).toEqual([
      { name: '建设实验室', changes: [{ field: 'lead', label: '牵头单位', before: '市科技局', after: '市科技局、市经信局' }] },
    ]);
  });

  it('pairs a target whose phrase changed by its subject, and reports the phrase-level fields', () => {
    const before = { targets: [target('市级重点实验室15家', { subject: '市级重点实验室' })], tasks: [] };
    const after = {
      targets: [target('新建市级重点实验室15家以上', { subject: '市级重点实验室', basis: 'added', perYear: true })],
      tasks: [],
    };
    const { changed, added, removed } = diffExtractions(before, after).targets;
    expect([added, removed]).toEqual([[], []]);
    expect(changed[0]!.changes.map((change) => [change.label, change.before, change.after])).toEqual([
      ['口径', '总量', '新增'],
      ['每年', '否', '是'],
    ]);
  });
});

describe('the plan targets a new extraction reads differently', () => {
  const planTarget = {
    id: '00000000-0000-4000-8000-000000000001',
    subject: '市级重点实验室',
    comparator: '=',
    value: 30,
    unit: '家',
    deadline: '2025-12-31',
  };

  it('reports a changed comparator and a target no longer read; a matching one is not reported', () => {
    const extraction = { targets: [target('市级重点实验室30家', { subject: '市级重点实验室', value: 30 })], tasks: [] };
    const same = { ...planTarget, id: '00000000-0000-4000-8000-000000000002', comparator: '>=' };
    const gone = { ...planTarget, id: '00000000-0000-4000-8000-000000000003', subject: '孵化器' };
    expect(diffPlanTargets([planTarget, gone], extraction)).toEqual([
      {
        targetId: planTarget.id,
        subject: '市级重点实验室',
        changes: [{ field: 'comparator', label: '比较关系', before: '=', after: '≥' }],
        isMissing: false,
      },
      { targetId: gone.id, subject: '孵化器', changes: [], isMissing: true },
    ]);
    expect(diffPlanTargets([same], extraction)).toEqual([]);
  });
});
