/**
 * Task-decomposition tables as they survive conversion to text: `|` markdown rows, tab-separated rows, or one cell per
 * line (as Word tables paste), with rows separated by blank lines or opened by a 序号 number. A table is recognised by
 * its header (任务/具体内容/责任单位/完成时限 …) and ends at the first group of lines that does not look like a row.
 * Indicator tables (指标名称|单位|2020年基期值|2025年目标值|属性), the 主要指标 tables of 规划 and 实施方案, are read
 * the same way and marked `kind: 'indicator'`: their goal columns state targets, their baseline columns history.
 */
import { ORGANISATION_SUFFIX } from './lexicon.js';
import { splitUnits } from './responsibility.js';

export interface Line {
  /** The line without its newline. */
  text: string;
  /** Source offset of the line's first character. */
  start: number;
}

export type ColumnRole =
  | 'index'
  | 'task'
  | 'content'
  | 'lead'
  | 'responsible'
  | 'participant'
  | 'deadline'
  | 'leader'
  | 'result'
  | 'other'
  // Indicator tables: the indicator's name, its unit, a baseline figure, a goal figure, 约束性/预期性.
  | 'indicator'
  | 'unit'
  | 'baseline'
  | 'goal'
  | 'attribute';

/** A task table assigns work (任务 + 责任单位/完成时限); an indicator table lists figures to reach (指标 + 目标值). */
export type TableKind = 'task' | 'indicator';

export interface Cell {
  text: string;
  /** Source offsets of the trimmed text; equal for an empty cell. */
  start: number;
  end: number;
}

export interface TableRow {
  /** The first cell of each role. */
  cells: Partial<Record<ColumnRole, Cell>>;
  /** Every cell, aligned with the table's roles and labels (an indicator table may have several goal columns). */
  columns: Cell[];
}

export interface Table {
  kind: TableKind;
  roles: ColumnRole[];
  /** The header labels as written, aligned with `roles` ("2025年目标值" dates its column). */
  labels: string[];
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

function compactLabel(label: string): string {
  return label.replace(/[\s:：*]/g, '');
}

/**
 * Header wordings beyond the exact list, by what a label says it holds: "协同配合单位", "主要责任部门", "重点工作任务",
 * "工作完成时限" — the variants other cities write. Checked in this order, only for labels short enough to be labels.
 */
const HEADER_CUES: ReadonlyArray<[RegExp, ColumnRole]> = [
  [/(配合|协同|协办|协助|参与|参加)(单位|部门|科室|处室)?$/, 'participant'],
  [/牵头|主责|主要责任(单位|部门|科室|处室)/, 'lead'],
  [/责任(单位|部门|科室|处室|主体)$/, 'responsible'],
  [/(时限|期限|时间节点|完成时间|完成日期|截止时间|时间进度|进度安排)$/, 'deadline'],
  [/(措施|举措|内容|目标|要求|路径)$/, 'content'],
  [/(任务|事项|工作|项目)(名称)?$/, 'task'],
];
const MAX_CUED_LABEL = 10;

function roleOfHeader(label: string): ColumnRole | null {
  const compact = compactLabel(label);
  const exact = HEADER_ROLES.find(([pattern]) => pattern.test(compact))?.[1];
  if (exact) return exact;
  if (compact.length < 2 || compact.length > MAX_CUED_LABEL || /[，。；,;\d]/.test(compact)) return null;
  return HEADER_CUES.find(([pattern]) => pattern.test(compact))?.[1] ?? null;
}

/** The column naming the indicator: 指标, 指标名称, 主要指标, 二级指标 … */
const INDICATOR_HEADER = /^(主要|核心|具体|一级|二级|三级)?指标(名称|项目|内容|项)?$/;
const UNIT_HEADER = /^(计量)?单位$/;
const ATTRIBUTE_HEADER = /^(指标)?(属性|性质|类型)$/;
/** Derived or descriptive figure columns that are neither baseline nor goal ("年均增长（%）", "完成率"). */
const DERIVED_HEADER = /年均|增速|增幅|增长|完成率|类别|领域|分类|序列|备注|说明/;
const BASELINE_HEADER = /基期|基数|基准|现状|现值|实际|完成|上年|起点/;
const GOAL_HEADER = /目标|预期值|规划值|计划值|力争/;
const YEAR_HEADER = /^(\d{4})年?(末|底)?([（(][^）)]*[）)])?$/;
/** A column of bare figures to reach ("年度目标值", "目标值", "计划任务数"), as opposed to a 年度目标 column of sentences. */
const GOAL_VALUE_HEADER = /(目标|预期|计划|任务)(值|数)$/;

function yearOfLabel(label: string): number | null {
  const match = /(\d{4})/.exec(label);
  return match ? Number(match[1]) : null;
}

/** Longest label an indicator table's figure column has ("2025年目标值（预期）"). */
const MAX_FIGURE_LABEL = 12;

/** Whether a line could be a header label written on its own line, of a task table or an indicator table. */
function isHeaderLabel(text: string): boolean {
  const compact = compactLabel(text);
  if (roleOfHeader(compact) !== null) return true;
  if (INDICATOR_HEADER.test(compact) || UNIT_HEADER.test(compact) || ATTRIBUTE_HEADER.test(compact)) return true;
  return (
    compact.length <= MAX_FIGURE_LABEL &&
    (YEAR_HEADER.test(compact) || (/\d{4}/.test(compact) && (GOAL_HEADER.test(compact) || BASELINE_HEADER.test(compact))))
  );
}

/**
 * Roles of an indicator table's header, or null when it is not one: it needs an indicator column and a goal column.
 * A figure column is a goal when labelled 目标/预期 ("2025年目标值"), a baseline when labelled 基期/现状/完成
 * ("2020年基期值" — history, never a target); bare year columns ("2020年|2025年") make the earliest the baseline and
 * the later ones goals, as the 主要指标 tables of 规划 are laid out.
 */
function indicatorRoles(labels: readonly string[]): ColumnRole[] | null {
  const compact = labels.map(compactLabel);
  let indicatorAt = compact.map((label) => INDICATOR_HEADER.test(label));
  if (!indicatorAt.includes(true)) {
    // "目标任务 | 年度目标值 | 责任单位": a column of figures to reach makes the first 任务/内容 column the indicator.
    if (!compact.some((label) => GOAL_VALUE_HEADER.test(label))) return null;
    const named = compact.findIndex((label) => {
      const role = roleOfHeader(label);
      return role === 'task' || role === 'content';
    });
    if (named < 0) return null;
    indicatorAt = compact.map((_, index) => index === named);
  }
  const lastIndicator = indicatorAt.lastIndexOf(true);
  const roles: Array<ColumnRole | 'year'> = compact.map((label, index) => {
    if (indicatorAt[index]) return index === lastIndicator ? 'indicator' : 'other';
    if (/^(序号|编号|序)$/.test(label)) return 'index';
    if (UNIT_HEADER.test(label)) return 'unit';
    if (ATTRIBUTE_HEADER.test(label)) return 'attribute';
    if (DERIVED_HEADER.test(label)) return 'other';
    if (BASELINE_HEADER.test(label)) return 'baseline';
    if (GOAL_HEADER.test(label)) return 'goal';
    if (YEAR_HEADER.test(label)) return 'year';
    return roleOfHeader(label) ?? 'other';
  });
  const years = compact.map((label, index) => (roles[index] === 'year' ? yearOfLabel(label) : null));
  const hasExplicitGoal = roles.includes('goal');
  const earliestYear = Math.min(...years.filter((year): year is number => year !== null));
  const resolved = roles.map((role, index): ColumnRole => {
    if (role !== 'year') return role;
    return hasExplicitGoal || years[index] === earliestYear ? 'baseline' : 'goal';
  });
  return resolved.includes('goal') ? resolved : null;
}

function isTaskTable(roles: readonly ColumnRole[]): boolean {
  const saysWho = roles.some((role) => role === 'lead' || role === 'responsible' || role === 'participant');
  const saysWhat = roles.includes('task') || roles.includes('content');
  return saysWhat && (saysWho || roles.includes('deadline'));
}

/**
 * Two sentence columns of the same role ("目标任务 | 具体工作措施", both content; "重点任务 | 工作任务", both task) are a
 * heading and its detail: the first is the task, the second the content, so that both are read.
 */
function pairTextColumns(roles: ColumnRole[]): ColumnRole[] {
  const contents = roles.flatMap((role, index) => (role === 'content' ? [index] : []));
  const tasks = roles.flatMap((role, index) => (role === 'task' ? [index] : []));
  const paired = [...roles];
  if (tasks.length === 0 && contents.length >= 2) paired[contents[0] ?? 0] = 'task';
  if (contents.length === 0 && tasks.length >= 2) paired[tasks[1] ?? 0] = 'content';
  return paired;
}

function headerRoles(labels: readonly string[]): { kind: TableKind; roles: ColumnRole[] } | null {
  if (labels.length < 3) return null;
  const indicator = indicatorRoles(labels);
  if (indicator) return { kind: 'indicator', roles: indicator };
  const roles = labels.map(roleOfHeader);
  const unknown = roles.filter((role) => role === null).length;
  if (unknown > 1) return null;
  const known = pairTextColumns(roles.map((role) => role ?? 'other'));
  return isTaskTable(known) ? { kind: 'task', roles: known } : null;
}

/** The kind and column roles a header row's labels give a table (readers find header rows with it), or null. */
export function tableHeader(labels: readonly string[]): { kind: TableKind; roles: ColumnRole[] } | null {
  return headerRoles(labels.map((label) => label.trim()));
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

/** Display width as fixed-width text aligns it: a CJK or full-width character takes two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** A run this long of spaces (or ideographic spaces) separates the cells of a space-aligned table. */
const SPACE_GAP = /(?: {2,}|\u3000+)/;

interface AlignedCell extends Cell {
  /** Display column where the cell starts. */
  column: number;
}

/** The cells of a space-aligned line, with the display column each starts at. */
function spaceCells(line: Line): AlignedCell[] {
  const cells: AlignedCell[] = [];
  const pattern = new RegExp(`[^ \u3000](?:.*?)(?=${SPACE_GAP.source}|$)`, 'g');
  for (const match of line.text.trimEnd().matchAll(pattern)) {
    const text = match[0].trim();
    if (text)
      cells.push({
        text,
        start: line.start + match.index,
        end: line.start + match.index + match[0].length,
        column: displayWidth(line.text.slice(0, match.index)),
      });
  }
  return cells;
}

function isSpaceAligned(line: Line): boolean {
  return !line.text.includes('\t') && !line.text.includes('|') && SPACE_GAP.test(line.text.trim());
}

/**
 * Puts a space-aligned row's cells under the header's columns by where they start on screen (an empty cell leaves
 * a gap, not a shift); a cell goes to the last column starting at or before it, give or take two columns.
 */
function alignCells(cells: readonly AlignedCell[], headerColumns: readonly number[]): Cell[] {
  const fitted: Cell[] = headerColumns.map(() => emptyCellAt(cells[0]?.start ?? 0));
  for (const cell of cells) {
    let index = 0;
    for (let column = 0; column < headerColumns.length; column += 1) if ((headerColumns[column] ?? 0) <= cell.column + 2) index = column;
    const current = fitted[index];
    fitted[index] = current && current.text ? { text: `${current.text} ${cell.text}`, start: current.start, end: cell.end } : cell;
  }
  return fitted;
}

function parseSpaceAlignedRows(lines: readonly Line[], from: number, roles: ColumnRole[], headerColumns: readonly number[]): Parsed {
  const rows: TableRow[] = [];
  let lastLine = from - 1;
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) break;
    if (isBlank(line)) {
      // One blank line between rows is a gap; the table goes on when an aligned row follows it.
      const next = lines[index + 1];
      if (rows.length > 0 && next && !isBlank(next) && isSpaceAligned(next)) continue;
      break;
    }
    if (isGroupHeadingLine(line.text) && !SPACE_GAP.test(line.text.trim())) {
      lastLine = index;
      continue;
    }
    if (!isSpaceAligned(line)) break;
    const row = assembleRow(alignCells(spaceCells(line), headerColumns), roles);
    if (!looksLikeRow(row, roles)) break;
    rows.push(row);
    lastLine = index;
  }
  return { rows, lastLine };
}

/** A `|` row, with or without the leading pipe ("序号 | 工作任务 | 责任部门", as HTML tables flatten). */
function isPipeRow(line: Line): boolean {
  const text = line.text.trim();
  return text.startsWith('|') || (text.match(/\s[|｜]\s/g)?.length ?? 0) >= 2;
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
  const row: TableRow = { cells: {}, columns: roles.map((_, index) => fitted[index] ?? emptyCellAt(cells.at(-1)?.end ?? 0)) };
  roles.forEach((role, index) => {
    const cell = fitted[index];
    if (cell && row.cells[role] === undefined) row.cells[role] = cell;
  });
  return row;
}

/**
 * A task row names a due date or responsible units (its task cell may be empty, continuing the task above); an
 * indicator row has a figure in a goal column.
 */
function looksLikeRow(row: TableRow, roles: readonly ColumnRole[]): boolean {
  if (roles.includes('goal')) return row.columns.some((cell, index) => roles[index] === 'goal' && /\d/.test(cell.text));
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

/** Longest group heading ("一、培育创新主体") that a table may carry between its rows. */
const MAX_GROUP_HEADING = 30;

/**
 * A line that groups the rows below it ("一、培育创新主体", "（二）创新平台"), as merged full-width cells paste: short,
 * with no sentence punctuation, no cell separator and no figure. The caller checks that a row follows.
 */
export function isGroupHeadingLine(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > MAX_GROUP_HEADING || /[\t|]/.test(trimmed)) return false;
  const body = trimmed.replace(
    /^([一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}(部分|类|项))\s*/,
    '',
  );
  return body.length >= 2 && !/[，,。；;：:！？!?\d]/.test(body);
}

/** The next line that is not blank, from `index` on. */
function nextFilledLine(lines: readonly Line[], index: number): Line | undefined {
  let cursor = index;
  while (isBlank(lines[cursor])) cursor += 1;
  return lines[cursor];
}

/** "序号；任务名称；工作内容；牵头单位": rows whose cells a full-width semicolon separates. */
function semicolonCells(line: Line): Cell[] {
  return splitCells(line, '；');
}

function isSemicolonRow(line: Line): boolean {
  return (line.text.match(/；/g)?.length ?? 0) >= 2 && !line.text.includes('\t');
}

function parseDelimitedRows(lines: readonly Line[], from: number, roles: ColumnRole[], form: 'pipe' | 'tab' | 'semicolon'): Parsed {
  const rows: TableRow[] = [];
  let lastLine = from - 1;
  const cellsOf = form === 'semicolon' ? semicolonCells : tabCells;
  const isSeparated = (line: Line) => (form === 'semicolon' ? isSemicolonRow(line) : line.text.includes('\t'));
  const isRowLine = (line: Line | undefined) =>
    line !== undefined && (form === 'pipe' ? isPipeRow(line) : isSeparated(line) && looksLikeRow(assembleRow(cellsOf(line), roles), roles));
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line) break;
    // A group heading between rows belongs to the table; the table goes on when a row follows it.
    if (rows.length + (form !== 'pipe' ? 1 : 0) > 0 && isGroupHeadingLine(line.text) && isRowLine(nextFilledLine(lines, index + 1))) {
      lastLine = index;
      continue;
    }
    if (form === 'pipe') {
      if (!isPipeRow(line)) break;
      lastLine = index;
      if (isPipeSeparator(line)) continue;
      rows.push(assembleRow(pipeCells(line), roles));
    } else {
      if (isBlank(line)) continue;
      if (!isSeparated(line)) break;
      const row = assembleRow(cellsOf(line), roles);
      if (!looksLikeRow(row, roles)) break;
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
    if (!looksLikeRow(row, roles)) break;
    rows.push(row);
    lastLine = end - 1;
    cursor = end;
  }
  return { rows, lastLine };
}

/** The lines from `from` up to the next numbered row (or two blank lines, or the end): the rest of one row. */
function remainingRowLines(lines: readonly Line[], from: number): Line[] {
  const rest: Line[] = [];
  for (let index = from; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line || INDEX_CELL.test(line.text.trim())) break;
    if (isBlank(line) && isBlank(lines[index + 1])) break;
    rest.push(line);
  }
  return rest;
}

/** Rows of one cell per line with nothing between them: a 序号 number opens each row, else every `width` lines do. */
function parseContiguousRows(lines: readonly Line[], from: number, roles: ColumnRole[]): Parsed {
  const rows: TableRow[] = [];
  let lastLine = from - 1;
  let cursor = from;
  const opensWithIndex = roles[0] === 'index';
  while (cursor < lines.length) {
    const first = lines[cursor];
    const isHeadingBeforeRow =
      opensWithIndex && first !== undefined && isGroupHeadingLine(first.text) && INDEX_CELL.test(lines[cursor + 1]?.text.trim() ?? '');
    if (isHeadingBeforeRow) {
      cursor += 1;
      continue;
    }
    if (opensWithIndex && isBlank(first) && INDEX_CELL.test(nextFilledLine(lines, cursor)?.text.trim() ?? '')) {
      // A blank line between two numbered rows separates them; the table goes on.
      cursor += 1;
      continue;
    }
    if (!first || isBlank(first) || (opensWithIndex && !INDEX_CELL.test(first.text.trim()))) break;
    const group: Cell[] = [wholeLineCell(first)];
    let end = cursor + 1;
    while (end < lines.length) {
      const line = lines[end];
      if (!line) break;
      if (isBlank(line)) {
        // In a numbered row, a blank line is an empty cell when the row's remaining lines still fit its width.
        const rest = opensWithIndex ? remainingRowLines(lines, end) : null;
        if (rest === null || group.length + rest.length > roles.length || group.length + rest.length < roles.length - 1) break;
        for (const restLine of rest) group.push(isBlank(restLine) ? emptyCellAt(restLine.start) : wholeLineCell(restLine));
        end += rest.length;
        break;
      }
      if (opensWithIndex ? INDEX_CELL.test(line.text.trim()) : group.length >= roles.length) break;
      group.push(wholeLineCell(line));
      end += 1;
    }
    const row = assembleRow(group, roles);
    if (!looksLikeRow(row, roles)) break;
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
    return text !== '' && !text.includes('\t') && !text.includes('|') && isHeaderLabel(text);
  };
  const isSpaced = isLabel(lines[index]) && !isLabel(lines[index + 1]) && isBlank(lines[index + 1]) && isLabel(lines[index + 2]);
  const step = isSpaced ? 2 : 1;
  // A narrow Word column breaks its label over two lines ("责任" / "单位"): the two lines are one label.
  const splitLabel = (at: number): string | null => {
    const first = lines[at]?.text.trim() ?? '';
    const second = lines[at + step]?.text.trim() ?? '';
    if (!first || !second || first.length > 4 || second.length > 4) return null;
    return isHeaderLabel(first + second) ? first + second : null;
  };
  const labels: string[] = [];
  let cursor = index;
  while (step === 1 || cursor === index || isBlank(lines[cursor - 1])) {
    const joined = isLabel(lines[cursor]) ? null : splitLabel(cursor);
    if (!isLabel(lines[cursor]) && joined === null) break;
    labels.push(joined ?? lines[cursor]?.text.trim() ?? '');
    if (labels.length > MAX_COLUMNS) return null;
    cursor += joined === null ? step : 2 * step;
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
    if (!looksLikeRow(row, roles)) break;
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
    const labels = pipeCells(line).map((cell) => cell.text);
    const header = headerRoles(labels);
    if (!header) return null;
    const parsed = parseDelimitedRows(lines, index + 1, header.roles, 'pipe');
    return { ...header, labels, rows: parsed.rows, firstLine: index, lastLine: parsed.lastLine };
  }
  const tabbed = tabCells(line).filter((cell) => cell.text !== '');
  if (line.text.includes('\t') && tabbed.length >= 3) {
    const labels = tabCells(line).map((cell) => cell.text);
    const header = headerRoles(labels);
    if (!header) return null;
    const parsed = parseDelimitedRows(lines, index + 1, header.roles, 'tab');
    return { ...header, labels, rows: parsed.rows, firstLine: index, lastLine: parsed.lastLine };
  }
  if (isSemicolonRow(line)) {
    const labels = semicolonCells(line).map((cell) => cell.text);
    const header = labels.length >= 3 ? headerRoles(labels) : null;
    if (header) {
      const parsed = parseDelimitedRows(lines, index + 1, header.roles, 'semicolon');
      return { ...header, labels, rows: parsed.rows, firstLine: index, lastLine: parsed.lastLine };
    }
  }
  if (isSpaceAligned(line)) {
    const cells = spaceCells(line);
    const header = cells.length >= 3 ? headerRoles(cells.map((cell) => cell.text)) : null;
    if (!header) return null;
    const parsed = parseSpaceAlignedRows(
      lines,
      index + 1,
      header.roles,
      cells.map((cell) => cell.column),
    );
    return { ...header, labels: cells.map((cell) => cell.text), rows: parsed.rows, firstLine: index, lastLine: parsed.lastLine };
  }
  const labelLines = cellPerLineHeader(lines, index);
  const header = labelLines ? headerRoles(labelLines.labels) : null;
  if (!labelLines || !header) return null;
  const from = labelLines.end + 1;
  const parsed = labelLines.isSpaced
    ? parseSpacedRows(lines, from, header.roles)
    : isBlank(lines[from])
      ? parseSeparatedRows(lines, from, header.roles)
      : parseContiguousRows(lines, from, header.roles);
  return { ...header, labels: labelLines.labels, rows: parsed.rows, firstLine: index, lastLine: Math.max(labelLines.end, parsed.lastLine) };
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
