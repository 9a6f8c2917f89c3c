import ExcelJS from 'exceljs';
import { type AnnualReport, type IndicatorDefinition, annualReportStatusLabels } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';

/** A year's reports as a workbook: one row per platform, one column per indicator of the form(s) used. */
export async function renderAnnualReportWorkbook(
  year: number,
  reports: readonly AnnualReport[],
  form: readonly IndicatorDefinition[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet(`${year}年度报告`, { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  const numeric = form.filter((indicator) => indicator.kind !== 'text');
  const headers = [
    '平台名称',
    '平台类型',
    '依托单位',
    '所在区域',
    '状态',
    '截止日期',
    '提交时间',
    '是否逾期',
    ...numeric.map((indicator) => (indicator.unit ? `${indicator.label}（${indicator.unit}）` : indicator.label)),
  ];
  sheet.columns = headers.map((header, index) => ({ width: index === 0 || index === 2 ? 30 : Math.max(10, header.length * 2) }));
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `${year}年度科技创新平台年度报告汇总（导出于${formatChinaTime(new Date())}）`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const header = sheet.getRow(2);
  header.values = headers;
  header.font = { bold: true };
  for (const report of reports) {
    sheet.addRow([
      report.platform.name,
      report.type.name,
      report.hostOrganization.name,
      report.region.name,
      annualReportStatusLabels[report.status],
      report.dueOn,
      report.submittedAt ? formatChinaTime(new Date(report.submittedAt)) : '',
      report.isLate ? '逾期未交' : report.submittedLate ? '逾期提交' : '',
      ...numeric.map((indicator) => report.indicators[indicator.key] ?? null),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
