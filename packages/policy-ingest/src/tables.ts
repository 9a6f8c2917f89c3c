/**
 * Task-decomposition tables as they survive conversion to text: `|` markdown rows, tab-separated rows, or one cell per
 * line (as Word tables paste), with rows separated by blank lines or opened by a 序号 number. A table is recognised by
 * its header (任务/具体内容/责任单位/完成时限 …) and ends at the first group of lines that does not look like a row.
 */
import { ORGANISATION_SUFFIX } from './lexicon.js';
import { splitUnits } from './responsibility.js';

export interface Line {
  /** The line without its newline. */
  text: string;
  /** Source offset of the line's first character. */
  start: number;
}

export type ColumnRole = 'index' | 'task' | 'content' | 'lead' | 'responsible' | 'participant' | 'deadline' | 'leader' | 'result' | 'other';

export interface Cell {
  text: string;
  /** Source offsets of the trimmed text; equal for an empty cell. */
  start: number;
  end: number;
}

export interface TableRow {
  cells: Partial<Record<ColumnRole, Cell>>;
}

export interface Table {
  roles: ColumnRole[];
  rows: TableRow[];
  /** Line indexes, inclusive, covering header and rows. */
  firstLine: number;
  lastLine: number;
}

const BRACKETED = '[(（](?:单位|部门|科室|处室)[)）]';
const HEADER_ROLES: ReadonlyArray<[RegExp, ColumnRole]> = [
  [/^(序号|编号|序)$/, 'index'],
  [new RegExp(`^(牵头单位|牵头部门|牵头科室|牵头处室|主要责任单位|牵头)(${BRACKETED})?$`), 'lead'],
  [new RegExp(`^(责任单位|责任部门|责任科室|责任处室|承办单位|责任主体)(${BRACKETED})?$`), 'responsible'],
  [new RegExp(`^(配合单位|参与单位|协办单位|配合部门|责任配合单位|协同单位|配合科室|配合处室|参与部门)(${BRACKETED})?$`), 'participant'],
  [/^(完成时限|完成时间|时间节点|时限|时间要求|进度安排|时间安排|完成期限|时间|完成时限要求)$/, 'deadline'],
  [/^(责任领导|分管领导|牵头领导|责任人|联系人|分管局领导|牵头局领导)$/, 'leader'],
  [/^(完成情况|进展情况|工作进展|落实情况|完成进度|进展|目前进展|推进情况)$/, 'result'],
  [
    /^(具体内容|工作内容|任务内容|具体措施|工作措施|主要内容|具体任务|目标任务|工作目标|主要措施|工作举措|具体举措|内容|目标要求|任务要求|工作要求|具体工作|年度目标)$/,
    'content',
  ],
  [/^(工作任务|重点任务|主要任务|任务名称|任务|工作事项|事项|重点工作|工作项目|项目名称|类别|重点事项|主要工作|工作名称)$/, 'task'],
  [/^(备注|说明)$/, 'other'],
];

function roleOfHeader(label: string): ColumnRole | null {
  const compact = label.replace(/[\s:：*]/g, '');
  return HEADER_ROLES.find(([pattern]) => pattern.test(compact))?.[1] ?? null;
}

function isTaskTable(roles: readonly ColumnRole[]): boolean {
  const saysWho = roles.some((role) => role === 'lead' || role === 'responsible' || role === 'participant');
  const saysWhat = roles.includes('task') || roles.includes('content');
  return saysWhat && (saysWho || roles.includes('deadline'));
}

function headerRoles(labels: readonly string[]): ColumnRole[] | null {
  if (labels.length < 3) return null;
  const roles = labels.map(roleOfHeader);
  const unknown = roles.filter((role) => role === null).length;
  if (unknown > 1) return null;
  const known = roles.map((role) => role ?? 'other');
  return isTaskTable(known) ? known : null;
}

function trimCell(raw: string, start: number): Cell {
  const leading = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, start: start + leading, end: start + leading + text.length };
}

function splitCells(line: Line, separator: string): Cell[] {
  const cells: Cell[] = [];
  let cursor = 0;
  for (const part of line.text.split(separator)) {
    cells.push(trimCell(part, line.start + cursor));
    cursor += part.length + separator.length;
  }
  return cells;
}

function pipeCells(line: Line): Cell[] {
  const cells = splitCells(line, '|');
  if (line.text.trim().startsWith('|')) cells.shift();
  if (line.text.trim().endsWith('|')) cells.pop();
  return cells;
}

function tabCells(line: Line): Cell[] {
  const cells = splitCells(line, '\t');
  if (line.text.startsWith('\t') && cells[0]?.text === '') cells.shift();
  return cells;
}

function isPipeRow(line: Line): boolean {
  return line.text.trim().startsWith('|');
}

function isPipeSeparator(line: Line): boolean {
  return /^\|?[\s:|-]*-{2,}[\s:|-]*$/.test(line.text.trim());
}

/** A truly blank line separates rows; a line holding only a tab is an empty cell. */
function isBlank(line: Line | undefined): boolean {
  return line !== undefined && line.text.trim() === '' && !line.text.includes('\t');
}

const INDEX_CELL = /^\d{1,3}$/;
/** No task table has more columns than this; a longer run of label-like lines is something else. */
const MAX_COLUMNS = 12;
const DEADLINE_LIKE = /\d{4}|\d{1,2}月|年底|年内|全年|季度|长期|持续|每|动态|上半年|下半年|常态/;

function emptyCellAt(offset: number): Cell {
  return { text: '', start: offset, end: offset };
}

function mergeCells(cells: readonly Cell[]): Cell {
  const first = cells[0];
  const last = cells.at(-1);
  if (!first || !last) return emptyCellAt(0);
  return { text: cells.map((cell) => cell.text).join(''), start: first.start, end: last.end };
}

/**
 * Fits a row's cells to the header: too few means merged cells at the front (a task spanning several rows), so the
 * cells are aligned right (after a 序号 cell); too many means a cell broken over lines, merged into the content column.
 */
function assembleRow(cells: readonly Cell[], roles: readonly ColumnRole[]): TableRow {
  const width = roles.length;
  let fitted: Cell[] = [...cells];
  if (cells.length < width) {
    const missing = Array.from({ length: width - cells.length }, () => emptyCellAt(cells[0]?.start ?? 0));
    const first = cells[0];
    const keepsIndex = roles[0] === 'index' && first !== undefined && INDEX_CELL.test(first.text);
    fitted = keepsIndex ? [first, ...missing, ...cells.slice(1)] : [...missing, ...cells];
  } else if (cells.length > width) {
    const contentIndex = Math.max(roles.indexOf('content'), roles.indexOf('task'), 0);
    const tailCount = width - contentIndex - 1;
    fitted = [
      ...cells.slice(0, contentIndex),
      mergeCells(cells.slice(contentIndex, cells.length - tailCount)),
      ...cells.slice(cells.length - tailCount),
    ];
  }
  const row: TableRow = { cells: {} };
  roles.forEach((role, index) => {
    const cell = fitted[index];
    if (cell && row.cells[role] === undefined) row.cells[role] = cell;
  });
  return row;
}

/** A row names a due date or responsible units; its task cell may be empty, continuing the task above. */
function looksLikeRow(row: TableRow): boolean {
  const { deadline, lead, responsible, participant } = row.cells;
  if (deadline && DEADLINE_LIKE.test(deadline.text)) return true;
  return [lead, responsible, participant].some(
    (cell) => cell !== undefined && splitUnits(cell.text).some((unit) => ORGANISATION_SUFFIX.test(unit)),
  );
}

interface Parsed {
  rows: TableRow[];
  lastLine: number;
}

function parseDelimitedRows(lines: readonly Line[], from: number, roles: ColumnRole[], form: 'pipe' | 'tab'): Parsed {
  const rows: TableRow[] = [];
  let lastLine = from - 1;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) break;
    if (form === 'pipe') {
      if (!isPipeRow(line)) break;
      lastLine = index;
      if (isPipeSeparator(line)) continue;
      rows.push(assembleRow(pipeCells(line), roles));
    } else {
      if (isBlank(line)) continue;
      if (!line.text.includes('\t')) break;
      const row = assembleRow(tabCells(line), roles);
      if (!looksLikeRow(row)) break;
      rows.push(row);
      lastLine = index;
    }
  }
  return { rows, lastLine };
}

function wholeLineCell(line: Line): Cell {
  return trimCell(line.text, line.start);
}

/** Rows of one cell per line, separated by blank lines (as in a pasted Word table). */
function parseSeparatedRows(lines: readonly Line[], from: number, roles: ColumnRole[]): Parsed {
  const rows: TableRow[] = [];
  let lastLine = from - 1;
  let cursor = from;
  for (;;) {
    while (isBlank(lines[cursor])) cursor += 1;
    if (cursor >= lines.length) break;
    const group: Cell[] = [];
    let end = cursor;
    while (end < lines.length && !isBlank(lines[end])) {
      const line = lines[end];
      if (line) group.push(wholeLineCell(line));
      end += 1;
    }
    const row = assembleRow(group, roles);
    if (!looksLikeRow(row)) break;
    rows.push(row);
    lastLine = end - 1;
    cursor = end;
  }
  return { rows, lastLine };
}

/** Rows of one cell per line with nothing between them: a 序号 number opens each row, else every `width` lines do. */
function parseContiguousRows(lines: readonly Line[], from: number, roles: ColumnRole[]): Parsed {
  const rows: TableRow[] = [];
  let lastLine = from - 1;
  let cursor = from;
  const opensWithIndex = roles[0] === 'index';
  while (cursor < lines.length) {
    const first = lines[cursor];
    if (!first || isBlank(first) || (opensWithIndex && !INDEX_CELL.test(first.text.trim()))) break;
    const group: Cell[] = [wholeLineCell(first)];
    let end = cursor + 1;
    while (end < lines.length) {
      const line = lines[end];
      if (!line || isBlank(line)) break;
      if (opensWithIndex ? INDEX_CELL.test(line.text.trim()) : group.length >= roles.length) break;
      group.push(wholeLineCell(line));
      end += 1;
    }
    const row = assembleRow(group, roles);
    if (!looksLikeRow(row)) break;
    rows.push(row);
    lastLine = end - 1;
    cursor = end;
  }
  return { rows, lastLine };
}

/**
 * A header written one label per line: the run of label lines starting at `index`. Labels are either consecutive or,
 * as in text extracted from .docx, each followed by one blank line ("spaced").
 */
function cellPerLineHeader(lines: readonly Line[], index: number): { labels: string[]; end: number; isSpaced: boolean } | null {
  const isLabel = (line: Line | undefined) => {
    const text = line?.text.trim() ?? '';
    return text !== '' && !text.includes('\t') && !text.includes('|') && roleOfHeader(text) !== null;
  };
  const isSpaced = isLabel(lines[index]) && !isLabel(lines[index + 1]) && isBlank(lines[index + 1]) && isLabel(lines[index + 2]);
  const step = isSpaced ? 2 : 1;
  const labels: string[] = [];
  let cursor = index;
  while (isLabel(lines[cursor]) && (step === 1 || cursor === index || isBlank(lines[cursor - 1]))) {
    labels.push(lines[cursor]?.text.trim() ?? '');
    if (labels.length > MAX_COLUMNS) return null;
    cursor += step;
  }
  return labels.length >= 3 ? { labels, end: cursor - step, isSpaced } : null;
}

/**
 * Rows of text extracted from .docx: every cell is a paragraph followed by one blank line, so an empty cell shows as
 * two extra blank lines. Rows open at a 序号 number, else every `width` cells.
 */
function parseSpacedRows(lines: readonly Line[], from: number, roles: ColumnRole[]): Parsed {
  const tokens: Array<{ cell: Cell; line: number }> = [];
  let cursor = from;
  while (cursor < lines.length) {
    let blankRun = 0;
    while (isBlank(lines[cursor + blankRun])) blankRun += 1;
    if (blankRun > 0) {
      const emptyCells = tokens.length > 0 ? Math.floor((blankRun - 1) / 2) : 0;
      for (let count = 0; count < emptyCells; count += 1) tokens.push({ cell: emptyCellAt(lines[cursor]?.start ?? 0), line: cursor });
      cursor += blankRun;
      continue;
    }
    const line = lines[cursor];
    if (line) tokens.push({ cell: wholeLineCell(line), line: cursor });
    cursor += 1;
  }

  const rows: TableRow[] = [];
  let lastLine = from - 1;
  const opensWithIndex = roles[0] === 'index';
  let position = 0;
  while (position < tokens.length) {
    const first = tokens[position];
    if (!first || (opensWithIndex && !INDEX_CELL.test(first.cell.text))) break;
    let end = position + 1;
    while (end < tokens.length && end - position < roles.length) {
      if (opensWithIndex && INDEX_CELL.test(tokens[end]?.cell.text ?? '')) break;
      end += 1;
    }
    const group = tokens.slice(position, end);
    const row = assembleRow(
      group.map((token) => token.cell),
      roles,
    );
    if (!looksLikeRow(row)) break;
    rows.push(row);
    lastLine = group.at(-1)?.line ?? lastLine;
    position = end;
  }
  return { rows, lastLine };
}

function tableAt(lines: readonly Line[], index: number): Table | null {
  const line = lines[index];
  if (!line || line.text.trim() === '') return null;

  if (isPipeRow(line)) {
    const roles = headerRoles(pipeCells(line).map((cell) => cell.text));
    if (!roles) return null;
    const parsed = parseDelimitedRows(lines, index + 1, roles, 'pipe');
    return { roles, rows: parsed.rows, firstLine: index, lastLine: parsed.lastLine };
  }
  const tabbed = tabCells(line).filter((cell) => cell.text !== '');
  if (line.text.includes('\t') && tabbed.length >= 3) {
    const roles = headerRoles(tabCells(line).map((cell) => cell.text));
    if (!roles) return null;
    const parsed = parseDelimitedRows(lines, index + 1, roles, 'tab');
    return { roles, rows: parsed.rows, firstLine: index, lastLine: parsed.lastLine };
  }
  const header = cellPerLineHeader(lines, index);
  const roles = header ? headerRoles(header.labels) : null;
  if (!header || !roles) return null;
  const from = header.end + 1;
  const parsed = header.isSpaced
    ? parseSpacedRows(lines, from, roles)
    : isBlank(lines[from])
      ? parseSeparatedRows(lines, from, roles)
      : parseContiguousRows(lines, from, roles);
  return { roles, rows: parsed.rows, firstLine: index, lastLine: Math.max(header.end, parsed.lastLine) };
}

/** Every task table in the lines, in order; tables without a single row are ignored. */
export function findTables(lines: readonly Line[]): Table[] {
  const tables: Table[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const table = tableAt(lines, index);
    if (table && table.rows.length > 0) {
      tables.push(table);
      index = table.lastLine;
    }
  }
  return tables;
}
