import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditKey } from './audit.key';

/** The hash of the record before the first one. */
export const genesisHash = '0'.repeat(64);

export interface ChainedContent {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  sourceIp: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  /** Covered by keyed hashes only (the unkeyed formula predates it). */
  requestId: string | null;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The canonical body of a record's content, named field by field (a row read back also carries its hashes). */
function contentBody(content: ChainedContent, extra: Record<string, unknown> = {}): string {
  return canonicalJson({
    seq: content.seq,
    occurredAt: content.occurredAt.toISOString(),
    actorUserId: content.actorUserId,
    actorUsername: content.actorUsername,
    actorRole: content.actorRole,
    sourceIp: content.sourceIp,
    action: content.action,
    objectType: content.objectType,
    objectId: content.objectId,
    before: content.before,
    after: content.after,
    ...extra,
  });
}

/**
 * The unkeyed hash of records written before the audit key existed: SHA-256(previous hash ‖ content).
 * Anyone can recompute it, so it only stays trusted as a prefix that keyed records and checkpoints follow.
 */
export function legacyChainHash(prevHash: string, content: ChainedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentBody(content)).digest('hex');
}

/** The keyed hash: HMAC-SHA256(key, previous hash ‖ content ‖ request id ‖ key id). */
export function keyedChainHash(key: AuditKey, prevHash: string, content: ChainedContent): string {
  const body = contentBody(content, { requestId: content.requestId, keyId: key.id, hashAlg: keyedHashAlgorithm });
  return createHmac('sha256', key.secret).update('stip-audit-v2\n').update(prevHash).update('\n').update(body).digest('hex');
}

export const keyedHashAlgorithm = 'hmac-sha256';
export const legacyHashAlgorithm = 'sha256';

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

export interface ChainLink extends ChainedContent {
  prevHash: string;
  hash: string;
  hashAlg: string;
  keyId: string | null;
}

/** Where a verification stands after the records it has read. */
export interface ChainPosition {
  prevHash: string;
  expectedSeq: number;
  /** Whether a keyed record was seen: after one, an unkeyed record can only be a forgery. */
  keyedSeen: boolean;
}

/**
 * Why `record` does not continue the chain at `position` — a gap (a deleted record), a broken link,
 * altered content, an unkeyed record after keyed ones, or another key — or null.
 */
export function linkProblem(record: ChainLink, position: ChainPosition, key: AuditKey): string | null {
  if (record.seq !== position.expectedSeq) return `缺少序号 ${position.expectedSeq} 的记录`;
  if (record.prevHash !== position.prevHash) return '与上一条记录的链接不一致';
  if (record.hashAlg === keyedHashAlgorithm) {
    if (record.keyId !== key.id) return `记录由另一把审计密钥签名（密钥编号 ${record.keyId ?? '无'}，当前密钥 ${key.id}）`;
    if (!sameDigest(keyedChainHash(key, position.prevHash, record), record.hash)) return '记录内容与其签名不符';
    return null;
  }
  if (record.hashAlg === legacyHashAlgorithm) {
    if (position.keyedSeen) return '已签名的记录之后出现未签名的记录（链被重算）';
    if (record.keyId !== null || record.requestId !== null) return '未签名的记录带有签名后才有的字段';
    if (legacyChainHash(position.prevHash, record) !== record.hash) return '记录内容与其哈希不符';
    return null;
  }
  return `未知的哈希算法 ${record.hashAlg}`;
}
