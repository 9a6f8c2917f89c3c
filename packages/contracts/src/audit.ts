import { z } from 'zod';
import { zDate, zLimit, zOffset, zText, zId } from './common';

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
});
export type AuditRecord = z.infer<typeof zAuditRecord>;

export const zAuditQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  actorUsername: zText(40).optional(),
  action: zText(60).optional(),
  objectType: zText(40).optional(),
  objectId: zId.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
});
export type AuditQuery = z.infer<typeof zAuditQuery>;

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
