import { and, asc, count, desc, eq, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  applications,
  calls,
  expertSettings,
  experts,
  organizations,
  panelMembers,
  panelScores,
  panels,
  platformTypes,
  platformVersions,
  platforms,
  regions,
  reviewRubrics,
} from '../../db/schema/index';
import { escapeLike, likePrefix } from '../../shared/scope';

export type ExpertRecord = typeof experts.$inferSelect;
export type PanelRecord = typeof panels.$inferSelect;
export type SeatRecord = typeof panelMembers.$inferSelect;

/** Seats of panels drawn in `year` that count against the cap (a declared conflict does not). */
function panelsInYear(year: number) {
  // Qualified by hand: drizzle drops the table name of columns in a single-table select.
  return sql<number>`(select count(*)::int from ${panelMembers} pm join ${panels} p on p.id = pm.panel_id
    where pm.expert_id = "experts"."id" and extract(year from p.drawn_at at time zone 'Asia/Shanghai') = ${year}
    and pm.declared_conflict is not true)`;
}

const expertFields = (year: number) => ({
  expert: experts,
  organizationName: organizations.name,
  regionName: regions.name,
  panelsThisYear: panelsInYear(year),
});

export type ExpertRow = { expert: ExpertRecord; organizationName: string; regionName: string | null; panelsThisYear: number };

export interface ExpertFilter {
  field?: string | undefined;
  keyword?: string | undefined;
  suspended?: boolean | undefined;
}

/** A page of live experts, by name. */
export async function findExpertRows(
  db: Executor,
  filter: ExpertFilter,
  page: { limit: number; offset: number },
  year: number,
): Promise<{ rows: ExpertRow[]; total: number }> {
  const conditions: SQL[] = [isNull(experts.deletedAt)];
  if (filter.suspended !== undefined) conditions.push(eq(experts.suspended, filter.suspended));
  if (filter.field) {
    // Same normalisation as the draw (experts.draw.ts normalizeTerm), minus NFKC: lower case, no white space.
    conditions.push(
      sql`exists (select 1 from unnest(${experts.fields}) f where lower(regexp_replace(f, '\\s', '', 'g')) = lower(regexp_replace(${filter.field}, '\\s', '', 'g')))`,
    );
  }
  if (filter.keyword) {
    const like = escapeLike(filter.keyword);
    conditions.push(
      or(
        sql`${experts.name} ilike ${like}`,
        sql`${organizations.name} ilike ${like}`,
        sql`${experts.title} ilike ${like}`,
        sql`array_to_string(${experts.fields}, ' ') ilike ${like}`,
      )!,
    );
  }
  const where = and(...conditions);
  const rows = await db
    .select(expertFields(year))
    .from(experts)
    .innerJoin(organizations, eq(organizations.id, experts.organizationId))
    .leftJoin(regions, eq(regions.id, experts.regionId))
    .where(where)
    .orderBy(asc(experts.name), asc(experts.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await db
    .select({ n: count() })
    .from(experts)
    .innerJoin(organizations, eq(organizations.id, experts.organizationId))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function getExpertRow(db: Executor, id: string, year: number): Promise<ExpertRow | undefined> {
  const [row] = await db
    .select(expertFields(year))
    .from(experts)
    .innerJoin(organizations, eq(organizations.id, experts.organizationId))
    .leftJoin(regions, eq(regions.id, experts.regionId))
    .where(and(eq(experts.id, id), isNull(experts.deletedAt)));
  return row;
}

export async function findExpertByUser(db: Executor, userId: string): Promise<ExpertRecord | undefined> {
  const [row] = await db
    .select()
    .from(experts)
    .where(and(eq(experts.userId, userId), isNull(experts.deletedAt)));
  return row;
}

export async function insertExpert(db: Executor, values: typeof experts.$inferInsert): Promise<ExpertRecord> {
  const [row] = await db.insert(experts).values(values).returning();
  return row!;
}

/** Updates a live expert when its version still matches; bumps the version. Undefined on a stale version. */
export async function updateExpertVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof experts.$inferInsert>,
): Promise<ExpertRecord | undefined> {
  const [row] = await db
    .update(experts)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(experts.id, id), eq(experts.version, version), isNull(experts.deletedAt)))
    .returning();
  return row;
}

export async function organizationExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, id), isNull(organizations.deletedAt)));
  return Boolean(row);
}

export async function regionExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.id, id));
  return Boolean(row);
}

// ——— settings ———

export async function getSettings(db: Executor) {
  const [row] = await db.select().from(expertSettings).where(eq(expertSettings.id, 1));
  return row ?? { id: 1, yearlyPanelCap: 5, outlierThreshold: 15, version: 0, updatedAt: new Date(0) };
}

/** Writes the settings row when its version matches (0: not written yet). False on a stale version. */
export async function saveSettings(db: Executor, values: { yearlyPanelCap: number; outlierThreshold: number }, version: number) {
  if (version === 0) {
    const inserted = await db
      .insert(expertSettings)
      .values({ id: 1, ...values })
      .onConflictDoNothing()
      .returning();
    return inserted.length > 0;
  }
  const updated = await db
    .update(expertSettings)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(expertSettings.id, 1), eq(expertSettings.version, version)))
    .returning();
  return updated.length > 0;
}

// ——— rubrics ———

export type RubricRecord = typeof reviewRubrics.$inferSelect;

/** The type's own rubric, else the default row (no type). */
export async function findRubricFor(db: Executor, typeId: string): Promise<RubricRecord | undefined> {
  const rows = await db
    .select()
    .from(reviewRubrics)
    .where(or(eq(reviewRubrics.typeId, typeId), isNull(reviewRubrics.typeId)))
    .orderBy(sql`${reviewRubrics.typeId} is null`, asc(reviewRubrics.createdAt));
  return rows[0];
}

export async function findRubrics(db: Executor): Promise<RubricRecord[]> {
  return db
    .select()
    .from(reviewRubrics)
    .orderBy(sql`${reviewRubrics.typeId} is not null`, asc(reviewRubrics.name));
}

export async function getRubricOfType(db: Executor, typeId: string | null): Promise<RubricRecord | undefined> {
  const [row] = await db
    .select()
    .from(reviewRubrics)
    .where(typeId ? eq(reviewRubrics.typeId, typeId) : isNull(reviewRubrics.typeId))
    .orderBy(asc(reviewRubrics.createdAt))
    .limit(1);
  return row;
}

export async function insertRubric(db: Executor, values: typeof reviewRubrics.$inferInsert): Promise<RubricRecord> {
  const [row] = await db.insert(reviewRubrics).values(values).returning();
  return row!;
}

export async function updateRubricVersioned(db: Executor, id: string, version: number, values: Partial<typeof reviewRubrics.$inferInsert>) {
  const [row] = await db
    .update(reviewRubrics)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(reviewRubrics.id, id), eq(reviewRubrics.version, version)))
    .returning();
  return row;
}

export async function platformTypeExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: platformTypes.id }).from(platformTypes).where(eq(platformTypes.id, id));
  return Boolean(row);
}

// ——— applications (read only: the calls module owns them) ———

export interface ApplicationFacts {
  id: string;
  callId: string;
  callTitle: string;
  callClosesOn: string;
  typeId: string;
  typeName: string;
  organizationId: string;
  organizationName: string;
  regionId: string;
  regionPath: string;
  platformName: string;
  technicalFields: string[];
  coBuilderIds: string[];
  collaborators: unknown;
  status: (typeof applications.$inferSelect)['status'];
}

const applicationFields = {
  id: applications.id,
  callId: applications.callId,
  callTitle: calls.title,
  callClosesOn: calls.closesOn,
  typeId: applications.typeId,
  typeName: platformTypes.name,
  organizationId: applications.organizationId,
  organizationName: organizations.name,
  regionId: applications.regionId,
  regionPath: regions.path,
  platformName: applications.platformName,
  technicalFields: applications.technicalFields,
  coBuilderIds: applications.coBuilderIds,
  collaborators: applications.collaborators,
  status: applications.status,
};

function applicationQuery(db: Executor) {
  return db
    .select(applicationFields)
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(platformTypes, eq(platformTypes.id, applications.typeId))
    .innerJoin(organizations, eq(organizations.id, applications.organizationId))
    .innerJoin(regions, eq(regions.id, applications.regionId));
}

export async function getApplicationFacts(db: Executor, id: string): Promise<ApplicationFacts | undefined> {
  const [row] = await applicationQuery(db).where(and(eq(applications.id, id), isNull(applications.deletedAt)));
  return row;
}

export async function findApplicationFacts(db: Executor, ids: readonly string[]): Promise<ApplicationFacts[]> {
  if (!ids.length) return [];
  return applicationQuery(db).where(inArray(applications.id, [...ids]));
}

/**
 * The organisations that hosted or co-built a platform together with one of `parties` (as host or
 * co-builder) in a platform state in force at some day of [from, to] (a revoked or merged state
 * joins no one).
 */
export async function findRecentPartnerIds(db: Executor, parties: readonly string[], from: string, to: string): Promise<string[]> {
  if (!parties.length) return [];
  const partyArray = sql`array[${sql.join(
    parties.map((party) => sql`${party}::uuid`),
    sql`, `,
  )}]`;
  const rows = await db
    .select({ host: platformVersions.hostOrganizationId, coBuilders: platformVersions.coBuilderIds })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(
      and(
        isNull(platforms.deletedAt),
        notInArray(platformVersions.status, ['revoked', 'merged']),
        sql`daterange(${platformVersions.validFrom}, ${platformVersions.validTo}, '[)') && daterange(${from}::date, ${to}::date, '[]')`,
        or(sql`${platformVersions.hostOrganizationId} = any(${partyArray})`, sql`${platformVersions.coBuilderIds} && ${partyArray}`),
      ),
    );
  const partners = new Set<string>();
  for (const row of rows) {
    partners.add(row.host);
    for (const id of row.coBuilders) partners.add(id);
  }
  for (const party of parties) partners.delete(party);
  return [...partners];
}

/** Every live expert with their seats this year: the draw's candidate pool. */
export async function findPool(db: Executor, year: number) {
  return db
    .select({
      id: experts.id,
      name: experts.name,
      organizationId: experts.organizationId,
      fields: experts.fields,
      suspended: experts.suspended,
      panelsThisYear: panelsInYear(year),
    })
    .from(experts)
    .where(isNull(experts.deletedAt));
}

/** Serialises draws (yearly caps, one open panel per application) within the caller's transaction. */
export async function lockDraws(db: Executor): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('stip.experts.panel-draw'))`);
}

// ——— panels ———

export async function findOpenPanel(db: Executor, applicationId: string): Promise<PanelRecord | undefined> {
  const [row] = await db
    .select()
    .from(panels)
    .where(and(eq(panels.applicationId, applicationId), isNull(panels.concludedAt)));
  return row;
}

export async function insertPanel(db: Executor, values: typeof panels.$inferInsert): Promise<PanelRecord> {
  const [row] = await db.insert(panels).values(values).returning();
  return row!;
}

export async function insertSeat(db: Executor, values: typeof panelMembers.$inferInsert): Promise<SeatRecord> {
  const [row] = await db.insert(panelMembers).values(values).returning();
  return row!;
}

export async function getPanel(db: Executor, id: string): Promise<PanelRecord | undefined> {
  const [row] = await db.select().from(panels).where(eq(panels.id, id));
  return row;
}

/** The panel row, locked until the transaction ends. */
export async function lockPanel(db: Executor, id: string): Promise<PanelRecord | undefined> {
  const [row] = await db.select().from(panels).where(eq(panels.id, id)).for('update');
  return row;
}

export async function findPanelsOfApplication(db: Executor, applicationId: string): Promise<PanelRecord[]> {
  return db.select().from(panels).where(eq(panels.applicationId, applicationId)).orderBy(desc(panels.drawnAt));
}

export async function updatePanelVersioned(db: Executor, id: string, version: number, values: Partial<typeof panels.$inferInsert>) {
  const [row] = await db
    .update(panels)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(panels.id, id), eq(panels.version, version)))
    .returning();
  return row;
}

export interface SeatRow {
  seat: SeatRecord;
  expertName: string;
  expertTitle: string;
  expertUserId: string | null;
  organizationName: string;
}

export async function findSeats(db: Executor, panelIds: readonly string[]): Promise<SeatRow[]> {
  if (!panelIds.length) return [];
  return db
    .select({
      seat: panelMembers,
      expertName: experts.name,
      expertTitle: experts.title,
      expertUserId: experts.userId,
      organizationName: organizations.name,
    })
    .from(panelMembers)
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .innerJoin(organizations, eq(organizations.id, experts.organizationId))
    .where(inArray(panelMembers.panelId, [...panelIds]))
    .orderBy(asc(panelMembers.position));
}

export async function getSeat(db: Executor, id: string): Promise<SeatRecord | undefined> {
  const [row] = await db.select().from(panelMembers).where(eq(panelMembers.id, id));
  return row;
}

export async function updateSeat(db: Executor, id: string, values: Partial<typeof panelMembers.$inferInsert>, where?: SQL) {
  const [row] = await db
    .update(panelMembers)
    .set(values)
    .where(and(eq(panelMembers.id, id), where))
    .returning();
  return row;
}

export async function findScores(db: Executor, memberIds: readonly string[]) {
  if (!memberIds.length) return [];
  return db
    .select()
    .from(panelScores)
    .where(inArray(panelScores.memberId, [...memberIds]));
}

/** Replaces a seat's scores. */
export async function replaceScores(
  db: Executor,
  memberId: string,
  scores: readonly { criterionKey: string; score: number; comment: string | null }[],
): Promise<void> {
  await db.delete(panelScores).where(eq(panelScores.memberId, memberId));
  if (scores.length) await db.insert(panelScores).values(scores.map((score) => ({ ...score, memberId })));
}

/** The seats of an expert (by user), with their panels, newest first. */
export async function findSeatsOfUser(db: Executor, userId: string) {
  return db
    .select({ seat: panelMembers, panel: panels })
    .from(panelMembers)
    .innerJoin(panels, eq(panels.id, panelMembers.panelId))
    .innerJoin(experts, eq(experts.id, panelMembers.expertId))
    .where(and(eq(experts.userId, userId), isNotNull(panels.applicationId)))
    .orderBy(desc(panels.drawnAt), asc(panelMembers.position));
}

/** The panels (with an application) of a call's applications, latest per application. */
export async function findPanelsOfCall(db: Executor, callId: string): Promise<PanelRecord[]> {
  const rows = await db
    .select({ panel: panels })
    .from(panels)
    .innerJoin(applications, eq(applications.id, panels.applicationId))
    .where(and(eq(applications.callId, callId), isNull(applications.deletedAt)))
    .orderBy(desc(panels.drawnAt));
  const latest = new Map<string, PanelRecord>();
  for (const { panel } of rows) if (!latest.has(panel.applicationId!)) latest.set(panel.applicationId!, panel);
  return [...latest.values()];
}

/** Open panels (not concluded) whose application lies in the region subtree (null: everywhere). */
export async function findOpenPanelsInScope(db: Executor, regionPath: string | null) {
  return db
    .select({ panel: panels, platformName: applications.platformName })
    .from(panels)
    .innerJoin(applications, eq(applications.id, panels.applicationId))
    .innerJoin(regions, eq(regions.id, applications.regionId))
    .where(and(isNull(panels.concludedAt), regionPath ? sql`${regions.path} like ${likePrefix(regionPath)}` : undefined));
}

/** The accounts of the given experts that have one (an expert without an account is told by the bureau). */
export function findExpertUsers(db: Executor, expertIds: readonly string[]) {
  if (!expertIds.length) return Promise.resolve([]);
  return db
    .select({ expertId: experts.id, userId: experts.userId })
    .from(experts)
    .where(and(inArray(experts.id, [...expertIds]), isNotNull(experts.userId)));
}
