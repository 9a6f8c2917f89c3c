/** What a target counts: cleaning the phrase in front of or behind a figure, its level, and when two name the same thing. */
import {
  alternation,
  HEAD_NOUNS,
  INNER_CUT_VERBS,
  INNER_DUE_DATE,
  LEADING_FILLERS,
  LEADING_VERBS,
  LEVEL_PREFIXES,
  LEVEL_WORD,
  MAKES_VERB_A_NOUN,
  NOUN_COMPOUNDS,
  OBJECT_VERBS,
  SCOPE_WORDS,
  SELF_DESCRIPTION_NOUNS,
  SUPPORTED_ACTOR,
  TRAILING_FILLERS,
} from './catalogue.js';
import type { Level } from './types.js';

/** A due date in front of a subject: 到2025年, 2024年6月底前, 2025年上半年前, 2024年第三季度末. */
const LEADING_DATE = String.raw`(?:到|至|力争到|力争在|计划到)?\d{4}年(?:\d{1,2}月)?(?:底|末|[上下]半年|第?[一二三四1-4]季度末?)?(?:以前|之前|前)?`;
/**
 * A short quote that opens a list ("“科技驿站”、"), a time ("“十四五”期间") or a numeric slogan ("“9+3”产业"); one whose
 * words name a kind ("“专精特新”中小企业") stays.
 */
const SHORT_QUOTE = '[“"‘「](?:[^”"’」\\u4e00-\\u9fa5]{1,12}[”"’」]、?|[^”"’」]{0,12}[”"’」](?:、|(?=期间|时期|末|以来|[，,])))';
/** An opening quote whose closing one is far off ("把“实现…全覆盖"): punctuation, not part of the subject. */
const LONE_QUOTE = '[“‘「《](?![^”’」》]{0,12}[”’」》])';
/** List numbering left in front of a subject: "1．", "2、", "（3）", "④". */
const LIST_NUMBER = String.raw`(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,2}[）)]|[①-⑳])`;
const LEADING_JUNK = new RegExp(
  `^(?:${LIST_NUMBER}|${LEADING_DATE}|${SHORT_QUOTE}|${LONE_QUOTE}|[，,、；;：:|）)\\]〕】—–•·●■◆▪-]|${alternation([...LEADING_FILLERS, ...LEADING_VERBS])})`,
);
const LEADING_JUNK_RUN = new RegExp(`^(?:${LEADING_DATE}|${SHORT_QUOTE}|${alternation([...LEADING_FILLERS, ...LEADING_VERBS])})+$`);
const NOUN_COMPOUND_START = new RegExp(`^(?:${alternation(NOUN_COMPOUNDS)})`);
const ONLY_FILLERS = new RegExp(`^(?:${alternation([...LEADING_FILLERS, ...LEADING_VERBS, '备案', '入库', '登记', '挂牌', '评价'])})+$`);
const TRAILING_JUNK = new RegExp(`(?:${alternation(TRAILING_FILLERS)}|[，,、；;：:|。！？!?（(\\[【〔])$`);
const HEAD_NOUN_END = new RegExp(`(?:${alternation(HEAD_NOUNS)})(?:[（(][^）)]*[）)])?$`);
const SELF_DESCRIPTION_END = new RegExp(`(?:${alternation(SELF_DESCRIPTION_NOUNS)})$`);
const MAX_SUBJECT_LENGTH = 40;

function stripLeading(text: string): string {
  let current = text;
  for (let round = 0; round < 30; round += 1) {
    if (NOUN_COMPOUND_START.test(current)) return current;
    const match = LEADING_JUNK.exec(current);
    if (!match || match[0].length === 0 || match[0].length >= current.length) return current;
    const rest = current.slice(match[0].length);
    if (MAKES_VERB_A_NOUN.test(rest)) return current;
    current = rest;
  }
  return current;
}

function stripTrailing(text: string): string {
  let current = text;
  for (let round = 0; round < 10; round += 1) {
    const match = TRAILING_JUNK.exec(current);
    if (!match || match[0].length >= current.length) return current;
    current = current.slice(0, match.index);
  }
  return current;
}

/** The end of the last of `verbs` in `text`, if something of at least two characters follows it. */
function endOfLastVerb(text: string, verbs: readonly string[]): number {
  let best = -1;
  for (const verb of verbs) {
    const index = text.lastIndexOf(verb);
    if (index > 0 && text.length - (index + verb.length) >= 2) best = Math.max(best, index + verb.length);
  }
  return best;
}

function dropUnbalancedBrackets(text: string): string {
  const opens = (text.match(/[（(]/g) ?? []).length;
  const closes = (text.match(/[）)]/g) ?? []).length;
  if (opens > closes) return text.replace(/[（(][^（）()]*$/, '');
  if (closes > opens) return text.replace(/^[^（）()]*[）)]/, '');
  return text;
}

/**
 * Turns the words in front of a figure into the counted subject: drops dates, modals, scope words and the verb
 * ("全年力争新培育高新技术企业" → "高新技术企业"), an actor before a safe verb ("市科技局将新培育…"), and words that trail
 * it ("高新技术企业数量" → "高新技术企业"). Returns "" when nothing nameable is left.
 */

function afterInnerDueDate(text: string): string {
  const last = [...text.matchAll(INNER_DUE_DATE)].at(-1);
  return last && last.index > 0 ? text.slice(last.index) : text;
}

export function cleanSubject(raw: string): string {
  let subject = stripLeading(afterInnerDueDate(raw.trim()).replace(SUPPORTED_ACTOR, ''));
  const cut = endOfLastVerb(subject, INNER_CUT_VERBS);
  if (cut > 0) subject = stripLeading(subject.slice(cut));
  subject = dropUnbalancedBrackets(stripTrailing(subject));
  if (LEADING_JUNK_RUN.test(subject) || ONLY_FILLERS.test(subject) || !/[\u4e00-\u9fa5A-Za-z]/.test(subject) || subject.length < 2)
    return '';
  return subject;
}

/** Only this much text before a subject is searched for its introducing words, which are never longer. */
const MAX_INTRODUCTION = 24;

/**
 * Where the words introducing a subject begin in `prefix` (the text right before it): the longest run of dates,
 * modals and verbs ending there ("…新政到2025年建成" → "到2025年建成"); prefix.length when there is none.
 */
export function introductionStart(prefix: string): number {
  for (let index = Math.max(0, prefix.length - MAX_INTRODUCTION); index < prefix.length; index += 1) {
    if (LEADING_JUNK_RUN.test(prefix.slice(index))) return index;
  }
  return prefix.length;
}

/** Whether the subject is too long to be a name rather than a clause; callers then try a narrower reading. */
export function isPlausibleSubject(subject: string): boolean {
  return subject.length >= 2 && subject.length <= MAX_SUBJECT_LENGTH && !SELF_DESCRIPTION_END.test(subject);
}

export function endsWithHeadNoun(subject: string): boolean {
  return HEAD_NOUN_END.test(subject);
}

/**
 * What a clause is about, for a figure whose own clause names nothing ("…申报国家企业技术中心，力争新增1家"): the
 * object after the clause's last verb, and of a list "A和B" the last item.
 */
export function objectOfClause(clause: string): string {
  const cut = endOfLastVerb(clause, OBJECT_VERBS);
  const object = cut > 0 ? clause.slice(cut) : clause;
  const conjuncts = object.split(/和|及|与|、/).filter((part) => part.length > 0);
  const last = conjuncts.at(-1) ?? object;
  return cleanSubject(last);
}

const SCOPE_PREFIX = new RegExp(
  `^(?:各|全|及|和|与|以及|、|[（(][^）)]{0,8}[）)]|[\\d一二两三四五六七八九十百]+个|${alternation(SCOPE_WORDS)}|[\\u4e00-\\u9fa5]{0,6}?(?:县|区|市|镇|乡|村|街道)(?![级场民值直属]))`,
);

const SCOPE_ONLY = new RegExp(`^(?:${alternation(SCOPE_WORDS)})$`);

/**
 * Drops the places a coverage target spans ("各县（市、区）及达州高新区科技创新服务平台" → 科技创新服务平台). A place
 * word that would leave nothing is the subject itself, not its scope ("设区市国家级高新区" → 国家级高新区).
 */
export function stripScope(text: string): string {
  let current = text;
  for (let round = 0; round < 12; round += 1) {
    const match = SCOPE_PREFIX.exec(current);
    if (!match || match[0].length === 0) return current;
    if (current.length - match[0].length < 2) return SCOPE_ONLY.test(current) ? '' : current;
    current = current.slice(match[0].length);
  }
  return current;
}

/** The subject's own level prefix; scope words (全市, 全省) are not levels. "省级及以上" is 省, "国、省级" is 省. */
export function levelOf(subject: string): Level | null {
  const trimmed = subject.replace(/^[“"（(]/, '');
  return LEVEL_PREFIXES.find(([pattern]) => pattern.test(trimmed))?.[1] ?? null;
}

/** "国家级" alone after "其中" borrows the head of the subject before it: 国家级 + 省级科技企业孵化器 → 国家级科技企业孵化器. */
export function completeLevelOnlySubject(subject: string, previousSubject: string | null): string {
  if (!LEVEL_WORD.test(subject) || !previousSubject) return subject;
  const head = previousSubject.replace(/^(国家级|国家|(?:省级|市级|县级|区级)(?:及以上|以上)?)/, '');
  return head.length >= 2 ? subject + head : subject;
}

/** For comparison only: one bracket style, no quotes, spaces, list commas or "级". */
function normaliseSubject(subject: string): string {
  return subject
    .replace(/[（〔【［]/g, '(')
    .replace(/[）〕】］]/g, ')')
    .replace(/[\s“”‘’"'《》<>·・,，、]/g, '')
    .replace(/级/g, '');
}

function characterDice(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const char of a) counts.set(char, (counts.get(char) ?? 0) + 1);
  let shared = 0;
  for (const char of b) {
    const count = counts.get(char) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(char, count - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

/** 1 for equal, 0.95 when one contains the other, else the character overlap (Dice over characters). */
export function subjectSimilarity(a: string, b: string): number {
  const left = normaliseSubject(a);
  const right = normaliseSubject(b);
  if (left === right) return 1;
  const shorter = left.length <= right.length ? left : right;
  const longer = shorter === left ? right : left;
  if (shorter.length >= 2 && longer.includes(shorter)) return 0.95;
  return characterDice(left, right);
}

const SUBJECT_OVERLAP_THRESHOLD = 0.6;

/**
 * Whether two subjects name the same thing, leniently: equal after normalising, one containing the other, or a
 * character overlap of at least 0.6. Two different level prefixes (省级… vs 市级…) never name the same thing.
 */
export function isSameSubject(a: string, b: string): boolean {
  const levelA = levelOf(a);
  const levelB = levelOf(b);
  if (levelA !== null && levelB !== null && levelA !== levelB) return false;
  return subjectSimilarity(a, b) >= SUBJECT_OVERLAP_THRESHOLD;
}
