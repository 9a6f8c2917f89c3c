import { createHash } from 'node:crypto';

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

/** hash = SHA-256(previous hash ‖ canonical content). */
export function chainHash(prevHash: string, content: ChainedContent): string {
  // Named field by field: a row read back from the table also carries prevHash and hash.
  const body = canonicalJson({
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
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export interface ChainLink extends ChainedContent {
  prevHash: string;
  hash: string;
}

/**
 * Why `record` does not continue a chain whose last hash is `prevHash` and whose next sequence
 * number is `expectedSeq` — a gap (a deleted record), a broken link, or altered content — or null.
 */
export function linkProblem(record: ChainLink, prevHash: string, expectedSeq: number): string | null {
  if (record.seq !== expectedSeq) return `缺少序号 ${expectedSeq} 的记录`;
  if (record.prevHash !== prevHash) return '与上一条记录的链接不一致';
  if (chainHash(prevHash, record) !== record.hash) return '记录内容与其哈希不符';
  return null;
}
