import { and, count, desc, eq, gte, ilike, isNotNull, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  organizations,
  plans,
  policyDocumentExtractions,
  policyDocuments,
  regions,
  targets,
  users,
  type StoredExtraction,
} from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';
import type { PlanTargetFacts } from './policy-ingest.diff';

/** The columns of a listed document (no bytes, no readings). */
const listColumns = {
  id: policyDocuments.id,
  fileName: policyDocuments.fileName,
  isPasted: policyDocuments.isPasted,
  size: policyDocuments.size,
  sha256: policyDocuments.sha256,
  documentNo: policyDocuments.documentNo,
  title: policyDocuments.title,
  documentDate: policyDocuments.documentDate,
  regionId: policyDocuments.regionId,
  regionName: regions.name,
  uploadedById: policyDocuments.uploadedBy,
  uploaderName: users.displayName,
  uploaderOrganization: organizations.name,
  uploadedAt: policyDocuments.createdAt,
  targetCount: policyDocuments.targetCount,
  taskCount: policyDocuments.taskCount,
  extractorVersion: policyDocuments.extractorVersion,
  planId: plans.id,
  planTitle: plans.title,
  hasPendingExtraction: sql<boolean>`${policyDocuments.pending} is not null`,
  version: policyDocuments.version,
};

export type DocumentListRow = Awaited<ReturnType<typeof findDocumentRows>>[number];

function listQuery(db: Executor) {
  return db
    .select(listColumns)
    .from(policyDocuments)
    .innerJoin(regions, eq(regions.id, policyDocuments.regionId))
    .leftJoin(users, eq(users.id, policyDocuments.uploadedBy))
    .leftJoin(organizations, eq(organizations.id, policyDocuments.uploaderOrganizationId))
    .leftJoin(plans, and(eq(plans.id, policyDocuments.planId), isNull(plans.deletedAt)));
}

export interface DocumentFilter {
  scope: SQL;
  search?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  hasPlan?: boolean | undefined;
  /** Only those read by another extractor version than this one. */
  outdatedAgainst?: string | undefined;
}

function filterCondition(filter: DocumentFilter): SQL | undefined {
  const pattern = filter.search ? escapeLike(filter.search) : null;
  return and(
    isNull(policyDocuments.deletedAt),
    filter.scope,
    pattern
      ? or(ilike(policyDocuments.fileName, pattern), ilike(policyDocuments.title, pattern), ilike(policyDocuments.documentNo, pattern))
      : undefined,
    filter.from ? gte(policyDocuments.documentDate, filter.from) : undefined,
    filter.to ? lte(policyDocuments.documentDate, filter.to) : undefined,
    filter.hasPlan === true ? isNotNull(plans.id) : filter.hasPlan === false ? isNull(plans.id) : undefined,
    filter.outdatedAgainst ? ne(policyDocuments.extractorVersion, filter.outdatedAgainst) : undefined,
  );
}

/** A page of the documents a filter admits, newest first. */
export function findDocumentRows(db: Executor, filter: DocumentFilter, limit: number, offset: number) {
  return listQuery(db)
    .where(filterCondition(filter))
    .orderBy(desc(policyDocuments.createdAt), desc(policyDocuments.id))
    .limit(limit)
    .offset(offset);
}

export async function countDocuments(db: Executor, filter: DocumentFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(policyDocuments)
    .innerJoin(regions, eq(regions.id, policyDocuments.regionId))
    .leftJoin(plans, and(eq(plans.id, policyDocuments.planId), isNull(plans.deletedAt)))
    .where(filterCondition(filter));
  return row?.n ?? 0;
}

/** One live document in scope, as listed, or null. */
export async function findDocumentListRow(db: Executor, id: string, scope: SQL): Promise<DocumentListRow | null> {
  const [row] = await listQuery(db).where(and(eq(policyDocuments.id, id), isNull(policyDocuments.deletedAt), scope));
  return row ?? null;
}

/** One live document in scope with its readings (no bytes), or null. */
export async function findDocumentReadings(db: Executor, id: string, scope: SQL) {
  const [row] = await db
    .select({
      id: policyDocuments.id,
      fileName: policyDocuments.fileName,
      isPasted: policyDocuments.isPasted,
      current: policyDocuments.current,
      pending: policyDocuments.pending,
      planId: plans.id,
      version: policyDocuments.version,
    })
    .from(policyDocuments)
    .innerJoin(regions, eq(regions.id, policyDocuments.regionId))
    .leftJoin(plans, and(eq(plans.id, policyDocuments.planId), isNull(plans.deletedAt)))
    .where(and(eq(policyDocuments.id, id), isNull(policyDocuments.deletedAt), scope));
  return row ?? null;
}

/** One live document's bytes, in scope, or null. */
export async function findDocumentFile(db: Executor, id: string, scope: SQL) {
  const [row] = await db
    .select({
      fileName: policyDocuments.fileName,
      mimeType: policyDocuments.mimeType,
      isPasted: policyDocuments.isPasted,
      content: policyDocuments.content,
    })
    .from(policyDocuments)
    .innerJoin(regions, eq(regions.id, policyDocuments.regionId))
    .where(and(eq(policyDocuments.id, id), isNull(policyDocuments.deletedAt), scope));
  return row ?? null;
}

/** The live document with this content in this region, if any (the same file uploaded again). */
export async function findDocumentIdBySha(db: Executor, regionId: string, sha256: string): Promise<string | null> {
  const [row] = await db
    .select({ id: policyDocuments.id })
    .from(policyDocuments)
    .where(and(eq(policyDocuments.regionId, regionId), eq(policyDocuments.sha256, sha256), isNull(policyDocuments.deletedAt)));
  return row?.id ?? null;
}

export type NewDocument = typeof policyDocuments.$inferInsert;

/** Inserts a document; null when the same content is already live in the region (a concurrent upload won). */
export async function insertDocument(db: Executor, values: NewDocument): Promise<string | null> {
  const rows = await db
    .insert(policyDocuments)
    .values(values)
    .onConflictDoNothing({ target: [policyDocuments.regionId, policyDocuments.sha256], where: sql`${policyDocuments.deletedAt} is null` })
    .returning({ id: policyDocuments.id });
  return rows[0]?.id ?? null;
}

export type DocumentChange = Partial<
  Pick<
    NewDocument,
    'current' | 'pending' | 'extractorVersion' | 'targetCount' | 'taskCount' | 'planId' | 'deletedAt' | 'documentNo' | 'title'
  >
>;

/** Applies a change if the document is still at `version` (and live); bumps the version. */
export async function updateDocument(db: Executor, id: string, version: number, change: DocumentChange): Promise<boolean> {
  const rows = await db
    .update(policyDocuments)
    .set({ ...change, version: sql`${policyDocuments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(policyDocuments.id, id), eq(policyDocuments.version, version), isNull(policyDocuments.deletedAt)))
    .returning({ id: policyDocuments.id });
  return rows.length === 1;
}

/** Keeps a replaced reading in the document's history. */
export async function insertReplacedReading(db: Executor, documentId: string, reading: StoredExtraction, userId: string | null) {
  await db
    .insert(policyDocumentExtractions)
    .values({ documentId, reading, extractorVersion: reading.extractorVersion, replacedBy: userId });
}

/** How many readings of a document were replaced. */
export async function countReplacedReadings(db: Executor, documentId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(policyDocumentExtractions).where(eq(policyDocumentExtractions.documentId, documentId));
  return row?.n ?? 0;
}

/** The live targets of a plan, as far as an extraction can set them. */
export function findPlanTargetFacts(db: Executor, planId: string): Promise<PlanTargetFacts[]> {
  return db
    .select({
      id: targets.id,
      subject: targets.subject,
      comparator: targets.comparator,
      value: targets.value,
      unit: targets.unit,
      deadline: targets.deadline,
    })
    .from(targets)
    .where(and(eq(targets.planId, planId), isNull(targets.deletedAt)))
    .orderBy(targets.sortOrder);
}
