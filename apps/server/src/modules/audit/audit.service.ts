import {
  auditExportMaxRows,
  ErrorCode,
  labels,
  type AuditExportQuery,
  type AuditQuery,
  type AuditRecord,
  type AuditVerification,
  type Role,
} from '@stip/contracts';
import { AppError } from '../../shared/app-error';
import { todayInChina } from '../../shared/clock';
import type { Database, Executor, Transaction } from '../../db/client';
import type { RequestContext } from '../../shared/context';
import {
  appendAuditRecord,
  countAuditRecords,
  findAuditHead,
  findAuditRecords,
  findNames,
  findPersons,
  iterateAuditChain,
  type AuditFilterOptions,
} from './audit.repository';
import {
  auditObjectTypeLabel,
  buildChanges,
  buildSentence,
  collectIds,
  describeAction,
  objectPath,
  personLabel,
  platformMovesMatching,
  recordedName,
} from './audit.presentation';
import { renderAuditWorkbook } from './audit.workbook';
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

/**
 * People as they are named on pages and in documents: 姓名（单位） by account id (the unit is the
 * account's organisation, else its region). For any module that shows who recorded something.
 */
export async function findPersonLabels(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const persons = await findPersons(db, [...new Set(ids)]);
  return new Map(persons.map((person) => [person.id, personLabel(person.displayName, person.organizationName ?? person.regionName)]));
}

type AuditRow = Awaited<ReturnType<typeof findAuditRecords>>['items'][number];

function filterOptions(query: AuditExportQuery): AuditFilterOptions {
  return { platformStatusesMatching: query.action ? platformMovesMatching(query.action) : [] };
}

/**
 * Audit records as people read them: the actor as 姓名（单位）, the object by its name (now, else as
 * kept in the record), a sentence and the field-by-field changes. Names are resolved for the whole
 * batch at once (one query per named table), never per record.
 */
async function presentAuditRows(ctx: RequestContext, rows: AuditRow[]): Promise<AuditRecord[]> {
  const ids = new Set<string>();
  const actorIds = new Set<string>();
  for (const row of rows) {
    collectIds(row, ids);
    if (row.actorUserId) actorIds.add(row.actorUserId);
  }
  const [found, persons] = await Promise.all([findNames(ctx.db, [...ids]), findPersons(ctx.db, [...new Set([...actorIds, ...ids])])]);
  const names = new Map<string, string>();
  for (const [id, { name }] of found) names.set(id, name);
  const people = new Map(
    persons.map((person) => [person.id, personLabel(person.displayName, person.organizationName ?? person.regionName)]),
  );
  for (const [id, label] of people) names.set(id, label);

  return rows.map((row) => {
    const actorName =
      row.actorUserId && people.has(row.actorUserId)
        ? people.get(row.actorUserId)!
        : row.actorUsername && row.actorUsername !== 'system'
          ? `${row.actorUsername}${row.actorRole ? `（${labels.role[row.actorRole as Role] ?? row.actorRole}）` : ''}`
          : '系统';
    const resolved = row.objectId ? names.get(row.objectId) : undefined;
    const objectName = resolved ?? recordedName(row);
    return {
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
      actorName,
      actionLabel: describeAction(row),
      objectTypeLabel: auditObjectTypeLabel(row.objectType),
      objectName,
      objectPath: resolved ? objectPath(row.objectType, row.objectId) : null,
      sentence: buildSentence(row, actorName, objectName),
      changes: buildChanges(row, names),
    };
  });
}

/** A page of the audit trail, newest first, filtered by actor, action (code or Chinese), object and days. */
export async function findAudit(ctx: RequestContext, query: AuditQuery) {
  const page = await findAuditRecords(ctx.db, query, filterOptions(query));
  return { total: page.total, items: await presentAuditRows(ctx, page.items) };
}

const exportBatchSize = 500;

/**
 * The records the filter shows, as an .xlsx with Chinese headers, the sentence and the changes;
 * more than auditExportMaxRows answers 422 with the count, to be narrowed first.
 */
export async function exportAudit(
  ctx: RequestContext,
  query: AuditExportQuery,
  maxRows: number = auditExportMaxRows,
): Promise<{ filename: string; asciiFilename: string; content: Buffer }> {
  const options = filterOptions(query);
  const total = await countAuditRecords(ctx.db, query, options);
  if (total > maxRows) {
    throw new AppError(ErrorCode.RuleViolation, {
      message: `符合条件的审计记录有 ${total} 条，超过单次导出上限 ${maxRows} 条，请缩小筛选范围（如日期、动作或对象）后再导出`,
    });
  }
  // The trail only grows, newest first: a record appended while exporting shifts the pages by one,
  // so batches continue below the last sequence number read instead of by offset.
  async function* batches() {
    let remaining = total;
    let below = Number.MAX_SAFE_INTEGER;
    while (remaining > 0) {
      const page = await findAuditRecords(
        ctx.db,
        { ...query, limit: Math.min(exportBatchSize, remaining), offset: 0 },
        { ...options, belowSeq: below },
      );
      if (!page.items.length) return;
      remaining -= page.items.length;
      below = page.items[page.items.length - 1]!.seq;
      yield presentAuditRows(ctx, page.items);
    }
  }
  const stamp = todayInChina().replaceAll('-', '');
  const content = await renderAuditWorkbook(describeFilter(query, total), batches());
  return { filename: `审计记录-${stamp}.xlsx`, asciiFilename: `audit-${stamp}.xlsx`, content };
}

function describeFilter(query: AuditExportQuery, total: number): string {
  const parts = [
    query.actor || query.actorUsername ? `操作人：${query.actor ?? query.actorUsername}` : null,
    query.action ? `动作：${query.action}` : null,
    query.objectType ? `对象类型：${auditObjectTypeLabel(query.objectType)}` : null,
    query.objectName ? `对象名称：${query.objectName}` : null,
    query.from || query.to ? `日期：${query.from ?? '…'} 至 ${query.to ?? '…'}` : null,
  ].filter(Boolean);
  return `审计记录（${parts.length ? parts.join('；') : '全部'}），共 ${total} 条，导出于 ${todayInChina()}`;
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
