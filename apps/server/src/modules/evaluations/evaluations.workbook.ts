import ExcelJS from 'exceljs';
import { type EvaluationRoundDetail, evaluationLabels, labels } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** A round's results as a workbook: one row per platform, best score first, with the indicator lines. */
export async function renderResultsWorkbook(round: EvaluationRoundDetail): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 2 }] });
  const indicatorKeys = [...new Map(round.results.flatMap((r) => r.lines.map((l) => [l.key, l.label] as const))).entries()];
  const columns = [
    { header: '序号', width: 6 },
    { header: '平台名称', width: 34 },
    { header: '平台类型', width: 20 },
    { header: '依托单位', width: 28 },
    { header: '当前状态', width: 10 },
    { header: '指标得分', width: 10 },
    { header: '专家评分', width: 10 },
    { header: '综合得分', width: 10 },
    { header: '等级', width: 8 },
    { header: '考核结果', width: 14 },
    { header: '调整理由', width: 30 },
    { header: '执行情况', width: 24 },
    { header: '所用年报年度', width: 14 },
    ...indicatorKeys.map(([, label]) => ({ header: label, width: 14 })),
    { header: '说明', width: 40 },
  ];
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = `${round.title}（${round.periodFrom}—${round.periodTo}年，${evaluationLabels.roundStatus[round.status]}，导出于${formatChinaTime(new Date())}）`;
  title.font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = columns.map((column) => column.header);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = border;
  });
  round.results.forEach((result, index) => {
    const row = sheet.addRow([
      index + 1,
      result.platform.name,
      result.type.name,
      result.hostOrganization.name,
      labels.platformStatus[result.platformStatus],
      result.indicatorScore,
      result.expertScore,
      result.score,
      result.grade ? evaluationLabels.grade[result.grade] : '',
      result.outcome ? evaluationLabels.outcome[result.outcome] : '',
      result.outcomeReason ?? '',
      result.appliedNote ?? '',
      result.reportYears.join('、'),
      ...indicatorKeys.map(([key]) => result.lines.find((l) => l.key === key)?.value ?? null),
      result.notes.join('；'),
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = border));
    if (result.grade === 'unqualified') row.getCell(9).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
