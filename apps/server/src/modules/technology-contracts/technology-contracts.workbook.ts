import ExcelJS from 'exceljs';
import type { TechnologyContract } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';

const columns: { header: string; width: number; value: (c: TechnologyContract) => string | number }[] = [
  { header: '登记号', width: 22, value: (c) => c.registrationNumber },
  { header: '合同名称', width: 36, value: (c) => c.title },
  { header: '成交额（万元）', width: 14, value: (c) => c.amount },
  { header: '技术交易额（万元）', width: 16, value: (c) => c.technologyAmount ?? '' },
  { header: '卖方', width: 28, value: (c) => c.seller.name },
  { header: '买方', width: 28, value: (c) => c.buyer.name },
  { header: '签订日期', width: 12, value: (c) => c.signedOn },
  { header: '登记日期', width: 12, value: (c) => c.registeredOn },
  { header: '登记区域', width: 14, value: (c) => c.region.name },
  { header: '关联成果', width: 28, value: (c) => c.achievement?.name ?? '' },
  { header: '关联需求', width: 28, value: (c) => c.demand?.name ?? '' },
  { header: '演示数据', width: 10, value: (c) => (c.isDemo ? '是' : '') },
];

/** The filtered contract list as a workbook: one row per contract, the total amount at the end. */
export async function renderContractWorkbook(contracts: TechnologyContract[], amount: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('技术合同');
  sheet.columns = columns.map((column) => ({ width: column.width }));
  sheet.addRow([`技术合同登记（导出于${formatChinaTime(new Date())}）`]).font = { bold: true, size: 13 };
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  for (const contract of contracts) sheet.addRow(columns.map((column) => column.value(contract)));
  const total = sheet.addRow(['合计', `${contracts.length} 份`, amount]);
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
