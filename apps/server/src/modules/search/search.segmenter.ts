import { Jieba } from '@node-rs/jieba';
import { dict, idf as idfFile } from '@node-rs/jieba/dict';
import { defaultDictionary } from './search.defaults';

/**
 * Chinese segmentation for the index and the query side. jieba (search mode: a long word also yields its
 * dictionary sub-words, so 玄武岩纤维 is found by 玄武岩 and by 纤维) with the domain user dictionary kept as
 * data in `search_dictionary_terms` (see search.dictionary.ts, which swaps the instance when the table changes).
 * Codes (patent numbers, unified social credit codes) are taken out before segmentation and kept whole,
 * normalised, so a query that is a code finds it.
 */

export interface DictionaryWord {
  term: string;
  frequency: number;
  tag: string | null;
}

let jieba: Jieba | null = null;
/** Domain words of four characters or more: search mode only adds the 2- and 3-character sub-words of a long word. */
let longDomainWords: string[] = [];
/** Until the table has been read (contentTerms needs no database), the default domain words. */
let loadedWords: DictionaryWord[] = defaultDictionary.map((word) => ({ term: word.term, frequency: 100000, tag: word.tag }));

function buildJieba(words: DictionaryWord[]): Jieba {
  const instance = Jieba.withDict(dict);
  longDomainWords = [...new Set(words.map((word) => word.term.trim().toLowerCase()).filter((term) => term.length >= 4))];
  const lines = words
    .map((word) => word.term.trim().replace(/\s+/g, ''))
    .filter((term) => term.length > 0)
    .map((term, index) => `${term} ${Math.max(1, words[index]!.frequency)} n`);
  if (lines.length > 0) instance.loadDict(Buffer.from(lines.join('\n')));
  return instance;
}

/** Replaces the domain words the segmenter keeps whole (a fresh jieba: words removed from the table are forgotten). */
export function useDictionaryWords(words: DictionaryWord[]): void {
  jieba = buildJieba(words);
  loadedWords = words;
}

/** The domain words the segmenter uses now. */
export function currentDictionaryWords(): DictionaryWord[] {
  return loadedWords;
}

function segmenter(): Jieba {
  jieba ??= buildJieba(loadedWords);
  return jieba;
}

/** jieba's inverse document frequencies (a large general corpus): how telling a word is. */
let idfTable: Map<string, number> | null = null;
let medianIdf = 10;
function idfs(): Map<string, number> {
  if (idfTable) return idfTable;
  const table = new Map<string, number>();
  for (const line of Buffer.from(idfFile).toString('utf8').split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  const sorted = [...table.values()].sort((a, b) => a - b);
  medianIdf = sorted[Math.floor(sorted.length / 2)] ?? 10;
  idfTable = table;
  return table;
}

/**
 * How much a query word should count: jieba's IDF, or the median IDF for a word the corpus does not know
 * (domain words, codes, Latin terms), which makes it as telling as a typical rare word.
 */
export function termWeight(term: string): number {
  const value = idfs().get(term);
  if (value !== undefined) return value;
  if (/^[a-z0-9]+$/.test(term) && term.length <= 2) return medianIdf / 2;
  return medianIdf;
}

/** Function words, fillers and question words that carry no content in a title, an abstract or a query. */
const stopWords = new Set(
  (
    '的 了 和 与 及 以及 或 或者 在 是 对 为 等 之 其 中 上 下 而 并 并且 也 又 就 都 还 被 把 将 从 由 于 以 向 到 给 使 让 ' +
    '这 那 这个 那个 这些 那些 这种 那种 此 该 各 每 某 本 其中 我 我们 你 你们 他 她 它 他们 它们 咱们 大家 ' +
    '一 一个 一种 一些 一下 有 有没有 没有 有无 有关 关于 对于 如何 怎么 怎样 怎么样 什么 哪些 哪个 哪 吗 呢 吧 啊 么 能 能否 能不能 ' +
    '可以 可 可否 是否 是不是 会 需要 需 要 想 想要 希望 寻找 找 找到 请问 请 求 求助 帮 帮助 提供 推荐 介绍 ' +
    '进行 通过 基于 利用 采用 用 用于 相关 方面 问题 情况 目前 现在 已经 以上 以下 及其 之间 一下 能够 即 若 如 ' +
    '所 所以 因为 因此 但 但是 然而 如果 虽然 这样 那样 多少 几 个 种 些 次 来 去 做 得 地 着 过'
  )
    .split(/\s+/)
    .filter((word) => word.length > 0),
);

/** Patent application numbers (CN202310123456.7, ZL 2021 1 0123456.X, 202310123456.7), publication numbers (CN112345678A) and unified social credit codes (18 characters). */
const codePatterns: RegExp[] = [
  /\b(?:CN|ZL)\s*\d{4}\s*[1-9]\s*\d{7}\s*\.?\s*[\dX]\b/gi,
  /\b(?:19|20)\d{2}[1-9]\d{7}\.?[\dX]\b/gi,
  /\bCN\s*\d{6,9}\s*[A-Z]\d?\b/gi,
  /\b[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b/gi,
];

/** A code as the index keeps it: upper-case, no spaces or dots, without the CN/ZL prefix of an application number. */
export function normaliseCode(code: string): string {
  const compact = code.replace(/[\s.]/g, '').toUpperCase();
  const application = /^(?:CN|ZL)(\d{12}[\dX])$/.exec(compact);
  return application ? application[1]! : compact;
}

/** The codes in a text, normalised, and the text with them taken out. */
export function extractCodes(text: string): { codes: string[]; rest: string } {
  const codes: string[] = [];
  let rest = text;
  for (const pattern of codePatterns) {
    rest = rest.replace(pattern, (match) => {
      codes.push(normaliseCode(match));
      return ' ';
    });
  }
  return { codes, rest };
}

const isContent = (token: string) => /[\p{L}\p{N}]/u.test(token) && !stopWords.has(token);

/** Single CJK characters carry little on their own; they are indexed (a one-character query still works) but not asked for when a longer word is there. */
export const isSingleHan = (term: string) => /^\p{Script=Han}$/u.test(term);

/** Index terms of a text in reading order: codes first, then jieba's search-mode words (lower-cased, content only). */
export function segment(text: string): string[] {
  if (!text) return [];
  const { codes, rest } = extractCodes(text);
  const words: string[] = [];
  for (const raw of segmenter().cutForSearch(rest, true)) {
    const token = raw.trim().toLowerCase();
    if (!isContent(token)) continue;
    // A domain word inside a longer word (玄武岩纤维 in 连续玄武岩纤维) is indexed too.
    if (token.length > 4) for (const word of longDomainWords) if (word.length < token.length && token.includes(word)) words.push(word);
    words.push(token);
  }
  return [...codes, ...words];
}

export interface QueryTerm {
  term: string;
  weight: number;
}

/**
 * The terms of what a user typed — a keyword, a pair, a code or a whole sentence ("我们需要一种提高玄武岩纤维强度的工艺"):
 * codes kept whole; stop words and fillers dropped; jieba's search-mode sub-words added; each term weighted by its IDF.
 * Single characters are dropped when the query has longer words (they would match almost everything).
 */
export function queryTerms(text: string): QueryTerm[] {
  const unique = [...new Set(segment(text.slice(0, 500)))];
  const longer = unique.filter((term) => !isSingleHan(term));
  const kept = longer.length > 0 ? longer : unique;
  return kept.slice(0, 32).map((term) => ({ term, weight: termWeight(term) }));
}
