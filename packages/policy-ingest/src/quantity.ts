/** Figures with a measure word and the words that bind them: "突破1.3亿元", "15家以上", "1—2家", "不超过5%". */
import {
  alternation,
  APPROXIMATE_AFTER,
  APPROXIMATE_BEFORE,
  AT_LEAST_AFTER,
  AT_LEAST_BEFORE,
  AT_MOST_AFTER,
  AT_MOST_BEFORE,
  COUNT_UNITS,
  EXACT_BEFORE,
  MONEY_UNITS,
  NOT_A_QUANTITY_BEFORE,
  PLAIN_BEFORE,
  RATIO_UNITS,
  UNIT_FALSE_FRIENDS,
} from './catalogue.js';
import { NUMBER_OR_RANGE, parseFigure, type ParsedFigure } from './numbers.js';
import type { Comparator, TargetKind } from './types.js';

export interface Quantity {
  /** Offsets in the searched text; `start` includes a comparator word in front ("突破"). */
  start: number;
  end: number;
  /** Where the figure itself starts. */
  figureStart: number;
  value: number;
  unit: string;
  comparator: Comparator;
  /** A comparator word was written for this figure (so a "分别…" list need not lend it one). */
  hasComparatorWord: boolean;
  /** The comparator was read from a binding word (以上, 达到, 不超过…), not defaulted for a plain figure. */
  comparatorRead: boolean;
  /** The figure is approximate (约, 近, 左右, 余, 多). */
  approximate: boolean;
  /** The figure is a range ("1—2家"), read as its lower end. */
  isRange: boolean;
  /** Written in hanzi (十五家): such figures also occur in set phrases, so callers demand more evidence. */
  isHanzi: boolean;
}

const UNIT = `(?:${alternation([...RATIO_UNITS, ...MONEY_UNITS])}|(?:万|亿)?(?:${alternation(COUNT_UNITS)}))`;
const BEFORE_WORDS = alternation([...AT_LEAST_BEFORE, ...AT_MOST_BEFORE, ...EXACT_BEFORE, ...APPROXIMATE_BEFORE, ...PLAIN_BEFORE]);
const AFTER_WORDS = alternation([...AT_LEAST_AFTER, ...AT_MOST_AFTER, ...APPROXIMATE_AFTER]);
const QUANTITY = new RegExp(`(${BEFORE_WORDS})?(${NUMBER_OR_RANGE})(余|多)?(${UNIT})(${AFTER_WORDS})?`, 'g');

/** "百分之三十", "百分之12.5": a percentage written out, read as 30%. */
const WRITTEN_PERCENT = new RegExp(`(${BEFORE_WORDS})?百分之(${NUMBER_OR_RANGE})(${AFTER_WORDS})?`, 'g');

/**
 * The comparator a phrase states: 以上/突破/不少于/达到/提高到 → >=, 以内/不超过/控制在…以下 → <=, and = only for
 * explicit wording (保持在/稳定在/等于 with no 以上/以下). A plain figure, a range or an approximate figure is read as
 * at least: a target is a floor unless the document says otherwise, and an exact comparator is never guessed.
 */
export function comparatorFor(wordBefore: string | undefined, wordAfter: string | undefined): Comparator {
  return readComparator(wordBefore, wordAfter).comparator;
}

/** The comparator and whether a binding word stated it (false: defaulted to >= for a plain figure). */
export function readComparator(wordBefore: string | undefined, wordAfter: string | undefined): { comparator: Comparator; read: boolean } {
  if (wordAfter && AT_LEAST_AFTER.includes(wordAfter)) return { comparator: '>=', read: true };
  if (wordAfter && AT_MOST_AFTER.includes(wordAfter)) return { comparator: '<=', read: true };
  if (wordBefore && AT_MOST_BEFORE.includes(wordBefore)) return { comparator: '<=', read: true };
  if (wordBefore && AT_LEAST_BEFORE.includes(wordBefore)) return { comparator: '>=', read: true };
  if (wordBefore && EXACT_BEFORE.includes(wordBefore)) return { comparator: '=', read: true };
  return { comparator: '>=', read: false };
}

export function kindOfUnit(unit: string): TargetKind {
  if (MONEY_UNITS.includes(unit)) return 'amount';
  if (RATIO_UNITS.includes(unit)) return 'ratio';
  return 'count';
}

const MAGNITUDE_VALUES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** "二十亿元" reads greedily as 二十亿 + 元; money is reported in 亿元/万元, so the magnitude moves to the unit. */
function moveMagnitudeToUnit(figureText: string, unit: string): { figureText: string; unit: string } {
  const magnitude = figureText.at(-1) ?? '';
  const combined = magnitude + unit;
  const isKnownUnit = MONEY_UNITS.includes(combined) || COUNT_UNITS.some((count) => magnitude + count === combined);
  if (!(magnitude in MAGNITUDE_VALUES) || figureText.length < 2 || !isKnownUnit) return { figureText, unit };
  return { figureText: figureText.slice(0, -1), unit: combined };
}

function isFalseFriend(unit: string, nextChar: string): boolean {
  const last = unit.at(-1) ?? '';
  return nextChar !== '' && (UNIT_FALSE_FRIENDS[last] ?? '').includes(nextChar);
}

interface BindingWords {
  wordBefore: string | undefined;
  wordAfter: string | undefined;
  /** 余/多 after the figure ("200余家"): at least. */
  approximate?: string | undefined;
}

function toQuantity(
  start: number,
  whole: string,
  { wordBefore, wordAfter, approximate }: BindingWords,
  figure: ParsedFigure,
  unit: string,
  isHanzi: boolean,
): Quantity {
  const { comparator, read } = readComparator(wordBefore, wordAfter);
  const isApproximate =
    Boolean(approximate) ||
    (wordBefore !== undefined && APPROXIMATE_BEFORE.includes(wordBefore)) ||
    (wordAfter !== undefined && APPROXIMATE_AFTER.includes(wordAfter));
  return {
    start,
    end: start + whole.length,
    figureStart: start + (wordBefore?.length ?? 0),
    value: figure.value,
    unit,
    comparator,
    hasComparatorWord: Boolean(wordBefore || wordAfter || approximate || figure.isRange),
    // 200余家 and 1—2家 state a floor as plainly as 200家以上 (the value, not the comparator, is then in doubt).
    comparatorRead: read || Boolean(approximate) || figure.isRange,
    approximate: isApproximate,
    isRange: figure.isRange,
    isHanzi,
  };
}

/** Every figure-with-unit in `text` (a whitespace-free view), with its comparator. */
export function findQuantities(text: string): Quantity[] {
  const quantities: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const [whole, wordBefore, writtenFigure = '', approximate, writtenUnit = '', wordAfter] = match;
    const { figureText, unit } = moveMagnitudeToUnit(writtenFigure, writtenUnit);
    if (!wordBefore && NOT_A_QUANTITY_BEFORE.test(text.slice(Math.max(0, match.index - 1), match.index))) continue;
    if (!wordAfter && isFalseFriend(unit, text[match.index + whole.length] ?? '')) continue;
    const figure = parseFigure(figureText);
    if (!figure) continue;
    const isHanzi = !/\d/.test(figureText);
    // A bare 万/百 ("每万人", "百家争鸣") or a lone 一 ("一个", "一家") is wording, not a figure.
    if (isHanzi && (figure.value < 2 || !/[二两三四五六七八九十]|[一][百千万]/.test(figureText))) continue;
    quantities.push(toQuantity(match.index, whole, { wordBefore, wordAfter, approximate }, figure, unit, isHanzi));
  }
  for (const match of text.matchAll(WRITTEN_PERCENT)) {
    const [whole, wordBefore, writtenFigure = '', wordAfter] = match;
    const figure = parseFigure(writtenFigure);
    if (figure) quantities.push(toQuantity(match.index, whole, { wordBefore, wordAfter }, figure, '%', false));
  }
  return quantities.sort((a, b) => a.start - b.start);
}
