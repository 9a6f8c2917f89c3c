import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { labels, type AuditFieldChange, type AuditRecord, type Role } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';

const sideText = (changes: AuditFieldChange[], side: 'before' | 'after') =>
  changes
    .filter((change) => change[side] !== null)
    .map((change) => `${change.label}：${change[side]}`)
    .join('\n');

/** The export's columns, with Chinese headers: what the audit page shows, and the changes written out. */
export const auditColumns: { header: string; width: number; value: (record: AuditRecord) => string | number }[] = [
  { header: '序号', width: 8, value: (r) => r.seq },
  { header: '时间', width: 17, value: (r) => formatChinaTime(new Date(r.occurredAt)) },
  { header: '操作人', width: 28, value: (r) => r.actorName },
  { header: '角色', width: 14, value: (r) => (r.actorRole ? (labels.role[r.actorRole as Role] ?? r.actorRole) : '') },
  { header: '来源IP', width: 15, value: (r) => r.sourceIp ?? '' },
  { header: '动作', width: 18, value: (r) => r.actionLabel },
  { header: '对象类型', width: 12, value: (r) => r.objectTypeLabel },
  { header: '对象', width: 32, value: (r) => r.objectName ?? '' },
  { header: '记录', width: 60, value: (r) => r.sentence },
  { header: '变更前', width: 40, value: (r) => sideText(r.changes, 'before') },
  { header: '变更后', width: 40, value: (r) => sideText(r.changes, 'after') },
];

/**
 * Writes audit records as an .xlsx: a title row (the filter, the count, the day), a frozen header
 * row with an autofilter, then one row per record, streamed batch by batch.
 */
export async function renderAuditWorkbook(title: string, batches: AsyncIterable<AuditRecord[]>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('审计记录', { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  sheet.columns = auditColumns.map((column, index) => ({ key: `c${index}`, width: column.width }));
  const width = auditColumns.length;

  sheet.mergeCells(1, 1, 1, width);
  const titleRow = sheet.getRow(1);
  titleRow.height = 36;
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 12 };
  titleRow.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
  titleRow.commit();

  const headerRow = sheet.getRow(2);
  auditColumns.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  headerRow.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };

  for await (const batch of batches) {
    for (const record of batch) {
      const row = sheet.addRow(auditColumns.map((column) => column.value(record)));
      row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
