/**
 * A web page (or the HTML mammoth makes of a .docx) as text, read with a real HTML parser (parse5, the WHATWG
 * algorithm browsers use, so unclosed cells and stray tags parse as a browser shows them): block elements become lines,
 * scripts and styles are dropped, and each data table becomes tab-separated rows with merged cells (rowspan) carried
 * down. A table that holds another table is page layout, read as blocks.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { joinCellPieces, tableToText } from './table-text.js';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'iframe', 'svg', 'select', 'object', 'canvas']);
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
  'caption',
]);
/** Longest run of blank lines kept between blocks. */
const MAX_BLANK_LINES = 1;

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function childrenOf(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') return [];
  return 'childNodes' in node ? node.childNodes : [];
}

/** The element's descendants that are elements of `tag`, not looking inside nested tables. */
function ownDescendants(node: Node, tags: ReadonlySet<string>, stopAt: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  for (const child of childrenOf(node)) {
    if (!isElement(child)) continue;
    if (tags.has(child.tagName)) found.push(child);
    else if (!stopAt.has(child.tagName)) found.push(...ownDescendants(child, tags, stopAt));
  }
  return found;
}

function containsTable(node: Node): boolean {
  return childrenOf(node).some((child) => isElement(child) && (child.tagName === 'table' || containsTable(child)));
}

/** Collects lines: inline text accumulates on the current line, a block boundary or <br> ends it. */
class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  text(value: string, isPreformatted: boolean): void {
    if (isPreformatted) {
      const [first = '', ...rest] = value.split('\n');
      this.current += first;
      for (const line of rest) {
        this.lines.push(this.current);
        this.current = line;
      }
      return;
    }
    const squeezed = value.replace(/[ \t\r\n\f]+/g, ' ');
    this.current += this.current === '' || this.current.endsWith(' ') ? squeezed.replace(/^ /, '') : squeezed;
  }

  break(): void {
    const line = this.current.trim();
    if (line !== '') this.lines.push(this.current.replace(/ +$/, ''));
    this.current = '';
  }

  raw(block: string): void {
    this.break();
    this.lines.push(...block.split('\n'));
  }

  blank(): void {
    this.break();
    this.lines.push('');
  }
}

function writeNode(node: Node, out: LineWriter, isPreformatted: boolean): void {
  if (!isElement(node)) {
    if (node.nodeName === '#text' && 'value' in node) out.text(node.value, isPreformatted);
    return;
  }
  const tag = node.tagName;
  if (SKIPPED.has(tag)) return;
  if (tag === 'br') {
    out.break();
    return;
  }
  if (tag === 'table' && !containsTable(node)) {
    const text = tableToText(tableRows(node));
    if (text) {
      out.blank();
      out.raw(text);
      out.blank();
    }
    return;
  }
  const isBlock = BLOCKS.has(tag);
  if (isBlock) out.break();
  for (const child of childrenOf(node)) writeNode(child, out, isPreformatted || tag === 'pre');
  if (isBlock) out.break();
}

/** The text of a cell, its paragraphs and line breaks joined (table-text.ts says how). */
function cellText(cell: Element): string {
  const out = new LineWriter();
  for (const child of childrenOf(cell)) writeNode(child, out, false);
  out.break();
  return joinCellPieces(out.lines);
}

const ROW_TAGS = new Set(['tr']);
const CELL_TAGS = new Set(['td', 'th']);
const NESTED = new Set(['table']);
/** Bounds on spans, so a hostile page cannot make a huge grid. */
const MAX_SPAN = 200;

function spanOf(cell: Element, name: string): number {
  const value = Number.parseInt(attribute(cell, name) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_SPAN) : 1;
}

/**
 * The table as a grid of cell texts. A rowspan carries its text down into the rows it covers (a merged 任务 or 责任单位
 * cell applies to each of them); a colspan leaves the columns it covers empty.
 */
function tableRows(table: Element): string[][] {
  const grid: string[][] = [];
  const carried = new Map<string, string>();
  ownDescendants(table, ROW_TAGS, NESTED).forEach((row, rowIndex) => {
    const cells: string[] = [];
    let column = 0;
    const fillCarried = () => {
      while (carried.has(`${rowIndex}:${column}`)) {
        cells[column] = carried.get(`${rowIndex}:${column}`) ?? '';
        column += 1;
      }
    };
    for (const cell of ownDescendants(row, CELL_TAGS, NESTED)) {
      fillCarried();
      const text = cellText(cell);
      const rowSpan = spanOf(cell, 'rowspan');
      const colSpan = spanOf(cell, 'colspan');
      cells[column] = text;
      for (let extra = 1; extra < colSpan; extra += 1) cells[column + extra] = '';
      for (let below = 1; below < rowSpan; below += 1) carried.set(`${rowIndex + below}:${column}`, text);
      column += colSpan;
    }
    fillCarried();
    grid.push(Array.from({ length: cells.length }, (_, index) => cells[index] ?? ''));
  });
  return grid;
}

/** The page's text: one line per block, tables as tab-separated rows, at most one blank line in a row. */
export function htmlToText(html: string): string {
  const document = parse(html);
  const out = new LineWriter();
  const body = ownDescendants(document, new Set(['body']), new Set())[0] ?? document;
  writeNode(body, out, false);
  out.break();
  const lines: string[] = [];
  let blanks = 0;
  for (const line of out.lines) {
    // Trailing spaces go; trailing tabs stay, since they are a table row's empty last cells.
    const trimmed = line.replace(/\u00a0/g, ' ').replace(/ +$/, '');
    blanks = trimmed.trim() === '' ? blanks + 1 : 0;
    if (blanks <= MAX_BLANK_LINES) lines.push(trimmed.trim() === '' ? '' : trimmed);
  }
  // Blank lines at either end go; tabs stay (a table's empty cells at its first or last row).
  // Blank lines at either end go; tabs stay (a table's empty cells in its first or last row).
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}
