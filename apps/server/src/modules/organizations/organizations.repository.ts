import { and, asc, count, desc, eq, ilike, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { OrganizationKind, QualificationKind } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { organizationQualifications, organizations, platformVersions, platforms, regions } from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';

const organizationColumns = {
  id: organizations.id,
  name: organizations.name,
  kind: organizations.kind,
  creditCode: organizations.creditCode,
  regionId: organizations.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  address: organizations.address,
  contactPerson: organizations.contactPerson,
  contactPhone: organizations.contactPhone,
  isDemo: organizations.isDemo,
  version: organizations.version,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

/** A live organisation with its region's name and path (the path decides scope). */
export type OrganizationRow = Awaited<ReturnType<typeof selectOrganizations>>[number];
export type QualificationRow = typeof organizationQualifications.$inferSelect;

function selectOrganizations(db: Executor, where: SQL | undefined) {
  return db
    .select(organizationColumns)
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(isNull(organizations.deletedAt), where));
}

export async function getOrganizationName(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  return row?.name;
}

/** The live (not soft-deleted) organisation with this id, whoever may see it. */
export async function getOrganizationRow(db: Executor, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await selectOrganizations(db, eq(organizations.id, id));
  return row;
}

/** The live organisation holding this unified social credit code (codes are unique among live records). */
/** Names only, matching a keyword: what a role form needs to pick an organisation. */
export async function findOrganizationOptions(db: Executor, keyword: string | undefined, limit: number) {
  const where = and(isNull(organizations.deletedAt), keyword ? ilike(organizations.name, escapeLike(keyword)) : undefined);
  const [items, [totalRow]] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(where)
      .orderBy(asc(organizations.name))
      .limit(limit),
    db.select({ total: count() }).from(organizations).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

export async function findOrganizationByCreditCode(db: Executor, creditCode: string): Promise<OrganizationRow | undefined> {
  const [row] = await selectOrganizations(db, eq(organizations.creditCode, creditCode.trim().toUpperCase()));
  return row;
}

/**
 * The live organisation with exactly this name. Names are not unique; when several share one, the
 * oldest is returned (callers that must be sure match by credit code).
 */
export async function findOrganizationByName(db: Executor, name: string): Promise<OrganizationRow | undefined> {
  const [row] = await selectOrganizations(db, eq(organizations.name, name.trim()))
    .orderBy(asc(organizations.createdAt), asc(organizations.id))
    .limit(1);
  return row;
}

export interface OrganizationFilter {
  keyword?: string | undefined;
  kinds?: OrganizationKind[] | undefined;
  /** Materialised path of a region: the organisations in that region's subtree. */
  regionPath?: string | undefined;
  /** Only organisations holding this qualification on `today`. */
  qualification?: QualificationKind | undefined;
  today: string;
}

/** One page of live organisations matching the filter inside `scope`, ordered by name. */
export async function findOrganizationRows(
  db: Executor,
  filter: OrganizationFilter,
  scope: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<{ items: OrganizationRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (scope) conditions.push(scope);
  if (filter.keyword) {
    const pattern = escapeLike(filter.keyword);
    conditions.push(or(ilike(organizations.name, pattern), ilike(organizations.creditCode, pattern))!);
  }
  if (filter.kinds?.length) conditions.push(inArray(organizations.kind, filter.kinds));
  if (filter.regionPath) conditions.push(sql`${organizations.regionId} in ${subtreeIdsSql(filter.regionPath)}`);
  if (filter.qualification) {
    const q = organizationQualifications;
    conditions.push(
      sql`exists (select 1 from ${q} where ${q.organizationId} = ${organizations.id} and ${q.kind} = ${filter.qualification}
        and ${q.deletedAt} is null and ${q.validFrom} <= ${filter.today} and (${q.validTo} is null or ${q.validTo} >= ${filter.today}))`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [items, [totalRow]] = await Promise.all([
    selectOrganizations(db, where).orderBy(asc(organizations.name), asc(organizations.id)).limit(page.limit).offset(page.offset),
    db
      .select({ total: count() })
      .from(organizations)
      .where(and(isNull(organizations.deletedAt), where)),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}

/** The live qualifications of these organisations, newest first. */
export function findQualificationRows(db: Executor, organizationIds: string[]): Promise<QualificationRow[]> {
  if (!organizationIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(organizationQualifications)
    .where(and(inArray(organizationQualifications.organizationId, organizationIds), isNull(organizationQualifications.deletedAt)))
    .orderBy(desc(organizationQualifications.validFrom), asc(organizationQualifications.kind));
}

export type OrganizationValues = Pick<
  typeof organizations.$inferInsert,
  'name' | 'kind' | 'creditCode' | 'regionId' | 'address' | 'contactPerson' | 'contactPhone'
>;

export async function insertOrganization(db: Executor, values: OrganizationValues): Promise<string> {
  const [row] = await db.insert(organizations).values(values).returning({ id: organizations.id });
  return row!.id;
}

/** Applies `changes` only if the live row is still at `version`; false when someone changed it first. */
export async function updateOrganizationVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<OrganizationValues>,
): Promise<boolean> {
  const rows = await db
    .update(organizations)
    .set({ ...changes, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
    .where(and(eq(organizations.id, id), eq(organizations.version, version), isNull(organizations.deletedAt)))
    .returning({ id: organizations.id });
  return rows.length === 1;
}

/** Soft delete: the row stays (platform history points at it) but leaves every list and lookup. */
export async function softDeleteOrganizationVersioned(db: Executor, id: string, version: number): Promise<boolean> {
  const now = new Date();
  const rows = await db
    .update(organizations)
    .set({ deletedAt: now, updatedAt: now, version: sql`${organizations.version} + 1` })
    .where(and(eq(organizations.id, id), eq(organizations.version, version), isNull(organizations.deletedAt)))
    .returning({ id: organizations.id });
  return rows.length === 1;
}

/** Names of the platforms the organisation hosts now that still exist (not revoked or merged, not deleted). */
export async function findLivePlatformNamesHostedBy(db: Executor, organizationId: string): Promise<string[]> {
  const rows = await db
    .select({ name: platformVersions.name })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        eq(platformVersions.hostOrganizationId, organizationId),
        isNull(platformVersions.validTo),
        notInArray(platformVersions.status, ['revoked', 'merged']),
        isNull(platforms.deletedAt),
      ),
    )
    .orderBy(asc(platformVersions.name));
  return rows.map((row) => row.name);
}

export async function insertQualification(
  db: Executor,
  values: Pick<QualificationRow, 'organizationId' | 'kind' | 'validFrom' | 'validTo' | 'certificateNo'>,
): Promise<QualificationRow> {
  const [row] = await db.insert(organizationQualifications).values(values).returning();
  return row!;
}

export async function getQualificationRow(db: Executor, organizationId: string, id: string): Promise<QualificationRow | undefined> {
  const [row] = await db
    .select()
    .from(organizationQualifications)
    .where(
      and(
        eq(organizationQualifications.id, id),
        eq(organizationQualifications.organizationId, organizationId),
        isNull(organizationQualifications.deletedAt),
      ),
    );
  return row;
}

export async function softDeleteQualification(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(organizationQualifications)
    .set({ deletedAt: new Date() })
    .where(and(eq(organizationQualifications.id, id), isNull(organizationQualifications.deletedAt)))
    .returning({ id: organizationQualifications.id });
  return rows.length === 1;
}
