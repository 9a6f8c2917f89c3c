/** Dates as plans write them: 到2025年, 2022年底前, 2023年6月前, 年内, 明年底前, “十四五”末. */

import { ABSOLUTE_DATE, DUE_DATE_PREFIX, FIVE_YEAR_PLAN, MONTH_ONLY, RELATIVE_YEAR } from './catalogue.js';

export interface DateMention {
  /** Offsets in the searched text. */
  start: number;
  end: number;
  year: number;
  /** 1–12; null when only a year is given (read as its end). */
  month: number | null;
  /** Written as a due date (到…, …前, …底) rather than merely naming a year or a day. */
  isDeadline: boolean;
}

export interface DateContext {
  /** The document's year, for relative words (今年, 年内, 6月底前). */
  documentYear: number | null;
}

const CHINESE_DIGITS = '一二三四五六七八九';
const QUARTER_END_MONTH: Readonly<Record<string, number>> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

const NUMERIC_DATE = /(?<!\d)(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?)?(?!\d)/g;

function monthOfPeriod(period: string | undefined, explicitMonth: number | null): number | null {
  if (explicitMonth !== null) return explicitMonth;
  if (!period) return null;
  if (period === '上半年') return 6;
  const quarter = /([一二三四1-4])季度/.exec(period);
  if (quarter) return QUARTER_END_MONTH[quarter[1] ?? ''] ?? null;
  return 12;
}

function isPlausibleYear(year: number): boolean {
  return year >= 1990 && year <= 2100;
}

function overlapsAny(start: number, end: number, taken: readonly DateMention[]): boolean {
  return taken.some((mention) => start < mention.end && mention.start < end);
}

/** Every date mention in `text`, in order. Numeric forms (2022.12, 2018-10-09) only when asked: they are ambiguous in prose. */
export function findDateMentions(text: string, context: DateContext, options: { allowNumericForms?: boolean } = {}): DateMention[] {
  const mentions: DateMention[] = [];

  for (const match of text.matchAll(ABSOLUTE_DATE)) {
    const year = Number(match[2]);
    if (!isPlausibleYear(year)) continue;
    const explicitMonth = match[3] ? Number(match[3]) : null;
    const hasDay = Boolean(match[4]);
    const period = match[5];
    const month = monthOfPeriod(period, explicitMonth);
    const prefix = match[1] ?? '';
    const suffix = match[6] ?? '';
    const isDeadline = DUE_DATE_PREFIX.test(prefix) || suffix !== '' || (period !== undefined && !hasDay);
    const start = match.index + prefix.length;
    mentions.push({ start, end: match.index + match[0].length, year, month: month && month <= 12 ? month : null, isDeadline });
  }

  for (const match of text.matchAll(FIVE_YEAR_PLAN)) {
    const ordinal = CHINESE_DIGITS.indexOf(match[2] ?? '') + 1;
    if (overlapsAny(match.index, match.index + match[0].length, mentions)) continue;
    mentions.push({ start: match.index, end: match.index + match[0].length, year: 2005 + 5 * ordinal, month: 12, isDeadline: true });
  }

  if (options.allowNumericForms) {
    for (const match of text.matchAll(NUMERIC_DATE)) {
      const year = Number(match[1]);
      const month = Number(match[2]);
      const end = match.index + match[0].length;
      if (!isPlausibleYear(year) || month < 1 || month > 12 || overlapsAny(match.index, end, mentions)) continue;
      mentions.push({ start: match.index, end, year, month, isDeadline: !match[3] });
    }
  }

  // "2022年6月底前完成方案，12月底前建成": a month alone belongs to the year named before it, else the document's.
  const written = [...mentions].sort((a, b) => a.start - b.start);
  for (const match of text.matchAll(MONTH_ONLY)) {
    const end = match.index + match[0].length;
    const month = Number(match[1]);
    const year = written.filter((mention) => mention.end <= match.index).at(-1)?.year ?? context.documentYear;
    if (year === null || month < 1 || month > 12 || overlapsAny(match.index, end, mentions)) continue;
    mentions.push({ start: match.index, end, year, month, isDeadline: Boolean(match[2] || match[3]) });
  }

  if (context.documentYear !== null) {
    const documentYear = context.documentYear;
    for (const match of text.matchAll(RELATIVE_YEAR)) {
      const end = match.index + match[0].length;
      if (overlapsAny(match.index, end, mentions)) continue;
      const word = match[1] ?? '';
      // "年底" alone follows a year in ABSOLUTE_DATE; here it is "年底前" with the year implied.
      if ((word === '年底' || word === '年末') && /\d$/.test(text.slice(0, match.index))) continue;
      const year = word === '明年' ? documentYear + 1 : documentYear;
      mentions.push({ start: match.index, end, year, month: 12, isDeadline: true });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

/** YYYY-MM for a mention; a bare year means its December. */
export function toDeadline(mention: Pick<DateMention, 'year' | 'month'>): string {
  return `${mention.year}-${String(mention.month ?? 12).padStart(2, '0')}`;
}

/** The latest of some mentions ("力争2022年底前…；2025年底前…" → 2025), or null when there are none. */
export function latestMention(mentions: readonly DateMention[]): DateMention | null {
  const order = (mention: DateMention) => mention.year * 100 + (mention.month ?? 12);
  return mentions.reduce<DateMention | null>((latest, mention) => (!latest || order(mention) > order(latest) ? mention : latest), null);
}

/** The due date a 完成时限 cell or phrase states: its latest date ("6月底前完成方案，12月底前建成" → the later). */
export function parseDeadline(text: string, context: DateContext): string | null {
  const latest = latestMention(findDateMentions(text.replace(/\s+/g, ''), context, { allowNumericForms: true }));
  return latest ? toDeadline(latest) : null;
}

/** The document's own date: a full written date (2021年4月15日), else a numeric one (2018-10-09), else a file number's year. */
export function findDocumentDate(text: string): { year: number; month: number } | null {
  const written = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  if (written && isPlausibleYear(Number(written[1]))) return { year: Number(written[1]), month: Number(written[2]) };
  const numeric = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(text);
  if (numeric && isPlausibleYear(Number(numeric[1]))) return { year: Number(numeric[1]), month: Number(numeric[2]) };
  const fileNumber = /[〔［[【(（](\d{4})[〕］\]】)）]/.exec(text);
  if (fileNumber && isPlausibleYear(Number(fileNumber[1]))) return { year: Number(fileNumber[1]), month: 1 };
  return null;
}

/** Reads options.date: YYYY-MM-DD, YYYY-MM or YYYY. */
export function parseOptionDate(date: string | undefined): { year: number; month: number } | null {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(date?.trim() ?? '');
  if (!match || !isPlausibleYear(Number(match[1]))) return null;
  return { year: Number(match[1]), month: match[2] ? Number(match[2]) : 1 };
}
