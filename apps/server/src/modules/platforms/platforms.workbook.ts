import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { labels, type Platform, platformFieldLabels } from '@stip/contracts';
import { formatChinaTime } from '../../shared/clock';

const listSeparator = '、';

/** The export's columns: exactly what the registry list shows, in its order. */
export const platformColumns: { header: string; width: number; value: (platform: Platform) => string }[] = [
  { header: platformFieldLabels.name, width: 36, value: (p) => p.name },
  { header: platformFieldLabels.system, width: 16, value: (p) => p.systemName },
  { header: platformFieldLabels.type, width: 26, value: (p) => p.typeName },
  { header: platformFieldLabels.level, width: 9, value: (p) => labels.platformLevel[p.level] },
  { header: platformFieldLabels.hostOrganization, width: 32, value: (p) => p.hostOrganizationName },
  { header: platformFieldLabels.coBuilders, width: 32, value: (p) => p.coBuilders.map((c) => c.name).join(listSeparator) },
  { header: platformFieldLabels.region, width: 14, value: (p) => p.regionName },
  { header: platformFieldLabels.industry, width: 12, value: (p) => p.industry ?? '' },
  { header: platformFieldLabels.technicalFields, width: 26, value: (p) => p.technicalFields.join(listSeparator) },
  { header: platformFieldLabels.director, width: 10, value: (p) => p.director ?? '' },
  { header: platformFieldLabels.status, width: 9, value: (p) => labels.platformStatus[p.status] },
  { header: platformFieldLabels.recognitionDocNo, width: 24, value: (p) => p.recognitionDocNo ?? '' },
  { header: platformFieldLabels.recognizedOn, width: 12, value: (p) => p.recognizedOn ?? '' },
  { header: platformFieldLabels.constructionEndsOn, width: 12, value: (p) => p.constructionEndsOn ?? '' },
  { header: platformFieldLabels.updatedAt, width: 17, value: (p) => formatChinaTime(new Date(p.updatedAt)) },
];

/**
 * Writes the registry as an .xlsx: a title row (what was filtered, as of when, exported when), a
 * frozen header row with an autofilter, then one row per platform. Rows are streamed into the
 * archive batch by batch, so a large export holds only the compressed file in memory.
 */
export async function renderPlatformWorkbook(title: string, batches: AsyncIterable<Platform[]>): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('平台名录', { views: [{ state: 'frozen', xSplit: 0, ySplit: 2 }] });
  sheet.columns = platformColumns.map((column, index) => ({ key: `c${index}`, width: column.width }));
  const width = platformColumns.length;

  sheet.mergeCells(1, 1, 1, width);
  const titleRow = sheet.getRow(1);
  titleRow.height = 54;
  titleRow.getCell(1).value = title;
  titleRow.getCell(1).font = { bold: true, size: 12 };
  titleRow.getCell(1).alignment = { wrapText: true, vertical: 'middle' };
  titleRow.commit();

  const headerRow = sheet.getRow(2);
  platformColumns.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.alignment = { vertical: 'middle', horizontal: 'center' };
    cell.border = { bottom: { style: 'thin' } };
  });
  headerRow.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };

  for await (const batch of batches) {
    for (const platform of batch) sheet.addRow(platformColumns.map((column) => column.value(platform))).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
