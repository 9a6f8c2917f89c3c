import { describe, expect, it } from 'vitest';
import { findDateMentions, findDocumentDate, parseDeadline, parseOptionDate } from './dates.js';

const in2021 = { documentYear: 2021 };

describe('parseDeadline', () => {
  it.each([
    ['到2025年', '2025-12'],
    ['2022年底前', '2022-12'],
    ['力争2022年底前', '2022-12'],
    ['2023年6月前', '2023-06'],
    ['2025年12月前', '2025-12'],
    ['2021年12月前完成，并动态更新', '2021-12'],
    ['2023年第三季度', '2023-09'],
    ['2024年上半年', '2024-06'],
    ['2022.12', '2022-12'],
    ['“十四五”期间', '2025-12'],
    ['6月底前', '2021-06'],
    ['年内', '2021-12'],
    ['明年底前', '2022-12'],
    ['2022年6月底前完成方案，12月底前建成', '2022-12'],
  ])('%s → %s', (text, deadline) => {
    expect(parseDeadline(text, in2021)).toBe(deadline);
  });

  it('finds no date in recurring or empty cells', () => {
    expect(parseDeadline('每季度', in2021)).toBeNull();
    expect(parseDeadline('长期坚持', in2021)).toBeNull();
    expect(parseDeadline('', in2021)).toBeNull();
  });

  it('leaves relative words alone when the document year is unknown', () => {
    expect(parseDeadline('年内', { documentYear: null })).toBeNull();
  });
});

describe('findDateMentions', () => {
  it('tells due dates from mere mentions of a year or a day', () => {
    const [plain, due, day] = findDateMentions('2021年是开局之年，到2025年建成，2021年4月15日印发', in2021);
    expect(plain).toMatchObject({ year: 2021, isDeadline: false });
    expect(due).toMatchObject({ year: 2025, isDeadline: true });
    expect(day).toMatchObject({ year: 2021, month: 4, isDeadline: false });
  });

  it('does not read a plan’s name as its period', () => {
    expect(findDateMentions('制定出台“十四五”科技创新规划', in2021)).toEqual([]);
  });
});

describe('document dates', () => {
  it('reads the written date, else a numeric one, else the file number’s year', () => {
    expect(findDocumentDate('达州市人民政府办公室\n2021年4月15日')).toEqual({ year: 2021, month: 4 });
    expect(findDocumentDate('发文日期: 2018-10-09')).toEqual({ year: 2018, month: 10 });
    expect(findDocumentDate('达市科〔2021〕28号')).toEqual({ year: 2021, month: 1 });
    expect(findDocumentDate('没有日期')).toBeNull();
  });

  it('accepts YYYY-MM-DD, YYYY-MM and YYYY options', () => {
    expect(parseOptionDate('2021-04-15')).toEqual({ year: 2021, month: 4 });
    expect(parseOptionDate('2021')).toEqual({ year: 2021, month: 1 });
    expect(parseOptionDate('April 2021')).toBeNull();
    expect(parseOptionDate(undefined)).toBeNull();
  });
});
