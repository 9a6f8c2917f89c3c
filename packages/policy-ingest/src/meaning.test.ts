import { describe, expect, it } from 'vitest';
import { DOUBTS } from './catalogue.js';
import { extractPlan } from './extract.js';
import { basisOf, doubtsOf, isPerYear, perRegionOf, type MeaningEvidence } from './meaning.js';

/** The single target read from a sentence of a 2026–2028 plan. */
function targetOf(sentence: string, date = '2026-03-10') {
  const { targets } = extractPlan(`一、总体目标\n\n到2028年，${sentence}`, { date });
  expect(targets).toHaveLength(1);
  const [target] = targets;
  if (!target) throw new Error('no target');
  return target;
}

describe('comparators: reaching a figure is a floor', () => {
  it.each([
    ['全市科技企业孵化器总数达到30家', '>=', 30],
    ['高新技术企业达到120家', '>=', 120],
    ['在孵企业突破3000家', '>=', 3000],
    ['省级重点实验室不少于20家', '>=', 20],
    ['市级重点实验室15家以上', '>=', 15],
    ['力争国家级孵化器达到5家', '>=', 5],
    ['技术合同成交额超过80亿元', '>=', 80],
    ['国家级科技企业孵化器累计达到25家', '>=', 25],
    ['孵化器平均空置率控制在15%以下', '<=', 15],
    ['考核不合格率不超过10%', '<=', 10],
    ['培育库企业总数保持在100家', '=', 100],
  ])('%s → %s %d', (sentence, comparator, value) => {
    expect(targetOf(sentence)).toMatchObject({ comparator, value });
  });
});

describe('basis: additions are counted from the plan’s start', () => {
  it.each([
    ['新建市级重点实验室5家以上', 'added'],
    ['新增国家高新技术企业8家', 'added'],
    ['新培育省级重点实验室6家', 'added'],
    ['新认定市级工程技术研究中心3家', 'added'],
    ['新布局市级重点实验室8家', 'added'],
    ['新组建省级技术创新中心4家', 'added'],
    ['新引进海内外高层次创业团队100个', 'added'],
    ['再建设校企联合实验室2家', 'added'],
    ['高新技术企业净增60家以上', 'added'],
    ['市级重点实验室总数达到85家', 'stock'],
    ['国家级科技企业孵化器累计达到25家', 'stock'],
    ['新型研发机构总数达到18家', 'stock'],
    ['新型研发机构发展到25家', 'stock'],
    ['新一代信息技术领域省级研发平台达到30家', 'stock'],
    ['新材料产业创新中心达到5家', 'stock'],
    ['高新技术产业增加值占规上工业增加值比重达到50%', 'stock'],
  ])('%s → %s', (sentence, basis) => {
    expect(targetOf(sentence).basis).toBe(basis);
  });

  it('carries an addition verb across a list, but not onto a figure with a verb of its own', () => {
    const { targets } = extractPlan('到2028年，新建市级重点实验室10家、市级工程技术研究中心15家、省级企业技术中心力争达到40家。', {
      date: '2026-01-01',
    });
    expect(targets.map((target) => [target.subject, target.basis])).toEqual([
      ['市级重点实验室', 'added'],
      ['市级工程技术研究中心', 'added'],
      ['省级企业技术中心', 'stock'],
    ]);
  });
});

describe('perYear: a yearly rate is a series, its figure the yearly one', () => {
  it.each([
    ['每年认定市级企业技术中心15家以上', 15],
    ['年均新增科技型中小企业1000家以上', 1000],
    ['新认定市级工程技术研究中心每年度不少于10家', 10],
    ['年度新增市级企业技术中心12家', 12],
  ])('%s → yearly %d, no single deadline, counted as additions', (sentence, value) => {
    expect(targetOf(sentence)).toMatchObject({ perYear: true, value, deadline: null, basis: 'added' });
  });

  it('is not a yearly series for an average growth rate or an annual amount', () => {
    expect(targetOf('研发经费年均增长10%以上').perYear).toBe(false);
    expect(targetOf('重点实验室年度研发投入突破12亿元').perYear).toBe(false);
  });
});

describe('perRegion: each county must meet the figure', () => {
  it('reads 推动每个县（市、区）至少建成1家孵化器 as per county, ≥ 1, a count', () => {
    expect(targetOf('推动每个县（市、区）至少建成1家孵化器')).toMatchObject({
      subject: '孵化器',
      perRegion: '县',
      value: 1,
      comparator: '>=',
      kind: 'count',
      basis: 'stock',
    });
  });

  it.each([
    ['各县（市、区）均建成1家以上农业科技园区', '县'],
    ['每个区县至少布局建设1家市级以上新型研发机构', '县'],
    ['每个市（州）至少建成1个省级以上新型研发机构', '市'],
    ['全县县级以上科技创新平台达到50家以上', null],
    ['全市市级重点实验室达到50家', null],
  ])('%s → %s', (sentence, level) => {
    expect(targetOf(sentence).perRegion).toBe(level);
  });

  it('keeps 全覆盖 a coverage target of the whole region', () => {
    expect(targetOf('实现县域科技特派员服务全覆盖')).toMatchObject({ kind: 'coverage', perRegion: null, value: 100 });
  });

  it('reads "每个县区都有…" without a figure as one per county', () => {
    expect(targetOf('确保每个县区都有省级以上孵化器')).toMatchObject({
      subject: '省级以上孵化器',
      perRegion: '县',
      value: 1,
      unit: '家',
      comparator: '>=',
    });
  });
});

describe('doubts: empty only when all five parts were read plainly', () => {
  it('has none for a sentence that states comparator, value, unit, deadline and subject', () => {
    expect(targetOf('新建市级重点实验室20家以上').doubts).toEqual([]);
  });

  it('names each part that was guessed or inherited', () => {
    expect(targetOf('新培育省级重点实验室6家').doubts).toEqual([DOUBTS.comparatorGuessed]);
    expect(targetOf('每年引进高层次科研人才50名左右').doubts).toEqual([DOUBTS.comparatorGuessed, DOUBTS.valueApproximate]);
    expect(targetOf('新建省级重点实验室2—3家').doubts).toEqual([DOUBTS.valueRange]);
    const inherited = extractPlan('2026年科技工作要点\n\n一、主要目标\n\n新建市级重点实验室10家以上。', { date: '2026-02-01' });
    expect(inherited.targets[0]?.doubts).toEqual([DOUBTS.deadlineInherited]);
    const borrowed = extractPlan('到2028年，新建市级重点实验室20家以上，总数达到85家。', { date: '2026-02-01' });
    expect(borrowed.targets[1]).toMatchObject({ subject: '市级重点实验室', value: 85, basis: 'stock' });
    expect(borrowed.targets[1]?.doubts).toEqual([DOUBTS.subjectBorrowed]);
  });

  it('reports a missing deadline and a missing unit', () => {
    const evidence: MeaningEvidence = {
      own: '科技创新水平指数达到48',
      clauseBefore: '',
      kind: 'amount',
      subject: '科技创新水平指数',
      unit: '',
      comparatorRead: true,
      approximate: false,
      isRange: false,
      deadlineSource: 'none',
      subjectBorrowed: false,
    };
    expect(doubtsOf(evidence)).toEqual([DOUBTS.unitMissing, DOUBTS.deadlineMissing]);
    expect(doubtsOf({ ...evidence, kind: 'count', subject: '每万人口发明专利拥有量', unit: '件/万人', deadlineSource: 'stated' })).toEqual([
      DOUBTS.unitOdd,
    ]);
    expect(doubtsOf({ ...evidence, kind: 'count', subject: '科技特派员', unit: '万人次', deadlineSource: 'stated' })).toEqual([]);
  });
});

describe('meaning rules on their own', () => {
  it('reads the clause before a figure as governing it', () => {
    expect(isPerYear({ own: '市级工程技术研究中心15家', clauseBefore: '每年新建市级重点实验室10家、' })).toBe(true);
    expect(basisOf({ own: '、市级工程技术研究中心15家', clauseBefore: '新建市级重点实验室10家', kind: 'count' }, false)).toBe('added');
    expect(perRegionOf({ own: '1家孵化器', clauseBefore: '推动每个县（市、区）至少建成', kind: 'count' })).toBe('县');
  });
});

describe('wording met in held-out set 6', () => {
  it('keeps a running total of additions ahead as an added target', () => {
    const { targets } = extractPlan('某市科技型企业培育三年行动方案（2026—2028年）\n\n一、目标\n\n三年累计新增国家高新技术企业300家。', {
      date: '2026-04-01',
    });
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ value: 300, basis: 'added', deadline: '2028-12' });
  });

  it('reads 年新增 as a yearly rate, but not 全年新增', () => {
    expect(targetOf('科技型中小企业年新增不少于500家')).toMatchObject({ perYear: true, deadline: null });
    expect(targetOf('全年新增科技型中小企业500家').perYear).toBe(false);
  });

  it('lets a 其中 clause share the basis of the clause it details', () => {
    const { targets } = extractPlan('到2028年，新建县级以上研发平台10个，其中市级以上5个。', { date: '2026-03-01' });
    expect(targets.map((target) => target.basis)).toEqual(['added', 'added']);
  });

  it('reads 各县（市、区）至少… and a sentence whose actors are 各设区市 as per region', () => {
    expect(targetOf('各县（市、区）至少培育高新技术企业20家').perRegion).toBe('县');
    const { targets } = extractPlan('答：各设区市要制定本地实施方案，确保新增省级新型研发机构每年不少于5家。', { date: '2026-03-15' });
    expect(targets[0]).toMatchObject({ perRegion: '市', perYear: true, basis: 'added' });
  });

  it('dates the figures of a dated 政府工作报告, 考核指标 list or 责任分解表 at its year-end', () => {
    for (const title of [
      '2026年天河区政府工作报告（摘要）',
      '信阳市2026年度县区科技创新工作考核指标',
      '岳阳市2026年度科技创新重点任务责任分解表',
    ]) {
      const { targets } = extractPlan(`${title}\n\n主要目标：技术合同成交额达5亿元以上。`, { date: '2026-01-20' });
      expect(targets[0]).toMatchObject({ deadline: '2026-12' });
    }
  });
});

describe('indicator tables', () => {
  const table = [
    '某市“十五五”科技创新规划（节选）',
    '',
    '| 序号 | 指标名称 | 2025年基数 | 2030年目标 | 属性 |',
    '| --- | --- | --- | --- | --- |',
    '| 1 | 国家高新技术企业数（家） | 820 | 1500 | 预期性 |',
    '| 2 | 年均新增科技型中小企业（家） | — | 400 | 预期性 |',
    '| 3 | 技术合同成交额（亿元） | 45 | ≥100 | 预期性 |',
  ].join('\n');

  it('reads a yearly indicator as a series, a plain goal as at least with a doubt, and ≥ as read', () => {
    const { targets } = extractPlan(table, { date: '2026-01-20' });
    expect(
      targets.map(({ subject, comparator, value, deadline, basis, perYear, doubts }) => [
        subject,
        comparator,
        value,
        deadline,
        basis,
        perYear,
        doubts,
      ]),
    ).toEqual([
      ['国家高新技术企业数', '>=', 1500, '2030-12', 'stock', false, [DOUBTS.comparatorGuessed]],
      ['科技型中小企业', '>=', 400, null, 'added', true, [DOUBTS.comparatorGuessed]],
      ['技术合同成交额', '>=', 100, '2030-12', 'stock', false, []],
    ]);
  });
});
