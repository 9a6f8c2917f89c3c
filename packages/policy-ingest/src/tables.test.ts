import { describe, expect, it } from 'vitest';
import { splitLines } from './structure.js';
import { findTables, type Table } from './tables.js';

function rowsOf(text: string): Array<Record<string, string>> {
  const [table, ...others] = findTables(splitLines(text));
  expect(others).toEqual([]);
  return (table as Table).rows.map((row) => Object.fromEntries(Object.entries(row.cells).map(([role, cell]) => [role, cell.text])));
}

const EXPECTED = [
  { task: '建设重点实验室', content: '新建市级重点实验室5家。', responsible: '市科技局，市财政局', deadline: '2022年12月前' },
  { task: '', content: '建立省级重点实验室培育库。', responsible: '市科技局', deadline: '长期' },
];

describe('findTables', () => {
  it('reads a | markdown table, skipping the separator row', () => {
    const text = [
      '| 工作任务 | 具体内容 | 责任单位 | 完成时限 |',
      '|---|---|---|---|',
      '| 建设重点实验室 | 新建市级重点实验室5家。 | 市科技局，市财政局 | 2022年12月前 |',
      '|  | 建立省级重点实验室培育库。 | 市科技局 | 长期 |',
      '',
      '三、保障措施',
    ].join('\n');
    expect(rowsOf(text)).toEqual(EXPECTED);
  });

  it('reads tab-separated rows', () => {
    const text = [
      '工作任务\t具体内容\t责任单位\t完成时限',
      '建设重点实验室\t新建市级重点实验室5家。\t市科技局，市财政局\t2022年12月前',
      '\t建立省级重点实验室培育库。\t市科技局\t长期',
      '抄送：市委办公室。',
    ].join('\n');
    expect(rowsOf(text)).toEqual(EXPECTED);
  });

  it('reads one cell per line with blank lines between rows and a tab for an empty cell', () => {
    const text = [
      '\t工作任务',
      '\t具体内容',
      '\t责任单位',
      '\t完成时限',
      '',
      '\t建设重点实验室',
      '\t新建市级重点实验室5家。',
      '\t市科技局，市财政局',
      '\t2022年12月前',
      '',
      '\t',
      '\t建立省级重点实验室培育库。',
      '\t市科技局',
      '\t长期',
      '',
      '信息公开选项：主动公开',
    ].join('\n');
    expect(rowsOf(text)).toEqual(EXPECTED);
  });

  it('reads one cell per line opened by 序号, aligning a row whose task cell was merged away', () => {
    const text = [
      '序号',
      '工作任务',
      '具体内容',
      '责任单位',
      '完成时限',
      '1',
      '建设重点实验室',
      '新建市级重点实验室5家。',
      '市科技局，市财政局',
      '2022年12月前',
      '2',
      '建立省级重点实验室培育库。',
      '市科技局',
      '长期',
      '',
      '备注：每月报送进展。',
    ].join('\n');
    expect(rowsOf(text).map(({ index: _index, ...row }) => row)).toEqual(EXPECTED);
  });

  it('reads text extracted from .docx, where every cell is a paragraph and an empty cell adds two blank lines', () => {
    const text =
      '工作任务\n\n具体内容\n\n责任单位\n\n完成时限\n\n建设重点实验室\n\n新建市级重点实验室5家。\n\n市科技局，市财政局\n\n2022年12月前\n\n\n\n建立省级重点实验室培育库。\n\n市科技局\n\n长期\n\n附件';
    expect(rowsOf(text)).toEqual(EXPECTED);
  });

  it('ignores tables that say neither who nor when, nor what figure to reach', () => {
    expect(findTables(splitLines('平台名称\t依托单位\t所在地\n微玻纤工程技术研究中心\t某公司\t达川区'))).toEqual([]);
  });

  it('reads a table of indicators with a goal column as an indicator table, its 完成情况 column as history', () => {
    const [table] = findTables(splitLines('指标\t年度目标\t完成情况\n高新技术企业（家）\t480\t512'));
    expect(table?.kind).toBe('indicator');
    expect(table?.roles).toEqual(['indicator', 'goal', 'baseline']);
    expect(table?.rows.map((row) => row.cells.goal?.text)).toEqual(['480']);
  });
});
