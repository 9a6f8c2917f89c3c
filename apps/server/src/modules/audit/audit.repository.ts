import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { allAuditActionLabels, type AuditExportQuery, type AuditQuery } from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import {
  auditLog,
  calls,
  evaluationRounds,
  experts,
  organizations,
  plans,
  platformSystems,
  platformTypes,
  platformVersions,
  regions,
  targets,
  tasks,
  users,
} from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';
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

/** The named records an audit record can point at: where each type keeps its name. */
const nameSources: { objectType: string; table: PgTable; id: AnyPgColumn; name: AnyPgColumn }[] = [
  { objectType: 'organization', table: organizations, id: organizations.id, name: organizations.name },
  { objectType: 'region', table: regions, id: regions.id, name: regions.name },
  { objectType: 'platform_type', table: platformTypes, id: platformTypes.id, name: platformTypes.name },
  { objectType: 'platform_system', table: platformSystems, id: platformSystems.id, name: platformSystems.name },
  { objectType: 'plan', table: plans, id: plans.id, name: plans.title },
  { objectType: 'task', table: tasks, id: tasks.id, name: tasks.title },
  { objectType: 'target', table: targets, id: targets.id, name: targets.subject },
  { objectType: 'call', table: calls, id: calls.id, name: calls.title },
  { objectType: 'expert', table: experts, id: experts.id, name: experts.name },
  { objectType: 'evaluation_round', table: evaluationRounds, id: evaluationRounds.id, name: evaluationRounds.title },
];

export interface PersonRow {
  id: string;
  username: string;
  displayName: string;
  organizationName: string | null;
  regionName: string | null;
}

/** The accounts among `ids`, with the unit and region they act for. */
export async function findPersons(db: Executor, ids: readonly string[]): Promise<PersonRow[]> {
  if (!ids.length) return [];
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      organizationName: organizations.name,
      regionName: regions.name,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(inArray(users.id, [...ids]));
}

/**
 * The current name of every record among `ids` that has one (a platform: its newest version's
 * name), in one query per named table: the page of audit records is resolved in a fixed number
 * of queries, whatever it holds.
 */
export async function findNames(db: Executor, ids: readonly string[]): Promise<Map<string, { objectType: string; name: string }>> {
  const names = new Map<string, { objectType: string; name: string }>();
  if (!ids.length) return names;
  const list = [...ids];
  const [platformRows, ...sourceRows] = await Promise.all([
    db
      .select({ id: platformVersions.platformId, name: platformVersions.name, version: platformVersions.version })
      .from(platformVersions)
      .where(inArray(platformVersions.platformId, list))
      .orderBy(asc(platformVersions.version)),
    ...nameSources.map((source) =>
      db
        .select({ id: sql<string>`${source.id}`, name: sql<string>`${source.name}` })
        .from(source.table)
        .where(inArray(source.id, list)),
    ),
  ]);
  // Newest version last, so it wins.
  for (const row of platformRows) names.set(row.id, { objectType: 'platform', name: row.name });
  sourceRows.forEach((rows, index) => {
    for (const row of rows) names.set(row.id, { objectType: nameSources[index]!.objectType, name: row.name });
  });
  return names;
}

const codePattern = /^[a-z][a-z0-9_.-]*$/i;

/**
 * A code filters by that action (and the actions under it: `platform` or `platform.` finds every
 * platform action); Chinese text by every action whose name contains it, and by the platform
 * status moves whose name does (撤销 finds a revocation recorded as a platform update).
 */
function actionCondition(text: string, platformStatusesMatching: readonly string[]): SQL {
  if (codePattern.test(text)) {
    const stem = text.replace(/\.$/, '');
    return or(eq(auditLog.action, stem), ilike(auditLog.action, `${stem.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`))!;
  }
  const codes = Object.entries(allAuditActionLabels())
    .filter(([, label]) => label.includes(text))
    .map(([code]) => code);
  const conditions: SQL[] = [];
  if (codes.length) conditions.push(inArray(auditLog.action, codes));
  if (platformStatusesMatching.length) {
    conditions.push(
      and(
        eq(auditLog.objectType, 'platform'),
        inArray(auditLog.action, ['platform.update', 'platform.transition']),
        sql`${auditLog.after}->>'status' in (${sql.join(
          platformStatusesMatching.map((status) => sql`${status}`),
          sql`, `,
        )})`,
        sql`${auditLog.before} is not null`,
        sql`(${auditLog.before}->>'status') is distinct from (${auditLog.after}->>'status')`,
      )!,
    );
  }
  return conditions.length ? or(...conditions)! : sql`false`;
}

/** Part of a name: the object's current name in its table, any earlier platform name, or the name kept in the record. */
function objectNameCondition(text: string): SQL {
  const pattern = escapeLike(text);
  const kept = ['name', 'title', 'subject', 'displayName'].flatMap((key) => [
    sql`${auditLog.after}->>${key} ilike ${pattern}`,
    sql`${auditLog.before}->>${key} ilike ${pattern}`,
  ]);
  return or(
    and(
      eq(auditLog.objectType, 'platform'),
      sql`${auditLog.objectId} in (select ${platformVersions.platformId}::text from ${platformVersions} where ${platformVersions.name} ilike ${pattern})`,
    ),
    and(
      eq(auditLog.objectType, 'user'),
      sql`${auditLog.objectId} in (select ${users.id}::text from ${users} where ${users.displayName} ilike ${pattern} or ${users.username} ilike ${pattern})`,
    ),
    ...nameSources.map((source) =>
      and(
        eq(auditLog.objectType, source.objectType),
        sql`${auditLog.objectId} in (select ${source.id}::text from ${source.table} where ${source.name} ilike ${pattern})`,
      ),
    ),
    ...kept,
  )!;
}

/** Part of the actor's login, name, unit or region. */
function actorCondition(text: string): SQL {
  const pattern = escapeLike(text);
  return or(
    ilike(auditLog.actorUsername, pattern),
    sql`${auditLog.actorUserId} in (
      select ${users.id} from ${users}
        left join ${organizations} on ${organizations.id} = ${users.organizationId}
        left join ${regions} on ${regions.id} = ${users.regionId}
      where ${users.displayName} ilike ${pattern} or ${organizations.name} ilike ${pattern} or ${regions.name} ilike ${pattern})`,
  )!;
}

export interface AuditFilterOptions {
  /** The platform statuses whose move's Chinese name contains the action text. */
  platformStatusesMatching?: readonly string[];
  /** Only records older than this sequence number (an export's next batch). */
  belowSeq?: number;
}

function auditFilter(query: AuditExportQuery, options: AuditFilterOptions = {}): SQL | undefined {
  const conditions: SQL[] = [];
  if (query.actorUsername) conditions.push(eq(auditLog.actorUsername, query.actorUsername));
  if (query.actor) conditions.push(actorCondition(query.actor));
  if (query.action) conditions.push(actionCondition(query.action, options.platformStatusesMatching ?? []));
  if (query.objectType) conditions.push(eq(auditLog.objectType, query.objectType));
  if (query.objectId) conditions.push(eq(auditLog.objectId, query.objectId));
  if (query.objectName) conditions.push(objectNameCondition(query.objectName));
  if (query.from) conditions.push(gte(auditLog.occurredAt, new Date(`${query.from}T00:00:00+08:00`)));
  if (query.to) conditions.push(lt(auditLog.occurredAt, new Date(new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  if (options.belowSeq !== undefined) conditions.push(lt(auditLog.seq, options.belowSeq));
  return conditions.length ? and(...conditions) : undefined;
}

export async function findAuditRecords(db: Executor, query: AuditQuery, options: AuditFilterOptions = {}) {
  const where = auditFilter(query, options);
  const [items, [totalRow]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(query.limit).offset(query.offset),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

/** How many records the filter holds. */
export async function countAuditRecords(db: Executor, query: AuditExportQuery, options: AuditFilterOptions = {}): Promise<number> {
  const [row] = await db.select({ total: count() }).from(auditLog).where(auditFilter(query, options));
  return row?.total ?? 0;
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
