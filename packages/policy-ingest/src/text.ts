/**
 * Text plumbing. Normalisation replaces characters one for one, so an offset in the normalised text is an offset in
 * the input. Rules then run over a "view": the text with whitespace squeezed out (Chinese has none to lose, and
 * page breaks and "30 家" spacing disappear) plus a map from each view character back to its source offset.
 */

const FULL_WIDTH_TO_ASCII = /[０-９Ａ-Ｚａ-ｚ％．＋－]/g;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Control characters, odd spaces and byte-order marks, which become plain spaces. */
function isNoise(code: number): boolean {
  const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
  const isOddSpace = code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0xfeff;
  return isControl || isOddSpace;
}

/**
 * Same length as the input: CR, control characters and odd spaces become plain spaces (a lone CR a newline), and
 * full-width digits become ASCII. The ideographic space (U+3000) stays, since in lists it separates items.
 */
export function normaliseText(input: string): string {
  let output = '';
  for (let index = 0; index < input.length; index += 1) {
    const code = input.charCodeAt(index);
    if (code === 0x0d) output += input.charCodeAt(index + 1) === 0x0a ? ' ' : '\n';
    else if (code !== IDEOGRAPHIC_SPACE && isNoise(code)) output += ' ';
    else output += input[index];
  }
  return output.replace(FULL_WIDTH_TO_ASCII, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

export interface TextView {
  text: string;
  /** offsets[i] is the source offset of text[i]. */
  offsets: number[];
}

const SQUEEZED = /[ \n*\u3000]/;
const CJK_OR_CLOSE = /[\u4e00-\u9fa5）)]/;

/**
 * Whether the whitespace run at source[start, end) separates two words of a list, as wide spacing between Chinese
 * words does in unit lists; a single narrow space (PDF-style "科技 创新") does not.
 */
function isWordSeparator(source: string, start: number, end: number): boolean {
  const run = source.slice(start, end);
  if (run.includes('\n') || !(run.includes('\u3000') || run.length >= 2)) return false;
  return CJK_OR_CLOSE.test(source[start - 1] ?? '') && /[\u4e00-\u9fa5（(]/.test(source[end] ?? '');
}

/**
 * The view of source[start, end): whitespace and markdown emphasis dropped, tabs kept as the cell boundary "|", wide
 * spacing between Chinese words kept as "、".
 */
export function viewOf(source: string, start: number, end: number): TextView {
  let text = '';
  const offsets: number[] = [];
  let index = start;
  while (index < end) {
    const char = source[index] ?? '';
    if (!SQUEEZED.test(char)) {
      text += char === '\t' ? '|' : char;
      offsets.push(index);
      index += 1;
      continue;
    }
    let runEnd = index;
    while (runEnd < end && SQUEEZED.test(source[runEnd] ?? '') && source[runEnd] !== '*') runEnd += 1;
    if (runEnd === index) runEnd += 1;
    if (isWordSeparator(source, index, runEnd)) {
      text += '、';
      offsets.push(index);
    }
    index = runEnd;
  }
  return { text, offsets };
}

export function concatViews(views: readonly TextView[]): TextView {
  return { text: views.map((view) => view.text).join(''), offsets: views.flatMap((view) => view.offsets) };
}

export function sliceView(view: TextView, from: number, to: number): TextView {
  return { text: view.text.slice(from, to), offsets: view.offsets.slice(from, to) };
}

/** Source span of view characters [from, to). */
export function sourceSpan(view: TextView, from: number, to: number): [number, number] {
  const start = view.offsets[from] ?? 0;
  const last = view.offsets[Math.max(from, to - 1)] ?? start;
  return [start, last + 1];
}

const OPENING = '（(〔【[';
const CLOSING = '）)〕】]';
/** A bracket farther than this from its partner is treated as a stray character, so one typo cannot swallow a page. */
const MAX_BRACKET_SPAN = 80;

/** Index just past the bracket closing the one at `index`, or -1 when there is none nearby. */
export function closingBracketEnd(text: string, index: number): number {
  let depth = 0;
  const limit = Math.min(text.length, index + MAX_BRACKET_SPAN);
  for (let cursor = index; cursor < limit; cursor += 1) {
    const char = text[cursor] ?? '';
    if (OPENING.includes(char)) depth += 1;
    else if (CLOSING.includes(char)) {
      depth -= 1;
      if (depth === 0) return cursor + 1;
    }
  }
  return -1;
}

/**
 * For each opening bracket in text[from, to), the index just past its partner when that lies within
 * MAX_BRACKET_SPAN; one pass with a stack, so that text full of stray brackets stays linear.
 */
function bracketPartners(text: string, from: number, to: number): Map<number, number> {
  const partners = new Map<number, number>();
  const open: number[] = [];
  for (let cursor = from; cursor < to; cursor += 1) {
    const char = text[cursor] ?? '';
    if (OPENING.includes(char)) open.push(cursor);
    else if (CLOSING.includes(char)) {
      const start = open.pop();
      if (start !== undefined && cursor + 1 - start <= MAX_BRACKET_SPAN) partners.set(start, cursor + 1);
    }
  }
  return partners;
}

export type Range = [number, number];

/** Splits text[from, to) at the given boundary characters, never inside a bracket pair. Boundaries end their piece. */
export function splitOutsideBrackets(text: string, boundaries: string, from = 0, to = text.length): Range[] {
  const partners = bracketPartners(text, from, to);
  const ranges: Range[] = [];
  let start = from;
  let cursor = from;
  while (cursor < to) {
    const char = text[cursor] ?? '';
    const end = partners.get(cursor);
    if (end !== undefined) {
      cursor = end;
      continue;
    }
    cursor += 1;
    if (boundaries.includes(char)) {
      ranges.push([start, cursor]);
      start = cursor;
    }
  }
  if (start < to) ranges.push([start, to]);
  return ranges;
}

const SENTENCE_END = '。！？!?';
export const CLAUSE_END = '，,；;：:|。！？!?';
/** Clause groups: the parts of a sentence between semicolons. */
export const GROUP_END = '；;。！？!?|';

/** A sentence longer than this is cut up, so that pathological input cannot make per-sentence scans quadratic. */
const MAX_SENTENCE = 600;

export function splitSentences(text: string): Range[] {
  return splitOutsideBrackets(text, SENTENCE_END).flatMap(([start, end]) => {
    const pieces: Range[] = [];
    for (let cursor = start; cursor < end; cursor += MAX_SENTENCE) pieces.push([cursor, Math.min(end, cursor + MAX_SENTENCE)]);
    return pieces;
  });
}
