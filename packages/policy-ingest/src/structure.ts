/**
 * The shape of a plan: lines become tables and blocks (headings, numbered items, paragraphs); headings give each block
 * a section kind (目标, 任务, 成效 …) and, when they or their first paragraph say "到2025年，", a governing due date.
 */
import { findDateMentions, findDocumentDate, parseOptionDate, toDeadline } from './dates.js';
import { ANNUAL_PLAN_TITLE, ANNUAL_PLAN_TITLE_WITHOUT_YEAR, RESULTS_DOCUMENT_TITLE, SECTION_PATTERNS } from './lexicon.js';
import { declaresFirstListedLead, type ResponsibilityRules } from './responsibility.js';
import { findTables, type Line, type Table } from './tables.js';
import { splitOutsideBrackets, viewOf, type TextView } from './text.js';

export type SectionKind = keyof typeof SECTION_PATTERNS | 'preface' | 'neutral';

/** 1: 一、  2: （一）  3: 1.  4: （1） or ①  — the outline levels of Chinese official documents. */
export type OutlineLevel = 1 | 2 | 3 | 4;

export interface Block {
  kind: 'title' | 'item' | 'paragraph';
  /** Outline level of an item; null for titles and paragraphs. */
  level: OutlineLevel | null;
  view: TextView;
  /** Where the text after the numbering starts in view.text. */
  bodyStart: number;
  start: number;
  end: number;
}

export interface Placement {
  sectionKind: SectionKind;
  sectionDeadline: string | null;
}

export type Part = ({ type: 'block'; block: Block } | { type: 'table'; table: Table }) & Placement;

export interface DocumentModel {
  /** The text as given, for quoting. */
  input: string;
  /** The normalised text (same length), which the rules read. */
  source: string;
  parts: Part[];
  /** Year of the document (options.date, else a date in the text). */
  documentYear: number | null;
  /** Year of an annual plan ("2021年…工作要点"), whose undated figures fall due at its end. */
  annualYear: number | null;
  rules: ResponsibilityRules;
}

const MARKERS: ReadonlyArray<[RegExp, OutlineLevel]> = [
  [/^[一二三四五六七八九十]{1,3}\s*[、．.]/, 1],
  // Chapters of a 规划 ("第三章 主要任务"); their sections ("第一节") are titles, see SECTION_TITLE.
  [/^第[一二三四五六七八九十]{1,3}[章部分](?:[、\s\u3000]+|$)/, 1],
  [/^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*[、．.]?/, 2],
  [/^\d{1,2}\s*[.．、](?!\d)/, 3],
  [/^[（(]\s*\d{1,2}\s*[）)]|^[①-⑳]/, 4],
  // Articles of 若干措施 ("第三条 认定条件。…").
  [/^第[一二三四五六七八九十百]{1,4}条(?:[、\s\u3000]+|$)/, 2],
  // Labelled enumerations of 考核细则 and 任务清单: "指标一：高新技术企业", "任务3：…".
  [/^(?:指标|任务|事项|项目)[一二三四五六七八九十\d]{1,3}\s*[：:]/, 3],
];
const MARKDOWN_HEADING = /^#{1,6}\s*/;
/** "分值：15分", "责任单位：…": a labelled line is a line of its own, never the rest of a line the page broke. */
const LABELLED_LINE = /^[\u4e00-\u9fa5（）()]{2,10}[：:]/;
/** "第一节 打造高能级创新平台": groups a chapter's items under a title of no kind of its own. */
const SECTION_TITLE = /^第[一二三四五六七八九十]{1,3}节(?:[、\s\u3000]+|$)/;
const SENTENCE_FINISHED = /[。！？!?；;：:”」）)…]$/;
/** A line this long that stops mid-sentence was broken by the page, not by the author. */
const BROKEN_LINE_LENGTH = 25;
const TITLE_ZONE_LINES = 40;

export function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text of source.split('\n')) {
    lines.push({ text, start });
    start += text.length + 1;
  }
  return lines;
}

function outlineOf(text: string): { level: OutlineLevel; length: number } | null {
  for (const [pattern, level] of MARKERS) {
    const match = pattern.exec(text);
    if (match) return { level, length: match[0].length };
  }
  return null;
}

function blockFromLines(source: string, lines: readonly Line[]): Block | null {
  const first = lines[0];
  const last = lines.at(-1);
  if (!first || !last) return null;
  const start = first.start;
  const end = last.start + last.text.length;
  const view = viewOf(source, start, end);
  const heading = MARKDOWN_HEADING.exec(view.text);
  const afterHashes = heading ? heading[0].length : 0;
  const section = SECTION_TITLE.exec(view.text);
  if (section) return { kind: 'title', level: null, view, bodyStart: section[0].length, start, end };
  const outline = outlineOf(view.text.slice(afterHashes));
  if (outline) {
    return { kind: 'item', level: outline.level, view, bodyStart: afterHashes + outline.length, start, end };
  }
  return { kind: heading ? 'title' : 'paragraph', level: null, view, bodyStart: afterHashes, start, end };
}

/** The outline level a raw line opens, markdown hashes aside. */
function outlineOfLine(text: string): OutlineLevel | null {
  return outlineOf(text.trim().replace(MARKDOWN_HEADING, ''))?.level ?? null;
}

function startsBlock(text: string): boolean {
  return outlineOfLine(text) !== null || SECTION_TITLE.test(text.trim()) || /^#/.test(text.trim());
}

/** Groups body lines into blocks, joining a paragraph that a page break cut in two. */
function blocksOf(source: string, lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let pending: Line[] = [];
  const flush = () => {
    const block = blockFromLines(source, pending);
    if (block) blocks.push(block);
    pending = [];
  };
  for (const line of lines) {
    const text = line.text.trim();
    if (text === '') continue;
    const previous = pending.at(-1)?.text.trim() ?? '';
    const continuesPrevious =
      pending.length > 0 &&
      !startsBlock(line.text) &&
      !LABELLED_LINE.test(text) &&
      previous.length >= BROKEN_LINE_LENGTH &&
      !SENTENCE_FINISHED.test(previous) &&
      outlineOfLine(pending[0]?.text ?? '') !== 1;
    if (!continuesPrevious) flush();
    pending.push(line);
  }
  flush();
  return blocks;
}

/** The heading sentence of a block: up to its first full stop. */
export function headingSentence(block: Block): string {
  const body = block.view.text.slice(block.bodyStart);
  const [first] = splitOutsideBrackets(body, '。！？!?');
  return first ? body.slice(first[0], first[1]) : body;
}

function classifyHeading(text: string): SectionKind | null {
  const compact = text.slice(0, 40);
  for (const [kind, pattern] of Object.entries(SECTION_PATTERNS) as Array<[keyof typeof SECTION_PATTERNS, RegExp]>) {
    if (pattern.test(compact)) return kind;
  }
  return null;
}

/** "到2025年，" or "2022年，" opening a paragraph or heading: the date that governs what follows. */
function governingDeadline(text: string, documentYear: number | null, requireComma: boolean): string | null {
  const head = text.slice(0, 24);
  const [first] = findDateMentions(head, { documentYear: null });
  if (!first || first.start > 4) return null;
  if (requireComma && !/^[，,]/.test(head.slice(first.end))) return null;
  if (documentYear !== null && first.year < documentYear) return null;
  return toDeadline(first);
}

/** "…。到2025年，全市…基本形成：" — a paragraph that ends by introducing a list dates the list with its last sentence. */
function introducedListDeadline(text: string, documentYear: number | null): string | null {
  const trimmed = text.trimEnd();
  if (!/[：:]$/.test(trimmed)) return null;
  const lastSentence = trimmed.slice(Math.max(trimmed.lastIndexOf('。'), trimmed.lastIndexOf('；')) + 1);
  return governingDeadline(lastSentence, documentYear, true);
}

interface TitleFacts {
  annualYear: number | null;
  isResultsDocument: boolean;
}

/** The lines before the first 一、 heading, short enough to be titles, say whether this is an annual plan or a report. */
function readTitleZone(lines: readonly Line[], datedYear: number | null): TitleFacts {
  let annualYear: number | null = null;
  let isResultsDocument = false;
  for (const line of lines.slice(0, TITLE_ZONE_LINES)) {
    const compact = line.text.replace(/[\s#*]/g, '');
    if (outlineOf(compact)?.level === 1) break;
    if (compact.length === 0 || compact.length > 80) continue;
    const annual = ANNUAL_PLAN_TITLE.exec(compact);
    if (annual && annualYear === null) annualYear = Number(annual[1]);
    if (annualYear === null && datedYear !== null && ANNUAL_PLAN_TITLE_WITHOUT_YEAR.test(compact)) annualYear = datedYear;
    // A sentence before the first heading ("…，按完成情况计分。") is the preamble, not a title.
    if (RESULTS_DOCUMENT_TITLE.test(compact) && !/[，,。；;]/.test(compact.slice(0, -1))) isResultsDocument = true;
  }
  return { annualYear, isResultsDocument };
}

/** A paragraph that turns from what was done to what comes next. */
const PLAN_PARAGRAPH_START = /^(?:下一步|下步|今后|明年|接下来|\d{4}年[，,]?(?:我们|我市|我局)?将)/;

/** Walks the outline, giving every block and table its section kind and governing due date. */
type UnplacedPart = { type: 'block'; block: Block } | { type: 'table'; table: Table };

function placeParts(blocksAndTables: readonly UnplacedPart[], isResultsDocument: boolean, documentYear: number | null): Part[] {
  const fallbackKind: SectionKind = isResultsDocument ? 'results' : 'neutral';
  let sectionKind: SectionKind = isResultsDocument ? 'results' : 'preface';
  let sectionDeadline: string | null = null;
  let subsectionKind: SectionKind | null = null;
  let subsectionDeadline: string | null = null;

  return blocksAndTables.map((part) => {
    if (part.type === 'block') {
      const { block } = part;
      if (block.kind === 'title' || block.level === 1) {
        const heading = headingSentence(block);
        sectionKind = classifyHeading(heading) ?? (block.kind === 'title' ? sectionKind : fallbackKind);
        sectionDeadline = governingDeadline(heading, documentYear, false);
        subsectionKind = null;
        subsectionDeadline = null;
      } else if (block.level === 2) {
        const heading = headingSentence(block);
        subsectionKind = classifyHeading(heading);
        subsectionDeadline = governingDeadline(heading, documentYear, false);
      } else if (block.kind === 'paragraph') {
        const deadline = governingDeadline(block.view.text, documentYear, true) ?? introducedListDeadline(block.view.text, documentYear);
        if (deadline && subsectionKind !== null) subsectionDeadline = deadline;
        else if (deadline) sectionDeadline = deadline;
        // "下一步，我们将…力争…" closing a report of results is a plan, though no heading says so.
        if ((subsectionKind ?? sectionKind) === 'results' && PLAN_PARAGRAPH_START.test(block.view.text.trimStart())) {
          return { ...part, sectionKind: 'plan', sectionDeadline: subsectionDeadline ?? sectionDeadline };
        }
      }
    }
    return { ...part, sectionKind: subsectionKind ?? sectionKind, sectionDeadline: subsectionDeadline ?? sectionDeadline };
  });
}

/** Where a web page's chrome begins after its article: print/close links, previous/next, the site's footer. */
const PAGE_CHROME =
  /^[【[]?(?:打印本页|关闭窗口|打印|关闭)[】\]]|^(?:上一篇|下一篇|相关链接|主办单位|网站标识码|版权所有)[:：]|^Copyright|ICP备/;

/** Blanks out a web page's trailing chrome (keeping every offset), so its 主办单位/承办单位 never read as responsibilities. */
function withoutPageChrome(source: string): string {
  const lines = splitLines(source);
  const from = lines.findIndex((line, index) => index > lines.length / 3 && PAGE_CHROME.test(line.text.trim()));
  if (from < 0) return source;
  const start = lines[from]?.start ?? source.length;
  return source.slice(0, start) + source.slice(start).replace(/[^\n]/g, ' ');
}

/** Reads a document's structure; `source` is `input` normalised. */
export function analyseDocument(input: string, normalised: string, options: { date?: string }): DocumentModel {
  const source = withoutPageChrome(normalised);
  const lines = splitLines(source);
  const tables = findTables(lines);
  const datedYear = parseOptionDate(options.date)?.year ?? findDocumentDate(source)?.year ?? null;
  const { annualYear, isResultsDocument } = readTitleZone(lines, datedYear);
  const documentYear = datedYear ?? annualYear;

  const ordered: UnplacedPart[] = [];
  let cursor = 0;
  for (const table of [...tables, null]) {
    const bodyEnd = table ? table.firstLine : lines.length;
    for (const block of blocksOf(source, lines.slice(cursor, bodyEnd))) ordered.push({ type: 'block', block });
    if (table) ordered.push({ type: 'table', table });
    cursor = table ? table.lastLine + 1 : lines.length;
  }

  return {
    input,
    source,
    parts: placeParts(ordered, isResultsDocument, documentYear),
    documentYear,
    annualYear,
    rules: { isFirstListedLead: declaresFirstListedLead(source.replace(/\s/g, '')) },
  };
}
