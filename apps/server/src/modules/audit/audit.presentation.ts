import {
  auditActionLabel,
  auditFieldLabel,
  auditObjectTypeLabel,
  auditValueLabel,
  labels,
  type AuditFieldChange,
  type PlatformStatus,
} from '@stip/contracts';
import { formatChinaTime, formatChineseDay, formatChineseMoment } from '../../shared/clock';

export { formatChineseDay, formatChineseMoment };

/**
 * How an audit record reads to people (pure: no database). Names come in through `names` (id →
 * name, resolved in batch by the repository); the builders never show an id, a code or an ISO time.
 */

/** Ids resolved to what people call them (platform names, 姓名（单位） for accounts …). */
export type NameBook = ReadonlyMap<string, string>;

export interface PresentableRecord {
  occurredAt: Date;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isoMomentPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const listSeparator = '、';
/** Shown for a reference whose record no longer exists (or was never visible to the trail). */
export const unknownReference = '（已不存在的记录）';

/** Bookkeeping fields that say nothing to an auditor. */
const hiddenFields = new Set(['id', 'hash', 'passwordHash', 'tokenHash', 'createdAt', 'updatedAt', 'isDemo', 'lockVersion']);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One value as text: enum labels, names for ids, China time for moments, 是/否; null when empty. */
export function displayValue(objectType: string, field: string, value: unknown, names: NameBook): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    const label = auditValueLabel(objectType, field, value);
    if (label) return label;
    if (isUuid(value)) return names.get(value) ?? unknownReference;
    if (isoMomentPattern.test(value)) {
      const moment = new Date(value);
      return Number.isNaN(moment.getTime()) ? value : formatChinaTime(moment);
    }
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => displayValue(objectType, field, item, names)).filter((item) => item !== null);
    return items.length ? items.join(listSeparator) : null;
  }
  if (isPlainObject(value)) {
    // A reference kept with its name ({ id, name }) reads as the name.
    if (typeof value.name === 'string') return value.name;
    const parts = visibleEntries(value).flatMap(([key, inner]) => {
      const shown = displayValue(objectType, key, inner, names);
      return shown === null ? [] : [`${fieldLabel(objectType, key)}：${shown}`];
    });
    return parts.length ? parts.join('；') : null;
  }
  return String(value);
}

function fieldLabel(objectType: string, field: string): string {
  return auditFieldLabel(objectType, field) ?? field;
}

/** The fields worth showing: no bookkeeping, and an id only where the record has no name beside it. */
function visibleEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.entries(record).filter(([key]) => {
    if (hiddenFields.has(key)) return false;
    const idMatch = /^(.*)Ids?$/.exec(key);
    if (idMatch && idMatch[1]) {
      const stem = idMatch[1];
      if (`${stem}Name` in record || `${stem}s` in record || `${stem}Names` in record) return false;
    }
    return true;
  });
}

/**
 * Field by field, in Chinese. With both sides, only the fields whose shown value differs; with one
 * side (created, deleted, a login), every field that has a value.
 */
export function buildChanges(record: Pick<PresentableRecord, 'objectType' | 'before' | 'after'>, names: NameBook): AuditFieldChange[] {
  const { objectType, before, after } = record;
  if (before == null && after == null) return [];
  if (!isPlainObject(before ?? {}) || !isPlainObject(after ?? {})) {
    return [
      {
        field: 'value',
        label: '内容',
        before: displayValue(objectType, 'value', before, names),
        after: displayValue(objectType, 'value', after, names),
      },
    ];
  }
  const beforeObject = (before ?? {}) as Record<string, unknown>;
  const afterObject = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...visibleEntries(beforeObject), ...visibleEntries(afterObject)].map(([key]) => key))];
  const bothSides = before != null && after != null;
  const changes: AuditFieldChange[] = [];
  for (const key of keys) {
    const shownBefore = before == null ? null : displayValue(objectType, key, beforeObject[key], names);
    const shownAfter = after == null ? null : displayValue(objectType, key, afterObject[key], names);
    if (bothSides ? shownBefore === shownAfter : shownBefore === null && shownAfter === null) continue;
    // The version moves with every change; on its own it tells an auditor nothing.
    if (bothSides && key === 'version') continue;
    changes.push({ field: key, label: fieldLabel(objectType, key), before: shownBefore, after: shownAfter });
  }
  return changes;
}

const platformMoveByStatus: Partial<Record<PlatformStatus, string>> = {
  constructing: labels.platformAction.startConstruction,
  rectifying: labels.platformAction.orderRectification,
  revoked: labels.platformAction.revoke,
  merged: labels.platformAction.merge,
};

const field = (value: unknown, key: string): unknown => (isPlainObject(value) ? value[key] : undefined);

/** The status move a platform record makes (operating → revoked gives 撤销), or null when its status stays. */
export function platformMove(record: Pick<PresentableRecord, 'objectType' | 'before' | 'after'>): string | null {
  if (record.objectType !== 'platform') return null;
  const from = field(record.before, 'status');
  const to = field(record.after, 'status');
  if (typeof to !== 'string' || from === to || record.before == null) return null;
  if (to === 'operating') {
    return from === 'rectifying' ? labels.platformAction.completeRectification : labels.platformAction.startOperation;
  }
  return platformMoveByStatus[to as PlatformStatus] ?? null;
}

/** The action's Chinese name, sharpened by what the record says: a platform update that revokes reads 撤销平台. */
export function describeAction(record: Pick<PresentableRecord, 'action' | 'objectType' | 'before' | 'after'>): string {
  const move = platformMove(record);
  return move ? `${move}平台` : auditActionLabel(record.action);
}

/** The platform status moves as the action filter matches them: each target status with the names its move goes by. */
export function platformMovesMatching(text: string): PlatformStatus[] {
  const names: [PlatformStatus, string[]][] = [
    ['constructing', [labels.platformAction.startConstruction]],
    ['operating', [labels.platformAction.startOperation, labels.platformAction.completeRectification]],
    ['rectifying', [labels.platformAction.orderRectification]],
    ['revoked', [labels.platformAction.revoke]],
    ['merged', [labels.platformAction.merge]],
  ];
  return names.filter(([, moves]) => moves.some((move) => `${move}平台`.includes(text))).map(([status]) => status);
}

/** The name kept in the record itself (for an object since deleted or renamed). */
export function recordedName(record: Pick<PresentableRecord, 'before' | 'after'>): string | null {
  for (const side of [record.after, record.before]) {
    for (const key of ['name', 'title', 'displayName', 'subject', 'username']) {
      const value = field(side, key);
      if (typeof value === 'string' && value.trim()) return value;
    }
  }
  return null;
}

/** Why, as the record says it: a reason, a change note or a note (without a repeated 撤销： prefix). */
export function recordedReason(record: Pick<PresentableRecord, 'objectType' | 'before' | 'after'>): string | null {
  for (const key of ['reason', 'changeNote', 'outcomeReason', 'note']) {
    const value = field(record.after, key);
    if (typeof value === 'string' && value.trim()) {
      const move = platformMove(record);
      return move && value.startsWith(`${move}：`) ? value.slice(move.length + 1) : value;
    }
  }
  return null;
}

/** The record as one sentence: 张三（市科技局）于2026年12月4日 14:03 撤销平台「某实验室」：理由… */
export function buildSentence(record: PresentableRecord, actorName: string, objectName: string | null): string {
  const action = describeAction(record);
  const object = objectName ? `「${objectName}」` : '';
  const reason = recordedReason(record);
  return `${actorName}于${formatChineseMoment(record.occurredAt)} ${action}${object}${reason ? `：${reason}` : ''}`;
}

/** A person as people name them: 姓名（单位）, without repeating a unit the name already carries. */
export function personLabel(displayName: string, unit: string | null): string {
  if (!unit || displayName.includes(unit)) return displayName;
  return `${displayName}（${unit}）`;
}

/** Every id a record mentions (in its object and its before/after), to resolve in one batch per page. */
export function collectIds(record: Pick<PresentableRecord, 'objectId' | 'before' | 'after'>, into: Set<string>): void {
  if (isUuid(record.objectId)) into.add(record.objectId);
  const walk = (value: unknown, depth: number) => {
    if (depth > 4) return;
    if (isUuid(value)) into.add(value);
    else if (Array.isArray(value)) value.forEach((item) => walk(item, depth + 1));
    else if (isPlainObject(value)) Object.values(value).forEach((item) => walk(item, depth + 1));
  };
  walk(record.before, 0);
  walk(record.after, 0);
}

/** The page the object is shown on in the web app, for the types that have one. */
const objectPaths: Record<string, string> = {
  platform: '/platforms/',
  plan: '/plans/',
  target: '/targets/',
  task: '/tasks/',
  call: '/calls/',
  application: '/applications/',
  annual_report: '/annual-reports/',
  evaluation_round: '/evaluations/',
  funding_grant: '/funding/grants/',
};

export function objectPath(objectType: string, objectId: string | null): string | null {
  const prefix = objectPaths[objectType];
  return prefix && isUuid(objectId) ? `${prefix}${objectId}` : null;
}

export { auditObjectTypeLabel };
