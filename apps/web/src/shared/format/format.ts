import dayjs from 'dayjs';
import { t } from '../i18n/zh-CN';

/** 2025-03-01 → 2025-03-01; ISO timestamps → their calendar day. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return t.common.none;
  return value.length > 10 ? dayjs(value).format('YYYY-MM-DD') : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t.common.none;
  return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
}

export function formatText(value: string | null | undefined): string {
  return value && value.trim() ? value : t.common.none;
}

export function todayString(): string {
  return dayjs().format('YYYY-MM-DD');
}
