import type { AuditQuery, AuditVerification } from '@stip/contracts';
import type { Database, Transaction } from '../../db/client';
import type { RequestContext } from '../../shared/context';
import { appendAuditRecord, findAuditRecords, iterateAuditChain } from './audit.repository';
import { genesisHash, linkProblem } from './audit.chain';

export interface AuditChange {
  /** Verb in dotted form: `platform.update`, `user.login`, `taxonomy.type.retire` … */
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON, as jsonb will give it back (dates become ISO strings, undefined disappears). */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Writes the audit record of a change inside the change's own transaction: both commit or neither. */
export async function recordAudit(tx: Transaction, ctx: RequestContext, change: AuditChange): Promise<void> {
  await appendAuditRecord(tx, {
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? 'system',
    actorRole: ctx.actor?.role ?? null,
    sourceIp: ctx.sourceIp,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    before: toJson(change.before),
    after: toJson(change.after),
  });
}

export async function findAudit(ctx: RequestContext, query: AuditQuery) {
  const page = await findAuditRecords(ctx.db, query);
  return {
    total: page.total,
    items: page.items.map((row) => ({
      seq: row.seq,
      occurredAt: row.occurredAt.toISOString(),
      actorUserId: row.actorUserId,
      actorUsername: row.actorUsername,
      actorRole: row.actorRole,
      sourceIp: row.sourceIp,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      before: row.before,
      after: row.after,
      hash: row.hash,
    })),
  };
}

/** Recomputes the whole chain; reports it intact or names the first record that was altered or removed. */
export async function verifyAuditChain(db: Database): Promise<AuditVerification> {
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let checked = 0;
  for await (const record of iterateAuditChain(db)) {
    const problem = linkProblem(record, prevHash, expectedSeq);
    if (problem) return { intact: false, checked, firstBrokenSeq: Math.min(record.seq, expectedSeq), reason: problem };
    prevHash = record.hash;
    expectedSeq++;
    checked++;
  }
  return { intact: true, checked, firstBrokenSeq: null, reason: null };
}
