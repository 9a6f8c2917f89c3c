/**
 * Writes the binary documents of the formats set (test/formats/docs): a .docx with a real table (merged cells, heading
 * rows spanning the table, a cell of two paragraphs), an .xlsx task workbook of two sheets (title rows, merged task
 * cells), a .pdf whose table cells wrap over several lines, and a GBK-encoded web page. They are committed, so the
 * extractor is always scored on the same bytes; run this only to change them:
 *   npx tsx packages/policy-ingest/test/formats/build-documents.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { minimalPdf, wrapText, type PdfLine, type PdfText } from '../support/minimal-pdf.js';

const DOCS = fileURLToPath(new URL('./docs/', import.meta.url));

// ---------------------------------------------------------------------------------------------------------------- docx

type DocxCell = string | string[] | { merge: 'restart' | 'continue'; text?: string } | { span: number; text: string };

function docxCell(cell: DocxCell): TableCell {
  if (typeof cell === 'string' || Array.isArray(cell)) {
    const paragraphs = (Array.isArray(cell) ? cell : [cell]).map((text) => new Paragraph({ children: [new TextRun(text)] }));
    return new TableCell({ children: paragraphs });
  }
  if ('span' in cell)
    return new TableCell({
      columnSpan: cell.span,
      children: [new Paragraph({ children: [new TextRun({ text: cell.text, bold: true })] })],
    });
  return new TableCell({
    verticalMerge: cell.merge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
    children: [new Paragraph({ children: cell.text ? [new TextRun(cell.text)] : [] })],
  });
}

async function buildZigongDocx(): Promise<Buffer> {
  const para = (text: string, options: { center?: boolean; bold?: boolean } = {}) =>
    new Paragraph({ alignment: options.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold: options.bold })] });
  const rows: DocxCell[][] = [
    ['序号', '重点任务', '具体措施', '牵头单位', '配合单位', '完成时限'],
    [{ span: 6, text: '一、建设重点实验室体系' }],
    [
      '1',
      { merge: 'restart', text: '布局建设重点实验室' },
      '围绕新材料、装备制造产业，新建市级重点实验室15家以上',
      '市科技局',
      '市经济和信息化局',
      '2027年12月',
    ],
    [
      '2',
      { merge: 'continue' },
      '支持四川轻化工大学争创省级重点实验室，力争新增省级重点实验室2家',
      '市科技局',
      '四川轻化工大学',
      '2026年12月',
    ],
    [{ span: 6, text: '二、壮大企业研发平台' }],
    [
      '3',
      '建设工程技术研究中心',
      ['推动龙头企业建设省级工程技术研究中心。', '新增省级工程技术研究中心6家。'],
      '市科技局',
      '自贡高新区管委会、各区县人民政府',
      '2027年12月',
    ],
    ['4', { merge: 'restart', text: '培育企业技术中心' }, '新认定市级企业技术中心20家', '市经济和信息化局', '市科技局', '2027年12月'],
    ['5', { merge: 'continue' }, '建立企业技术中心动态评价机制，实行优胜劣汰', '市经济和信息化局', '', '持续推进'],
    [{ span: 6, text: '三、发展新型研发机构' }],
    [
      '6',
      '引进共建新型研发机构',
      '与中国科学院、四川大学等合作共建新型研发机构，建成省级新型研发机构3家以上',
      '市科技局',
      '市财政局、市人力资源社会保障局',
      '2026年6月',
    ],
  ];
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((cells) => new TableRow({ children: cells.map(docxCell) })),
  });
  const document = new Document({
    sections: [
      {
        children: [
          para('自贡市人民政府办公室关于印发《自贡市加快推进科技创新平台建设实施方案》的通知', { center: true, bold: true }),
          para('自府办发〔2024〕15号', { center: true }),
          para('各区县人民政府，市政府各部门：'),
          para('《自贡市加快推进科技创新平台建设实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。'),
          para('自贡市人民政府办公室'),
          para('2024年5月20日'),
          para('自贡市加快推进科技创新平台建设实施方案', { center: true, bold: true }),
          para('一、主要目标', { bold: true }),
          para(
            '到2027年，全市市级以上科技创新平台达到260家，其中省级以上平台突破80家；新建市级重点实验室15家以上，省级工程技术研究中心新增6家。',
          ),
          para('二、重点任务', { bold: true }),
          para('重点任务分工见附表。'),
          para('三、保障措施', { bold: true }),
          para('（一）强化资金支持。对新认定的省级重点实验室，给予一次性奖励50万元。'),
          para('（二）强化考核督导。将平台建设纳入各区县年度目标考核。'),
          para('附表'),
          para('自贡市加快推进科技创新平台建设重点任务分工表', { center: true, bold: true }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

// ---------------------------------------------------------------------------------------------------------------- xlsx

async function buildYueyangXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const tasks = workbook.addWorksheet('重点任务');
  tasks.mergeCells('A1:G1');
  tasks.getCell('A1').value = '岳阳市2024年度科技创新重点任务责任分解表';
  tasks.mergeCells('A2:E2');
  tasks.getCell('A2').value = '填报单位：岳阳市科学技术局';
  tasks.getCell('F2').value = '2024年2月';
  tasks.addRow(['序号', '重点工作', '工作目标', '责任单位', '配合单位', '完成时限', '备注']);
  tasks.addRow([1, '企业创新主体培育', '全年新增高新技术企业150家以上', '市科技局', '市财政局、市税务局', '2024年12月', null]);
  tasks.addRow([2, null, '科技型中小企业评价入库1200家', '市科技局', '各县市区人民政府', '2024年10月', null]);
  tasks.addRow([
    3,
    '创新平台建设',
    '新增省级以上创新平台20个',
    '市科技局',
    '市发展改革委、市工业和信息化局',
    '2024年12月',
    '含重点实验室、工程技术研究中心',
  ]);
  tasks.addRow([4, null, '推动岳阳新材料产业研究院实体化运营', '岳阳经开区管委会', '市科技局', '2024年6月', null]);
  tasks.addRow([5, '成果转移转化', '技术合同成交额达到100亿元', '市科技局', '市统计局', '2024年12月', null]);
  tasks.addRow([
    6,
    '科技人才引育',
    '引进培育“巴陵人才”科技创新团队10个以上',
    '市委人才办',
    '市科技局、市人力资源和社会保障局',
    '2024年11月',
    null,
  ]);
  tasks.mergeCells('B4:B5');
  tasks.mergeCells('B6:B7');
  tasks.getColumn(3).width = 40;

  const counties = workbook.addWorksheet('区县任务');
  counties.mergeCells('A1:D1');
  counties.getCell('A1').value = '附件2 县市区科技创新目标任务';
  counties.addRow(['序号', '任务内容', '牵头单位', '完成时间']);
  counties.addRow([1, '平江县新建省级农业科技园区1家', '平江县人民政府', '2024年12月']);
  counties.addRow([2, '汨罗市建设省级工程技术研究中心2家以上', '汨罗市人民政府', '2024年12月']);
  counties.addRow([3, '华容县推进科技特派员服务全覆盖', '华容县人民政府', '持续推进']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ----------------------------------------------------------------------------------------------------------------- pdf

function buildBaodingPdf(): Buffer {
  const texts: PdfText[] = [];
  const lines: PdfLine[] = [];
  const size = 10.5;
  const lineHeight = 16;
  let top = 80;
  const paragraph = (text: string, indent = true) => {
    // Body text: 36 characters a line, the first indented two characters.
    const first = indent ? 34 : 36;
    const pieces = [...wrapText(text.slice(0, first), first), ...(text.length > first ? wrapText(text.slice(first), 36) : [])];
    pieces.forEach((piece, index) => {
      texts.push({ x: 72 + (index === 0 && indent ? 2 * size : 0), top, text: piece, size });
      top += lineHeight;
    });
    top += 4;
  };
  texts.push({ x: 110, top, text: '保定市科技企业孵化器高质量发展行动计划', size: 16 });
  top += 22;
  texts.push({ x: 230, top, text: '（2024—2026年）', size: 12 });
  top += 30;
  paragraph('为推动全市科技企业孵化载体提质增效，构建全链条孵化育成体系，制定本行动计划。');
  paragraph('一、发展目标', false);
  paragraph(
    '到2026年，全市科技企业孵化器和众创空间总数达到120家，其中国家级科技企业孵化器新增3家，省级以上众创空间突破40家，在孵企业总数超过3000家。',
  );
  paragraph('二、重点任务', false);
  paragraph('重点任务分工如下表。');

  // The table: columns at these x positions and widths (in characters of 9 pt).
  const cellSize = 9;
  const columns = [
    { x: 60, chars: 2 },
    { x: 84, chars: 6 },
    { x: 146, chars: 16 },
    { x: 296, chars: 12 },
    { x: 410, chars: 6 },
  ];
  const right = 470;
  const rows = [
    ['序号', '任务名称', '主要内容', '责任单位', '完成时间'],
    [
      '1',
      '实施孵化载体倍增计划',
      '推动各县（市、区）建设科技企业孵化器，新增省级科技企业孵化器10家以上',
      '市科技局，各县（市、区）人民政府',
      '2026年12月',
    ],
    ['2', '提升专业化服务能力', '支持孵化器建设公共技术服务平台，配备专业技术经纪人', '市科技局', '2025年12月'],
    ['3', '开展绩效评价', '每年组织孵化载体绩效评价，评价结果与奖补资金挂钩', '市科技局，市财政局', '每年'],
    ['4', '建设大学科技园', '支持河北大学、华北电力大学（保定）建设国家大学科技园，力争新增1家', '市教育局，市科技局', '2026年6月'],
    ['5', '强化孵化金融支撑', '设立孵化投资引导基金，规模不少于2亿元', '市财政局，市科技局、市地方金融管理局', '2025年6月'],
  ];
  top += 6;
  lines.push({ x1: columns[0]!.x - 4, top1: top, x2: right, top2: top });
  for (const row of rows) {
    const wrapped = row.map((text, index) => wrapText(text, columns[index]!.chars));
    const height = Math.max(...wrapped.map((pieces) => pieces.length)) * 13 + 6;
    wrapped.forEach((pieces, index) => {
      // Short cells are centred vertically, as Word lays them out.
      const offset = ((Math.max(...wrapped.map((cell) => cell.length)) - pieces.length) * 13) / 2;
      pieces.forEach((piece, line) =>
        texts.push({ x: columns[index]!.x, top: top + 12 + offset + line * 13, text: piece, size: cellSize }),
      );
    });
    top += height;
    lines.push({ x1: columns[0]!.x - 4, top1: top, x2: right, top2: top });
  }
  paragraph('');
  paragraph('三、保障措施', false);
  paragraph('各县（市、区）要将孵化载体建设纳入年度重点工作，市科技局每半年通报一次进展情况。');
  return minimalPdf([{ texts, lines }]);
}

// ---------------------------------------------------------------------------------------------------------------- html

const JINGMEN_HTML = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>荆门市科学技术局关于印发《荆门市2025年科技创新工作要点》的通知_通知公告_荆门市科学技术局</title>
<link rel="stylesheet" href="/css/style.css" />
<style type="text/css">.nav a{margin:0 8px}table td{border:1px solid #000}</style>
<script type="text/javascript">var _hmt = _hmt || []; document.write('<div>统计代码</div>');</script>
</head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/tzgg/">通知公告</a> | <a href="/hdjl/">互动交流</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<div class="article">
<h1>荆门市科学技术局关于印发《荆门市2025年科技创新工作要点》的通知</h1>
<div class="info">发布日期：2025-02-18&nbsp;&nbsp;来源：市科技局&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="content">
<p>各县（市、区）科技局，市直有关单位：</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;现将《荆门市2025年科技创新工作要点》印发给你们，请认真抓好落实。</p>
<p style="text-align:center"><strong>荆门市2025年科技创新工作要点</strong></p>
<p><strong>一、主要目标</strong></p>
<p>全年新增高新技术企业150家，科技型中小企业评价入库突破2000家，新建省级以上科技创新平台15个以上。</p>
<p><strong>二、重点任务</strong></p>
<table border="1" cellspacing="0" cellpadding="0" width="600">
<tbody>
<tr><td width="40"><p align="center"><strong>序号</strong></p></td><td><p align="center"><strong>工作任务</strong></p></td><td><p align="center"><strong>责任单位</strong></p></td><td><p align="center"><strong>完成时限</strong></p></td></tr>
<tr><td>1</td><td><p>实施高新技术企业“育苗扩容”工程，<br/>全年新增高新技术企业150家</p></td><td rowspan="2">市科技局</td><td>2025年12月</td></tr>
<tr><td>2</td><td><p>开展科技型中小企业评价工作，评价入库突破2000家</p></td><td>2025年10月</td></tr>
<tr><td>3</td><td><p>支持荆门高新区建设省级重点实验室，新建省级以上科技创新平台15个以上</p></td><td>市科技局<br>市经信局</td><td>2025年12月</td></tr>
<tr><td>4</td><td><p>推进“科技副总”选聘，选派科技人员100名以上</p></td><td>市科技局、市人社局</td><td>2025年9月</td></tr>
<tr><td>5</td><td><p>组织实施重大科技专项，每季度调度项目进展</p></td><td>市科技局</td><td>每季度</td></tr>
<tr><td>6</td><td><p>完善科技金融服务，“科技贷”放款规模达到20亿元</p></td><td><p>市科技局</p><p>市金融办</p></td><td>2025年12月</td></tr>
</tbody>
</table>
<p><strong>三、工作要求</strong></p>
<p>各责任单位要细化工作措施，于每季度末向市科技局报送进展情况。</p>
</div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">主办单位：荆门市科学技术局 承办单位：荆门市科技信息中心<br/>网站标识码：4208000021 鄂ICP备05003387号</div>
</body>
</html>
`;

function buildJingmenHtml(): Buffer {
  return execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb2312'], { input: JINGMEN_HTML });
}

writeFileSync(`${DOCS}docx-table-zigong.docx`, await buildZigongDocx());
writeFileSync(`${DOCS}xlsx-tasks-yueyang.xlsx`, await buildYueyangXlsx());
writeFileSync(`${DOCS}pdf-table-baoding.pdf`, buildBaodingPdf());
writeFileSync(`${DOCS}html-gbk-jingmen.html`, buildJingmenHtml());
