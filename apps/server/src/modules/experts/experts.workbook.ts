import ExcelJS from 'exceljs';
import type { Panel } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';
import { seatStatusLabels } from './panels.lifecycle';

const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function headerRow(sheet: ExcelJS.Worksheet, values: string[]) {
  const row = sheet.addRow(values);
  row.font = { bold: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = border;
  });
}

/** A panel's review results as a workbook: the summary, then each expert's scores per criterion. */
export async function renderPanelWorkbook(panel: Panel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const summary = workbook.addWorksheet('评审结果');
  summary.columns = [{ width: 22 }, { width: 60 }];
  summary.addRow([`专家评审结果（导出于${formatChinaTime(new Date())}）`]).font = { bold: true, size: 13 };
  const r = panel.result;
  const lines: [string, string | number][] = [
    ['申报平台', panel.application.platformName],
    ['申报单位', panel.application.organization.name],
    ['平台类型', panel.application.type.name],
    ['申报通知', panel.application.callTitle],
    ['抽取种子', panel.seed],
    ['抽取时间', formatChinaTime(new Date(panel.drawnAt))],
    ['评审指标', panel.rubric.name],
    ['已提交/在席', `${r.submitted}/${r.seats}`],
    ['专家平均分', r.mean ?? ''],
    ['最高分', r.max ?? ''],
    ['最低分', r.min ?? ''],
    ['极差', r.range ?? ''],
    ['标准差', r.stdDev ?? ''],
    ['排名', r.rank ? `${r.rank}/${r.rankedAmong}` : '（评分未完成）'],
    ['偏离阈值（分）', r.outlierThreshold],
    ['偏离专家', r.outliers.map((o) => `${o.name}（${o.total}，偏离${o.deviation}）`).join('；') || '无'],
    ['专家组综合意见', panel.consensus ?? '（未填写）'],
  ];
  for (const [label, value] of lines) {
    const row = summary.addRow([label, value]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((cell) => (cell.border = border));
  }
  const excludedRows = panel.excluded;
  if (excludedRows.length) {
    summary.addRow([]);
    headerRow(summary, ['回避/排除专家', '原因']);
    for (const entry of excludedRows)
      summary.addRow([entry.name, `${entry.reason}：${entry.detail}`]).eachCell((cell) => (cell.border = border));
  }

  const scores = workbook.addWorksheet('专家评分', { views: [{ state: 'frozen', ySplit: 1 }] });
  const criteria = panel.rubric.criteria;
  scores.columns = [{ width: 12 }, { width: 24 }, { width: 12 }, ...criteria.map(() => ({ width: 14 })), { width: 10 }, { width: 40 }];
  headerRow(scores, [
    '专家',
    '单位',
    '状态',
    ...criteria.map((c) => `${c.name}（权重${c.weight}，满分${c.maxScore}）`),
    '加权总分',
    '评审意见与评分说明',
  ]);
  const outlierIds = new Set(r.outliers.map((o) => o.expertId));
  for (const seat of panel.seats) {
    const byKey = new Map((seat.scores ?? []).map((s) => [s.criterionKey, s]));
    const notes = (seat.scores ?? [])
      .filter((s) => s.comment)
      .map((s) => `${criteria.find((c) => c.key === s.criterionKey)?.name ?? s.criterionKey}：${s.comment}`);
    const row = scores.addRow([
      `${seat.expert.name}${seat.isChair ? '（组长）' : ''}`,
      seat.expert.organizationName,
      seatStatusLabels[seat.status],
      ...criteria.map((c) => byKey.get(c.key)?.score ?? ''),
      seat.total ?? '',
      [seat.opinion, ...notes].filter(Boolean).join('\n'),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell((cell) => (cell.border = border));
    if (outlierIds.has(seat.expert.id)) row.getCell(criteria.length + 4).font = { color: { argb: 'FFC00000' }, bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
