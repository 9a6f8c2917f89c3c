/**
 * A workbook (.xlsx) as text, every sheet in turn. A task sheet opens with title rows (表名, 填报单位) before its header
 * row; the header is the first row whose labels name a task or indicator table (序号, 重点工作任务, 牵头单位, 完成时限 …,
 * the cues tables.ts reads). Rows above it become lines of text, the header and the rows below tab-separated rows. A
 * cell merged down over several rows (one 重点工作 for three tasks) is carried into each; a cell merged across (a
 * title) is written once.
 */
import ExcelJS from 'exceljs';
import { tableHeader } from './tables.js';
import { joinCellPieces, tableToText } from './table-text.js';

/** Header rows sit near the top; a sheet is not searched further for one. */
const HEADER_SEARCH_ROWS = 30;
/** Bounds on what one workbook may make us read (a task sheet has tens of rows). */
const MAX_ROWS_PER_SHEET = 20_000;
const MAX_COLUMNS = 60;

/** A cell's value as the sheet shows it; dates as 2024年12月31日 (the form a 完成时限 cell reads). */
function valueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const [year, month, day] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
    return `${year}年${month}月${day}日`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return valueText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

function cellText(cell: ExcelJS.Cell): string {
  return joinCellPieces(valueText(cell.value).split(/\r?\n/));
}

/** The sheet as a grid of texts, merged cells resolved as described above. */
function sheetGrid(sheet: ExcelJS.Worksheet): string[][] {
  const rowCount = Math.min(sheet.rowCount, MAX_ROWS_PER_SHEET);
  const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
  const grid: string[][] = [];
  for (let rowNumber = 1; rowNumber <= rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const cells: string[] = [];
    for (let column = 1; column <= columnCount; column += 1) {
      const cell = row.getCell(column);
      const master = cell.isMerged ? cell.master : cell;
      // Merged across (same row as its master): written once, at the master.
      cells.push(master !== cell && master.row === cell.row ? '' : cellText(master));
    }
    grid.push(cells);
  }
  return grid;
}

function sheetText(grid: readonly string[][]): string {
  const headerIndex = grid
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((cells) => cells.filter((cell) => cell !== '').length >= 3 && tableHeader(cells.filter((cell) => cell !== '')) !== null);
  const above = headerIndex < 0 ? [] : grid.slice(0, headerIndex);
  const table = headerIndex < 0 ? grid : grid.slice(headerIndex);
  const lines = above.map((cells) => cells.filter((cell) => cell !== '').join(' ')).filter((line) => line !== '');
  const header = table[0] ?? [];
  // Columns right of the header's last label hold notes, not cells of the table.
  let width = header.length;
  while (headerIndex >= 0 && width > 0 && header[width - 1] === '') width -= 1;
  const rows = headerIndex < 0 ? table : table.map((cells) => cells.slice(0, width));
  return [...lines, tableToText(rows)].filter((part) => part !== '').join('\n');
}

/** Every sheet's text, sheets separated by a blank line. */
export async function xlsxToText(input: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(input as unknown as ArrayBuffer);
  const sheets: string[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    const text = sheetText(sheetGrid(sheet));
    if (text) sheets.push(text);
  });
  return sheets.join('\n\n');
}
