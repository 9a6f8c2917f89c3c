import { and, asc, count, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { genesisHash, keyedChainHash, keyedHashAlgorithm, type ChainLink, type ChainedContent } from './audit.chain';
import type { AuditKey } from './audit.key';

/** Any value fixed for STIP: serialises appends to the chain across processes and connections. */
const chainLockKey = 7426002;

export type AuditEntry = Omit<ChainedContent, 'seq' | 'occurredAt'>;

/** Appends one record to the chain, keyed with `key`. Only inserts: the repository has no update or delete. */
export async function appendAuditRecord(tx: Transaction, key: AuditKey, entry: AuditEntry): Promise<ChainLink> {
  await tx.execute(sql`select pg_advisory_xact_lock(${chainLockKey})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? genesisHash;
  const content: ChainedContent = { ...entry, seq: (last?.seq ?? 0) + 1, occurredAt: new Date() };
  const link: ChainLink = {
    ...content,
    prevHash,
    hash: keyedChainHash(key, prevHash, content),
    hashAlg: keyedHashAlgorithm,
    keyId: key.id,
  };
  await tx.insert(auditLog).values(link);
  return link;
}

/** The newest record's sequence number and hash, or null for an empty trail. */
export async function findAuditHead(db: Executor): Promise<{ seq: number; hash: string } | null> {
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  return last ?? null;
}

function auditFilter(query: Omit<AuditQuery, 'limit' | 'offset'>): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.actorUsername) conditions.push(eq(auditLog.actorUsername, query.actorUsername));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.objectType) conditions.push(eq(auditLog.objectType, query.objectType));
  if (query.objectId) conditions.push(eq(auditLog.objectId, query.objectId));
  if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(`${query.from}T00:00:00+08:00`)));
  if (query.to) conditions.push(lt(auditLog.occurredAt, new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  return conditions.length ? and(...conditions) : undefined;
}

export async function findAuditRecords(db: Executor, query: AuditQuery) {
  const where = auditFilter(query);
  const [items, [totalRow]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(query.limit).offset(query.offset),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

/** Reads the chain in `seq` order, a batch at a time, so verifying a long trail stays in bounded memory. */
export async function* iterateAuditChain(db: Executor, batchSize = 1000): AsyncGenerator<ChainLink> {
  let after = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(batchSize);
    for (const row of batch) yield row;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.seq;
  }
}
