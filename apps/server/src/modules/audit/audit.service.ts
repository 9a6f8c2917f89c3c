import type { AuditQuery, AuditVerification } from '@stip/contracts';
import type { Database, Transaction } from '../../db/client';
import type { RequestContext } from '../../shared/context';
import { appendAuditRecord, findAuditHead, findAuditRecords, iterateAuditChain } from './audit.repository';
import { genesisHash, keyedHashAlgorithm, linkProblem, type ChainPosition } from './audit.chain';
import { appendCheckpoint, readCheckpoints, signCheckpoint, type AuditCheckpoint } from './audit.checkpoints';
import { auditTrailSettings, type AuditTrailSettings } from './audit.key';

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
  await appendAuditRecord(tx, auditTrailSettings().key, {
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? 'system',
    actorRole: ctx.actor?.role ?? null,
    sourceIp: ctx.sourceIp,
    action: change.action,
    objectType: change.objectType,
    objectId: change.objectId,
    before: toJson(change.before),
    after: toJson(change.after),
    requestId: ctx.requestId ?? null,
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
      requestId: row.requestId,
      hash: row.hash,
    })),
  };
}

/**
 * Recomputes the whole chain with the audit key and compares it with the signed checkpoints: reports
 * it intact, or names the first record that was altered, removed (anywhere, the newest included) or
 * re-hashed without the key.
 */
export async function verifyAuditChain(db: Database, settings: AuditTrailSettings = auditTrailSettings()): Promise<AuditVerification> {
  const checkpoints = settings.checkpointFile ? await readCheckpoints(settings.checkpointFile, settings.key) : null;
  const broken = (seq: number, reason: string, checked: number): AuditVerification => ({
    intact: false,
    checked,
    firstBrokenSeq: seq,
    reason,
    checkpointSeq: checkpoints?.maxSeq || null,
  });
  if (checkpoints?.problem) return broken(1, checkpoints.problem, 0);
  const position: ChainPosition = { prevHash: genesisHash, expectedSeq: 1, keyedSeen: false };
  let checked = 0;
  for await (const record of iterateAuditChain(db)) {
    const problem = linkProblem(record, position, settings.key);
    if (problem) return broken(Math.min(record.seq, position.expectedSeq), problem, checked);
    const checkpointed = checkpoints?.hashBySeq.get(record.seq);
    if (checkpointed !== undefined && checkpointed !== record.hash) {
      return broken(record.seq, '记录与签名检查点不符（链被重写）', checked);
    }
    position.prevHash = record.hash;
    position.expectedSeq++;
    position.keyedSeen ||= record.hashAlg === keyedHashAlgorithm;
    checked++;
  }
  if (checkpoints && checkpoints.maxSeq >= position.expectedSeq) {
    return broken(
      position.expectedSeq,
      `末尾的记录被删除：签名检查点记录到第 ${checkpoints.maxSeq} 条，审计链只到第 ${position.expectedSeq - 1} 条`,
      checked,
    );
  }
  return { intact: true, checked, firstBrokenSeq: null, reason: null, checkpointSeq: checkpoints?.maxSeq || null };
}

/**
 * Appends a signed checkpoint of the chain's head to the checkpoint file when the head moved since
 * `previous`; returns the checkpoint now in force (null when there is no file or no record yet).
 */
export async function writeAuditCheckpoint(
  db: Database,
  previous: { seq: number; hash: string } | null = null,
  settings: AuditTrailSettings = auditTrailSettings(),
): Promise<AuditCheckpoint | null> {
  if (!settings.checkpointFile) return null;
  const head = await findAuditHead(db);
  if (!head) return null;
  if (previous && previous.seq === head.seq && previous.hash === head.hash) return null;
  const checkpoint = signCheckpoint(settings.key, head);
  await appendCheckpoint(settings.checkpointFile, checkpoint);
  return checkpoint;
}
