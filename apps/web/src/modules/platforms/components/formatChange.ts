import type { PlatformLevel, PlatformStatus } from '@stip/contracts';
import { t } from '../../../shared/i18n/zh-CN';

/** The Chinese label of a platform field named in a change record; unknown fields show as named. */
export function fieldLabel(field: string): string {
  return (t.platformFields as Record<string, string | undefined>)[field] ?? field;
}

/** A changed value as a person reads it: enum labels, names of referenced records, lists joined. */
export function formatChangeValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t.common.none;
  if (field === 'status' && typeof value === 'string') return t.labels.platformStatus[value as PlatformStatus] ?? value;
  if (field === 'level' && typeof value === 'string') return t.labels.platformLevel[value as PlatformLevel] ?? value;
  if (typeof value === 'boolean') return value ? t.common.yes : t.common.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return t.common.none;
    return t.common.list(value.map((item) => formatChangeValue('', item)));
  }
  if (typeof value === 'object') {
    const named = value as { name?: unknown };
    if (typeof named.name === 'string') return named.name;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Whether a value says something (an emptied field's "before" is struck through; a dash is not). */
export function isFilled(value: unknown): boolean {
  return !(value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0));
}
