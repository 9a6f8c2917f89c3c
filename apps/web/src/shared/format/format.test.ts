import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { formatChineseDate, formatChineseDateTime, formatDate, formatDateTime, isAfterToday, todayString } from './format';

describe('dates as people read them', () => {
  // A moment without a zone is read in the browser's zone, as the API's ISO timestamps are.
  const moment = '2026-12-04T14:03:27';

  it('shows a moment in dense tables as 2026-12-04 14:03, never ISO with T or seconds', () => {
    expect(formatDateTime(moment)).toBe('2026-12-04 14:03');
    expect(formatDateTime(moment)).not.toMatch(/T|Z/);
    expect(formatDate(moment)).toBe('2026-12-04');
    expect(formatDate('2026-12-04')).toBe('2026-12-04');
  });

  it('writes days and moments in sentences as 2026年12月4日', () => {
    expect(formatChineseDate('2026-12-04')).toBe('2026年12月4日');
    expect(formatChineseDate('2026-01-09')).toBe('2026年1月9日');
    expect(formatChineseDateTime(moment)).toBe('2026年12月4日 14:03');
  });

  it('shows a missing date as the catalogue’s none', () => {
    expect(formatDateTime(null)).toBe(formatDate(undefined));
    expect(formatChineseDate(null)).toBe(formatDate(null));
  });
});

describe("today is China's day, as on the server", () => {
  it('turns to the next day at midnight in China, whatever the browser zone', () => {
    expect(todayString(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(todayString(new Date('2026-12-04T16:00:00Z'))).toBe('2026-12-05');
    expect(todayString(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
  });

  it('refuses only days after today in the date pickers', () => {
    const today = todayString();
    expect(isAfterToday(dayjs(today))).toBe(false);
    expect(isAfterToday(dayjs(today).subtract(1, 'day'))).toBe(false);
    expect(isAfterToday(dayjs(today).add(1, 'day'))).toBe(true);
  });
});
