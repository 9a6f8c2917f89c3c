/**
 * Tables in plain text whose cells only spaces separate — a web page's table copied as text, a PDF converted without
 * layout — rebuilt as tab-separated rows (table-text.ts), the form the task extractor reads.
 *
 * Such text has lost its grid: cells are separated by one space, and a long cell wraps onto the following lines, either
 * mid-row (the rest of the row goes on on the next line) or column by column (each continuation line holds the next
 * piece of every column that still has text). What is left is the header, which names the columns (序号, 重点工作任务,
 * 主要责任单位, 协同配合单位, 完成期限 …, recognised as tables.ts recognises headers), and what each column holds: a
 * 序号 is a small number that counts up, a deadline reads as a date or a rhythm (2024年12月底, 持续推进, 每季度), a
 * unit column names organisations (…局, …委, …人民政府), a task column holds sentences. A row opens at its 序号 (or,
 * in a table without one, at a line of several pieces); its pieces are assigned to the columns by the best-scoring
 * alignment in header order, found by dynamic programming, and a cell's pieces are joined again.
 */
import { ORGANISATION_SUFFIX } from './lexicon.js';
import { tableHeader, type ColumnRole } from './tables.js';
import { tableToText } from './table-text.js';

type ColumnType = 'index' | 'date' | 'unit' | 'text';

interface Token {
  text: string;
  /** Whether the token opens a line of the row (it follows a line break, not a space). */
  opensLine: boolean;
  /** Line of the row the token is on. */
  line: number;
}

const SEPARATOR = /[ \u3000\t]+/;
const INDEX_TOKEN = /^(\d{1,3})[.、．]?$/;
const DATE_CELL =
  /^(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|初|中旬|上旬|下旬|份|中)?(?:前|以前|之前)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)$/;
const RHYTHM =
  /长期|持续|全年|年内|年底|年末|每季度|每月|每年|每半年|按季度|按月|定期|常态化|动态|上半年|下半年|逐年|月底|季末|立即|已完成/;
const OUTLINE_HEADING =
  /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}(?:部分|类|项))/;
const PROSE_END = /[。！？]$/;
/** Bounds on the alignment's work (a row of a real table has a dozen pieces; a cell, a few wrapped lines). */
const MAX_TOKENS_PER_ROW = 40;
const MAX_TOKENS_PER_CELL = 16;
/**
 * The alignment work one document may cost (pieces × cell widths × columns, about 2 µs each): a real task table takes
 * a few thousand a row; text built to be slow stops being rebuilt, and is read as it stands, within about two seconds.
 */
const MAX_ALIGNMENT_WORK = 1_000_000;

/** What is left of the document's alignment work. */
interface Budget {
  remaining: number;
}
const MAX_LINES_PER_ROW = 12;
const MAX_LABEL_LENGTH = 12;

function typeOf(role: ColumnRole): ColumnType {
  if (role === 'index') return 'index';
  if (role === 'deadline') return 'date';
  if (role === 'lead' || role === 'responsible' || role === 'participant') return 'unit';
  return 'text';
}

function isDateLike(text: string): boolean {
  return text !== '' && (DATE_CELL.test(text) || (text.length <= 8 && RHYTHM.test(text) && !/[，。；,]/.test(text)));
}

function unitPieces(text: string): string[] {
  return text.split(/[、，,；;\s]+/).filter((piece) => piece !== '');
}

/** How well a cell's text fits a column of the given type (higher is better; negative is a misfit). */
function fit(type: ColumnType, text: string): number {
  if (text === '') return 0;
  switch (type) {
    case 'index':
      return INDEX_TOKEN.test(text) ? 3 : -10;
    case 'date':
      if (isDateLike(text)) return 3;
      return text.length <= 24 && !/[，。；,]/.test(text) && (RHYTHM.test(text) || /\d{4}年|\d{1,2}月/.test(text)) ? 1 : -5;
    case 'unit': {
      if (/\d/.test(text) || /[。！？]/.test(text)) return -4;
      const pieces = unitPieces(text.replace(/^(?:牵头|配合)[:：]?/, ''));
      const named = pieces.filter((piece) => ORGANISATION_SUFFIX.test(piece)).length;
      if (named === pieces.length) return 3;
      return named > 0 && text.length <= 40 ? 1 : text.length <= 8 ? 0 : -3;
    }
    case 'text':
      if (isDateLike(text)) return -1;
      return 1 + Math.min(text.length, 40) / 20;
  }
}

/** Joins a cell's tokens: a line break inside a cell was a wrap (nothing between); a space between units lists them. */
function joinTokens(tokens: readonly Token[], type: ColumnType): string {
  let text = '';
  for (const token of tokens) {
    if (text === '' || token.opensLine) text += token.text;
    else if (type === 'unit') text += ` ${token.text}`;
    else text += /[\u4e00-\u9fff，。、）]$/.test(text) && /^[\u4e00-\u9fff，。、（“]/.test(token.text) ? token.text : ` ${token.text}`;
  }
  return text;
}

/**
 * How well a run of tokens fits as one cell. Within a line, spaces separate cells, so a sentence or date cell made of
 * space-separated pieces is suspect; a unit cell may list units with spaces.
 */
function cellFit(type: ColumnType, tokens: readonly Token[]): number {
  const innerSpaces = tokens.slice(1).filter((token) => !token.opensLine).length;
  return fit(type, joinTokens(tokens, type)) - innerSpaces * (type === 'unit' ? 0.1 : 1);
}

/**
 * How likely a continuation line's piece continues a column: text wraps at the column's width, so a piece longer than
 * the column's first line belongs to a wider column, and the widest text column wraps most often; a column empty on
 * the first line has nothing to continue.
 */
function continuationFit(type: ColumnType, text: string, headWidth: number): number {
  if (headWidth === 0) return -1;
  if (type !== 'text') return 0;
  return text.length > headWidth + 1 ? -2 : 0.02 * headWidth;
}

/** What leaving a column of this role empty costs: participants, notes and leaders are often blank. */
function emptyCost(role: ColumnRole): number {
  return role === 'participant' || role === 'other' || role === 'result' || role === 'leader' || role === 'task' ? 0.2 : 1.5;
}

interface Alignment {
  score: number;
  /** The tokens of each column. */
  cells: Token[][];
}

/**
 * The best assignment of tokens to columns in order (cells are contiguous runs of tokens, columns may be skipped):
 * best[e][c] is the best score of tokens [0, e) with the last cell in column c.
 */
function alignRun(
  tokens: readonly Token[],
  roles: readonly ColumnRole[],
  options: { fromColumn: number; isContinuation: boolean; headWidths?: readonly number[] },
): Alignment {
  const types = roles.map(typeOf);
  const columns = roles.length;
  const count = tokens.length;
  const best: number[][] = Array.from({ length: count + 1 }, () => Array<number>(columns + 1).fill(-Infinity));
  const back: Array<Array<{ start: number; previous: number } | null>> = Array.from({ length: count + 1 }, () =>
    Array(columns + 1).fill(null),
  );
  // Column index `columns` stands for "nothing yet" (before the first column).
  const START = columns;
  best[0]![START] = 0;
  const skipCost = (from: number, to: number) => {
    let cost = 0;
    for (let column = from; column < to; column += 1) cost += options.isContinuation ? 0.05 : emptyCost(roles[column] ?? 'other');
    return cost;
  };
  for (let end = 1; end <= count; end += 1) {
    for (let column = options.fromColumn; column < columns; column += 1) {
      if (options.isContinuation && types[column] === 'index') continue;
      for (let start = end - 1; start >= Math.max(0, end - MAX_TOKENS_PER_CELL); start -= 1) {
        const type = types[column] ?? 'text';
        const run = tokens.slice(start, end);
        const widths = options.headWidths;
        const cellScore = cellFit(type, run) + (widths ? continuationFit(type, joinTokens(run, type), widths[column] ?? 0) : 0);
        for (let previous = 0; previous <= columns; previous += 1) {
          const before = best[start]![previous]!;
          if (before === -Infinity) continue;
          const previousColumn = previous === START ? options.fromColumn - 1 : previous;
          if (previous !== START && previous >= column) continue;
          const score = before + cellScore - skipCost(previousColumn + 1, column);
          if (score > best[end]![column]!) {
            best[end]![column] = score;
            back[end]![column] = { start, previous };
          }
        }
        // A cell of only one kind of thing rarely runs on long: stop widening once it clearly misfits.
        if (cellScore < -8) break;
      }
    }
  }
  let bestColumn = -1;
  let bestScore = -Infinity;
  for (let column = 0; column < columns; column += 1) {
    const trailing = options.isContinuation ? 0 : skipCost(column + 1, columns);
    const score = (best[count]![column] ?? -Infinity) - trailing;
    if (score > bestScore) {
      bestScore = score;
      bestColumn = column;
    }
  }
  const cells: Token[][] = roles.map(() => []);
  let end = count;
  let column = bestColumn;
  while (end > 0 && column >= 0 && column !== START) {
    const step = back[end]![column];
    if (!step) break;
    cells[column] = tokens.slice(step.start, end);
    end = step.start;
    column = step.previous;
  }
  return { score: bestScore, cells };
}

function tokensOf(lines: readonly string[]): Token[] {
  return lines.flatMap((line, lineIndex) =>
    line
      .trim()
      .split(SEPARATOR)
      .filter((text) => text !== '')
      .map((text, index) => ({ text, opensLine: index === 0 && lineIndex > 0, line: lineIndex })),
  );
}

/**
 * A row's cells. When the first line already reaches the last column, the continuation lines wrapped column by column
 * (each is aligned on its own and its pieces appended to their columns); otherwise the row flows on across lines.
 */
function rowCells(lines: readonly string[], roles: readonly ColumnRole[], budget: Budget): string[] | null {
  const types = roles.map(typeOf);
  const tokens = tokensOf(lines).slice(0, MAX_TOKENS_PER_ROW);
  budget.remaining -= 2 * tokens.length * Math.min(tokens.length, MAX_TOKENS_PER_CELL) * roles.length;
  if (budget.remaining < 0) return null;
  const firstLine = tokens.filter((token) => token.line === 0);
  const continuation = tokens.filter((token) => token.line > 0);
  const flowing = alignRun(tokens, roles, { fromColumn: 0, isContinuation: false });
  let cells = flowing.cells;
  if (continuation.length > 0) {
    const head = alignRun(firstLine, roles, { fromColumn: 0, isContinuation: false });
    const lastFilled = head.cells.reduce((last, cell, index) => (cell.length > 0 ? index : last), -1);
    if (lastFilled === roles.length - 1) {
      const byColumn = head.cells.map((cell) => [...cell]);
      const headWidths = head.cells.map((cell, index) => joinTokens(cell, types[index] ?? 'text').length);
      const lineNumbers = [...new Set(continuation.map((token) => token.line))];
      let score = head.score;
      for (const lineNumber of lineNumbers) {
        const run = continuation.filter((token) => token.line === lineNumber).map((token) => ({ ...token, opensLine: false }));
        const aligned = alignRun(run, roles, { fromColumn: 0, isContinuation: true, headWidths });
        score += aligned.score;
        aligned.cells.forEach((cell, index) => {
          // Continuation pieces of a column run on from its text above (a wrap), not as a new word.
          cell.forEach((token, position) => byColumn[index]?.push({ ...token, opensLine: position === 0 }));
        });
      }
      if (score >= flowing.score - 1) cells = byColumn;
    }
  }
  return cells.map((cell, index) => joinTokens(cell, types[index] ?? 'text'));
}

function isBlank(line: string | undefined): boolean {
  return line !== undefined && line.trim() === '';
}

/** "序 号", "完 成 时 限": a label a page spaced out character by character (a run of single characters) put back together. */
function joinSpacedLetters(labels: readonly string[]): string[] {
  const joined: string[] = [];
  let previousWasLetter = false;
  for (const label of labels) {
    const isLetter = /^[\u4e00-\u9fff]$/.test(label);
    if (isLetter && previousWasLetter) joined[joined.length - 1] += label;
    else joined.push(label);
    previousWasLetter = isLetter;
  }
  return joined;
}

/** Display width as fixed-width text aligns it: a CJK or full-width character takes two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char) ? 2 : 1;
  return width;
}

/** A line's pieces between runs of two or more spaces, with the display column each starts at. */
function alignedPieces(line: string): Array<{ text: string; column: number }> {
  const pieces: Array<{ text: string; column: number }> = [];
  for (const match of line.trimEnd().matchAll(/\S(?:.*?)(?=(?: {2,}|\u3000+)|$)/g)) {
    pieces.push({ text: match[0].trim(), column: displayWidth(line.slice(0, match.index)) });
  }
  return pieces;
}

interface Header {
  labels: string[];
  roles: ColumnRole[];
  /** Display columns where the labels start, when the header is laid out by runs of spaces (text from a layout). */
  columns: number[] | null;
}

/**
 * The display columns of the labels when every label stands apart by a run of two or more spaces (a layout where
 * columns line up, as `pdftotext -layout` writes), else null. A label spaced out over a gap ("序  号") keeps the
 * column of its first piece.
 */
function alignedColumns(line: string, labels: readonly string[]): number[] | null {
  const pieces = alignedPieces(line);
  const columns: number[] = [];
  let cursor = 0;
  for (const label of labels) {
    const start = pieces[cursor]?.column;
    let text = '';
    while (cursor < pieces.length && text.length < label.length) text += (pieces[cursor++]?.text ?? '').replace(/\s+/g, '');
    if (text !== label || start === undefined) return null;
    columns.push(start);
  }
  return cursor === pieces.length ? columns : null;
}

function headerRolesOf(line: string): Header | null {
  if (line.includes('\t') || line.includes('|')) return null;
  const tokens = line.trim().split(SEPARATOR);
  const joined = joinSpacedLetters(tokens);
  for (const labels of joined.length < tokens.length ? [joined, tokens] : [tokens]) {
    if (labels.length < 3 || labels.some((label) => label.length > MAX_LABEL_LENGTH)) continue;
    const header = tableHeader(labels);
    if (header && header.kind === 'task') return { labels, roles: header.roles, columns: alignedColumns(line, labels) };
  }
  return null;
}

/**
 * A row of a layout whose columns line up: each piece goes to the last column starting at or before it (give or take
 * two), and a column's pieces from successive lines are joined as wrapped text.
 */
function alignedRowCells(lines: readonly string[], roles: readonly ColumnRole[], columns: readonly number[]): string[] {
  const types = roles.map(typeOf);
  const cells: Token[][] = roles.map(() => []);
  lines.forEach((line, lineIndex) => {
    for (const piece of alignedPieces(line)) {
      let column = 0;
      for (let index = 0; index < columns.length; index += 1) if ((columns[index] ?? 0) <= piece.column + 2) column = index;
      const cell = cells[column];
      cell?.push({ text: piece.text, opensLine: cell.length > 0, line: lineIndex });
    }
  });
  return cells.map((cell, index) => joinTokens(cell, types[index] ?? 'text'));
}

const TAB = /\t/g;

/**
 * A tab-separated table whose cells held line breaks (a web table copied from a browser): a row's text runs over
 * several lines, the break inside a cell. Lines are joined until the row has as many tabs as the header. Null when
 * no row was broken, so that tables the extractor already reads are left as they are.
 */
function rejoinTabRows(lines: readonly string[], at: number): RebuiltTable | null {
  const header = lines[at] ?? '';
  const tabs = header.match(TAB)?.length ?? 0;
  if (tabs < 2 || !tableHeader(header.split('\t'))) return null;
  const out: string[] = [header];
  let wasBroken = false;
  let cursor = at + 1;
  while (cursor < lines.length) {
    const line = lines[cursor] ?? '';
    const count = line.match(TAB)?.length ?? 0;
    if (isBlank(line) || count === 0 || count >= tabs) {
      if (count === 0 && !isBlank(line)) break;
      if (isBlank(line) && !(lines[cursor + 1] ?? '').includes('\t')) break;
      out.push(line);
      cursor += 1;
      continue;
    }
    // A broken row: join the following lines (the rest of the cell, then the other cells) up to the header's tabs.
    let row = line;
    let end = cursor + 1;
    while (end < lines.length && (row.match(TAB)?.length ?? 0) < tabs && !isBlank(lines[end]) && end - cursor < MAX_LINES_PER_ROW) {
      const next = lines[end] ?? '';
      if (/^\d{1,3}$/.test((next.split('\t')[0] ?? '').trim()) && next.includes('\t')) break;
      row += next.trim();
      end += 1;
    }
    wasBroken = wasBroken || end > cursor + 1;
    out.push(row);
    cursor = end;
  }
  return wasBroken ? { text: out.join('\n'), lineCount: cursor - at - 1 } : null;
}

/** The number a line opens with, when it opens a row ("3 新建…"), else null. */
function rowNumber(line: string): number | null {
  const first = line.trim().split(SEPARATOR)[0] ?? '';
  const match = INDEX_TOKEN.exec(first);
  return match && line.trim().length > first.length ? Number(match[1]) : null;
}

function isGroupHeading(line: string): boolean {
  const trimmed = line.trim();
  return OUTLINE_HEADING.test(trimmed) && trimmed.length <= 30 && !/[，。；]/.test(trimmed);
}

interface RebuiltTable {
  text: string;
  /** Lines consumed after the header. */
  lineCount: number;
}

/** Reads the rows below a header at lines[at]; null when not one row follows. */
function rebuildTable(lines: readonly string[], at: number, { labels, roles, columns }: Header, budget: Budget): RebuiltTable | null {
  const hasIndex = roles[0] === 'index';
  const out: string[][] = [labels];
  let row: string[] | null = null;
  let expected = 1;
  let rowCount = 0;
  let cursor = at + 1;
  let isOverBudget = false;
  const flush = () => {
    if (row) {
      const cells = columns ? alignedRowCells(row, roles, columns) : rowCells(row, roles, budget);
      if (cells === null) isOverBudget = true;
      else out.push(cells);
      rowCount += 1;
    }
    row = null;
  };
  const opensRow = (line: string | undefined): boolean => {
    if (line === undefined || isBlank(line)) return false;
    if (hasIndex) {
      const number = rowNumber(line);
      return number !== null && (number === expected || number === 1 || (rowCount === 0 && number <= 2));
    }
    return line.trim().split(SEPARATOR).length >= Math.min(3, roles.length - 1) && !isGroupHeading(line);
  };
  const nextFilled = (from: number) => {
    let index = from;
    while (index < lines.length && isBlank(lines[index])) index += 1;
    return index;
  };
  for (; cursor < lines.length; cursor += 1) {
    const line = lines[cursor] ?? '';
    if (isBlank(line)) {
      const next = nextFilled(cursor);
      const resumes = opensRow(lines[next]) || (isGroupHeading(lines[next] ?? '') && opensRow(lines[nextFilled(next + 1)]));
      if (!resumes || row === null) break;
      continue;
    }
    if (isGroupHeading(line) && opensRow(lines[nextFilled(cursor + 1)])) {
      flush();
      out.push([line.trim()]);
      continue;
    }
    if (opensRow(line)) {
      flush();
      row = [line];
      const number = rowNumber(line);
      if (number !== null) expected = number + 1;
      continue;
    }
    // A continuation of the row: short pieces, or several space-separated pieces; prose after the table ends it.
    const current: string[] | null = row;
    if (current === null) break;
    const pieces = line.trim().split(SEPARATOR).length;
    const isProse = pieces === 1 && line.trim().length > 30 && PROSE_END.test(line.trim());
    if (isProse || /^(?:注|备注|说明)[:：]/.test(line.trim()) || current.length >= MAX_LINES_PER_ROW) break;
    current.push(line);
  }
  flush();
  if (rowCount === 0 || isOverBudget) return null;
  return { text: tableToText(out), lineCount: cursor - at - 1 };
}

/**
 * The text with every space-separated task table rewritten as tab-separated rows; all other lines as they were. Text
 * that already has tab or `|` rows is left alone, so running it twice changes nothing.
 */
export function rebuildSpaceTables(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  const budget: Budget = { remaining: MAX_ALIGNMENT_WORK };
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const header = headerRolesOf(line);
    const table = header ? rebuildTable(lines, index, header, budget) : line.includes('\t') ? rejoinTabRows(lines, index) : null;
    if (!table) {
      out.push(line);
      continue;
    }
    out.push(table.text);
    index += table.lineCount;
  }
  return out.join('\n');
}
