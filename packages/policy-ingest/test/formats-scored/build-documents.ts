/**
 * Writes the .docx of the score-only set 3 (a table whose header takes two rows: 责任单位 over 牵头单位 | 配合单位).
 * Committed output; run only to change it: npx tsx packages/policy-ingest/test/formats-scored-3/build-documents.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';

const cell = (text: string, options: { span?: number; merge?: 'restart' | 'continue' } = {}) =>
  new TableCell({
    columnSpan: options.span,
    verticalMerge:
      options.merge === 'restart' ? VerticalMergeType.RESTART : options.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    children: [new Paragraph({ children: text ? [new TextRun(text)] : [] })],
  });

const rows = [
  new TableRow({
    children: [
      cell('序号', { merge: 'restart' }),
      cell('重点任务', { merge: 'restart' }),
      cell('责任单位', { span: 2 }),
      cell('完成时限', { merge: 'restart' }),
    ],
  }),
  new TableRow({
    children: [
      cell('', { merge: 'continue' }),
      cell('', { merge: 'continue' }),
      cell('牵头单位'),
      cell('配合单位'),
      cell('', { merge: 'continue' }),
    ],
  }),
  ...[
    ['1', '建设高水平新型研发机构，引进共建新型研发机构3家', '市科技局', '市财政局', '2026年12月'],
    ['2', '新增省级工程技术研究中心4家', '市科技局', '市经信局', '2025年12月'],
    ['3', '推进科技成果转化中试平台建设，建成中试平台2个', '市工信局', '市科技局、市发改委', '2026年6月'],
  ].map((cells) => new TableRow({ children: cells.map((text) => cell(text)) })),
];
const paragraph = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const document = new Document({
  sections: [
    {
      children: [
        paragraph('曲靖市推动科技创新平台高质量发展若干措施（2024—2026年）'),
        paragraph('一、发展目标'),
        paragraph('到2026年，全市省级以上科技创新平台达到150家，新增省级工程技术研究中心10家。'),
        paragraph('二、主要任务'),
        new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
        paragraph('三、组织保障'),
        paragraph('（一）加强统筹协调。建立市级部门联席会议制度。'),
      ],
    },
  ],
});
writeFileSync(fileURLToPath(new URL('./docs/two-row-header-qujing.docx', import.meta.url)), await Packer.toBuffer(document));
