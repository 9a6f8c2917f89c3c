import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract.js';
import { rebuildSpaceTables } from './space-tables.js';

const rowsOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => line.split('\t'));

describe('rebuildSpaceTables', () => {
  it('rebuilds a table whose cells one space separates and whose rows wrap mid-cell onto the next line', () => {
    const text = [
      '序号 重点工作任务 主要责任单位 协同配合单位 完成期限',
      '1 新认定国家高新技术企业100家以上，科技型中小企业入库评',
      '价600家以上 市科技局 市财政局、国家税务总局南充市',
      '税务局 2024年12月底',
      '2 推动规上工业企业建设研发机构 市经济和信息化局 市科技局、',
      '市发展改革委 2024年12月底',
      '3 支持高校建设省级重点实验室 市科',
      '技局 市教育局 持续推进',
    ].join('\n');
    expect(rowsOf(rebuildSpaceTables(text))).toEqual([
      ['序号', '重点工作任务', '主要责任单位', '协同配合单位', '完成期限'],
      [
        '1',
        '新认定国家高新技术企业100家以上，科技型中小企业入库评价600家以上',
        '市科技局',
        '市财政局、国家税务总局南充市税务局',
        '2024年12月底',
      ],
      ['2', '推动规上工业企业建设研发机构', '市经济和信息化局', '市科技局、市发展改革委', '2024年12月底'],
      ['3', '支持高校建设省级重点实验室', '市科技局', '市教育局', '持续推进'],
    ]);
  });

  it('rebuilds a table wrapped column by column, with the deadline before the units, and keeps group headings', () => {
    const text = [
      '序号 工作任务 具体措施 完成时限 责任单位',
      '一、建设创新平台',
      '1 建设新型研发机构 围绕主导产业引进共建新型研发机构，建成 2025年 市科技局，市财政局',
      '  省级新型研发机构5家以上 6月',
      '2 强化平台绩效评价 对市级以上平台开展年度绩效评 每年 市科技局',
      '  价，实行动态调整',
    ].join('\n');
    expect(rowsOf(rebuildSpaceTables(text))).toEqual([
      ['序号', '工作任务', '具体措施', '完成时限', '责任单位'],
      ['1', '建设新型研发机构', '围绕主导产业引进共建新型研发机构，建成省级新型研发机构5家以上', '2025年6月', '市科技局，市财政局'],
      ['2', '强化平台绩效评价', '对市级以上平台开展年度绩效评价，实行动态调整', '每年', '市科技局'],
    ]);
    expect(rebuildSpaceTables(text).split('\n')[1]).toBe('一、建设创新平台');
  });

  it('rebuilds a table without a 序号 column, a new row at each line of several pieces', () => {
    const text = [
      '重点任务 牵头科室 配合科室 时间节点',
      '培育科技型中小企业1500家以上 高新技术科 各县市区科技局 2025年9月',
      '推进科技园建设，引进科技型企业 产学研合作科 高新技术科 全年',
      '20家以上',
    ].join('\n');
    expect(rowsOf(rebuildSpaceTables(text)).slice(1)).toEqual([
      ['培育科技型中小企业1500家以上', '高新技术科', '各县市区科技局', '2025年9月'],
      ['推进科技园建设，引进科技型企业20家以上', '产学研合作科', '高新技术科', '全年'],
    ]);
  });

  it('ends the table at a blank line followed by prose, and leaves other text as it was', () => {
    const text = ['序号 任务 责任单位 完成时限', '1 新建市级重点实验室5家 市科技局 2024年12月', '', '各单位要按时报送进展情况。'].join(
      '\n',
    );
    const rebuilt = rebuildSpaceTables(text);
    expect(rebuilt.split('\n').slice(-2)).toEqual(['', '各单位要按时报送进展情况。']);
    expect(rebuildSpaceTables(rebuilt)).toBe(rebuilt);
    const prose = '到2025年，全市高新技术企业达到500家 以上，新建市级重点实验室 10家。';
    expect(rebuildSpaceTables(prose)).toBe(prose);
  });

  it('lets the extractor find the tasks of a table copied from a web page', () => {
    const text = [
      '序号 重点工作任务 主要责任单位 协同配合单位 完成期限',
      '1 新建市级重点实验室5家以上 市科技局 市教育局 2024年12月底',
      '2 技术合同登记成交额突破30',
      '亿元 市科技局 市财政局 2024年12月底',
    ].join('\n');
    expect(extractPlan(text, { date: '2024-03-01' }).tasks).toEqual([]);
    const { tasks } = extractPlan(rebuildSpaceTables(text), { date: '2024-03-01' });
    expect(tasks.map((task) => [task.title, task.lead, task.deadline])).toEqual([
      ['新建市级重点实验室5家以上', ['市科技局'], '2024-12'],
      ['技术合同登记成交额突破30亿元', ['市科技局'], '2024-12'],
    ]);
  });
});

describe('rebuildSpaceTables on tab tables and spaced labels', () => {
  it('joins a tab row whose cell held a line break, as a browser copies a web table', () => {
    const text = [
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t新建省级重点实验室2家，',
      '推动实验室提档升级\t市科技局\t2024年12月',
      '2\t设立转化基金\t市财政局\t2024年6月',
    ].join('\n');
    expect(rebuildSpaceTables(text).split('\n')).toEqual([
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t新建省级重点实验室2家，推动实验室提档升级\t市科技局\t2024年12月',
      '2\t设立转化基金\t市财政局\t2024年6月',
    ]);
    const whole = ['序号\t工作任务\t牵头单位\t完成时限', '1\t设立转化基金\t市财政局\t2024年6月'].join('\n');
    expect(rebuildSpaceTables(whole)).toBe(whole);
  });

  it('reads a header whose labels were spaced out character by character', () => {
    const text = ['序 号 重点任务 牵头单位 完 成 时 限', '1 新建市级重点实验室5家 市科技局 2024年12月'].join('\n');
    expect(rowsOf(rebuildSpaceTables(text))).toEqual([
      ['序号', '重点任务', '牵头单位', '完成时限'],
      ['1', '新建市级重点实验室5家', '市科技局', '2024年12月'],
    ]);
  });
});

describe('rebuildSpaceTables on text built to be slow', () => {
  it('leaves a table whose alignment would cost more than its budget as it stands', () => {
    const row = (index: number) => `${index} ${'推动 企业 建设 研发 机构 '.repeat(8)}市科技局 2024年12月`;
    const text = ['序号 重点工作任务 牵头单位 完成时限', ...Array.from({ length: 200 }, (_, index) => row(index + 1))].join('\n');
    expect(rebuildSpaceTables(text)).toBe(text);
    const small = ['序号 重点工作任务 牵头单位 完成时限', row(1)].join('\n');
    expect(rebuildSpaceTables(small)).not.toBe(small);
  });
});
