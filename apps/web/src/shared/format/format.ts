import dayjs, { type Dayjs } from 'dayjs';
import { t } from '../i18n/zh-CN';

/** 2025-03-01 → 2025-03-01; ISO timestamps → their calendar day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return t.common.none;
  return value.length > 10 ? dayjs(value).format('YYYY-MM-DD') : value;
}

/** A moment as dense tables show it: 2026-12-04 14:03 (never ISO with T/Z). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t.common.none;
  return dayjs(value).format('YYYY-MM-DD HH:mm');
}

/** A day in the style of documents and sentences: 2026年12月4日 (from YYYY-MM-DD or an ISO timestamp). */
export function formatChineseDate(value: string | null | undefined): string {
  if (!value) return t.common.none;
  return dayjs(value).format('YYYY年M月D日');
}

/** A moment in the style of sentences: 2026年12月4日 14:03. */
export function formatChineseDateTime(value: string | null | undefined): string {
  if (!value) return t.common.none;
  return dayjs(value).format('YYYY年M月D日 HH:mm');
}

export function formatText(value: string | null | undefined): string {
  return value && value.trim() ? value : t.common.none;
}

/** China's wall-clock offset from UTC (no daylight saving). */
const chinaOffsetMs = 8 * 60 * 60 * 1000;

/**
 * Today as China's wall clock has it (YYYY-MM-DD), the day the server measures "today" by (`todayInChina`), so a
 * browser in another time zone, or late in the UTC day, asks for the same day the server answers for.
 */
export function todayString(now: Date = new Date()): string {
  return new Date(now.getTime() + chinaOffsetMs).toISOString().slice(0, 10);
}

/** Whether a picked day lies after today (China's day): date pickers refuse such days. */
export function isAfterToday(day: Dayjs): boolean {
  return day.format('YYYY-MM-DD') > todayString();
}
