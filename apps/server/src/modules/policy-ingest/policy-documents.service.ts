import { createHash } from 'node:crypto';
import { type Extraction, extractorVersion } from '@stip/policy-ingest';
import type {
  IngestConfirm,
  IngestProposal,
  Plan,
  PolicyDocument,
  PolicyDocumentPage,
  PolicyDocumentQuery,
  ReExtraction,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import type { StoredExtraction } from '../../db/schema/index';
import { invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { describeAttachment } from '../../shared/uploads';
import { recordAudit } from '../audit';
import * as repository from './policy-documents.repository';
import { documentScope } from './policy-documents.policy';
import { diffExtractions, diffPlanTargets } from './policy-ingest.diff';
import { confirmProposal, proposalFromReading, readText, readUploadedDocument } from './policy-ingest.service';

/** The name a pasted document is kept (and downloaded) under. */
const pastedFileName = '粘贴的文本.txt';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

function toDocument(row: repository.DocumentListRow): PolicyDocument {
  return {
    id: row.id,
    fileName: row.fileName,
    isPasted: row.isPasted,
    size: row.size,
    sha256: row.sha256,
    documentNo: row.documentNo,
    title: row.title,
    documentDate: row.documentDate,
    region: { id: row.regionId, name: row.regionName },
    uploadedBy: { id: row.uploadedById, name: row.uploaderName ?? '（系统）', organization: row.uploaderOrganization },
    uploadedAt: row.uploadedAt.toISOString(),
    targetCount: row.targetCount,
    taskCount: row.taskCount,
    extractorVersion: row.extractorVersion,
    isOutdated: row.extractorVersion !== extractorVersion,
    plan: row.planId && row.planTitle ? { id: row.planId, name: row.planTitle } : null,
    hasPendingExtraction: row.hasPendingExtraction,
    version: row.version,
  };
}

const asExtraction = (reading: StoredExtraction) => reading.extraction as Extraction;

function storedReading(reading: { text: string; date: string | null; extraction: Extraction }): StoredExtraction {
  return { ...reading, extractorVersion, extractedAt: new Date().toISOString() };
}

async function getDocument(ctx: ActorContext, id: string, db = ctx.db): Promise<PolicyDocument> {
  const row = await repository.findDocumentListRow(db, id, documentScope(ctx.actor));
  if (!row) throw notFound('文件库中没有该文件');
  return toDocument(row);
}

async function getReadings(ctx: ActorContext, id: string, db = ctx.db) {
  const row = await repository.findDocumentReadings(db, id, documentScope(ctx.actor));
  if (!row) throw notFound('文件库中没有该文件');
  return row;
}

async function reopen(ctx: ActorContext, id: string, isReopened: boolean): Promise<IngestProposal> {
  const row = await getReadings(ctx, id);
  const proposal = await proposalFromReading(ctx, {
    text: row.current.text,
    date: row.current.date,
    extraction: asExtraction(row.current),
    fileName: row.isPasted ? null : row.fileName,
  });
  const version = row.current.extractorVersion;
  return {
    ...proposal,
    document: { id: row.id, version: row.version, isReopened, extractorVersion: version, isOutdated: version !== extractorVersion },
  };
}

/**
 * Reads an uploaded or pasted document into a proposal and keeps it in the library (bytes, reading,
 * extractor version), with its audit record. The same content uploaded again in the uploader's region
 * reopens the kept record and its stored reading instead of keeping a second copy.
 */
export async function extractAndKeep(
  ctx: ActorContext,
  input: { fileName: string; content: Buffer; date?: string | undefined } | { text: string; date?: string | undefined },
): Promise<IngestProposal> {
  const isPasted = 'text' in input;
  const content = isPasted ? Buffer.from(input.text, 'utf8') : input.content;
  const regionId = ctx.actor.regionId;
  const hash = sha256(content);
  if (regionId) {
    const existing = await repository.findDocumentIdBySha(ctx.db, regionId, hash);
    if (existing) return reopen(ctx, existing, true);
  }

  const fullText = isPasted ? input.text : await readUploadedDocument(input.fileName, input.content);
  const reading = readText(fullText, input.date);
  const fileName = isPasted ? null : input.fileName;
  const proposal = await proposalFromReading(ctx, { ...reading, fileName });
  if (!regionId) return { ...proposal, document: null };

  const { fileName: storedName, mimeType } = isPasted
    ? { fileName: pastedFileName, mimeType: 'text/plain; charset=utf-8' }
    : await describeAttachment(content, input.fileName);
  const current = storedReading(reading);
  const id = await inTransaction(ctx, async (tx) => {
    const inserted = await repository.insertDocument(tx, {
      fileName: storedName,
      isPasted,
      mimeType,
      size: content.length,
      sha256: hash,
      content,
      documentDate: proposal.date,
      documentNo: proposal.plan.documentNo,
      title: proposal.plan.title,
      regionId,
      uploadedBy: ctx.actor.userId,
      uploaderOrganizationId: ctx.actor.organizationId,
      current,
      extractorVersion,
      targetCount: reading.extraction.targets.length,
      taskCount: reading.extraction.tasks.length,
    });
    if (!inserted) return null;
    await recordAudit(tx, ctx, {
      action: 'policy_document.upload',
      objectType: 'policy_document',
      objectId: inserted,
      after: { fileName: storedName, size: content.length, sha256: hash, regionId, extractorVersion },
    });
    return inserted;
  });
  // A concurrent upload of the same content won the race: reopen its record.
  if (!id) return reopen(ctx, (await repository.findDocumentIdBySha(ctx.db, regionId, hash))!, true);
  return { ...proposal, document: { id, version: 1, isReopened: false, extractorVersion, isOutdated: false } };
}

/** Confirms a reviewed proposal (see `confirmProposal`) and links the library document it was read from. */
export function confirmAndLink(ctx: ActorContext, input: IngestConfirm): Promise<Plan> {
  const { documentId } = input;
  if (!documentId) return confirmProposal(ctx, input);
  return confirmProposal(ctx, input, async (tx: Transaction, planId: string) => {
    const row = await repository.findDocumentReadings(tx, documentId, documentScope(ctx.actor));
    if (!row) throw invalidField('documentId', '文件库中没有该文件');
    if (!(await repository.updateDocument(tx, documentId, row.version, { planId }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'policy_document.link_plan',
      objectType: 'policy_document',
      objectId: documentId,
      before: { planId: row.planId },
      after: { planId },
    });
  });
}

/** A page of the library's documents the actor sees, newest first. */
export async function findDocuments(ctx: ActorContext, query: PolicyDocumentQuery): Promise<PolicyDocumentPage> {
  const filter: repository.DocumentFilter = {
    scope: documentScope(ctx.actor),
    search: query.search || undefined,
    from: query.from,
    to: query.to,
    hasPlan: query.hasPlan === undefined ? undefined : query.hasPlan === 'true',
    outdatedAgainst: query.outdated === 'true' ? extractorVersion : undefined,
  };
  const [rows, total] = await Promise.all([
    repository.findDocumentRows(ctx.db, filter, query.limit, query.offset),
    repository.countDocuments(ctx.db, filter),
  ]);
  return { items: rows.map(toDocument), total };
}

/** A kept document's proposal, rebuilt from its stored reading (no upload, no re-reading). */
export function openDocument(ctx: ActorContext, id: string): Promise<IngestProposal> {
  return reopen(ctx, id, true);
}

/** A kept document's original bytes. */
export async function getDocumentFile(ctx: ActorContext, id: string) {
  const file = await repository.findDocumentFile(ctx.db, id, documentScope(ctx.actor));
  if (!file) throw notFound('文件库中没有该文件');
  return file;
}

/**
 * Reads a kept document again with the current extractor and shows what changed against the stored
 * reading (and, when a plan was confirmed from it, which of the plan's targets now read differently).
 * The new reading is stored as pending until kept; the confirmed plan is never changed.
 */
export async function reExtract(ctx: ActorContext, id: string, version: number): Promise<ReExtraction> {
  const row = await getReadings(ctx, id);
  if (row.version !== version) throw versionConflict();
  const file = await getDocumentFile(ctx, id);
  const fullText = row.isPasted ? file.content.toString('utf8') : await readUploadedDocument(row.fileName, file.content);
  const reading = readText(fullText, row.current.date);
  const diff = diffExtractions(asExtraction(row.current), reading.extraction);
  const planDifferences = row.planId ? diffPlanTargets(await repository.findPlanTargetFacts(ctx.db, row.planId), reading.extraction) : [];

  const document = await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateDocument(tx, id, version, { pending: storedReading(reading) }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'policy_document.re_extract',
      objectType: 'policy_document',
      objectId: id,
      after: {
        extractorVersion,
        targets: reading.extraction.targets.length,
        tasks: reading.extraction.tasks.length,
        planDifferences: planDifferences.length,
      },
    });
    return getDocument(ctx, id, tx);
  });
  return { document, previousExtractorVersion: row.current.extractorVersion, extractorVersion, diff, planDifferences };
}

/** Keeps the pending re-extraction as the document's reading; the replaced one goes to its history. */
export async function keepExtraction(ctx: ActorContext, id: string, version: number): Promise<PolicyDocument> {
  return inTransaction(ctx, async (tx) => {
    const row = await getReadings(ctx, id, tx);
    if (row.version !== version) throw versionConflict();
    const pending = row.pending;
    if (!pending) throw ruleViolation('没有待保留的重新提取结果：请先重新提取');
    const extraction = asExtraction(pending);
    await repository.insertReplacedReading(tx, id, row.current, ctx.actor.userId);
    const kept = await repository.updateDocument(tx, id, version, {
      current: pending,
      pending: null,
      extractorVersion: pending.extractorVersion,
      targetCount: extraction.targets.length,
      taskCount: extraction.tasks.length,
    });
    if (!kept) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'policy_document.keep_extraction',
      objectType: 'policy_document',
      objectId: id,
      before: { extractorVersion: row.current.extractorVersion, extractedAt: row.current.extractedAt },
      after: { extractorVersion: pending.extractorVersion, extractedAt: pending.extractedAt },
    });
    return getDocument(ctx, id, tx);
  });
}

/** Removes a document from the library (soft: its bytes, readings and audit trail stay). */
export async function deleteDocument(ctx: ActorContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await getDocument(ctx, id, tx);
    if (!(await repository.updateDocument(tx, id, version, { deletedAt: new Date() }))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'policy_document.delete', objectType: 'policy_document', objectId: id, before });
  });
}
