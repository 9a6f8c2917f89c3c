import { z } from 'zod';
import { zDate, zLimit, zOffset, zText, zId } from './common';

/** One field of an audit record, shown to people: Chinese field name, before and after as text. */
export const zAuditFieldChange = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditFieldChange = z.infer<typeof zAuditFieldChange>;

export const zAuditRecord = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  sourceIp: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** The request that made the change (X-Request-Id in the server's logs). */
  requestId: z.string().nullable(),
  hash: z.string(),
  /** The actor as people name them: 姓名（单位）, or 系统. */
  actorName: z.string(),
  /** The action's Chinese name (修改平台), more precise than the code where the record says more (撤销平台). */
  actionLabel: z.string(),
  objectTypeLabel: z.string(),
  /** The object's name now, else the name kept in the record; null when neither is known. */
  objectName: z.string().nullable(),
  /** Where the object is shown in the web app, when it has a page. */
  objectPath: z.string().nullable(),
  /** The record as one Chinese sentence: 张三（市科技局）于2026年12月4日 14:03 撤销了平台「某实验室」：理由… */
  sentence: z.string(),
  /** Field by field, in Chinese: names instead of ids, labels instead of codes, Chinese dates. */
  changes: z.array(zAuditFieldChange),
});
export type AuditRecord = z.infer<typeof zAuditRecord>;

const auditFilters = {
  /** Exactly this login. */
  actorUsername: zText(40).optional(),
  /** Part of the actor's name, unit or login (张科长, 市科技局, city). */
  actor: zText(60).optional(),
  /** A code (`platform.update`) or part of a Chinese action name (修改平台, 撤销). */
  action: zText(60).optional(),
  objectType: zText(40).optional(),
  objectId: zId.optional(),
  /** Part of the object's name, now or as kept in the record. */
  objectName: zText(100).optional(),
  from: zDate.optional(),
  to: zDate.optional(),
};

export const zAuditQuery = z.object({ limit: zLimit, offset: zOffset, ...auditFilters });
export type AuditQuery = z.infer<typeof zAuditQuery>;
export const zAuditExportQuery = z.object(auditFilters);
export type AuditExportQuery = z.infer<typeof zAuditExportQuery>;

/** An export holds at most this many records; a larger one must be narrowed by filters first. */
export const auditExportMaxRows = 20_000;

export const zAuditVerification = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  /** The first record whose hash or link does not match, when the chain is broken. */
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** The newest record a signed checkpoint vouches for (records after it could be removed unnoticed). */
  checkpointSeq: z.number().int().nullable(),
});
export type AuditVerification = z.infer<typeof zAuditVerification>;
