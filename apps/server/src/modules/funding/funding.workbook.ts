import ExcelJS from 'exceljs';
import { expenditureCategoryLabels, grantKindLabels, grantStatusLabels } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';
import type { findGrantsForExport } from './funding.service';

type ExportData = Awaited<ReturnType<typeof findGrantsForExport>>;

/** Amounts go into cells as numbers of 元 parsed from the exact two-place strings (display only, nothing is summed here). */
const yuan = (text: string) => Number(text);
const moneyFormat = '#,##0.00';

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: { header: string; width: number; money?: boolean }[],
  rows: (string | number | null)[][],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow([title]).font = { bold: true };
  sheet.mergeCells(1, 1, 1, columns.length);
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  columns.forEach((column, index) => {
    if (column.money) sheet.getColumn(index + 1).numFmt = moneyFormat;
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };
}

/** The funding results as an .xlsx: 资助 (grants with paid, balance and spent), 拨付记录, 支出明细 and 预算. */
export async function renderFundingWorkbook(data: ExportData, year: number | undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const scope = `${year ? `${year}年度` : '全部年度'}；导出时间：${formatChinaTime(new Date())}`;
  const names = new Map(data.grants.map((grant) => [grant.id, grant.platform.name]));
  addSheet(
    workbook,
    '资助',
    `资金资助结果（${scope}）`,
    [
      { header: '年度', width: 8 },
      { header: '平台名称', width: 36 },
      { header: '依托单位', width: 30 },
      { header: '所在地区', width: 12 },
      { header: '资助方式', width: 10 },
      { header: '状态', width: 9 },
      { header: '资助金额（元）', width: 16, money: true },
      { header: '已拨付（元）', width: 16, money: true },
      { header: '未拨付余额（元）', width: 16, money: true },
      { header: '已填报支出（元）', width: 16, money: true },
      { header: '依据', width: 48 },
    ],
    data.grants.map((grant) => [
      grant.year,
      grant.platform.name,
      grant.platform.hostOrganizationName,
      grant.platform.regionName,
      grantKindLabels[grant.kind],
      grantStatusLabels[grant.status],
      yuan(grant.amount),
      yuan(grant.paid),
      yuan(grant.balance),
      yuan(grant.spent),
      grant.basis,
    ]),
  );
  addSheet(
    workbook,
    '拨付记录',
    `拨付记录（${scope}）`,
    [
      { header: '平台名称', width: 36 },
      { header: '拨付日期', width: 12 },
      { header: '金额（元）', width: 16, money: true },
      { header: '凭证号', width: 20 },
      { header: '备注', width: 30 },
    ],
    data.payments.map((payment) => [
      names.get(payment.grantId) ?? '',
      payment.paidOn,
      yuan(payment.amount),
      payment.voucherNo,
      payment.remarks,
    ]),
  );
  addSheet(
    workbook,
    '支出明细',
    `支出明细（${scope}）`,
    [
      { header: '平台名称', width: 36 },
      { header: '支出日期', width: 12 },
      { header: '类别', width: 22 },
      { header: '金额（元）', width: 16, money: true },
      { header: '说明', width: 48 },
    ],
    data.expenditures.map((line) => [
      names.get(line.grantId) ?? '',
      line.spentOn,
      expenditureCategoryLabels[line.category],
      yuan(line.amount),
      line.description,
    ]),
  );
  if (data.budgets.length) {
    addSheet(
      workbook,
      '预算',
      `年度预算（${scope}）`,
      [
        { header: '年度', width: 8 },
        { header: '预算金额（元）', width: 18, money: true },
        { header: '已安排资助（元）', width: 18, money: true },
        { header: '已拨付（元）', width: 18, money: true },
        { header: '预算余额（元）', width: 18, money: true },
      ],
      data.budgets.map((budget) => [budget.year, yuan(budget.amount), yuan(budget.granted), yuan(budget.paid), yuan(budget.remaining)]),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
