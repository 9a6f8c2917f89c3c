import { describe, expect, it } from 'vitest';
import { extractPlan } from '@stip/policy-ingest';
import { buildProposal, deadlineWording, recurrenceWording, shortTitle } from './policy-ingest.proposal';

const context = { types: [], systems: [], coverageRegion: null, documentDate: '2021-04-15' };

const annex = [
  '附件',
  '重点任务分解表',
  '任务\t具体内容\t责任单位\t完成时限',
  '布局建设市级重点实验室\t围绕全市重点产业发展科技需求，择优组建市级重点实验室15家以上。\t市科技局，各县（市、区）人民政府\t2025年12月前',
  '积极培育省级重点实验室\t结合各行业领域基础研究现状，建立省级重点实验室梯度培育库。\t市科技局，市经信局\t2021年12月前完成，并动态更新',
  '\t四川文理学院结合自身学科优势，建设1—2家省级学科重点实验室。\t四川文理学院，市教育局\t2023年12月前',
].join('\n');

describe('the proposal', () => {
  it('titles table rows by their 任务 cell, carried down to the rows of a merged cell', () => {
    const proposal = buildProposal(annex, extractPlan(annex, { date: '2021-04-15' }), context);
    expect(proposal.tasks.map((task) => [task.title, task.lead])).toEqual([
      ['布局建设市级重点实验室', ['市科技局']],
      ['积极培育省级重点实验室', ['市科技局']],
      ['积极培育省级重点实验室', ['四川文理学院']],
    ]);
    expect(proposal.tasks[0]!.content).toBe('围绕全市重点产业发展科技需求，择优组建市级重点实验室15家以上。');
    expect(proposal.tasks[1]).toMatchObject({ recurring: true, recurrenceText: '并动态更新', deadlineText: '2021年12月前完成' });
  });

  it('links a task to the targets whose phrase it carries', () => {
    const proposal = buildProposal(annex, extractPlan(annex, { date: '2021-04-15' }), context);
    const cityLab = proposal.targets.findIndex((target) => target.text.includes('市级重点实验室15家以上'));
    expect(cityLab).toBeGreaterThanOrEqual(0);
    expect(proposal.tasks[0]!.targetIndexes).toEqual([cityLab]);
  });

  it('titles a numbered item by its heading and keeps the rest as content', () => {
    const text =
      '二、重点任务\n1．布局建设市级重点实验室。围绕全市重点产业，择优组建一批市级重点实验室。〔责任单位：市科技局，各县（市、区）人民政府〕\n';
    const proposal = buildProposal(text, extractPlan(text, { date: '2021-04-15' }), context);
    expect(proposal.tasks[0]).toMatchObject({
      title: '布局建设市级重点实验室',
      content: '围绕全市重点产业，择优组建一批市级重点实验室。',
      lead: ['市科技局'],
    });
  });

  it('cuts a long text to a short title at a clause', () => {
    expect(
      shortTitle(
        '围绕天然气、锂钾等特色资源开发与利用等领域，加快建成集资源综合开发、检测检验于一体的省级工程技术研究中心、省级企业技术中心等平台。',
      ),
    ).toBe('围绕天然气、锂钾等特色资源开发与利用等领域');
    expect(shortTitle('2．推动院士（专家）工作站建设。')).toBe('推动院士（专家）工作站建设');
  });

  it('keeps the wording of deadlines and recurrences', () => {
    expect(deadlineWording('力争2022年底前，挂牌运行')).toBe('力争2022年底前');
    expect(deadlineWording('\t2025年12月前')).toBe('2025年12月前');
    expect(deadlineWording('年内完成')).toBe('年内');
    expect(deadlineWording('加快建设')).toBeNull();
    expect(recurrenceWording('每季度开展一次入企辅导')).toBe('每季度开展一次入企辅导');
    expect(recurrenceWording('持续推进')).toBe('持续推进');
  });
});
