import {
  type Challenge,
  type ChallengeApplication,
  type ChallengeDemandChoice,
  type ChallengeDemandChoiceQuery,
  type ChallengeListItem,
  type ChallengeMilestone,
  type ChallengeQuery,
  type ChallengeTransition,
  type CompleteChallengeMilestone,
  type CreateChallenge,
  type CreateChallengeApplication,
  type CreateChallengeMilestone,
  ErrorCode,
  type Page,
  type PublicChallenge,
  type PublicChallengeListItem,
  type PublicChallengeStatus,
  type SelectChallengeApplication,
  type UpdateChallenge,
  type UpdateChallengeMilestone,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { todayInChina } from '../../shared/clock';
import { type Actor, type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { isUniqueViolation } from '../../shared/database-errors';
import { actorRegionPath } from '../../shared/scope';
import { findPersonLabels, recordAudit } from '../audit';
import { raiseNotifications } from '../notifications';
import {
  allowedChallengeActions,
  challengeApplicationLifecycle,
  type ChallengeFacts,
  challengeMove,
  effectiveChallengeStatus,
  isTakingApplications,
} from './challenges.lifecycle';
import { canSeeAllApplications, challengeMoverOf, challengeScope, demandChoiceScope, isPublisher } from './challenges.policy';
import * as repository from './challenges.repository';
import type { ApplicationView, ChallengeMilestoneRow, ChallengeRow, ChallengeView } from './challenges.repository';

/**
 * 揭榜挂帅: lists built on demands, their review and release, teams' applications, the publisher's selection with
 * a reason every applicant sees, and the selected project's milestones — every write audited in its transaction,
 * every edit checked against the version the client read.
 */

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const challengeNotFound = () => notFound('榜单不存在');
const publisherNameOf = (view: Pick<ChallengeView, 'publisherOrganizationName' | 'regionName'>) =>
  view.publisherOrganizationName ?? `${view.regionName}科技局`;

function ownership(view: ChallengeView) {
  return { publisherOrganizationId: view.challenge.publisherOrganizationId, regionPath: view.regionPath };
}

async function factsOf(db: Executor, view: ChallengeView): Promise<ChallengeFacts> {
  const counts = (await repository.countApplications(db, [view.challenge.id])).get(view.challenge.id);
  const milestones = await repository.findMilestoneRows(db, [view.challenge.id]);
  return {
    applicationDeadline: view.challenge.applicationDeadline,
    completionDeadline: view.challenge.completionDeadline,
    isDemandPublished: view.demandStatus === 'published' && !view.isDemandDeleted,
    liveApplicationCount: counts?.live ?? 0,
    milestoneCount: milestones.length,
    openMilestoneCount: milestones.filter((m) => !m.completedAt).length,
  };
}

function toApplication(row: ApplicationView): ChallengeApplication {
  return {
    id: row.id,
    challengeId: row.challengeId,
    organization: { id: row.organizationId, name: row.organizationName },
    teamLeader: row.teamLeader,
    teamMembers: row.teamMembers,
    proposal: row.proposal,
    plan: row.plan,
    status: row.status,
    submittedAt: row.submittedAt.toISOString(),
    isDemo: row.isDemo,
    version: row.version,
  };
}

function toMilestone(row: ChallengeMilestoneRow, people: Map<string, string>, today: string): ChallengeMilestone {
  return {
    id: row.id,
    title: row.title,
    dueOn: row.dueOn,
    sortOrder: row.sortOrder,
    completedAt: iso(row.completedAt),
    evidence: row.evidence,
    completedBy: row.completedBy ? (people.get(row.completedBy) ?? null) : null,
    isOverdue: !row.completedAt && row.dueOn < today,
    version: row.version,
  };
}

async function toListItems(ctx: RequestContext, views: ChallengeView[], today: string): Promise<ChallengeListItem[]> {
  const ids = views.map((v) => v.challenge.id);
  const counts = await repository.countApplications(ctx.db, ids);
  const organizationId = ctx.actor?.organizationId;
  const own = organizationId ? await repository.findOwnApplicationStatuses(ctx.db, ids, organizationId) : new Map();
  return views.map((view) => ({
    id: view.challenge.id,
    title: view.challenge.title,
    reward: view.challenge.reward,
    applicationDeadline: view.challenge.applicationDeadline,
    completionDeadline: view.challenge.completionDeadline,
    publisherName: publisherNameOf(view),
    region: { id: view.challenge.regionId, name: view.regionName },
    status: effectiveChallengeStatus(view.challenge.status, view.challenge.applicationDeadline, today),
    applicationCount: counts.get(view.challenge.id)?.total ?? 0,
    myApplicationStatus: own.get(view.challenge.id) ?? null,
    isDemo: view.challenge.isDemo,
    version: view.challenge.version,
  }));
}

/** The selected team as applicants see it (organisation and leader; never the proposal). The portal names the organisation only. */
async function selectedTeamOf(db: Executor, row: ChallengeRow) {
  if (!row.selectedApplicationId) return null;
  const [selected] = (await repository.findApplicationViews(db, [row.id])).filter((a) => a.id === row.selectedApplicationId);
  return selected ? { organizationName: selected.organizationName, teamLeader: selected.teamLeader } : null;
}

async function toDetail(ctx: ActorContext, view: ChallengeView, today: string): Promise<Challenge> {
  const [item] = await toListItems(ctx, [view], today);
  const row = view.challenge;
  const status = item!.status;
  const mover = challengeMoverOf(ctx.actor, ownership(view));
  const facts = await factsOf(ctx.db, view);
  const milestoneRows = await repository.findMilestoneRows(ctx.db, [row.id]);
  const people = await findPersonLabels(
    ctx.db,
    milestoneRows.flatMap((m) => (m.completedBy ? [m.completedBy] : [])),
  );
  const organizationId = ctx.actor.organizationId;
  const own = organizationId ? await repository.findApplicationViews(ctx.db, [row.id], organizationId) : [];
  const myApplication = own.find((a) => a.status !== 'withdrawn') ?? own.at(-1) ?? null;
  const selectedTeam = await selectedTeamOf(ctx.db, row);
  const isSelectedTeam =
    !!organizationId && !!row.selectedApplicationId && own.some((a) => a.id === row.selectedApplicationId && a.status === 'selected');
  return {
    ...item!,
    demand: {
      id: row.demandId,
      title: view.demandTitle,
      description: view.demandDescription,
      enterpriseName: view.demandEnterpriseName,
    },
    rewardNote: row.rewardNote,
    requirements: row.requirements,
    publisherOrganizationId: row.publisherOrganizationId,
    reviewNote: row.reviewNote,
    cancelReason: row.cancelReason,
    selectedTeam,
    selectionReason: row.selectionReason,
    selectedAt: iso(row.selectedAt),
    publishedAt: iso(row.publishedAt),
    completedAt: iso(row.completedAt),
    milestones: milestoneRows.map((m) => toMilestone(m, people, today)),
    myApplication: myApplication ? toApplication(myApplication) : null,
    // `select` has its own dialog; `expire` is the calendar's.
    allowedActions: allowedChallengeActions({ ...facts, status }, mover, today).filter((a) => a !== 'expire'),
    isOwner: isPublisher(mover),
    canApply:
      ctx.actor.permissions.includes('challenge:apply') &&
      !!organizationId &&
      organizationId !== row.publisherOrganizationId &&
      isTakingApplications(row.status, row.applicationDeadline, today) &&
      !own.some((a) => a.status === 'submitted'),
    canCompleteMilestones: status === 'selected' && (isPublisher(mover) || isSelectedTeam),
    createdAt: row.createdAt.toISOString(),
  };
}

async function getVisibleView(db: Executor, actor: Actor, id: string): Promise<ChallengeView> {
  const view = await repository.getChallengeView(db, id, challengeScope(actor));
  if (!view) throw challengeNotFound();
  return view;
}

/** Lists the actor may see, filtered by effective status, keyword and the actor's relation to them. */
export async function findChallenges(ctx: ActorContext, query: ChallengeQuery, today = todayInChina()): Promise<Page<ChallengeListItem>> {
  const organizationId = ctx.actor.organizationId ?? undefined;
  if (query.relation && !organizationId) return { items: [], total: 0 };
  const { rows, total } = await repository.findChallengeViews(
    ctx.db,
    {
      scope: challengeScope(ctx.actor),
      today,
      status: query.status,
      keyword: query.keyword,
      ...(query.relation === 'published' ? { publisherOrganizationId: organizationId } : {}),
      ...(query.relation === 'applied' ? { applicantOrganizationId: organizationId } : {}),
    },
    query,
  );
  return { items: await toListItems(ctx, rows, today), total };
}

/** One list as the actor sees it: its milestones, the actor's own application and the moves open to the actor. */
export async function getChallenge(ctx: ActorContext, id: string, today = todayInChina()): Promise<Challenge> {
  return toDetail(ctx, await getVisibleView(ctx.db, ctx.actor, id), today);
}

/**
 * The demands the actor may post as a list, the same reach as `createChallenge`: an enterprise's user its own
 * organisation's, bureau staff those in their subtree.
 */
export async function findDemandChoices(ctx: ActorContext, query: ChallengeDemandChoiceQuery): Promise<Page<ChallengeDemandChoice>> {
  const rows = await repository.findDemandChoices(ctx.db, demandChoiceScope(ctx.actor), query);
  return { items: rows, total: rows.length };
}

function checkDeadlines(applicationDeadline: string, completionDeadline: string | null | undefined) {
  if (completionDeadline && completionDeadline < applicationDeadline)
    throw invalidField('completionDeadline', '完成期限不能早于揭榜截止日期');
}

/**
 * Creates a list (draft) from a demand: an enterprise's user from its own organisation's demand (the list is then
 * the enterprise's, reviewed by the bureau before release); bureau staff from any demand in their subtree (the list
 * is the bureau's, located in the actor's region).
 */
export async function createChallenge(ctx: ActorContext, input: CreateChallenge, options: { isDemo?: boolean } = {}): Promise<Challenge> {
  const actor = ctx.actor;
  const id = await inTransaction(ctx, async (tx) => {
    const demand = await repository.getDemand(tx, input.demandId);
    let publisherOrganizationId: string | null = null;
    let regionId: string;
    if (actor.role === 'host_user') {
      if (!demand || !actor.organizationId || demand.enterpriseOrganizationId !== actor.organizationId)
        throw invalidField('demandId', '技术需求不存在或不属于本单位');
      const organization = await repository.getOrganization(tx, actor.organizationId);
      if (!organization) throw invalidField('demandId', '本单位不存在');
      publisherOrganizationId = organization.id;
      regionId = organization.regionId;
    } else if (actor.role === 'city_staff' || actor.role === 'county_staff') {
      const root = actorRegionPath(actor);
      if (!demand || !actor.regionId || root === null || root === 'nothing' || !demand.regionPath?.startsWith(root))
        throw invalidField('demandId', '技术需求不存在或不在您的管辖范围内');
      regionId = actor.regionId;
    } else {
      throw new AppError(ErrorCode.Forbidden, { message: '只有发榜企业和科技部门可以发布揭榜挂帅榜单' });
    }
    if (demand.status === 'closed' || demand.status === 'archived') throw invalidField('demandId', '该技术需求已关闭，不能发布为揭榜挂帅');
    checkDeadlines(input.applicationDeadline, input.completionDeadline);
    const id = await repository.insertChallenge(tx, {
      demandId: demand.id,
      title: input.title,
      reward: input.reward,
      rewardNote: input.rewardNote || null,
      applicationDeadline: input.applicationDeadline,
      completionDeadline: input.completionDeadline ?? null,
      requirements: input.requirements || null,
      publisherOrganizationId,
      regionId,
      createdBy: actor.userId,
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, ctx, { action: 'challenge.create', objectType: 'challenge', objectId: id, after: input });
    return id;
  });
  return getChallenge(ctx, id);
}

/** Loads a list the actor may see, locked, with the deadline's move made first if the day has passed. */
async function loadForWrite(tx: Transaction, ctx: ActorContext, id: string, today: string): Promise<ChallengeView> {
  const view = await getVisibleView(tx, ctx.actor, id);
  const locked = await repository.lockChallengeRow(tx, id);
  if (!locked) throw challengeNotFound();
  view.challenge = locked;
  if (locked.status === 'open' && locked.applicationDeadline < today) {
    const { to } = challengeMove({ ...(await factsOf(tx, view)), status: 'open' }, 'expire', 'deadline', today);
    if (to) {
      await repository.storeExpiry(tx, id);
      await recordAudit(tx, ctx, {
        action: 'challenge.expire',
        objectType: 'challenge',
        objectId: id,
        before: { status: 'open' },
        after: { status: to, applicationDeadline: locked.applicationDeadline },
      });
      view.challenge = (await repository.lockChallengeRow(tx, id))!;
    }
  }
  return view;
}

/** Edits a draft list (its publisher only). */
export async function updateChallenge(ctx: ActorContext, id: string, input: UpdateChallenge, today = todayInChina()): Promise<Challenge> {
  await inTransaction(ctx, async (tx) => {
    const view = await loadForWrite(tx, ctx, id, today);
    const current = view.challenge;
    if (!isPublisher(challengeMoverOf(ctx.actor, ownership(view))))
      throw new AppError(ErrorCode.Forbidden, { message: '只有发榜方可以修改榜单' });
    if (current.version !== input.version) throw versionConflict();
    if (current.status !== 'draft') throw ruleViolation('只有草稿状态的榜单可以修改（已提交审核的请先由科技局退回）');
    const { version, ...changes } = input;
    checkDeadlines(changes.applicationDeadline ?? current.applicationDeadline, changes.completionDeadline ?? current.completionDeadline);
    const values = {
      ...changes,
      ...(changes.rewardNote !== undefined ? { rewardNote: changes.rewardNote || null } : {}),
      ...(changes.requirements !== undefined ? { requirements: changes.requirements || null } : {}),
    };
    if (!(await repository.updateChallengeRow(tx, id, version, values))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'challenge.update', objectType: 'challenge', objectId: id, before: current, after: changes });
  });
  return getChallenge(ctx, id);
}

/** Tells every applicant of a list (its organisations' active accounts) what happened to it. */
async function notifyApplicants(
  tx: Transaction,
  challenge: ChallengeRow,
  organizationIds: string[],
  title: string,
  body: string,
  key: string,
) {
  const userIds = await repository.findUserIdsOfOrganizations(tx, [...new Set(organizationIds)]);
  await raiseNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      type: 'challenge_result',
      title,
      body,
      link: `/challenges/${challenge.id}`,
      dedupeKey: `challenge-${key}:${challenge.id}`,
    })),
  );
}

/** A lifecycle move asked for by a user: submit, return, publish, close early, complete or cancel (撤榜). */
export async function transitionChallenge(
  ctx: ActorContext,
  id: string,
  input: ChallengeTransition,
  today = todayInChina(),
): Promise<Challenge> {
  await inTransaction(ctx, async (tx) => {
    const view = await loadForWrite(tx, ctx, id, today);
    const current = view.challenge;
    if (current.version !== input.version) throw versionConflict();
    const mover = challengeMoverOf(ctx.actor, ownership(view));
    const move = challengeMove({ ...(await factsOf(tx, view)), status: current.status }, input.action, mover, today);
    if (move.to === null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    const note = input.note?.trim() || null;
    if ((input.action === 'return' || input.action === 'cancel') && !note)
      throw invalidField('note', input.action === 'return' ? '请填写退回理由' : '请填写撤榜理由');
    const now = new Date();
    const values: Partial<ChallengeRow> = { status: move.to };
    if (input.action === 'return') values.reviewNote = note;
    if (input.action === 'publish') values.publishedAt = now;
    if (input.action === 'complete') values.completedAt = now;
    if (input.action === 'cancel') Object.assign(values, { cancelReason: note, cancelledAt: now });
    if (!(await repository.updateChallengeRow(tx, id, current.version, values))) throw versionConflict();
    if (input.action === 'cancel') {
      const rejected = await repository.rejectLiveApplications(tx, id, null);
      await notifyApplicants(
        tx,
        current,
        rejected.map((r) => r.organizationId),
        `揭榜挂帅榜单已撤榜：${current.title}`,
        `撤榜理由：${note}`,
        'cancelled',
      );
    }
    await recordAudit(tx, ctx, {
      action: `challenge.${input.action}`,
      objectType: 'challenge',
      objectId: id,
      before: { status: current.status },
      after: { status: move.to, ...(note ? { note } : {}) },
    });
  });
  return getChallenge(ctx, id);
}

/**
 * The publisher selects one team with a reason: that application becomes selected, every other live one
 * not_selected, and every applicant is told (the reason and the selected team are visible to all of them).
 */
export async function selectApplication(
  ctx: ActorContext,
  id: string,
  input: SelectChallengeApplication,
  today = todayInChina(),
): Promise<Challenge> {
  await inTransaction(ctx, async (tx) => {
    const view = await loadForWrite(tx, ctx, id, today);
    const current = view.challenge;
    const mover = challengeMoverOf(ctx.actor, ownership(view));
    if (!isPublisher(mover)) throw new AppError(ErrorCode.Forbidden, { message: '只有发榜方可以选定揭榜方' });
    if (current.version !== input.version) throw versionConflict();
    const move = challengeMove({ ...(await factsOf(tx, view)), status: current.status }, 'select', mover, today);
    if (move.to === null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    const application = await repository.getApplicationRow(tx, input.applicationId);
    if (!application || application.challengeId !== id) throw invalidField('applicationId', '揭榜申请不存在');
    if (application.status !== 'submitted')
      throw new AppError(ErrorCode.TransitionNotAllowed, { message: '该揭榜申请已撤回或已处理，不能选定' });
    if (!(await repository.updateApplicationRow(tx, application.id, application.version, { status: 'selected' }))) throw versionConflict();
    const rejected = await repository.rejectLiveApplications(tx, id, application.id);
    if (
      !(await repository.updateChallengeRow(tx, id, current.version, {
        status: move.to,
        selectedApplicationId: application.id,
        selectionReason: input.reason,
        selectedAt: new Date(),
      }))
    )
      throw versionConflict();
    const selectedOrganization = await repository.getOrganization(tx, application.organizationId);
    await notifyApplicants(
      tx,
      current,
      [application.organizationId, ...rejected.map((r) => r.organizationId)],
      `揭榜挂帅评选结果：${current.title}`,
      `选定揭榜方：${selectedOrganization?.name ?? ''}（负责人 ${application.teamLeader}）。理由：${input.reason}`,
      'selected',
    );
    await recordAudit(tx, ctx, {
      action: 'challenge.select',
      objectType: 'challenge',
      objectId: id,
      before: { status: current.status },
      after: { status: move.to, applicationId: application.id, reason: input.reason, notSelected: rejected.map((r) => r.id) },
    });
  });
  return getChallenge(ctx, id);
}

/** The applications of a list the actor may read: every one for its publisher, reviewer and leaders; else its own. */
export async function findChallengeApplications(ctx: ActorContext, id: string): Promise<Page<ChallengeApplication>> {
  const view = await getVisibleView(ctx.db, ctx.actor, id);
  const mover = challengeMoverOf(ctx.actor, ownership(view));
  let rows: ApplicationView[];
  if (canSeeAllApplications(ctx.actor, mover, ownership(view))) rows = await repository.findApplicationViews(ctx.db, [id]);
  else if (ctx.actor.organizationId) rows = await repository.findApplicationViews(ctx.db, [id], ctx.actor.organizationId);
  else rows = [];
  return { items: rows.map(toApplication), total: rows.length };
}

/**
 * A team applies (揭榜) for its own organisation: only to a list still taking applications (409 after the
 * deadline), never to its own organisation's list, and once per organisation while an application is live (409).
 */
export async function applyToChallenge(
  ctx: ActorContext,
  id: string,
  input: CreateChallengeApplication,
  options: { isDemo?: boolean; today?: string } = {},
): Promise<ChallengeApplication> {
  const today = options.today ?? todayInChina();
  const organizationId = ctx.actor.organizationId;
  if (!organizationId) throw new AppError(ErrorCode.Forbidden, { message: '只有单位用户可以揭榜' });
  const applicationId = await inTransaction(ctx, async (tx) => {
    const view = await loadForWrite(tx, ctx, id, today);
    const current = view.challenge;
    if (current.publisherOrganizationId === organizationId) throw ruleViolation('不能揭本单位发布的榜单');
    if (!isTakingApplications(current.status, current.applicationDeadline, today))
      throw new AppError(ErrorCode.TransitionNotAllowed, {
        message:
          current.status === 'open' || current.status === 'reviewing'
            ? `揭榜已于${current.applicationDeadline}截止，不再接受申请`
            : '该榜单当前不接受揭榜申请',
      });
    const own = await repository.findApplicationViews(tx, [id], organizationId);
    if (own.some((a) => a.status === 'submitted'))
      throw new AppError(ErrorCode.AlreadyExists, { message: '本单位已揭榜，如需修改请先撤回原申请' });
    const applicationId = await repository.insertApplication(tx, {
      challengeId: id,
      organizationId,
      teamLeader: input.teamLeader,
      teamMembers: input.teamMembers || null,
      proposal: input.proposal,
      plan: input.plan || null,
      submittedBy: ctx.actor.userId,
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, ctx, {
      action: 'challenge.application.create',
      objectType: 'challenge_application',
      objectId: applicationId,
      after: { challengeId: id, ...input },
    });
    return applicationId;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw new AppError(ErrorCode.AlreadyExists, { message: '本单位已揭榜，如需修改请先撤回原申请' });
    throw error;
  });
  const [row] = (await repository.findApplicationViews(ctx.db, [id], organizationId)).filter((a) => a.id === applicationId);
  return toApplication(row!);
}

/** The applying organisation withdraws its application while the list still takes applications. */
export async function withdrawApplication(
  ctx: ActorContext,
  id: string,
  applicationId: string,
  version: number,
  today = todayInChina(),
): Promise<ChallengeApplication> {
  await inTransaction(ctx, async (tx) => {
    const view = await loadForWrite(tx, ctx, id, today);
    const application = await repository.getApplicationRow(tx, applicationId);
    if (!application || application.challengeId !== id || application.organizationId !== ctx.actor.organizationId)
      throw notFound('揭榜申请不存在');
    if (application.version !== version) throw versionConflict();
    const transition = challengeApplicationLifecycle.transitions.find(
      (t) => t.action === 'withdraw' && t.from.includes(application.status),
    );
    if (!transition) throw new AppError(ErrorCode.TransitionNotAllowed, { message: '该揭榜申请已撤回或已处理' });
    const refusal = isTakingApplications(view.challenge.status, view.challenge.applicationDeadline, today)
      ? transition.guard?.({ applicationDeadline: view.challenge.applicationDeadline }, today)
      : '揭榜已截止，不能撤回申请';
    if (refusal) throw new AppError(ErrorCode.TransitionNotAllowed, { message: refusal });
    if (!(await repository.updateApplicationRow(tx, applicationId, version, { status: transition.to }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'challenge.application.withdraw',
      objectType: 'challenge_application',
      objectId: applicationId,
      before: { status: application.status },
      after: { status: transition.to },
    });
  });
  const [row] = (await repository.findApplicationViews(ctx.db, [id])).filter((a) => a.id === applicationId);
  return toApplication(row!);
}

// ====================================================================== milestones

async function loadSelectedForPublisher(tx: Transaction, ctx: ActorContext, id: string, today: string) {
  const view = await loadForWrite(tx, ctx, id, today);
  if (!isPublisher(challengeMoverOf(ctx.actor, ownership(view))))
    throw new AppError(ErrorCode.Forbidden, { message: '只有发榜方可以设置项目节点' });
  if (view.challenge.status !== 'selected') throw ruleViolation('选定揭榜方后、项目完成前才能设置项目节点');
  return view;
}

/** The publisher adds a milestone to the selected project. */
export async function addMilestone(
  ctx: ActorContext,
  id: string,
  input: CreateChallengeMilestone,
  options: { isDemo?: boolean; today?: string } = {},
): Promise<Challenge> {
  const today = options.today ?? todayInChina();
  await inTransaction(ctx, async (tx) => {
    await loadSelectedForPublisher(tx, ctx, id, today);
    const milestoneId = await repository.insertMilestone(tx, {
      challengeId: id,
      title: input.title,
      dueOn: input.dueOn,
      sortOrder: await repository.nextMilestoneOrder(tx, id),
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, ctx, {
      action: 'challenge.milestone.create',
      objectType: 'challenge_milestone',
      objectId: milestoneId,
      after: { challengeId: id, ...input },
    });
  });
  return getChallenge(ctx, id, today);
}

/** The publisher changes an open milestone's title or due day. */
export async function updateMilestone(
  ctx: ActorContext,
  id: string,
  milestoneId: string,
  input: UpdateChallengeMilestone,
  today = todayInChina(),
): Promise<Challenge> {
  await inTransaction(ctx, async (tx) => {
    await loadSelectedForPublisher(tx, ctx, id, today);
    const milestone = await repository.getMilestoneRow(tx, id, milestoneId);
    if (!milestone) throw notFound('项目节点不存在');
    if (milestone.version !== input.version) throw versionConflict();
    if (milestone.completedAt) throw ruleViolation('已完成的项目节点不能修改');
    const { version, ...changes } = input;
    if (!(await repository.updateMilestoneRow(tx, milestoneId, version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'challenge.milestone.update',
      objectType: 'challenge_milestone',
      objectId: milestoneId,
      before: { title: milestone.title, dueOn: milestone.dueOn },
      after: changes,
    });
  });
  return getChallenge(ctx, id, today);
}

/** The publisher removes an open milestone (soft delete: the trail keeps it). */
export async function deleteMilestone(
  ctx: ActorContext,
  id: string,
  milestoneId: string,
  version: number,
  today = todayInChina(),
): Promise<Challenge> {
  await inTransaction(ctx, async (tx) => {
    await loadSelectedForPublisher(tx, ctx, id, today);
    const milestone = await repository.getMilestoneRow(tx, id, milestoneId);
    if (!milestone) throw notFound('项目节点不存在');
    if (milestone.version !== version) throw versionConflict();
    if (milestone.completedAt) throw ruleViolation('已完成的项目节点不能删除');
    if (!(await repository.updateMilestoneRow(tx, milestoneId, version, { deletedAt: new Date() }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'challenge.milestone.delete',
      objectType: 'challenge_milestone',
      objectId: milestoneId,
      before: { title: milestone.title, dueOn: milestone.dueOn },
    });
  });
  return getChallenge(ctx, id, today);
}

/** The selected team or the publisher records a milestone's completion with its evidence. */
export async function completeMilestone(
  ctx: ActorContext,
  id: string,
  milestoneId: string,
  input: CompleteChallengeMilestone,
  today = todayInChina(),
): Promise<Challenge> {
  await inTransaction(ctx, async (tx) => {
    const view = await loadForWrite(tx, ctx, id, today);
    const current = view.challenge;
    const selected = current.selectedApplicationId ? await repository.getApplicationRow(tx, current.selectedApplicationId) : undefined;
    const isSelectedTeam = !!selected && !!ctx.actor.organizationId && selected.organizationId === ctx.actor.organizationId;
    if (!isPublisher(challengeMoverOf(ctx.actor, ownership(view))) && !isSelectedTeam)
      throw new AppError(ErrorCode.Forbidden, { message: '只有发榜方或揭榜团队可以登记节点完成' });
    if (current.status !== 'selected') throw ruleViolation('只有实施中（已选定）的项目可以登记节点完成');
    const milestone = await repository.getMilestoneRow(tx, id, milestoneId);
    if (!milestone) throw notFound('项目节点不存在');
    if (milestone.version !== input.version) throw versionConflict();
    if (milestone.completedAt) throw new AppError(ErrorCode.TransitionNotAllowed, { message: '该项目节点已登记完成' });
    if (
      !(await repository.updateMilestoneRow(tx, milestoneId, input.version, {
        completedAt: new Date(),
        completedBy: ctx.actor.userId,
        evidence: input.evidence,
      }))
    )
      throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'challenge.milestone.complete',
      objectType: 'challenge_milestone',
      objectId: milestoneId,
      after: { challengeId: id, evidence: input.evidence },
    });
  });
  return getChallenge(ctx, id, today);
}

// ====================================================================== public (the portal)

/**
 * The portal's reads: public fields only, each named in the repository's public queries, and every list with the
 * status it shows today (a list past its application deadline is 评选中 before any write stores it).
 */

const publicChallengeNotFound = () => notFound('揭榜挂帅榜单不存在或未公开');

function toPublicListItem(row: repository.PublicChallengeRow): PublicChallengeListItem {
  return {
    id: row.id,
    title: row.title,
    reward: row.reward,
    rewardNote: row.rewardNote,
    applicationDeadline: row.applicationDeadline,
    completionDeadline: row.completionDeadline,
    status: row.status,
    publisherName: row.publisherOrganizationName ?? `${row.regionName}科技主管部门`,
    regionName: row.regionName,
    technicalField: row.technicalField,
    industry: row.industry,
    publishedAt: iso(row.publishedAt),
    applicationCount: row.applicationCount,
    isDemo: row.isDemo,
  };
}

/**
 * Released lists for the public portal whose status today is one of `statuses` (by default those taking
 * applications, 揭榜中) and whose title holds `q`: open ones first (the nearest deadline first), then the rest,
 * the newest first. Never a draft, a list under review or a withdrawn one.
 */
export async function findOpenChallengesForPublic(
  db: Executor,
  query: { q?: string | undefined; statuses?: readonly PublicChallengeStatus[] | undefined; limit: number; offset: number },
  today = todayInChina(),
): Promise<Page<PublicChallengeListItem>> {
  const statuses = query.statuses?.length ? query.statuses : (['open'] as const);
  const { rows, total } = await repository.findPublicChallengeRows(db, { today, statuses, q: query.q }, query);
  return { items: rows.map(toPublicListItem), total };
}

/**
 * One released list for the portal: its requirements, its demand while published, the selected organisation with
 * the reason, the milestones (404 for anything not released: drafts, lists under review, withdrawn ones).
 */
export async function getPublicChallenge(db: Executor, id: string, today = todayInChina()): Promise<PublicChallenge> {
  const row = await repository.getPublicChallengeRow(db, id, today);
  if (!row) throw publicChallengeNotFound();
  const isSelected = row.status === 'selected' || row.status === 'completed';
  const selectedOrganizationName =
    isSelected && row.selectedApplicationId ? await repository.findSelectedOrganizationName(db, id, row.selectedApplicationId) : null;
  const milestones = await repository.findPublicMilestones(db, id);
  return {
    ...toPublicListItem(row),
    requirements: row.requirements,
    demand: row.demandId ? { id: row.demandId, title: row.demandTitle ?? '', description: row.demandDescription ?? '' } : null,
    selection: selectedOrganizationName
      ? { organizationName: selectedOrganizationName, reason: row.selectionReason, selectedAt: iso(row.selectedAt) }
      : null,
    milestones: milestones.map((m) => ({ title: m.title, dueOn: m.dueOn, completedAt: iso(m.completedAt) })),
    completedAt: iso(row.completedAt),
  };
}

/** The latest released list built on a demand, as the portal's demand page links it (null when there is none). */
export async function findPublicChallengeOfDemand(
  db: Executor,
  demandId: string,
  today = todayInChina(),
): Promise<{ id: string; status: PublicChallengeStatus } | null> {
  return (await repository.findPublicChallengeOfDemandRow(db, demandId, today)) ?? null;
}

/** How many released lists take applications today (揭榜中), for the portal's home page. */
export async function countOpenChallengesForPublic(db: Executor, today = todayInChina()): Promise<number> {
  return repository.countOpenPublicChallenges(db, today);
}
