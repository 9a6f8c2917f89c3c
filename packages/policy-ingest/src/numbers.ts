/** Figures as written in Chinese government text: 15, 1.3, 1,200, 十五, 两, 一百, and ranges like 1—2 or 2-3. */

const ARABIC_NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千万亿]+';
const RANGE_DASH = '[—–\\-~～至到]';
const NUMBER = `(?:${ARABIC_NUMBER}|${CHINESE_NUMBER})`;
/** One figure, or a range of two, as one regex source. */
export const NUMBER_OR_RANGE = `${NUMBER}(?:${RANGE_DASH}${NUMBER})?`;

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const MAGNITUDE_VALUES: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** 十五 → 15, 一百零五 → 105, 两万 → 20000, 二〇二一 → 2021; null when the text is not a hanzi numeral. */
export function parseChineseNumeral(text: string): number | null {
  if (!new RegExp(`^${CHINESE_NUMBER}$`).test(text)) return null;
  const isPositional = ![...text].some((char) => char in UNIT_VALUES || char in MAGNITUDE_VALUES);
  if (isPositional) return Number([...text].map((char) => DIGIT_VALUES[char]).join(''));

  let total = 0;
  let section = 0;
  let pendingDigit: number | null = null;
  for (const char of text) {
    const digit = DIGIT_VALUES[char];
    const unit = UNIT_VALUES[char];
    const magnitude = MAGNITUDE_VALUES[char];
    if (digit !== undefined) {
      pendingDigit = digit;
    } else if (unit !== undefined) {
      section += (pendingDigit ?? 1) * unit;
      pendingDigit = null;
    } else if (magnitude !== undefined) {
      const value = section + (pendingDigit ?? 0);
      total += (value === 0 ? 1 : value) * magnitude;
      section = 0;
      pendingDigit = null;
    }
  }
  return total + section + (pendingDigit ?? 0);
}

/** "1,200" → 1200, "1.3" → 1.3, "十五" → 15; null for anything else. */
export function parseNumber(text: string): number | null {
  if (new RegExp(`^${ARABIC_NUMBER}$`).test(text)) return Number(text.replace(/,/g, ''));
  return parseChineseNumeral(text);
}

export interface ParsedFigure {
  /** The figure, or a range's lower bound. */
  value: number;
  /** A range ("1—2家") promises at least its lower bound. */
  isRange: boolean;
}

/** Parses a figure or a range of two figures; a range yields its lower bound. */
export function parseFigure(text: string): ParsedFigure | null {
  const range = new RegExp(`^(${NUMBER})${RANGE_DASH}(${NUMBER})$`).exec(text);
  if (range) {
    const low = parseNumber(range[1] ?? '');
    const high = parseNumber(range[2] ?? '');
    if (low === null || high === null) return null;
    return { value: Math.min(low, high), isRange: true };
  }
  const value = parseNumber(text);
  return value === null ? null : { value, isRange: false };
}
