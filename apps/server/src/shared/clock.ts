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
