/**
 * Calendar days and times as the bureau reads them: China Standard Time (UTC+8, no daylight
 * saving), whatever zone the server runs in — "today" decides which effective dates are allowed.
 */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/** Today's date in China, YYYY-MM-DD. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** A moment as China's wall clock shows it, YYYY-MM-DD HH:mm. */
export function formatChinaTime(moment: Date): string {
  return new Date(moment.getTime() + chinaOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** 2026-12-04 → 2026年12月4日, the style of official documents (anything else is returned as given). */
export function formatChineseDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** A moment in China time as 2026年12月4日 14:03. */
export function formatChineseMoment(moment: Date): string {
  const [day, time] = formatChinaTime(moment).split(' ');
  return `${formatChineseDay(day!)} ${time}`;
}

/** The moment a China calendar day (YYYY-MM-DD) begins. */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The calendar day `days` after `day` (before it when negative), both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string): string {
  return addDays(day, 1);
}
