import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { minimalPdf, wrapText, type PdfText } from '../test/support/minimal-pdf.js';
import { htmlToText } from './read-html.js';
import { pdfToText } from './read-pdf.js';
import { xlsxToText } from './read-xlsx.js';

describe('htmlToText', () => {
  it('writes a data table as tab-separated rows, carrying a rowspan down and a spanning heading alone', () => {
    const html = `<html><head><title>标题</title><style>td{}</style><script>var x = '<td>';</script></head><body>
      <div class="nav"><a href="/">首页</a> | <a>通知公告</a></div>
      <p>到2025年，全市高新技术企业达到500家。</p>
      <table><tr><th>序号</th><th>工作任务</th><th>责任单位</th><th>完成时限</th></tr>
      <tr><td colspan="4">一、壮大创新主体</td></tr>
      <tr><td>1</td><td><p>实施企业倍增工程，</p><p>新增高新技术企业50家</p></td><td rowspan="2">市科技局<br>市经信局</td><td>2025年12月</td></tr>
      <tr><td>2</td><td>开展评价入库</td><td>每季度</td></tr>
      <tr><td>3</td><td>建设孵化器</td><td>市科技局</td><td></td></tr></table>
      <p>各单位要认真落实。</p></body></html>`;
    expect(htmlToText(html).split('\n')).toEqual([
      '首页 | 通知公告',
      '到2025年，全市高新技术企业达到500家。',
      '',
      '序号\t工作任务\t责任单位\t完成时限',
      '一、壮大创新主体',
      '1\t实施企业倍增工程，新增高新技术企业50家\t市科技局 市经信局\t2025年12月',
      '2\t开展评价入库\t市科技局 市经信局\t每季度',
      '3\t建设孵化器\t市科技局\t',
      '',
      '各单位要认真落实。',
    ]);
  });

  it('reads a layout table (one holding another) as blocks, and an unclosed cell as a browser would', () => {
    const html = `<table><tr><td><p>通知正文</p><table><tr><td>序号<td>任务<td>牵头单位<tr><td>1<td>新建实验室<td>市科技局</table></td></tr></table>`;
    expect(htmlToText(html).split('\n')).toEqual(['通知正文', '', '序号\t任务\t牵头单位', '1\t新建实验室\t市科技局']);
  });
});

describe('xlsxToText', () => {
  it('finds the header row below title rows on every sheet, carries merged cells down and writes a title once', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('任务');
    sheet.mergeCells('A1:E1');
    sheet.getCell('A1').value = '2024年重点任务分解表';
    sheet.addRow([]);
    sheet.addRow(['序号', '重点工作任务', '牵头单位', '配合单位', '完成时间']);
    sheet.addRow([1, '新建市级重点实验室5家', '市科技局', '市教育局', new Date(Date.UTC(2024, 11, 31))]);
    sheet.addRow([2, null, { richText: [{ text: '市' }, { text: '经信局' }] }, null, '持续推进']);
    sheet.mergeCells('B4:B5');
    const second = workbook.addWorksheet('区县');
    second.addRow(['序号', '任务内容', '责任单位', '完成时限']);
    second.addRow([1, '每个县建成孵化器1家', '各县（市、区）人民政府', '2025年6月']);
    const text = await xlsxToText(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(text.split('\n')).toEqual([
      '2024年重点任务分解表',
      '序号\t重点工作任务\t牵头单位\t配合单位\t完成时间',
      '1\t新建市级重点实验室5家\t市科技局\t市教育局\t2024年12月31日',
      '2\t新建市级重点实验室5家\t市经信局\t\t持续推进',
      '',
      '序号\t任务内容\t责任单位\t完成时限',
      '1\t每个县建成孵化器1家\t各县（市、区）人民政府\t2025年6月',
    ]);
  });
});

describe('pdfToText', () => {
  it('rebuilds a table by coordinates: cells by x, rows by the wider gap, wrapped cell lines joined', async () => {
    const texts: PdfText[] = [{ x: 72, top: 80, text: '一、重点任务' }];
    const columns = [60, 100, 260, 380];
    const rows = [
      ['序号', '工作任务', '牵头单位', '完成时限'],
      ['1', '新建省级重点实验室3家以上，推动现有实验室提档升级', '市科技局', '2025年12月'],
      ['2', '设立科技成果转化基金', '市财政局', '每年'],
    ];
    let top = 110;
    for (const row of rows) {
      const wrapped = row.map((cell, index) => wrapText(cell, index === 1 ? 12 : 7));
      wrapped.forEach((lines, index) =>
        lines.forEach((line, number) => texts.push({ x: columns[index]!, top: top + number * 13, text: line, size: 9 })),
      );
      top += Math.max(...wrapped.map((lines) => lines.length)) * 13 + 8;
    }
    texts.push({ x: 72, top: top + 20, text: '各单位要按季度报送进展。' }, { x: 280, top: 800, text: '— 3 —' });
    const text = await pdfToText(minimalPdf([{ texts }]));
    expect(text.split('\n')).toEqual([
      '一、重点任务',
      '',
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t新建省级重点实验室3家以上，推动现有实验室提档升级\t市科技局\t2025年12月',
      '2\t设立科技成果转化基金\t市财政局\t每年',
      '',
      '各单位要按季度报送进展。',
    ]);
  });
});

describe('pdfToText on what is not a readable PDF', () => {
  it('throws for damaged bytes, so the caller can say the file is unreadable', async () => {
    await expect(pdfToText(Buffer.from('%PDF-1.7\nnot really a pdf'))).rejects.toThrow();
  });
});
