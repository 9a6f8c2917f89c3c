import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract.js';

/** The targets without their text and span, and without the meaning fields (tested in meaning.test.ts). */
function targetsOf(text: string, date = '2021-04-15') {
  return extractPlan(text, { date }).targets.map(
    ({ span: _span, text: _text, basis: _basis, perYear: _perYear, perRegion: _perRegion, doubts: _doubts, ...target }) => target,
  );
}

describe('extractPlan: targets', () => {
  it('reads a 发展目标 section governed by "到2025年，"', () => {
    const text =
      '三、发展目标\n\n到2025年，基本形成科技创新平台体系。\n\n——建设国家企业技术中心2家以上、省级工程技术研究中心3家以上；力争实现国家重点实验室（含分支机构）零的突破。';
    expect(targetsOf(text)).toEqual([
      { subject: '国家企业技术中心', level: '国家', comparator: '>=', value: 2, unit: '家', deadline: '2025-12', kind: 'count' },
      { subject: '省级工程技术研究中心', level: '省', comparator: '>=', value: 3, unit: '家', deadline: '2025-12', kind: 'count' },
      {
        subject: '国家重点实验室（含分支机构）',
        level: '国家',
        comparator: '>=',
        value: 1,
        unit: '家',
        deadline: '2025-12',
        kind: 'first',
      },
    ]);
  });

  it('reads coverage, a range and a figure that comes before its subject', () => {
    const text = '2023年底前，四川文理学院建设1—2家省级学科重点实验室；实现各县（市、区）及达州高新区科技创新服务平台全覆盖。';
    expect(targetsOf(text)).toEqual([
      { subject: '省级学科重点实验室', level: '省', comparator: '>=', value: 1, unit: '家', deadline: '2023-12', kind: 'count' },
      { subject: '科技创新服务平台', level: null, comparator: '=', value: 100, unit: '%', deadline: '2023-12', kind: 'coverage' },
    ]);
  });

  it('splits "分别" lists into one target per figure', () => {
    const targets = targetsOf('到2025年，国家级和省级孵化载体分别超过90家和870家。');
    expect(targets.map((target) => [target.subject, target.comparator, target.value])).toEqual([
      ['国家级孵化载体', '>=', 90],
      ['省级孵化载体', '>=', 870],
    ]);
  });

  it('dates an annual plan’s figures at its year-end and reads 今年/全年 as that year', () => {
    const text = '2021年全市科技创新工作要点\n\n二、主要目标\n\n全市技术合同登记额突破1.3亿元，科技创新水平指数达到48。';
    expect(targetsOf(text, '2021-03-01')).toEqual([
      { subject: '技术合同登记额', level: null, comparator: '>=', value: 1.3, unit: '亿元', deadline: '2021-12', kind: 'amount' },
      { subject: '科技创新水平指数', level: null, comparator: '>=', value: 48, unit: '', deadline: '2021-12', kind: 'amount' },
    ]);
  });

  it('does not take achieved, existing, past or subsidy figures for targets', () => {
    const text = [
      '截至2021年底，全市已建成各类市级以上科技创新平台386家。',
      '2020年全市新增高新技术企业56家。',
      '在规范建设现有4家省级联合实验室的基础上，推进共建。',
      '对新认定的省级重点实验室，给予50万元补助。',
    ].join('\n');
    expect(targetsOf(text, '2022-03-01')).toEqual([]);
  });

  it('yields no targets from a report of results', () => {
    const text =
      '某市科技局2023年工作总结\n\n一、主要工作成效\n\n全年新增省级重点实验室2家，实现国家级科技企业孵化器零的突破。\n\n二、2024年工作打算\n\n继续推进平台建设。';
    expect(targetsOf(text, '2024-01-20')).toEqual([]);
  });

  it('keeps the first statement of a target that a later passage repeats', () => {
    const text =
      '二、发展目标\n\n到2025年，市级重点实验室15家以上。\n\n三、重点任务\n\n1．布局建设市级重点实验室。择优组建市级重点实验室15家以上。';
    expect(targetsOf(text)).toHaveLength(1);
  });

  it('gives spans that locate each target’s text in the input', () => {
    const input = '一、目标\r\n到2025年，全市高新技术企业达到 500 家，\r\n科技型中小企业突破１５００家。';
    const { targets } = extractPlan(input, { date: '2021-01-01' });
    expect(targets).toHaveLength(2);
    for (const target of targets) expect(input.slice(...(target.span ?? [0, 0]))).toBe(target.text);
    expect(targets[1]?.value).toBe(1500);
  });
});

describe('extractPlan: tasks', () => {
  it('reads numbered items with 〔责任单位：…〕 and their inline deadlines', () => {
    const text = [
      '四、工作重点',
      '（一）完善实验室体系',
      '1．布局建设市级重点实验室。择优组建一批市级重点实验室。〔责任单位：市科技局，各县（市、区）人民政府、达州高新区管委会。逗号前为牵头单位，下同〕',
      '2．积极培育省级重点实验室。力争2022年底前挂牌运行；2025年底前，建设1—2家省级企业重点实验室。（责任单位：市科技局，达州高新区管委会）',
    ].join('\n');
    expect(extractPlan(text, { date: '2021-04-15' }).tasks.map(({ span: _span, ...task }) => task)).toEqual([
      {
        title: '布局建设市级重点实验室',
        lead: ['市科技局'],
        participants: ['各县（市、区）人民政府', '达州高新区管委会'],
        deadline: null,
        recurring: false,
      },
      { title: '积极培育省级重点实验室', lead: ['市科技局'], participants: ['达州高新区管委会'], deadline: '2025-12', recurring: false },
    ]);
  });

  it('makes every table row a task, continuing an empty task cell and reading recurring deadlines', () => {
    const text = [
      '工作任务\t具体内容\t责任单位\t完成时限',
      '积极培育省级重点实验室\t建立省级重点实验室梯度培育库。\t市科技局，市经信局\t2021年12月前完成，并动态更新',
      '\t指导龙头企业建成1—2家省级企业重点实验室。\t市科技局\t2025年12月前',
    ].join('\n');
    const tasks = extractPlan(text, { date: '2021-04-15' }).tasks.map(({ title, deadline, recurring }) => ({ title, deadline, recurring }));
    expect(tasks).toEqual([
      { title: '建立省级重点实验室梯度培育库。', deadline: '2021-12', recurring: true },
      { title: '指导龙头企业建成1—2家省级企业重点实验室。', deadline: '2025-12', recurring: false },
    ]);
  });

  it('takes leaf items of a 重点工作 section as tasks even without units, but not principles or safeguards', () => {
    const text = [
      '二、基本原则',
      '1.统筹布局。加强协调。',
      '三、重点工作',
      '1. 加强科技战略谋划。谋划规划。',
      '四、保障措施',
      '（一）加强组织领导。',
    ].join('\n');
    expect(extractPlan(text).tasks.map((task) => task.title)).toEqual(['加强科技战略谋划']);
  });
});

describe('extractPlan: robustness', () => {
  it('returns empty results for empty or blank input', () => {
    expect(extractPlan('')).toEqual({ targets: [], tasks: [] });
    expect(extractPlan(' \n\t\n ')).toEqual({ targets: [], tasks: [] });
  });

  it('does not throw on binary garbage or on a non-string', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const garbage = Array.from({ length: 50_000 }, () => String.fromCharCode(Math.floor(random() * 0xffff))).join('');
    expect(() => extractPlan(garbage)).not.toThrow();
    expect(extractPlan(null as unknown as string)).toEqual({ targets: [], tasks: [] });
  });

  // A guard against catastrophic regular-expression backtracking (minutes or hours), not a speed measurement: it
  // takes 2–4 s on a quiet machine and must not fail because CI's two cores are busy.
  it('handles a huge document in bounded time', { timeout: 120_000 }, () => {
    const paragraph = '1．布局建设市级重点实验室。新建市级重点实验室15家以上，培育高新技术企业30家。（责任单位：市科技局）\n';
    const huge = `三、重点任务\n${paragraph.repeat(15_000)}${'无标点的长文本'.repeat(50_000)}`;
    const started = performance.now();
    const result = extractPlan(huge, { date: '2021-01-01' });
    expect(performance.now() - started).toBeLessThan(90_000);
    expect(result.targets).toHaveLength(2);
    expect(result.tasks.length).toBeGreaterThan(1000);
  });
});
