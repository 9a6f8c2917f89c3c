import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { livePlatformStatuses, type LeadStatus, type PublicationStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import {
  achievements,
  demands,
  experts,
  matchLeadEvents,
  matchLeads,
  organizations,
  platformTypes,
  platformVersions,
  platforms,
  regions,
  technologyContracts,
  users,
} from '../../db/schema/index';
import { likePrefix } from '../../shared/scope';

/** Records seen by a matching: the texts and facts the reasons are worked out from. */
export interface RecordFacts {
  id: string;
  title: string;
  body: string;
  keywords: string[];
  technicalField: string | null;
  industry: string | null;
  status: PublicationStatus;
  owner: string | null;
  organizationId: string | null;
  regionId: string | null;
  regionName: string | null;
  regionPath: string | null;
  isDemo: boolean;
}

const achievementFacts = {
  id: achievements.id,
  title: achievements.title,
  body: achievements.abstract,
  keywords: achievements.keywords,
  technicalField: achievements.technicalField,
  industry: achievements.industry,
  status: achievements.status,
  owner: achievements.ownerName,
  organizationId: achievements.ownerOrganizationId,
  regionId: achievements.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  isDemo: achievements.isDemo,
};

const demandFacts = {
  id: demands.id,
  title: demands.title,
  body: demands.description,
  keywords: demands.keywords,
  technicalField: demands.technicalField,
  industry: demands.industry,
  status: demands.status,
  owner: demands.enterpriseName,
  organizationId: demands.enterpriseOrganizationId,
  regionId: demands.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  isDemo: demands.isDemo,
};

/** Live (not deleted) achievements by id, with their region. */
export function findAchievementFacts(db: Executor, ids: readonly string[]): Promise<RecordFacts[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select(achievementFacts)
    .from(achievements)
    .leftJoin(regions, eq(regions.id, achievements.regionId))
    .where(and(inArray(achievements.id, [...ids]), isNull(achievements.deletedAt)));
}

/** Live (not deleted) demands by id, with their region. */
export function findDemandFacts(db: Executor, ids: readonly string[]): Promise<RecordFacts[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select(demandFacts)
    .from(demands)
    .leftJoin(regions, eq(regions.id, demands.regionId))
    .where(and(inArray(demands.id, [...ids]), isNull(demands.deletedAt)));
}

/** A region condition: the subtree under `root` (null: anywhere). */
const underRoot = (path: SQL | typeof regions.path, root: string | null) =>
  root === null ? undefined : sql`${path} like ${likePrefix(root)}`;

/** The experts who could be drawn (not deleted, not suspended) in the subtree under `root`, or without a region. */
export function findExpertFacts(db: Executor, root: string | null, ids?: readonly string[]) {
  return db
    .select({
      id: experts.id,
      name: experts.name,
      title: experts.title,
      fields: experts.fields,
      organizationName: organizations.name,
      regionId: experts.regionId,
      regionName: regions.name,
      isDemo: experts.isDemo,
    })
    .from(experts)
    .innerJoin(organizations, eq(organizations.id, experts.organizationId))
    .leftJoin(regions, eq(regions.id, experts.regionId))
    .where(
      and(
        isNull(experts.deletedAt),
        eq(experts.suspended, false),
        ids ? inArray(experts.id, [...ids]) : undefined,
        root === null ? undefined : or(isNull(experts.regionId), underRoot(regions.path, root)),
      ),
    )
    .orderBy(asc(experts.name))
    .limit(5000);
}

/** The platforms in force today (current state, live status): public records. */
export function findPlatformFacts(db: Executor, ids?: readonly string[]) {
  return db
    .select({
      id: platforms.id,
      name: platformVersions.name,
      industry: platformVersions.industry,
      technicalFields: platformVersions.technicalFields,
      typeName: platformTypes.name,
      level: platformTypes.level,
      hostOrganizationId: platformVersions.hostOrganizationId,
      hostName: organizations.name,
      hostKind: organizations.kind,
      regionId: platformVersions.regionId,
      regionName: regions.name,
      regionPath: regions.path,
      isDemo: platforms.isDemo,
    })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .innerJoin(organizations, eq(organizations.id, platformVersions.hostOrganizationId))
    .innerJoin(regions, eq(regions.id, platformVersions.regionId))
    .where(
      and(
        isNull(platformVersions.validTo),
        isNull(platforms.deletedAt),
        inArray(platformVersions.status, [...livePlatformStatuses]),
        ids ? inArray(platforms.id, [...ids]) : undefined,
      ),
    )
    .limit(10000);
}

/** Enterprises (organisations of kind enterprise) in the subtree under `root`. */
export function findEnterprises(db: Executor, root: string | null, ids?: readonly string[]) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      regionId: organizations.regionId,
      regionName: regions.name,
      isDemo: organizations.isDemo,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(
      and(
        isNull(organizations.deletedAt),
        eq(organizations.kind, 'enterprise'),
        ids ? inArray(organizations.id, [...ids]) : undefined,
        underRoot(regions.path, root),
      ),
    )
    .limit(10000);
}

/** The published demands of the given enterprises: evidence of what they could use. */
export function findPublishedDemandsOf(db: Executor, organizationIds: readonly string[]) {
  if (!organizationIds.length) return Promise.resolve([]);
  return db
    .select({
      organizationId: demands.enterpriseOrganizationId,
      title: demands.title,
      keywords: demands.keywords,
      technicalField: demands.technicalField,
      industry: demands.industry,
    })
    .from(demands)
    .where(
      and(isNull(demands.deletedAt), eq(demands.status, 'published'), inArray(demands.enterpriseOrganizationId, [...organizationIds])),
    );
}

// ——— leads ———

const leadRegion = regions;
const leadDemand = alias(demands, 'lead_demand');
const leadAchievement = alias(achievements, 'lead_achievement');
const leadExpert = alias(experts, 'lead_expert');
const leadOrganization = alias(organizations, 'lead_organization');
const creator = alias(users, 'lead_creator');

const leadFields = {
  lead: matchLeads,
  regionName: leadRegion.name,
  regionPath: leadRegion.path,
  demandTitle: leadDemand.title,
  achievementTitle: leadAchievement.title,
  expertName: leadExpert.name,
  platformName: sql<
    string | null
  >`(select pv.name from platform_versions pv where pv.platform_id = ${matchLeads.platformId} and pv.valid_to is null limit 1)`,
  organizationName: leadOrganization.name,
  createdByName: creator.displayName,
};
export type LeadRow = Awaited<ReturnType<typeof selectLeads>>[number];
export type LeadRecord = typeof matchLeads.$inferSelect;

function selectLeads(db: Executor, where: SQL | undefined) {
  return db
    .select(leadFields)
    .from(matchLeads)
    .innerJoin(leadRegion, eq(leadRegion.id, matchLeads.regionId))
    .leftJoin(leadDemand, eq(leadDemand.id, matchLeads.demandId))
    .leftJoin(leadAchievement, eq(leadAchievement.id, matchLeads.achievementId))
    .leftJoin(leadExpert, eq(leadExpert.id, matchLeads.expertId))
    .leftJoin(leadOrganization, eq(leadOrganization.id, matchLeads.organizationId))
    .leftJoin(creator, eq(creator.id, matchLeads.createdBy))
    .where(and(isNull(matchLeads.deletedAt), where));
}

export interface LeadFilter {
  root: string | null;
  statuses?: LeadStatus[] | undefined;
  regionPath?: string | undefined;
  demandId?: string | undefined;
  achievementId?: string | undefined;
}

function leadConditions(filter: LeadFilter): SQL | undefined {
  return and(
    underRoot(leadRegion.path, filter.root),
    filter.regionPath ? underRoot(leadRegion.path, filter.regionPath) : undefined,
    filter.statuses?.length ? inArray(matchLeads.status, filter.statuses) : undefined,
    filter.demandId ? eq(matchLeads.demandId, filter.demandId) : undefined,
    filter.achievementId ? eq(matchLeads.achievementId, filter.achievementId) : undefined,
  );
}

export async function findLeadRows(db: Executor, filter: LeadFilter, page: { limit: number; offset: number }) {
  const where = leadConditions(filter);
  const [rows, [total]] = await Promise.all([
    selectLeads(db, where).orderBy(desc(matchLeads.updatedAt), desc(matchLeads.id)).limit(page.limit).offset(page.offset),
    db
      .select({ total: count() })
      .from(matchLeads)
      .innerJoin(leadRegion, eq(leadRegion.id, matchLeads.regionId))
      .where(and(isNull(matchLeads.deletedAt), where)),
  ]);
  return { rows, total: Number(total?.total ?? 0) };
}

export async function getLeadRow(db: Executor, id: string): Promise<LeadRow | undefined> {
  const [row] = await selectLeads(db, eq(matchLeads.id, id));
  return row;
}

/** The live leads of a subject, by counterpart: to show 「已记录」 beside a candidate. */
export function findLeadsOfSubject(db: Executor, subject: { demandId?: string; achievementId?: string }) {
  return db
    .select({
      id: matchLeads.id,
      demandId: matchLeads.demandId,
      achievementId: matchLeads.achievementId,
      expertId: matchLeads.expertId,
      platformId: matchLeads.platformId,
      organizationId: matchLeads.organizationId,
    })
    .from(matchLeads)
    .where(
      and(
        isNull(matchLeads.deletedAt),
        subject.demandId ? eq(matchLeads.demandId, subject.demandId) : eq(matchLeads.achievementId, subject.achievementId!),
      ),
    );
}

export type NewLead = Omit<typeof matchLeads.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export async function insertLead(db: Executor, values: NewLead): Promise<LeadRecord> {
  const [row] = await db.insert(matchLeads).values(values).returning();
  return row!;
}

export async function updateLeadVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewLead>,
): Promise<LeadRecord | undefined> {
  const [row] = await db
    .update(matchLeads)
    .set({ ...changes, version: sql`${matchLeads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(matchLeads.id, id), eq(matchLeads.version, version), isNull(matchLeads.deletedAt)))
    .returning();
  return row;
}

/** Moves a lead whatever its version (a contract registered from it): the status is checked by the caller in the same transaction. */
export async function setLeadStatus(db: Executor, id: string, status: LeadStatus): Promise<void> {
  await db
    .update(matchLeads)
    .set({ status, version: sql`${matchLeads.version} + 1`, updatedAt: new Date() })
    .where(eq(matchLeads.id, id));
}

export async function insertLeadEvent(db: Executor, values: typeof matchLeadEvents.$inferInsert): Promise<void> {
  await db.insert(matchLeadEvents).values(values);
}

export function findLeadEvents(db: Executor, leadId: string) {
  return db
    .select({
      id: matchLeadEvents.id,
      status: matchLeadEvents.status,
      note: matchLeadEvents.note,
      occurredAt: matchLeadEvents.occurredAt,
      recordedBy: users.displayName,
    })
    .from(matchLeadEvents)
    .leftJoin(users, eq(users.id, matchLeadEvents.recordedBy))
    .where(eq(matchLeadEvents.leadId, leadId))
    .orderBy(asc(matchLeadEvents.occurredAt), asc(matchLeadEvents.id));
}

export function findContractsOfLead(db: Executor, leadId: string) {
  return db
    .select({ id: technologyContracts.id, registrationNumber: technologyContracts.registrationNumber, amount: technologyContracts.amount })
    .from(technologyContracts)
    .where(and(eq(technologyContracts.leadId, leadId), isNull(technologyContracts.deletedAt)))
    .orderBy(asc(technologyContracts.registeredOn));
}

export async function regionOf(db: Executor, id: string) {
  const [row] = await db.select({ id: regions.id, path: regions.path, name: regions.name }).from(regions).where(eq(regions.id, id));
  return row;
}
