import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';

import type { Executor } from '../../db/client';
import {
  applicationMaterials,
  applicationObjections,
  applicationReviews,
  applications,
  applicationVersions,
  calls,
  organizationQualifications,
  organizations,
  panels,
  platformTypes,
  platformVersions,
  platforms,
  regions,
} from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';

/** The only SQL of the calls module: calls, applications and their materials, versions, reviews and objections. */

export type CallRow = typeof calls.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

// ---- calls ----

export async function insertCall(db: Executor, values: typeof calls.$inferInsert): Promise<string> {
  const [row] = await db.insert(calls).values(values).returning({ id: calls.id });
  return row!.id;
}

export async function getCallRow(db: Executor, id: string): Promise<CallRow | undefined> {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), isNull(calls.deletedAt)));
  return row;
}

/** Locks the call row (a submission and a close must not cross). */
export async function lockCallRow(db: Executor, id: string): Promise<CallRow | undefined> {
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), isNull(calls.deletedAt)))
    .for('update');
  return row;
}

export async function updateCallRow(db: Executor, id: string, version: number, values: Partial<typeof calls.$inferInsert>) {
  const [row] = await db
    .update(calls)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(calls.id, id), eq(calls.version, version), isNull(calls.deletedAt)))
    .returning({ id: calls.id });
  return row !== undefined;
}

export async function softDeleteCall(db: Executor, id: string, version: number) {
  const [row] = await db
    .update(calls)
    .set({ deletedAt: new Date(), version: version + 1 })
    .where(and(eq(calls.id, id), eq(calls.version, version), isNull(calls.deletedAt)))
    .returning({ id: calls.id });
  return row !== undefined;
}

export async function findCallRows(
  db: Executor,
  filter: { includeDrafts: boolean; status?: string; year?: number; keyword?: string },
  page: { limit: number; offset: number },
) {
  const conditions: SQL[] = [isNull(calls.deletedAt)];
  if (!filter.includeDrafts) conditions.push(sql`${calls.status} <> 'draft'`);
  if (filter.status) conditions.push(sql`${calls.status} = ${filter.status}`);
  if (filter.year) conditions.push(eq(calls.year, filter.year));
  if (filter.keyword) conditions.push(sql`${calls.title} ilike ${escapeLike(filter.keyword)}`);
  const where = and(...conditions);
  const rows = await db
    .select()
    .from(calls)
    .where(where)
    .orderBy(desc(calls.opensOn), desc(calls.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(calls).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findTypes(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: platformTypes.id,
      name: platformTypes.name,
      level: platformTypes.level,
      isActive: platformTypes.isActive,
      constructionPeriodMonths: platformTypes.constructionPeriodMonths,
      supervisorOrganizationId: platformTypes.supervisorOrganizationId,
    })
    .from(platformTypes)
    .where(inArray(platformTypes.id, [...ids]));
}

export async function getRegion(db: Executor, id: string) {
  const [row] = await db
    .select({ id: regions.id, name: regions.name, path: regions.path, level: regions.level })
    .from(regions)
    .where(eq(regions.id, id));
  return row;
}

export async function countApplicationsByCall(db: Executor, callIds: readonly string[]) {
  if (!callIds.length) return new Map<string, number>();
  const rows = await db
    .select({ callId: applications.callId, n: count() })
    .from(applications)
    .where(and(inArray(applications.callId, [...callIds]), isNull(applications.deletedAt), sql`${applications.status} <> 'draft'`))
    .groupBy(applications.callId);
  return new Map(rows.map((r) => [r.callId, r.n]));
}

// ---- applications ----

const listColumns = {
  id: applications.id,
  callId: applications.callId,
  callTitle: calls.title,
  closesOn: calls.closesOn,
  platformName: applications.platformName,
  status: applications.status,
  organizationId: applications.organizationId,
  organizationName: organizations.name,
  typeId: applications.typeId,
  typeName: platformTypes.name,
  typeLevel: platformTypes.level,
  regionId: applications.regionId,
  regionName: regions.name,
  submittedAt: applications.submittedAt,
  noticeEndsOn: applications.noticeEndsOn,
  platformId: applications.platformId,
  isDemo: applications.isDemo,
  version: applications.version,
  updatedAt: applications.updatedAt,
};
export type ApplicationListRow = Awaited<ReturnType<typeof findApplicationRows>>['rows'][number];

function listQuery(db: Executor) {
  return db
    .select(listColumns)
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(platformTypes, eq(platformTypes.id, applications.typeId))
    .innerJoin(regions, eq(regions.id, applications.regionId));
}

export async function findApplicationRows(db: Executor, where: SQL | undefined, page: { limit: number; offset: number }) {
  const condition = and(isNull(applications.deletedAt), where);
  const rows = await listQuery(db)
    .where(condition)
    .orderBy(desc(applications.updatedAt), asc(applications.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db.select({ n: count() }).from(applications).where(condition);
  return { rows, total: total?.n ?? 0 };
}

export async function getApplicationListRow(db: Executor, id: string, scope: SQL | undefined) {
  const [row] = await listQuery(db).where(and(eq(applications.id, id), isNull(applications.deletedAt), scope));
  return row;
}

export async function getApplicationRow(db: Executor, id: string, scope: SQL | undefined, lock = false) {
  const query = db
    .select()
    .from(applications)
    .where(and(eq(applications.id, id), isNull(applications.deletedAt), scope));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertApplication(db: Executor, values: typeof applications.$inferInsert): Promise<string> {
  const [row] = await db.insert(applications).values(values).returning({ id: applications.id });
  return row!.id;
}

export async function updateApplicationRow(db: Executor, id: string, version: number, values: Partial<typeof applications.$inferInsert>) {
  const [row] = await db
    .update(applications)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(applications.id, id), eq(applications.version, version), isNull(applications.deletedAt)))
    .returning({ id: applications.id });
  return row !== undefined;
}

export async function findOrganizationsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organizations.id, name: organizations.name, regionId: organizations.regionId })
    .from(organizations)
    .where(and(inArray(organizations.id, [...ids]), isNull(organizations.deletedAt)));
}

export async function getOrganizationWithRegion(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      regionId: organizations.regionId,
      regionPath: regions.path,
      regionName: regions.name,
      regionLevel: regions.level,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  return row;
}

// ---- eligibility inputs and lifecycle facts ----

export function findQualifications(db: Executor, organizationId: string) {
  return db
    .select({
      kind: organizationQualifications.kind,
      validFrom: organizationQualifications.validFrom,
      validTo: organizationQualifications.validTo,
      certificateNo: organizationQualifications.certificateNo,
    })
    .from(organizationQualifications)
    .where(and(eq(organizationQualifications.organizationId, organizationId), isNull(organizationQualifications.deletedAt)));
}

/** The applicant's current platforms of the type (not revoked, merged or deleted). */
export function findSameTypePlatforms(db: Executor, organizationId: string, typeId: string) {
  return db
    .select({ id: platforms.id, name: platformVersions.name, status: platformVersions.status })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        isNull(platformVersions.validTo),
        isNull(platforms.deletedAt),
        eq(platformVersions.hostOrganizationId, organizationId),
        eq(platformVersions.typeId, typeId),
        sql`${platformVersions.status} not in ('revoked', 'merged')`,
      ),
    );
}

export async function hasConcludedPanel(db: Executor, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(panels)
    .where(and(eq(panels.applicationId, applicationId), sql`${panels.concludedAt} is not null`));
  return (row?.n ?? 0) > 0;
}

// ---- materials ----

const materialColumns = {
  id: applicationMaterials.id,
  code: applicationMaterials.code,
  fileName: applicationMaterials.fileName,
  mimeType: applicationMaterials.mimeType,
  size: applicationMaterials.size,
  sha256: applicationMaterials.sha256,
  uploadedAt: applicationMaterials.uploadedAt,
};

export async function insertMaterial(db: Executor, values: typeof applicationMaterials.$inferInsert) {
  const [row] = await db.insert(applicationMaterials).values(values).returning(materialColumns);
  return row!;
}

export function findMaterials(db: Executor, applicationId: string) {
  return db
    .select(materialColumns)
    .from(applicationMaterials)
    .where(and(eq(applicationMaterials.applicationId, applicationId), isNull(applicationMaterials.deletedAt)))
    .orderBy(asc(applicationMaterials.uploadedAt));
}

export async function getMaterial(db: Executor, applicationId: string, id: string) {
  const [row] = await db
    .select()
    .from(applicationMaterials)
    .where(
      and(eq(applicationMaterials.id, id), eq(applicationMaterials.applicationId, applicationId), isNull(applicationMaterials.deletedAt)),
    );
  return row;
}

export async function softDeleteMaterial(db: Executor, applicationId: string, id: string) {
  const [row] = await db
    .update(applicationMaterials)
    .set({ deletedAt: new Date() })
    .where(
      and(eq(applicationMaterials.id, id), eq(applicationMaterials.applicationId, applicationId), isNull(applicationMaterials.deletedAt)),
    )
    .returning(materialColumns);
  return row;
}

// ---- versions, reviews, objections ----

export async function insertVersion(db: Executor, applicationId: string, snapshot: object, createdBy: string | null) {
  const [max] = await db
    .select({ seq: sql<number>`coalesce(max(${applicationVersions.seq}), 0)` })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId));
  const seq = Number(max?.seq ?? 0) + 1;
  await db.insert(applicationVersions).values({ applicationId, seq, snapshot, createdBy });
  return seq;
}

export function findVersions(db: Executor, applicationId: string) {
  return db
    .select({
      id: applicationVersions.id,
      seq: applicationVersions.seq,
      snapshot: applicationVersions.snapshot,
      createdAt: applicationVersions.createdAt,
    })
    .from(applicationVersions)
    .where(eq(applicationVersions.applicationId, applicationId))
    .orderBy(desc(applicationVersions.seq));
}

export async function insertReview(db: Executor, values: typeof applicationReviews.$inferInsert) {
  await db.insert(applicationReviews).values(values);
}

export function findReviews(db: Executor, applicationId: string) {
  return db
    .select()
    .from(applicationReviews)
    .where(eq(applicationReviews.applicationId, applicationId))
    .orderBy(asc(applicationReviews.seq));
}

export async function insertObjection(db: Executor, values: typeof applicationObjections.$inferInsert) {
  const [row] = await db.insert(applicationObjections).values(values).returning();
  return row!;
}

export function findObjections(db: Executor, applicationId: string) {
  return db
    .select()
    .from(applicationObjections)
    .where(eq(applicationObjections.applicationId, applicationId))
    .orderBy(asc(applicationObjections.recordedAt));
}

export async function resolveObjectionRow(
  db: Executor,
  applicationId: string,
  id: string,
  values: { resolution: 'upheld' | 'dismissed'; resolutionNote: string; resolvedBy: string | null },
) {
  const [row] = await db
    .update(applicationObjections)
    .set({ ...values, resolvedAt: new Date() })
    .where(
      and(
        eq(applicationObjections.id, id),
        eq(applicationObjections.applicationId, applicationId),
        isNull(applicationObjections.resolution),
      ),
    )
    .returning();
  return row;
}
