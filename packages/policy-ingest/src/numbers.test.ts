import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseFigure, parseNumber } from './numbers.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百', 100],
    ['百', 100],
    ['一百零五', 105],
    ['三百五十', 350],
    ['一千二百', 1200],
    ['两万', 20000],
    ['二〇二一', 2021],
  ])('reads %s as %d', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('rejects text that is not a numeral', () => {
    expect(parseChineseNumeral('十五家')).toBeNull();
    expect(parseChineseNumeral('')).toBeNull();
  });
});

describe('parseNumber', () => {
  it('reads decimals, thousands separators and hanzi', () => {
    expect(parseNumber('1.3')).toBe(1.3);
    expect(parseNumber('1,200')).toBe(1200);
    expect(parseNumber('7.97')).toBe(7.97);
    expect(parseNumber('两')).toBe(2);
  });
});

describe('parseFigure', () => {
  it('takes the lower bound of a range', () => {
    expect(parseFigure('1—2')).toEqual({ value: 1, isRange: true });
    expect(parseFigure('2-3')).toEqual({ value: 2, isRange: true });
    expect(parseFigure('三至五')).toEqual({ value: 3, isRange: true });
  });

  it('reads a single figure as no range', () => {
    expect(parseFigure('15')).toEqual({ value: 15, isRange: false });
  });
});
