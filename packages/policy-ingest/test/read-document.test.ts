import { describe, expect, it } from 'vitest';
import { extractPlan, readDocumentText } from '../src/index.js';
import { UnsupportedDocumentError } from '../src/read-document.js';
import { minimalDocx } from './support/minimal-docx.js';

const GB18030_NI_HAO = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]);

describe('readDocumentText', () => {
  it('reads UTF-8 text and strips the byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('新建市级重点实验室5家', 'utf8')]);
    expect(await readDocumentText(bytes, 'plan.txt')).toBe('新建市级重点实验室5家');
  });

  it('falls back to GB18030 when the bytes are not valid UTF-8', async () => {
    expect(await readDocumentText(GB18030_NI_HAO, 'plan.TXT')).toBe('你好');
  });

  it('turns HTML into text, keeping table rows as tab-separated lines', async () => {
    const html = `<html><head><meta charset="utf-8"><style>p{}</style></head><body>
      <p>到2025年，全市高新技术企业达到500家&nbsp;。</p>
      <table><tr><td>序号</td><td>工作任务</td><td>责任单位</td><td>完成时限</td></tr>
      <tr><td>1</td><td>新建市级重点实验室5家</td><td>市科技局</td><td>2022年12月</td></tr></table>
      <script>alert(1)</script></body></html>`;
    const text = await readDocumentText(Buffer.from(html, 'utf8'), 'page.html');
    expect(text).toContain('到2025年，全市高新技术企业达到500家');
    expect(text).toContain('序号\t工作任务\t责任单位\t完成时限');
    expect(text).not.toContain('alert');
    expect(extractPlan(text, { date: '2022-01-01' }).tasks).toHaveLength(1);
  });

  it('decodes an HTML page that declares a GBK charset', async () => {
    const html = Buffer.concat([Buffer.from('<meta charset="gbk"><p>'), GB18030_NI_HAO, Buffer.from('</p>')]);
    expect(await readDocumentText(html, 'page.htm')).toBe('你好');
  });

  it('reads .docx, whose tables come out one cell per paragraph', async () => {
    const docx = minimalDocx(
      ['三、重点任务', '1.布局建设市级重点实验室。新建市级重点实验室5家。（责任单位：市科技局）'],
      [
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['1', '新建省级重点实验室2家', '市科技局，市经信局', '2022年12月'],
        ['2', '', '市经信局', '每季度'],
      ],
    );
    const text = await readDocumentText(docx, 'plan.docx');
    expect(text).toContain('新建市级重点实验室5家');
    const { tasks } = extractPlan(text, { date: '2022-01-01' });
    expect(tasks.map((task) => [task.title, task.lead])).toEqual([
      ['布局建设市级重点实验室', ['市科技局']],
      ['新建省级重点实验室2家', ['市科技局']],
      ['新建省级重点实验室2家', ['市经信局']],
    ]);
  });

  it('reads a .docx table as a table: one row per line, cells separated by tabs, paragraphs as lines', async () => {
    const docx = minimalDocx(
      ['三、重点任务'],
      [
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['1', '新建省级重点实验室2家', '市科技局，市经信局', '2022年12月'],
        ['2', '设立成果转化基金', '市财政局', ''],
      ],
    );
    expect((await readDocumentText(docx, 'plan.docx')).split('\n')).toEqual([
      '三、重点任务',
      '',
      '序号\t工作任务\t责任单位\t完成时限',
      '1\t新建省级重点实验室2家\t市科技局，市经信局\t2022年12月',
      '2\t设立成果转化基金\t市财政局\t',
    ]);
  });

  it('refuses old binary Word and WPS files by their content, asking for .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await expect(readDocumentText(ole, 'plan.doc')).rejects.toThrow('另存为 .docx');
    await expect(readDocumentText(ole, 'plan.wps')).rejects.toThrow('WPS');
    // A .doc renamed to .docx is still refused for what it is.
    await expect(readDocumentText(ole, 'plan.docx')).rejects.toThrow(UnsupportedDocumentError);
    await expect(readDocumentText(Buffer.from('plain'), 'plan.doc')).rejects.toThrow('不支持的文件类型');
  });

  it('refuses a file whose content is not the format its name says', async () => {
    await expect(readDocumentText(Buffer.from('just text'), 'plan.pdf')).rejects.toThrow(UnsupportedDocumentError);
  });
});
