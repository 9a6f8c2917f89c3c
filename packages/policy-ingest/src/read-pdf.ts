/**
 * A PDF's text read with positions (pdf.js, Mozilla's maintained reader; its legacy build runs in Node 20 without a
 * canvas). Text pieces are put into lines by their baseline and into segments by the gaps between them. A line whose
 * segments name a table's columns (序号, 重点任务, 牵头单位, 完成时限 …) opens a table: its columns are the x-ranges that
 * text of the header and the rows below occupies, rows are told apart by the wider gap between them (or by a 序号
 * number), and the lines a cell wrapped onto are joined. Everything else is written line by line, as the page reads.
 */
import { tableHeader } from './tables.js';
import { joinCellPieces, tableToText } from './table-text.js';

/** A run of text on one line. */
interface Segment {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the page's top. */
  top: number;
  size: number;
}

interface PdfLine {
  top: number;
  size: number;
  segments: Segment[];
}

interface TextPiece {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Bounds: a plan runs to tens of pages. */
const MAX_PAGES = 300;
/** A gap wider than this many ems between two pieces separates cells; a narrower one is a space at most. */
const CELL_GAP_EMS = 0.45;
/** Page numbers such as "— 3 —" or "- 12 -". */
const PAGE_NUMBER = /^[\s\-—–－]*\d{1,4}[\s\-—–－]*$/;

function isTextPiece(item: unknown): item is TextPiece {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

/** Groups pieces into lines (baselines within a third of the font size) and lines into segments. */
function linesOf(pieces: readonly TextPiece[], pageHeight: number): PdfLine[] {
  const sorted = pieces
    .filter((piece) => piece.str.trim() !== '')
    .map((piece) => {
      const size = Math.hypot(piece.transform[2] ?? 0, piece.transform[3] ?? 0) || piece.height || 10;
      const x0 = piece.transform[4] ?? 0;
      return { text: piece.str, x0, x1: x0 + piece.width, top: pageHeight - (piece.transform[5] ?? 0), size };
    })
    .sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: Array<{ top: number; size: number; pieces: Segment[] }> = [];
  for (const piece of sorted) {
    const line = lines.find((candidate) => Math.abs(candidate.top - piece.top) <= Math.max(candidate.size, piece.size) / 3);
    if (line) line.pieces.push(piece);
    else lines.push({ top: piece.top, size: piece.size, pieces: [piece] });
  }
  return lines
    .sort((a, b) => a.top - b.top)
    .map((line) => {
      const segments: Segment[] = [];
      for (const piece of line.pieces.sort((a, b) => a.x0 - b.x0)) {
        const last = segments.at(-1);
        const gap = last ? piece.x0 - last.x1 : Infinity;
        if (last && gap < CELL_GAP_EMS * Math.max(last.size, piece.size)) {
          last.text +=
            gap > 0.25 * piece.size && /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(piece.text) ? ` ${piece.text}` : piece.text;
          last.x1 = Math.max(last.x1, piece.x1);
        } else segments.push({ ...piece });
      }
      return { top: line.top, size: line.size, segments };
    });
}

function lineText(line: PdfLine): string {
  return line.segments.map((segment) => segment.text.trim()).join('  ');
}

/** Column boundaries: the gaps no text of the table crosses, one per pair of neighbouring header labels. */
function columnBounds(header: PdfLine, body: readonly PdfLine[]): number[] {
  const labels = header.segments;
  const bounds: number[] = [];
  for (let index = 0; index + 1 < labels.length; index += 1) {
    const left = labels[index]!;
    const right = labels[index + 1]!;
    // Start from the gap between the two labels, then push it right past body text that starts left of the right
    // label and runs into the gap (a left-aligned cell under a centred label), and left of text that starts in it.
    let boundary = (left.x1 + right.x0) / 2;
    const crossing = body.flatMap((line) => line.segments).filter((segment) => segment.x0 < boundary && segment.x1 > boundary);
    for (const segment of crossing) {
      if (segment.x0 >= left.x0 - right.size) boundary = Math.max(boundary, segment.x1 + 0.5);
    }
    bounds.push(Math.min(boundary, right.x1));
  }
  return bounds;
}

function columnOf(segment: Segment, bounds: readonly number[]): number {
  let column = 0;
  while (column < bounds.length && segment.x0 >= (bounds[column] ?? Infinity) - 1) column += 1;
  return column;
}

/**
 * Whether a line fits the table's columns: it starts no further left than the table, and no segment runs into the
 * next column's label by more than two characters.
 */
function fitsColumns(line: PdfLine, bounds: readonly number[], header: PdfLine): boolean {
  const tableLeft = header.segments[0]?.x0 ?? 0;
  if (line.segments[0] && line.segments[0].x0 < tableLeft - 2 * line.size) return false;
  return line.segments.every((segment) => {
    const next = header.segments[columnOf(segment, bounds) + 1];
    return next === undefined || segment.x1 <= next.x0 + 2 * segment.size;
  });
}

/**
 * A cell's lines joined. A line that reaches the cell's right edge was wrapped by the column's width and runs on
 * into the next ("…新增省级科技企业孵化器10" + "家以上"); a line that stops short ended a paragraph or a unit name of a
 * list, and is joined as cell paragraphs are (table-text.ts).
 */
function joinWrappedLines(segments: readonly Segment[]): string {
  const right = Math.max(...segments.map((segment) => segment.x1));
  let text = '';
  let previous: Segment | null = null;
  for (const segment of segments) {
    const piece = segment.text.trim();
    if (previous === null) text = piece;
    else if (previous.x1 >= right - 1.5 * previous.size) text += /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(piece) ? ` ${piece}` : piece;
    else text = joinCellPieces([text, piece]);
    previous = segment;
  }
  return text;
}

interface PdfTable {
  header: string[];
  rows: string[][];
  /** Lines used, from the header on. */
  lineCount: number;
}

const INDEX = /^\d{1,3}$/;

function readTable(lines: readonly PdfLine[], at: number): PdfTable | null {
  const header = lines[at];
  if (!header || header.segments.length < 3) return null;
  const labels = header.segments.map((segment) => segment.text.trim());
  const roles = tableHeader(labels)?.roles;
  if (!roles) return null;
  // Candidate body: the lines below that keep clear of where the header's columns are.
  const provisional = columnBounds(header, []);
  let end = at + 1;
  while (end < lines.length && fitsColumns(lines[end]!, provisional, header)) end += 1;
  const body = lines.slice(at + 1, end);
  const bounds = columnBounds(header, body);
  if (body.length === 0) return null;

  // Rows: a wider gap than between the lines of one cell starts a new row; so does a 序号 number.
  const gaps = body.slice(1).map((line, index) => line.top - body[index]!.top);
  const lineGap = Math.min(...gaps.filter((gap) => gap > 0), Infinity);
  const indexColumn = roles.indexOf('index');
  const groups: PdfLine[][] = [];
  body.forEach((line, index) => {
    const gap = index === 0 ? Infinity : line.top - body[index - 1]!.top;
    const opensIndex =
      indexColumn >= 0 && line.segments.some((segment) => columnOf(segment, bounds) === indexColumn && INDEX.test(segment.text.trim()));
    const currentHasIndex =
      indexColumn >= 0 &&
      (groups.at(-1) ?? []).some((member) =>
        member.segments.some((segment) => columnOf(segment, bounds) === indexColumn && INDEX.test(segment.text.trim())),
      );
    const isNewRow = gap > lineGap * 1.25 || (opensIndex && currentHasIndex);
    if (isNewRow || groups.length === 0) groups.push([line]);
    else groups.at(-1)?.push(line);
  });
  const rows = groups.map((group) => {
    const pieces: Segment[][] = labels.map(() => []);
    for (const line of group)
      for (const segment of line.segments) pieces[Math.min(columnOf(segment, bounds), labels.length - 1)]?.push(segment);
    return pieces.map(joinWrappedLines);
  });
  return { header: labels, rows, lineCount: end - at };
}

function pageText(lines: readonly PdfLine[]): string {
  const out: string[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const table = readTable(lines, index);
    if (table) {
      out.push('', tableToText([table.header, ...table.rows]), '');
      index += table.lineCount - 1;
      continue;
    }
    const text = lineText(line);
    if (!PAGE_NUMBER.test(text)) out.push(text);
  }
  return out.join('\n');
}

/** The PDF's text, page after page; throws when the file is not a PDF pdf.js can open. */
export async function pdfToText(input: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(input),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number += 1) {
      const page = await document.getPage(number);
      const [, , , pageTop] = page.view;
      const content = await page.getTextContent();
      pages.push(
        pageText(
          linesOf(
            content.items.flatMap((item) => (isTextPiece(item) ? [item] : [])),
            pageTop ?? 842,
          ),
        ),
      );
      page.cleanup();
    }
    return pages
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '');
  } finally {
    await document.destroy();
  }
}
