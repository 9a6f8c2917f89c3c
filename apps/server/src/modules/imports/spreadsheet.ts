import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { yieldToEventLoop } from '../../shared/uploads';

/** A cell as the text a person sees in Excel: dates as YYYY-MM-DD, rich text joined, formulas' results. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  /** Cell text by column header (without the required-field asterisk). */
  cells: Record<string, string>;
}

export interface ColumnSpec {
  header: string;
  required?: boolean;
  width?: number;
  /** A drop-down list of allowed values in the template. */
  options?: string[];
  note?: string;
}

/** How many rows (empty ones included) a sheet may run to, per data row allowed: a template's blank rows are few. */
const scannedRowsPerDataRow = 2;

/**
 * Reads the worksheet named `sheetName` (or else the first sheet) into rows keyed by header; skips empty rows.
 * Streams the sheet (ExcelJS's WorkbookReader) and stops at the row cap, so a file of millions of rows costs
 * no more than the cap; yields to the event loop every few hundred rows. The caller checks the archive first
 * (shared/uploads.ts checkOfficeUpload).
 */
export async function readSheet(
  buffer: Buffer,
  sheetName: string,
  maxRows: number,
): Promise<{ headers: string[]; rows: SheetRow[] } | { error: string }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const headers: string[] = [];
  const rows: SheetRow[] = [];
  let found = false;
  try {
    for await (const sheet of reader) {
      const sheets = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
      const named = sheets.some((s) => s.name === sheetName);
      let scanned = 0;
      if (named && (sheet as unknown as { name: string }).name !== sheetName) {
        // Read a sheet before the wanted one to its end rather than skip it: ExcelJS may have parked it in a
        // temporary file and deletes that file as soon as we move on, racing the read stream it has just opened
        // on it (an uncaught ENOENT on a busy machine). The row cap bounds what this costs.
        for await (const excelRow of sheet) {
          if (++scanned % 500 === 0) await yieldToEventLoop();
          if (excelRow.number > (maxRows + 1) * scannedRowsPerDataRow) return { error: '文件中的其他工作表过大，请只保留模板中的工作表' };
        }
        continue;
      }
      found = true;
      for await (const excelRow of sheet) {
        if (++scanned % 500 === 0) await yieldToEventLoop();
        if (excelRow.number === 1) {
          excelRow.eachCell({ includeEmpty: true }, (cell, column) => {
            headers[column - 1] = cellText(cell.value)
              .replace(/[*＊]\s*$/, '')
              .trim();
          });
          continue;
        }
        if (excelRow.number > (maxRows + 1) * scannedRowsPerDataRow)
          return { error: `工作表超过 ${(maxRows + 1) * scannedRowsPerDataRow} 行（一次最多导入 ${maxRows} 行），请分批导入` };
        const cells: Record<string, string> = {};
        let empty = true;
        headers.forEach((header, index) => {
          if (!header) return;
          const text = cellText(excelRow.getCell(index + 1).value);
          cells[header] = text;
          if (text) empty = false;
        });
        if (empty) continue;
        if (rows.length >= maxRows) return { error: `一次最多导入 ${maxRows} 行，请分批导入` };
        rows.push({ row: excelRow.number, cells });
      }
      // Stop here: leaving the reader now (rather than stepping past the remaining sheets) never starts reading them.
      break;
    }
  } catch {
    return { error: '无法读取该文件，请上传由模板填写的 .xlsx 文件' };
  }
  if (!found) return { error: '文件中没有工作表' };
  return { headers: headers.filter(Boolean), rows };
}

/** A template workbook: the data sheet with headers, drop-downs and notes, and a sheet of instructions. */
export async function buildTemplate(sheetName: string, columns: ColumnSpec[], instructions: string[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width ?? 18 }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  columns.forEach((column, index) => {
    if (column.note) sheet.getCell(1, index + 1).note = column.note;
  });
  const lists = workbook.addWorksheet('选项', { state: 'hidden' });
  columns.forEach((column, index) => {
    if (!column.options?.length) return;
    column.options.forEach((option, i) => (lists.getCell(i + 1, index + 1).value = option));
    const letter = lists.getColumn(index + 1).letter;
    for (let r = 2; r <= 1001; r++) {
      sheet.getCell(r, index + 1).dataValidation = {
        type: 'list',
        allowBlank: !column.required,
        formulae: [`选项!$${letter}$1:$${letter}$${column.options.length}`],
        showErrorMessage: true,
        errorTitle: '无效的值',
        error: `请从下拉列表中选择${column.header}`,
      };
    }
  });
  const help = workbook.addWorksheet('填写说明');
  help.getColumn(1).width = 110;
  instructions.forEach((line, i) => (help.getCell(i + 1, 1).value = line));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An import's error report as a workbook: one line per problem (行号, 列, 问题), as the uploader saw it. */
export async function buildErrorReport(
  details: readonly { row?: number | null | undefined; field?: string | null | undefined; message: string }[],
) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'STIP';
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', width: 8 },
    { header: '列', width: 20 },
    { header: '问题', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const detail of details) sheet.addRow([detail.row ?? '', detail.field ?? '', detail.message]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
