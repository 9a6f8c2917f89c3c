import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained —
 * each record's hash covers its content and the previous record's hash, so `stip audit verify`
 * finds the first record that was altered or removed. Records are keyed (`hmac-sha256` with the
 * audit key, which lives outside the database); records written before the key existed keep their
 * plain `sha256` hash and may only precede the keyed ones.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    sourceIp: text('source_ip'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /** `hmac-sha256` (keyed, `key_id` names the key) or `sha256` (written before the key existed). */
    hashAlg: text('hash_alg').notNull().default('sha256'),
    /** The first 16 hex digits of HMAC(key, "stip-audit-key-id"): which key signed the record. */
    keyId: text('key_id'),
    /** The HTTP request that made the change (X-Request-Id), to find it in the logs. */
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_object_idx').on(t.objectType, t.objectId),
    index('audit_log_actor_idx').on(t.actorUsername),
    index('audit_log_occurred_idx').on(t.occurredAt),
  ],
);
