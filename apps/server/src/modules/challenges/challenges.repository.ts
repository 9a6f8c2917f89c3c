import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { type ChallengeStatus, publicChallengeStatuses, type PublicChallengeStatus } from '@stip/contracts';
import type { Executor } from '../../db/client';
import { challengeApplications, challengeMilestones, challenges, demands, organizations, regions, users } from '../../db/schema/index';
import { escapeLike } from '../../shared/scope';

/** The only SQL of the challenges module: lists (榜单), their applications and milestones. */

export type ChallengeRow = typeof challenges.$inferSelect;
export type ChallengeApplicationRow = typeof challengeApplications.$inferSelect;
export type ChallengeMilestoneRow = typeof challengeMilestones.$inferSelect;

/** The status a list shows on `today` (a released list past its deadline is under review), as SQL. */
export function effectiveStatusSql(today: string): SQL<ChallengeStatus> {
  return sql<ChallengeStatus>`(case when ${challenges.status} = 'open' and ${challenges.applicationDeadline} < ${today} then 'reviewing'::challenge_status else ${challenges.status} end)`;
}

const viewColumns = {
  challenge: challenges,
  regionName: regions.name,
  regionPath: regions.path,
  publisherOrganizationName: organizations.name,
  demandTitle: demands.title,
  demandDescription: demands.description,
  demandStatus: demands.status,
  demandEnterpriseName: demands.enterpriseName,
  isDemandDeleted: sql<boolean>`${demands.deletedAt} is not null`,
};

/** A list with what every reader needs beside it: its region, publisher's name and demand. */
export type ChallengeView = {
  challenge: ChallengeRow;
  regionName: string;
  regionPath: string;
  publisherOrganizationName: string | null;
  demandTitle: string;
  demandDescription: string;
  demandStatus: string;
  demandEnterpriseName: string | null;
  isDemandDeleted: boolean;
};

function viewQuery(db: Executor) {
  return db
    .select(viewColumns)
    .from(challenges)
    .innerJoin(regions, eq(regions.id, challenges.regionId))
    .innerJoin(demands, eq(demands.id, challenges.demandId))
    .leftJoin(organizations, eq(organizations.id, challenges.publisherOrganizationId));
}

export async function getChallengeView(db: Executor, id: string, scope?: SQL): Promise<ChallengeView | undefined> {
  const [row] = await viewQuery(db).where(and(eq(challenges.id, id), isNull(challenges.deletedAt), scope));
  return row;
}

/** Locks the list's row: a selection, a late application and a withdrawal must not cross. */
export async function lockChallengeRow(db: Executor, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .select()
    .from(challenges)
    .where(and(eq(challenges.id, id), isNull(challenges.deletedAt)))
    .for('update');
  return row;
}

export async function insertChallenge(db: Executor, values: typeof challenges.$inferInsert): Promise<string> {
  const [row] = await db.insert(challenges).values(values).returning({ id: challenges.id });
  return row!.id;
}

/** Writes changes if the row is still at `version`; answers whether it was. */
export async function updateChallengeRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof challenges.$inferInsert>,
): Promise<boolean> {
  const [row] = await db
    .update(challenges)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(challenges.id, id), eq(challenges.version, version), isNull(challenges.deletedAt)))
    .returning({ id: challenges.id });
  return row !== undefined;
}

/**
 * Stores the deadline's move (open → reviewing) without a new version: every reader already saw the list as under
 * review (its effective status), so a client's version stays valid for its next action.
 */
export async function storeExpiry(db: Executor, id: string): Promise<void> {
  await db
    .update(challenges)
    .set({ status: 'reviewing', updatedAt: new Date() })
    .where(and(eq(challenges.id, id), eq(challenges.status, 'open')));
}

export interface ChallengeFilter {
  scope: SQL | undefined;
  today: string;
  status?: ChallengeStatus | undefined;
  keyword?: string | undefined;
  publisherOrganizationId?: string | undefined;
  applicantOrganizationId?: string | undefined;
  statuses?: readonly ChallengeStatus[];
}

function filterConditions(filter: ChallengeFilter): (SQL | undefined)[] {
  const effective = effectiveStatusSql(filter.today);
  return [
    isNull(challenges.deletedAt),
    filter.scope,
    filter.status ? sql`${effective} = ${filter.status}` : undefined,
    filter.statuses
      ? sql`${effective} in (${sql.join(
          filter.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
    filter.keyword
      ? sql`(${challenges.title} ilike ${escapeLike(filter.keyword)} or ${demands.title} ilike ${escapeLike(filter.keyword)})`
      : undefined,
    filter.publisherOrganizationId ? eq(challenges.publisherOrganizationId, filter.publisherOrganizationId) : undefined,
    filter.applicantOrganizationId
      ? sql`exists (select 1 from ${challengeApplications} where ${challengeApplications.challengeId} = ${challenges.id} and ${challengeApplications.organizationId} = ${filter.applicantOrganizationId})`
      : undefined,
  ];
}

/** A page of lists, the latest released (or created) first. */
export async function findChallengeViews(
  db: Executor,
  filter: ChallengeFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ChallengeView[]; total: number }> {
  const where = and(...filterConditions(filter));
  const [rows, [totalRow]] = await Promise.all([
    viewQuery(db)
      .where(where)
      .orderBy(desc(sql`coalesce(${challenges.publishedAt}, ${challenges.createdAt})`), desc(challenges.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(challenges).innerJoin(demands, eq(demands.id, challenges.demandId)).where(where),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

// ---- the public portal's reads ----

/**
 * The public reads name every column they take (no row of the table is selected whole), so a column added to
 * the table later never reaches a visitor. A list is public in the stored states `publicChallengeStatuses`
 * (never a draft, one awaiting the bureau's review or a withdrawn one); it shows its effective status on `today`,
 * which for those states is again one of them (open past its deadline reads reviewing).
 */
const isPublicChallenge = and(inArray(challenges.status, [...publicChallengeStatuses]), isNull(challenges.deletedAt));

function publicListColumns(today: string) {
  return {
    id: challenges.id,
    title: challenges.title,
    reward: challenges.reward,
    rewardNote: challenges.rewardNote,
    applicationDeadline: challenges.applicationDeadline,
    completionDeadline: challenges.completionDeadline,
    status: effectiveStatusSql(today) as SQL<PublicChallengeStatus>,
    publisherOrganizationName: organizations.name,
    regionName: regions.name,
    technicalField: demands.technicalField,
    industry: demands.industry,
    publishedAt: challenges.publishedAt,
    applicationCount: sql<number>`(select count(*)::int from ${challengeApplications}
      where ${challengeApplications.challengeId} = ${challenges.id} and ${challengeApplications.status} <> 'withdrawn')`,
    isDemo: challenges.isDemo,
  };
}

function publicDetailColumns(today: string) {
  return {
    ...publicListColumns(today),
    requirements: challenges.requirements,
    demandId: demands.id,
    demandTitle: demands.title,
    demandDescription: demands.description,
    selectedApplicationId: challenges.selectedApplicationId,
    selectionReason: challenges.selectionReason,
    selectedAt: challenges.selectedAt,
    completedAt: challenges.completedAt,
  };
}

/** Where a public list's region, publisher and demand are read from; the demand's facts only while it is published. */
const publicJoins = {
  region: eq(regions.id, challenges.regionId),
  publisher: eq(organizations.id, challenges.publisherOrganizationId),
  demand: and(eq(demands.id, challenges.demandId), eq(demands.status, 'published'), isNull(demands.deletedAt)),
};

export type PublicChallengeRow = Awaited<ReturnType<typeof findPublicChallengeRows>>['rows'][number];

/**
 * A page of public lists whose effective status is one of `statuses` (and whose title holds `q`): those taking
 * applications first, the nearest deadline first, then under review, selected and completed, the newest first.
 */
export async function findPublicChallengeRows(
  db: Executor,
  filter: { today: string; statuses: readonly PublicChallengeStatus[]; q?: string | undefined },
  page: { limit: number; offset: number },
) {
  const effective = effectiveStatusSql(filter.today);
  const where = and(
    isPublicChallenge,
    sql`${effective} in (${sql.join(
      filter.statuses.map((s) => sql`${s}`),
      sql`, `,
    )})`,
    filter.q ? sql`${challenges.title} ilike ${escapeLike(filter.q)}` : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(publicListColumns(filter.today))
      .from(challenges)
      .innerJoin(regions, publicJoins.region)
      .leftJoin(organizations, publicJoins.publisher)
      .leftJoin(demands, publicJoins.demand)
      .where(where)
      .orderBy(
        sql`case ${effective} when 'open' then 0 when 'reviewing' then 1 when 'selected' then 2 else 3 end`,
        sql`case when ${effective} = 'open' then ${challenges.applicationDeadline} end asc`,
        desc(challenges.publishedAt),
        asc(challenges.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(challenges).where(where),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

/** One public list with its requirements, its published demand and its selection. */
export async function getPublicChallengeRow(db: Executor, id: string, today: string) {
  const [row] = await db
    .select(publicDetailColumns(today))
    .from(challenges)
    .innerJoin(regions, publicJoins.region)
    .leftJoin(organizations, publicJoins.publisher)
    .leftJoin(demands, publicJoins.demand)
    .where(and(eq(challenges.id, id), isPublicChallenge));
  return row;
}

/** The organisation of a list's selected application (its name only: never the leader, the team or the proposal). */
export async function findSelectedOrganizationName(db: Executor, challengeId: string, applicationId: string) {
  const [row] = await db
    .select({ organizationName: organizations.name })
    .from(challengeApplications)
    .innerJoin(organizations, eq(organizations.id, challengeApplications.organizationId))
    .where(and(eq(challengeApplications.id, applicationId), eq(challengeApplications.challengeId, challengeId)));
  return row?.organizationName ?? null;
}

/** A public list's milestones as a visitor reads them (title, due day, completion; never the evidence). */
export async function findPublicMilestones(db: Executor, challengeId: string) {
  return db
    .select({ title: challengeMilestones.title, dueOn: challengeMilestones.dueOn, completedAt: challengeMilestones.completedAt })
    .from(challengeMilestones)
    .where(and(eq(challengeMilestones.challengeId, challengeId), isNull(challengeMilestones.deletedAt)))
    .orderBy(asc(challengeMilestones.sortOrder), asc(challengeMilestones.dueOn));
}

/** The latest released public list built on a demand, with its effective status. */
export async function findPublicChallengeOfDemandRow(db: Executor, demandId: string, today: string) {
  const [row] = await db
    .select({ id: challenges.id, status: effectiveStatusSql(today) as SQL<PublicChallengeStatus> })
    .from(challenges)
    .where(and(eq(challenges.demandId, demandId), isPublicChallenge))
    .orderBy(desc(challenges.publishedAt))
    .limit(1);
  return row;
}

/** How many public lists take applications on `today` (released and the deadline not passed). */
export async function countOpenPublicChallenges(db: Executor, today: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(challenges)
    .where(and(isPublicChallenge, sql`${effectiveStatusSql(today)} = 'open'`));
  return Number(row?.total ?? 0);
}

// ---- demands, organisations, regions, users (read only) ----

export async function getDemand(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: demands.id,
      title: demands.title,
      status: demands.status,
      enterpriseOrganizationId: demands.enterpriseOrganizationId,
      regionId: demands.regionId,
      regionPath: regions.path,
    })
    .from(demands)
    .leftJoin(regions, eq(regions.id, demands.regionId))
    .where(and(eq(demands.id, id), isNull(demands.deletedAt)));
  return row;
}

export async function getOrganization(db: Executor, id: string) {
  const [row] = await db
    .select({ id: organizations.id, name: organizations.name, regionId: organizations.regionId })
    .from(organizations)
    .where(eq(organizations.id, id));
  return row;
}

/** The active accounts of the given organisations (for notifications). */
export async function findUserIdsOfOrganizations(db: Executor, organizationIds: readonly string[]): Promise<string[]> {
  if (!organizationIds.length) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.organizationId, [...organizationIds]), eq(users.isActive, true)));
  return rows.map((row) => row.id);
}

// ---- applications ----

export async function insertApplication(db: Executor, values: typeof challengeApplications.$inferInsert): Promise<string> {
  const [row] = await db.insert(challengeApplications).values(values).returning({ id: challengeApplications.id });
  return row!.id;
}

export type ApplicationView = ChallengeApplicationRow & { organizationName: string };

/** A list's applications (of one organisation when given), the earliest first. */
export async function findApplicationViews(
  db: Executor,
  challengeIds: readonly string[],
  organizationId?: string,
): Promise<ApplicationView[]> {
  if (!challengeIds.length) return [];
  const rows = await db
    .select({ application: challengeApplications, organizationName: organizations.name })
    .from(challengeApplications)
    .innerJoin(organizations, eq(organizations.id, challengeApplications.organizationId))
    .where(
      and(
        inArray(challengeApplications.challengeId, [...challengeIds]),
        organizationId ? eq(challengeApplications.organizationId, organizationId) : undefined,
      ),
    )
    .orderBy(asc(challengeApplications.submittedAt), asc(challengeApplications.id));
  return rows.map((row) => ({ ...row.application, organizationName: row.organizationName }));
}

export async function getApplicationRow(db: Executor, id: string): Promise<ChallengeApplicationRow | undefined> {
  const [row] = await db.select().from(challengeApplications).where(eq(challengeApplications.id, id));
  return row;
}

export async function updateApplicationRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof challengeApplications.$inferInsert>,
): Promise<boolean> {
  const [row] = await db
    .update(challengeApplications)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(challengeApplications.id, id), eq(challengeApplications.version, version)))
    .returning({ id: challengeApplications.id });
  return row !== undefined;
}

/** Moves every still-submitted application of a list (but `exceptId`) to not_selected; answers their organisations. */
export async function rejectLiveApplications(db: Executor, challengeId: string, exceptId: string | null) {
  return db
    .update(challengeApplications)
    .set({ status: 'not_selected', version: sql`${challengeApplications.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(challengeApplications.challengeId, challengeId),
        eq(challengeApplications.status, 'submitted'),
        exceptId ? sql`${challengeApplications.id} <> ${exceptId}` : undefined,
      ),
    )
    .returning({ id: challengeApplications.id, organizationId: challengeApplications.organizationId });
}

/** Applications per list: all but withdrawn ones, and still-submitted ones. */
export async function countApplications(db: Executor, challengeIds: readonly string[]) {
  const counts = new Map<string, { total: number; live: number }>();
  if (!challengeIds.length) return counts;
  const rows = await db
    .select({
      challengeId: challengeApplications.challengeId,
      total: sql<number>`count(*) filter (where ${challengeApplications.status} <> 'withdrawn')`.mapWith(Number),
      live: sql<number>`count(*) filter (where ${challengeApplications.status} = 'submitted')`.mapWith(Number),
    })
    .from(challengeApplications)
    .where(inArray(challengeApplications.challengeId, [...challengeIds]))
    .groupBy(challengeApplications.challengeId);
  for (const row of rows) counts.set(row.challengeId, { total: row.total, live: row.live });
  return counts;
}

/** The latest application of each of the given lists by one organisation (a live one before a withdrawn one). */
export async function findOwnApplicationStatuses(db: Executor, challengeIds: readonly string[], organizationId: string) {
  const rows = await findApplicationViews(db, challengeIds, organizationId);
  const statuses = new Map<string, ChallengeApplicationRow['status']>();
  for (const row of rows) {
    const current = statuses.get(row.challengeId);
    if (!current || current === 'withdrawn') statuses.set(row.challengeId, row.status);
  }
  return statuses;
}

// ---- milestones ----

export async function findMilestoneRows(db: Executor, challengeIds: readonly string[]): Promise<ChallengeMilestoneRow[]> {
  if (!challengeIds.length) return [];
  return db
    .select()
    .from(challengeMilestones)
    .where(and(inArray(challengeMilestones.challengeId, [...challengeIds]), isNull(challengeMilestones.deletedAt)))
    .orderBy(asc(challengeMilestones.sortOrder), asc(challengeMilestones.dueOn), asc(challengeMilestones.createdAt));
}

export async function getMilestoneRow(db: Executor, challengeId: string, id: string): Promise<ChallengeMilestoneRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeMilestones)
    .where(and(eq(challengeMilestones.id, id), eq(challengeMilestones.challengeId, challengeId), isNull(challengeMilestones.deletedAt)));
  return row;
}

export async function insertMilestone(db: Executor, values: typeof challengeMilestones.$inferInsert): Promise<string> {
  const [row] = await db.insert(challengeMilestones).values(values).returning({ id: challengeMilestones.id });
  return row!.id;
}

export async function updateMilestoneRow(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof challengeMilestones.$inferInsert>,
): Promise<boolean> {
  const [row] = await db
    .update(challengeMilestones)
    .set({ ...values, version: version + 1, updatedAt: new Date() })
    .where(and(eq(challengeMilestones.id, id), eq(challengeMilestones.version, version), isNull(challengeMilestones.deletedAt)))
    .returning({ id: challengeMilestones.id });
  return row !== undefined;
}

/** The next sort position of a list's milestones. */
export async function nextMilestoneOrder(db: Executor, challengeId: string): Promise<number> {
  const [row] = await db
    .select({ last: sql<number>`coalesce(max(${challengeMilestones.sortOrder}), -1)`.mapWith(Number) })
    .from(challengeMilestones)
    .where(and(eq(challengeMilestones.challengeId, challengeId), isNull(challengeMilestones.deletedAt)));
  return (row?.last ?? -1) + 1;
}

// ---- to-dos ----

/** Overdue milestones of selected projects among the lists `scope` admits. */
export async function findOverdueMilestones(db: Executor, scope: SQL | undefined, today: string) {
  return db
    .select({
      challengeId: challenges.id,
      challengeTitle: challenges.title,
      milestoneId: challengeMilestones.id,
      milestoneTitle: challengeMilestones.title,
      dueOn: challengeMilestones.dueOn,
    })
    .from(challengeMilestones)
    .innerJoin(challenges, eq(challenges.id, challengeMilestones.challengeId))
    .where(
      and(
        isNull(challengeMilestones.deletedAt),
        isNull(challengeMilestones.completedAt),
        sql`${challengeMilestones.dueOn} < ${today}`,
        eq(challenges.status, 'selected'),
        isNull(challenges.deletedAt),
        scope,
      ),
    );
}

/** Lists in `scope` whose effective status is one of `statuses`, with their live application counts. */
export async function findTodoChallenges(db: Executor, scope: SQL | undefined, statuses: readonly ChallengeStatus[], today: string) {
  const effective = effectiveStatusSql(today);
  const rows = await db
    .select({ id: challenges.id, title: challenges.title, applicationDeadline: challenges.applicationDeadline })
    .from(challenges)
    .where(
      and(
        isNull(challenges.deletedAt),
        scope,
        sql`${effective} in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    );
  const counts = await countApplications(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, liveApplications: counts.get(row.id)?.live ?? 0 }));
}

/** Demands that may become lists, within `scope` (not deleted, not closed or archived), the newest first, at most 50. */
export async function findDemandChoices(db: Executor, scope: SQL, filter: { keyword?: string | undefined; id?: string | undefined }) {
  return db
    .select({
      id: demands.id,
      title: demands.title,
      description: demands.description,
      budget: demands.budget,
      deadline: demands.deadline,
      enterpriseName: sql<string | null>`coalesce(${demands.enterpriseName}, ${organizations.name})`,
      status: demands.status,
    })
    .from(demands)
    .leftJoin(organizations, eq(organizations.id, demands.enterpriseOrganizationId))
    .where(
      and(
        isNull(demands.deletedAt),
        sql`${demands.status} not in ('closed', 'archived')`,
        scope,
        filter.id ? eq(demands.id, filter.id) : undefined,
        filter.keyword ? sql`${demands.title} ilike ${escapeLike(filter.keyword)}` : undefined,
      ),
    )
    .orderBy(desc(demands.createdAt), desc(demands.id))
    .limit(50);
}
