import { randomBytes } from 'node:crypto';
import {
  type ApplicationStatus,
  type CreateExpert,
  type Declaration,
  type Declare,
  type DrawPanel,
  ErrorCode,
  type ExcludedExpert,
  type Expert,
  type ExpertQuery,
  type ExpertSettings,
  type MySeat,
  type Page,
  type Panel,
  type PanelDraw,
  type PanelResult,
  type Rubric,
  type SaveRubric,
  type SaveScores,
  type SuspendExpert,
  type UpdateExpert,
  zSaveRubric,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { addDays, todayInChina } from '../../shared/clock';
import { recordAudit } from '../audit';
import { raiseNotifications } from '../notifications';
import { type ConflictFacts, type DrawCandidate, drawPanel, drawReplacement } from './experts.draw';
import { managesApplication, maskIdNumber, maskPhone, overseesApplication, seesContactData } from './experts.policy';
import * as repository from './experts.repository';
import { defaultRubric, panelStatistics, rankOf, type RubricData, scoreProblems, weightedTotal } from './experts.scoring';
import { seatMove, seatStatusOf } from './panels.lifecycle';

/** The user id seeds act under (the system, audited as such): no account, so no `drawn_by`. */
const systemUserId = '00000000-0000-0000-0000-000000000000';

const currentYear = () => Number(todayInChina().slice(0, 4));

// ——— the pool ———

function toExpert(ctx: ActorContext, row: repository.ExpertRow): Expert {
  const e = row.expert;
  const full = seesContactData(ctx.actor);
  return {
    id: e.id,
    name: e.name,
    organization: { id: e.organizationId, name: row.organizationName },
    region: e.regionId ? { id: e.regionId, name: row.regionName ?? '' } : null,
    userId: full ? e.userId : null,
    fields: e.fields,
    title: e.title,
    phone: full ? e.phone : maskPhone(e.phone),
    idNumber: full ? e.idNumber : maskIdNumber(e.idNumber),
    isMasked: !full,
    suspended: e.suspended,
    suspendedReason: e.suspendedReason,
    panelsThisYear: row.panelsThisYear,
    isDemo: e.isDemo,
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** The pool, filtered by field (normalised), keyword (name, organisation, title, fields) and suspension. */
export async function findExperts(ctx: ActorContext, query: ExpertQuery): Promise<Page<Expert>> {
  const page = await repository.findExpertRows(ctx.db, query, query, currentYear());
  return { items: page.rows.map((row) => toExpert(ctx, row)), total: page.total };
}

export async function getExpert(ctx: ActorContext, id: string): Promise<Expert> {
  const row = await repository.getExpertRow(ctx.db, id, currentYear());
  if (!row) throw notFound();
  return toExpert(ctx, row);
}

/** Distinct fields, trimmed, in the order given. */
function cleanFields(fields: readonly string[]): string[] {
  return [...new Set(fields.map((field) => field.trim()).filter(Boolean))];
}

async function checkExpertReferences(db: Executor, input: Partial<CreateExpert>) {
  if (input.organizationId && !(await repository.organizationExists(db, input.organizationId)))
    throw invalidField('organizationId', '所在单位不存在');
  if (input.regionId && !(await repository.regionExists(db, input.regionId))) throw invalidField('regionId', '所在区域不存在');
}

/** Adds an expert to the pool (audited). */
export async function createExpert(ctx: ActorContext, input: CreateExpert): Promise<Expert> {
  await checkExpertReferences(ctx.db, input);
  const id = await inTransaction(ctx, async (tx) => {
    const created = await repository.insertExpert(tx, {
      name: input.name,
      organizationId: input.organizationId,
      fields: cleanFields(input.fields),
      title: input.title,
      regionId: input.regionId ?? null,
      phone: input.phone || null,
      idNumber: input.idNumber?.toUpperCase() || null,
      userId: input.userId ?? null,
    });
    await recordAudit(tx, ctx, { action: 'expert.create', objectType: 'expert', objectId: created.id, after: created });
    return created.id;
  });
  return getExpert(ctx, id);
}

/** Changes an expert's particulars (optimistic lock). */
export async function updateExpert(ctx: ActorContext, id: string, input: UpdateExpert): Promise<Expert> {
  const before = await repository.getExpertRow(ctx.db, id, currentYear());
  if (!before) throw notFound();
  await checkExpertReferences(ctx.db, input);
  await inTransaction(ctx, async (tx) => {
    const { version, ...changes } = input;
    const values: Partial<typeof before.expert> = {};
    if (changes.name !== undefined) values.name = changes.name;
    if (changes.organizationId !== undefined) values.organizationId = changes.organizationId;
    if (changes.fields !== undefined) values.fields = cleanFields(changes.fields);
    if (changes.title !== undefined) values.title = changes.title;
    if (changes.regionId !== undefined) values.regionId = changes.regionId;
    if (changes.phone !== undefined) values.phone = changes.phone || null;
    if (changes.idNumber !== undefined) values.idNumber = changes.idNumber?.toUpperCase() || null;
    if (changes.userId !== undefined) values.userId = changes.userId;
    const after = await repository.updateExpertVersioned(tx, id, version, values);
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'expert.update', objectType: 'expert', objectId: id, before: before.expert, after });
  });
  return getExpert(ctx, id);
}

/** Suspends (暂停) or reinstates an expert, with the reason; a suspended expert is never drawn. */
export async function setExpertSuspended(ctx: ActorContext, id: string, suspended: boolean, input: SuspendExpert): Promise<Expert> {
  const before = await repository.getExpertRow(ctx.db, id, currentYear());
  if (!before) throw notFound();
  if (before.expert.suspended === suspended)
    throw new AppError(ErrorCode.TransitionNotAllowed, { message: suspended ? '该专家已处于暂停状态' : '该专家未被暂停' });
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateExpertVersioned(tx, id, input.version, {
      suspended,
      suspendedReason: suspended ? input.reason : null,
    });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: suspended ? 'expert.suspend' : 'expert.reinstate',
      objectType: 'expert',
      objectId: id,
      before: { suspended: before.expert.suspended, suspendedReason: before.expert.suspendedReason },
      after: { suspended, reason: input.reason },
    });
  });
  return getExpert(ctx, id);
}

/** Removes an expert from the pool (soft delete: their past seats and scores stay). */
export async function deleteExpert(ctx: ActorContext, id: string, version: number): Promise<void> {
  const before = await repository.getExpertRow(ctx.db, id, currentYear());
  if (!before) throw notFound();
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateExpertVersioned(tx, id, version, { deletedAt: new Date() });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'expert.delete', objectType: 'expert', objectId: id, before: before.expert });
  });
}

// ——— settings and rubrics ———

export async function getExpertSettings(ctx: ActorContext): Promise<ExpertSettings> {
  const row = await repository.getSettings(ctx.db);
  return { yearlyPanelCap: row.yearlyPanelCap, outlierThreshold: row.outlierThreshold, version: row.version };
}

/** Sets the yearly panel cap per expert and the outlier threshold (optimistic lock; version 0 before first save). */
export async function updateExpertSettings(ctx: ActorContext, input: ExpertSettings): Promise<ExpertSettings> {
  const before = await getExpertSettings(ctx);
  await inTransaction(ctx, async (tx) => {
    const values = { yearlyPanelCap: input.yearlyPanelCap, outlierThreshold: input.outlierThreshold };
    if (!(await repository.saveSettings(tx, values, input.version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'expert.settings', objectType: 'expert_settings', objectId: null, before, after: values });
  });
  return getExpertSettings(ctx);
}

function toRubric(row: repository.RubricRecord | undefined, typeId: string | null): Rubric {
  if (!row) return { id: null, typeId, ...defaultRubric, version: 0 };
  return {
    id: row.id,
    typeId: row.typeId,
    name: row.name,
    criteria: row.criteria as Rubric['criteria'],
    lowScorePercent: row.lowScorePercent,
    version: row.version,
  };
}

/** The rubric a type's applications are scored on: its own, else the default row, else the built-in default. */
export async function getRubricForType(db: Executor, typeId: string): Promise<Rubric> {
  return toRubric(await repository.findRubricFor(db, typeId), null);
}

export async function findRubrics(ctx: ActorContext): Promise<Page<Rubric>> {
  const rows = await repository.findRubrics(ctx.db);
  const items = rows.map((row) => toRubric(row, row.typeId));
  if (!rows.some((row) => row.typeId === null)) items.unshift(toRubric(undefined, null));
  return { items, total: items.length };
}

/** Creates or replaces the rubric of a type (or the default, typeId null); weights must sum to 100. */
export async function saveRubric(ctx: ActorContext, typeId: string | null, input: SaveRubric): Promise<Rubric> {
  if (typeId && !(await repository.platformTypeExists(ctx.db, typeId))) throw notFound('平台类型不存在');
  return inTransaction(ctx, async (tx) => {
    const existing = await repository.getRubricOfType(tx, typeId);
    const values = { name: input.name, criteria: input.criteria, lowScorePercent: input.lowScorePercent };
    let saved: repository.RubricRecord | undefined;
    if (existing) {
      if (input.version === undefined) throw invalidField('version', '请提供版本号');
      saved = await repository.updateRubricVersioned(tx, existing.id, input.version, values);
      if (!saved) throw versionConflict();
    } else {
      saved = await repository.insertRubric(tx, { ...values, typeId });
    }
    await recordAudit(tx, ctx, { action: 'rubric.save', objectType: 'review_rubric', objectId: saved.id, before: existing, after: saved });
    return toRubric(saved, typeId);
  });
}

/** Seeds the default rubric row when none exists (demo and first start). */
export async function ensureDefaultRubric(db: Executor): Promise<void> {
  if (await repository.getRubricOfType(db, null)) return;
  await repository.insertRubric(db, { ...zSaveRubric.parse(defaultRubric), typeId: null });
}

// ——— the draw ———

/** Names in the application's collaborators (strings, or { name, organization }). */
function collaboratorNames(collaborators: unknown): string[] {
  if (!Array.isArray(collaborators)) return [];
  return collaborators.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    if (entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string')
      return [(entry as { name: string }).name];
    return [];
  });
}

/** The draw's facts for an application, read from the data: conflicts, fields and the yearly cap. */
async function gatherFacts(db: Executor, application: repository.ApplicationFacts, today: string): Promise<ConflictFacts> {
  const settings = await repository.getSettings(db);
  const threeYearsAgo = `${Number(today.slice(0, 4)) - 3}${today.slice(4)}`;
  const parties = [application.organizationId, ...application.coBuilderIds];
  return {
    applicantOrganizationId: application.organizationId,
    coBuilderIds: application.coBuilderIds,
    recentPartnerIds: await repository.findRecentPartnerIds(db, parties, threeYearsAgo, today),
    collaboratorNames: collaboratorNames(application.collaborators),
    technicalFields: application.technicalFields,
    yearlyCap: settings.yearlyPanelCap,
  };
}

/** Statuses in which an application's panel may be drawn. */
const drawableStatuses: readonly ApplicationStatus[] = ['formal_review', 'expert_review'];

async function getApplicationInScope(ctx: ActorContext, applicationId: string, manage: boolean) {
  const application = await repository.getApplicationFacts(ctx.db, applicationId);
  if (!application) throw notFound();
  const allowed = manage ? managesApplication(ctx.actor, application.regionPath) : overseesApplication(ctx.actor, application.regionPath);
  if (!allowed) throw notFound();
  return application;
}

/**
 * Draws a panel for an application in 形式审查 or 专家评审: `size` experts whose fields match, none
 * conflicted, capped or suspended, at random with a recorded seed (experts.draw.ts). Refuses with 409
 * when fewer qualify — nothing is drawn — or when an open panel exists already.
 */
/** Tells the drawn experts who have an account that a review waits for them (我的评审), once per seat. */
async function notifyDrawn(tx: Transaction, panelId: string, expertIds: string[], platformName: string, dueOn: string | null) {
  const users = await repository.findExpertUsers(tx, expertIds);
  await raiseNotifications(
    tx,
    users.map(({ expertId, userId }) => ({
      userId: userId!,
      type: 'panel_assigned',
      title: `评审任务：${platformName}`,
      body: `您被抽取为“${platformName}”的评审专家。请先作利益冲突声明，再按评审指标评分${dueOn ? `，${dueOn}前提交` : ''}。`,
      link: '/my-reviews',
      dedupeKey: `panel:${panelId}:${expertId}`,
    })),
  );
}

export async function drawApplicationPanel(
  ctx: ActorContext,
  applicationId: string,
  input: DrawPanel,
  options: { statuses?: readonly ApplicationStatus[]; seed?: string } = {},
): Promise<PanelDraw> {
  const application = await getApplicationInScope(ctx, applicationId, true);
  if (!(options.statuses ?? drawableStatuses).includes(application.status))
    throw new AppError(ErrorCode.TransitionNotAllowed, { message: '只有处于形式审查或专家评审阶段的申报可以抽取评审专家' });
  if (!application.technicalFields.length)
    throw ruleViolation('该申报未填写技术领域，无法按领域匹配评审专家', [{ field: 'technicalFields', message: '未填写技术领域' }]);
  const today = todayInChina();
  const seed = options.seed ?? randomBytes(8).toString('hex');
  const rubric = await getRubricForType(ctx.db, application.typeId);
  return inTransaction(ctx, async (tx) => {
    await repository.lockDraws(tx);
    if (await repository.findOpenPanel(tx, applicationId))
      throw new AppError(ErrorCode.AlreadyExists, { message: '该申报已有评审专家组，请在其评审结束后再抽取' });
    const facts = await gatherFacts(tx, application, today);
    const pool: DrawCandidate[] = await repository.findPool(tx, Number(today.slice(0, 4)));
    const outcome = drawPanel(pool, facts, input.size, seed);
    if (!outcome.ok) {
      throw new AppError(ErrorCode.TransitionNotAllowed, {
        message: `符合条件的专家不足：需要${outcome.needed}名，领域匹配且无回避情形的仅${outcome.qualified}名（另有${outcome.excluded.length}名因回避、年度上限或暂停被排除）。未抽取任何专家，请扩充专家库或减少人数`,
      });
    }
    const excluded: ExcludedExpert[] = outcome.excluded;
    const panel = await repository.insertPanel(tx, {
      applicationId,
      seed,
      size: input.size,
      drawnBy: ctx.actor.userId === systemUserId ? null : ctx.actor.userId,
      dueOn: input.dueOn ?? addDays(today, 14),
      excluded,
      rubric,
      chairExpertId: outcome.drawn[0]!.id,
    });
    let position = 1;
    for (const expert of outcome.drawn) await repository.insertSeat(tx, { panelId: panel.id, expertId: expert.id, position: position++ });
    await notifyDrawn(
      tx,
      panel.id,
      outcome.drawn.map((expert) => expert.id),
      application.platformName,
      panel.dueOn,
    );
    const answer: PanelDraw = {
      panelId: panel.id,
      seed,
      experts: outcome.drawn.map((expert) => ({ id: expert.id, name: expert.name })),
      excluded: excluded,
    };
    await recordAudit(tx, ctx, {
      action: 'panel.draw',
      objectType: 'panel',
      objectId: panel.id,
      after: { applicationId, size: input.size, ...answer, facts },
    });
    return answer;
  });
}

// ——— reading panels ———

interface Reader {
  ctx: ActorContext;
  /** The actor's seat on the panel, if any. */
  expertId: string | null;
}

async function panelTotals(db: Executor, panel: repository.PanelRecord) {
  const seats = await repository.findSeats(db, [panel.id]);
  const scores = await repository.findScores(
    db,
    seats.map((row) => row.seat.id),
  );
  const rubric = panel.rubric as RubricData;
  const live = seats.filter((row) => !row.seat.replacedAt);
  const totals = live
    .filter((row) => row.seat.submittedAt)
    .map((row) => ({
      id: row.seat.expertId,
      name: row.expertName,
      total: weightedTotal(
        rubric,
        scores.filter((score) => score.memberId === row.seat.id),
      ),
    }));
  return { seats, scores, totals, isComplete: live.length > 0 && totals.length === live.length, liveCount: live.length };
}

async function resultOf(
  db: Executor,
  application: repository.ApplicationFacts,
  totals: { id: string; name: string; total: number }[],
  isComplete: boolean,
  seats: number,
): Promise<PanelResult> {
  const settings = await repository.getSettings(db);
  const stats = panelStatistics(totals, settings.outlierThreshold);
  const means: number[] = [];
  for (const other of await repository.findPanelsOfCall(db, application.callId)) {
    const otherTotals = await panelTotals(db, other);
    if (!otherTotals.isComplete) continue;
    const mean = panelStatistics(otherTotals.totals, 0).mean;
    if (mean !== null) means.push(mean);
  }
  const names = new Map(totals.map((entry) => [entry.id, entry.name]));
  return {
    isComplete,
    submitted: totals.length,
    seats,
    mean: stats.mean,
    min: stats.min,
    max: stats.max,
    range: stats.range,
    stdDev: stats.stdDev,
    outlierThreshold: settings.outlierThreshold,
    outliers: stats.outliers.map((entry) => ({ expertId: entry.id, name: names.get(entry.id) ?? '', ...entry })),
    rank: isComplete && stats.mean !== null ? rankOf(stats.mean, means) : null,
    rankedAmong: means.length,
  };
}

async function toPanel(reader: Reader, panel: repository.PanelRecord, application: repository.ApplicationFacts): Promise<Panel> {
  const { seats, scores, totals, isComplete, liveCount } = await panelTotals(reader.ctx.db, panel);
  const staff = overseesApplication(reader.ctx.actor, application.regionPath);
  const isChair = reader.expertId !== null && reader.expertId === panel.chairExpertId;
  const rubric = panel.rubric as RubricData;
  return {
    id: panel.id,
    application: {
      id: application.id,
      platformName: application.platformName,
      status: application.status,
      callId: application.callId,
      callTitle: application.callTitle,
      organization: { id: application.organizationId, name: application.organizationName },
      type: { id: application.typeId, name: application.typeName },
      technicalFields: application.technicalFields,
    },
    seed: panel.seed,
    size: panel.size,
    drawnAt: panel.drawnAt.toISOString(),
    dueOn: panel.dueOn,
    chairExpertId: panel.chairExpertId,
    consensus: panel.consensus,
    concludedAt: panel.concludedAt?.toISOString() ?? null,
    excluded: staff ? (panel.excluded as ExcludedExpert[]) : [],
    seats: seats.map((row) => {
      const status = seatStatusOf(row.seat);
      const isMe = row.seat.expertId === reader.expertId;
      const visible = staff || isMe || (isChair && status === 'submitted');
      const own = scores.filter((score) => score.memberId === row.seat.id);
      return {
        id: row.seat.id,
        expert: { id: row.seat.expertId, name: row.expertName, title: row.expertTitle, organizationName: row.organizationName },
        position: row.seat.position,
        status,
        isChair: row.seat.expertId === panel.chairExpertId,
        isMe,
        declaredAt: row.seat.declaredAt?.toISOString() ?? null,
        declarationNote: staff || isMe ? row.seat.declarationNote : null,
        replacedAt: row.seat.replacedAt?.toISOString() ?? null,
        submittedAt: row.seat.submittedAt?.toISOString() ?? null,
        total: visible && status === 'submitted' ? weightedTotal(rubric, own) : null,
        scores: visible ? own.map((score) => ({ criterionKey: score.criterionKey, score: score.score, comment: score.comment })) : null,
        opinion: visible ? row.seat.opinion : null,
      };
    }),
    rubric: { id: null, typeId: application.typeId, version: 0, ...rubric },
    result: await resultOf(reader.ctx.db, application, staff || isChair ? totals : [], isComplete, liveCount),
    canManage: managesApplication(reader.ctx.actor, application.regionPath),
    version: panel.version,
  };
}

/** The reader of a panel: staff in scope, or one of its experts who declared no conflict. 404 otherwise. */
async function readerOf(ctx: ActorContext, panel: repository.PanelRecord, application: repository.ApplicationFacts): Promise<Reader> {
  const expert = ctx.actor.role === 'expert' ? await repository.findExpertByUser(ctx.db, ctx.actor.userId) : undefined;
  if (overseesApplication(ctx.actor, application.regionPath)) return { ctx, expertId: expert?.id ?? null };
  if (!expert) throw notFound();
  const seats = await repository.findSeats(ctx.db, [panel.id]);
  const mine = seats.find((row) => row.seat.expertId === expert.id);
  if (!mine) throw notFound();
  const status = seatStatusOf(mine.seat);
  if (status === 'pending_declaration') throw new AppError(ErrorCode.Forbidden, { message: '请先声明是否存在利益冲突，再查看申报材料' });
  if (status === 'vacated') throw new AppError(ErrorCode.Forbidden, { message: '您已声明回避，不能查看该申报的评审' });
  return { ctx, expertId: expert.id };
}

async function loadPanel(ctx: ActorContext, id: string) {
  const panel = await repository.getPanel(ctx.db, id);
  if (!panel?.applicationId) throw notFound();
  const application = await repository.getApplicationFacts(ctx.db, panel.applicationId);
  if (!application) throw notFound();
  return { panel, application };
}

/** A panel with its seats, scores (as the reader may see them) and result. */
export async function getPanel(ctx: ActorContext, id: string): Promise<Panel> {
  const { panel, application } = await loadPanel(ctx, id);
  return toPanel(await readerOf(ctx, panel, application), panel, application);
}

/** The panels of an application, latest first (staff in scope). */
export async function findApplicationPanels(ctx: ActorContext, applicationId: string): Promise<Page<Panel>> {
  const application = await getApplicationInScope(ctx, applicationId, false);
  const panels = await repository.findPanelsOfApplication(ctx.db, applicationId);
  const items = [];
  for (const panel of panels) items.push(await toPanel({ ctx, expertId: null }, panel, application));
  return { items, total: items.length };
}

/** The signed-in expert's seats (我的评审), newest first. */
export async function findMySeats(ctx: ActorContext): Promise<Page<MySeat>> {
  const rows = await repository.findSeatsOfUser(ctx.db, ctx.actor.userId);
  const applications = new Map(
    (await repository.findApplicationFacts(ctx.db, [...new Set(rows.map((row) => row.panel.applicationId!))])).map((a) => [a.id, a]),
  );
  const items: MySeat[] = [];
  for (const { seat, panel } of rows) {
    const application = applications.get(panel.applicationId!);
    if (!application) continue;
    items.push({
      seatId: seat.id,
      panelId: panel.id,
      status: seatStatusOf(seat),
      isChair: panel.chairExpertId === seat.expertId,
      dueOn: panel.dueOn,
      concludedAt: panel.concludedAt?.toISOString() ?? null,
      application: {
        id: application.id,
        platformName: application.platformName,
        organizationName: application.organizationName,
        typeName: application.typeName,
        status: application.status,
        callTitle: application.callTitle,
      },
    });
  }
  return { items, total: items.length };
}

// ——— declarations and scores ———

/** The expert the signed-in user is (experts.user_id = actor); 404 when none. */
async function myExpertId(ctx: ActorContext): Promise<string> {
  const expert = await repository.findExpertByUser(ctx.db, ctx.actor.userId);
  if (!expert) throw notFound();
  return expert.id;
}

/** The expert's own seat with its panel, locked; 404 for anyone else's. */
async function lockOwnSeat(tx: Executor, expertId: string, seatId: string) {
  const seat = await repository.getSeat(tx, seatId);
  if (!seat || seat.expertId !== expertId) throw notFound();
  const panel = await repository.lockPanel(tx, seat.panelId);
  if (!panel?.applicationId) throw notFound();
  const fresh = (await repository.getSeat(tx, seatId))!;
  return { seat: fresh, panel };
}

/**
 * The expert's declaration before seeing the application: no conflict opens scoring; a conflict
 * vacates the seat and the draw's order, continued with the same seed over the pool that remains,
 * gives the seat to the next qualified expert (none left: the seat stays empty and staff see it).
 */
export async function declare(ctx: ActorContext, seatId: string, input: Declare): Promise<Declaration> {
  return declareForExpert(ctx, await myExpertId(ctx), seatId, input);
}

/**
 * The declaration of expert `expertId` on their seat. Routes call it for the signed-in expert
 * (`declare`); the demo seed, audited as the system, for the demo experts who have no account.
 */
export async function declareForExpert(ctx: ActorContext, expertId: string, seatId: string, input: Declare): Promise<Declaration> {
  const today = todayInChina();
  return inTransaction(ctx, async (tx) => {
    const { seat, panel } = await lockOwnSeat(tx, expertId, seatId);
    const action = input.hasConflict ? 'declareConflict' : 'declareNoConflict';
    const move = seatMove(seatStatusOf(seat), action, 'member', { isConcluded: Boolean(panel.concludedAt) }, today);
    if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    const now = new Date();
    await repository.updateSeat(tx, seat.id, {
      declaredAt: now,
      declaredConflict: input.hasConflict,
      declarationNote: input.note || null,
      replacedAt: input.hasConflict ? now : null,
    });
    let replacement: Declaration['replacement'] = null;
    if (input.hasConflict) {
      await repository.lockDraws(tx);
      const application = (await repository.getApplicationFacts(tx, panel.applicationId!))!;
      const facts = await gatherFacts(tx, application, today);
      const seats = await repository.findSeats(tx, [panel.id]);
      const taken = new Set(seats.map((row) => row.seat.expertId));
      const next = drawReplacement(await repository.findPool(tx, Number(today.slice(0, 4))), facts, panel.seed, taken);
      if (next) {
        await repository.insertSeat(tx, {
          panelId: panel.id,
          expertId: next.id,
          position: Math.max(...seats.map((row) => row.seat.position)) + 1,
        });
        replacement = { id: next.id, name: next.name };
        await notifyDrawn(tx, panel.id, [next.id], application.platformName, panel.dueOn);
      }
      if (panel.chairExpertId === seat.expertId) {
        await repository.updatePanelVersioned(tx, panel.id, panel.version, { chairExpertId: next?.id ?? null });
      }
    }
    await recordAudit(tx, ctx, {
      action: 'panel.declare',
      objectType: 'panel_member',
      objectId: seat.id,
      before: { status: seatStatusOf(seat) },
      after: { status: move.to, hasConflict: input.hasConflict, note: input.note ?? null, replacement, seed: panel.seed },
    });
    return { status: move.to, replacement };
  });
}

/** Saves (or submits, which locks) the expert's scores on the panel's rubric; low scores need a comment. */
export async function saveScores(ctx: ActorContext, seatId: string, input: SaveScores): Promise<Panel> {
  const panelId = await saveScoresForExpert(ctx, await myExpertId(ctx), seatId, input);
  return getPanel(ctx, panelId);
}

/** Saves or submits expert `expertId`'s scores on their seat (see `declareForExpert`); answers the panel's id. */
export async function saveScoresForExpert(ctx: ActorContext, expertId: string, seatId: string, input: SaveScores): Promise<string> {
  const today = todayInChina();
  return inTransaction(ctx, async (tx) => {
    const { seat, panel } = await lockOwnSeat(tx, expertId, seatId);
    const rubric = panel.rubric as RubricData;
    const scores = input.scores.map((score) => ({ criterionKey: score.criterionKey, score: score.score, comment: score.comment || null }));
    const problems = scoreProblems(rubric, scores, input.submit);
    const status = seatStatusOf(seat);
    const facts = { isConcluded: Boolean(panel.concludedAt), scoreProblems: problems.map((problem) => problem.message) };
    if (status !== 'scoring' || panel.concludedAt) {
      const move = seatMove(status, 'submitScores', 'member', facts, today);
      throw new AppError(ErrorCode.TransitionNotAllowed, {
        message: status === 'submitted' ? '评分已提交，不能修改' : (move.refusal ?? '当前不能评分'),
      });
    }
    if (problems.length) throw new AppError(ErrorCode.ValidationFailed, { message: problems[0]!.message, details: problems });
    await repository.replaceScores(tx, seat.id, scores);
    const values: Parameters<typeof repository.updateSeat>[2] = { opinion: input.opinion || null };
    if (input.submit) {
      const move = seatMove(status, 'submitScores', 'member', facts, today);
      if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
      values.submittedAt = new Date();
    }
    await repository.updateSeat(tx, seat.id, values);
    await recordAudit(tx, ctx, {
      action: input.submit ? 'panel.submit' : 'panel.score',
      objectType: 'panel_member',
      objectId: seat.id,
      after: { scores, opinion: input.opinion ?? null, total: input.submit ? weightedTotal(rubric, scores) : null },
    });
    return panel.id;
  });
}

/** Staff choose the panel's chair among its seated experts. */
export async function chooseChair(ctx: ActorContext, panelId: string, input: { expertId: string; version: number }): Promise<Panel> {
  const { panel, application } = await loadPanel(ctx, panelId);
  if (!managesApplication(ctx.actor, application.regionPath)) throw notFound();
  if (panel.concludedAt) throw new AppError(ErrorCode.TransitionNotAllowed, { message: '评审已结束，不能更换组长' });
  const seats = await repository.findSeats(ctx.db, [panel.id]);
  if (!seats.some((row) => row.seat.expertId === input.expertId && !row.seat.replacedAt))
    throw invalidField('expertId', '组长须是本专家组的在席专家');
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updatePanelVersioned(tx, panel.id, input.version, { chairExpertId: input.expertId }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'panel.chair',
      objectType: 'panel',
      objectId: panel.id,
      before: { chairExpertId: panel.chairExpertId },
      after: { chairExpertId: input.expertId },
    });
  });
  return getPanel(ctx, panelId);
}

/** The chair records the consensus opinion once every seat has submitted: the panel is concluded. */
export async function conclude(ctx: ActorContext, panelId: string, input: { consensus: string; version: number }): Promise<Panel> {
  await concludeForExpert(ctx, await myExpertId(ctx), panelId, input);
  return getPanel(ctx, panelId);
}

/** Records chair `expertId`'s consensus (see `declareForExpert`). */
export async function concludeForExpert(
  ctx: ActorContext,
  expertId: string,
  panelId: string,
  input: { consensus: string; version: number },
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const panel = await repository.lockPanel(tx, panelId);
    if (!panel?.applicationId) throw notFound();
    const seats = await repository.findSeats(tx, [panel.id]);
    if (!seats.some((row) => row.seat.expertId === expertId)) throw notFound();
    if (panel.chairExpertId !== expertId) throw new AppError(ErrorCode.Forbidden, { message: '只有专家组组长可以填写综合意见' });
    if (panel.concludedAt) throw new AppError(ErrorCode.TransitionNotAllowed, { message: '综合意见已填写，评审已结束' });
    const pending = seats.filter((row) => !row.seat.replacedAt && !row.seat.submittedAt);
    if (pending.length)
      throw new AppError(ErrorCode.TransitionNotAllowed, {
        message: `还有${pending.length}位专家未提交评分（${pending.map((row) => row.expertName).join('、')}），不能形成综合意见`,
      });
    if (!(await repository.updatePanelVersioned(tx, panel.id, input.version, { consensus: input.consensus, concludedAt: new Date() })))
      throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'panel.conclude',
      objectType: 'panel',
      objectId: panel.id,
      after: { consensus: input.consensus, chairExpertId: expertId },
    });
  });
}
