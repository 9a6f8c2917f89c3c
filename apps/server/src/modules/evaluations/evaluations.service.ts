import {
  type CreateEvaluationRound,
  type EvaluationFormula,
  type EvaluationFormulaBody,
  type EvaluationGrade,
  evaluationLabels,
  type EvaluationOutcome,
  type EvaluationResult,
  type EvaluationRound,
  type EvaluationRoundDetail,
  type EvaluationRoundQuery,
  type EvaluationRoundTransition,
  ErrorCode,
  labels,
  type Page,
  type SaveEvaluationFormula,
  type UpdateEvaluationResult,
  type UpdateEvaluationRound,
  zEvaluationFormulaBody,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { addDays, todayInChina } from '../../shared/clock';
import { recordAudit } from '../audit';
import { updatePlatformInTx } from '../platforms';
import { allowedRoundActions, type RoundFacts, roundMove } from './evaluations.lifecycle';
import { canSeeRoundIn, canWriteEvaluations, canWriteRound, evaluationScope } from './evaluations.policy';
import * as repository from './evaluations.repository';
import { combineScores, defaultFormula, defaultOutcome, gradeFor, type IndicatorScoring, scoreIndicators } from './evaluations.score';
import { closeOpenRectificationsInTx, orderRectificationInTx } from './rectifications.service';

/**
 * Evaluation rounds (评估考核): per-type formulas kept as data, rounds that score the platforms in
 * scope from their accepted annual reports and the experts' scores, review and publication, and
 * applying the outcomes to the registry through the platforms module (its transition table).
 */

const forbidden = (message = '您没有管理评估考核的权限') => new AppError(ErrorCode.Forbidden, { message });
const toNumber = (value: string | null) => (value === null ? null : Number(value));
/** Grade → the default rectification period when applying a round without naming a deadline (days). */
const defaultRectificationDays = 90;

/** What a result's `details` holds (jsonb). */
interface ResultDetails extends Partial<IndicatorScoring> {
  defaultOutcome?: EvaluationOutcome | null;
  outcomeReason?: string | null;
  expertNote?: string | null;
  appliedNote?: string | null;
  /** Demo rows recorded without accepted annual reports: where the figures came from. */
  source?: string;
}

/** A round's formulas by type id (copied when scoring opens). */
type RoundFormulas = Record<string, EvaluationFormulaBody>;

// ---- formulas

function parseFormula(value: unknown): EvaluationFormulaBody {
  const parsed = zEvaluationFormulaBody.safeParse(value);
  return parsed.success ? parsed.data : defaultFormula;
}

/** The formulas in force: the default (saved or built in) first, then each type's own. */
export async function findFormulas(ctx: ActorContext): Promise<EvaluationFormula[]> {
  const rows = await repository.findFormulaRows(ctx.db);
  const items = rows.map(({ formula, typeName }): EvaluationFormula => ({
    ...parseFormula(formula.formula),
    id: formula.id,
    type: formula.typeId ? { id: formula.typeId, name: typeName ?? '' } : null,
    version: formula.version,
    updatedAt: formula.updatedAt.toISOString(),
  }));
  if (!items.some((item) => item.type === null)) {
    items.unshift({ ...defaultFormula, id: null, type: null, version: 0, updatedAt: new Date(0).toISOString() });
  }
  return items;
}

/** Saves the default formula or a type's own (created on first save; later saves need the version read). */
export async function saveFormula(ctx: ActorContext, input: SaveEvaluationFormula): Promise<EvaluationFormula> {
  if (!canWriteEvaluations(ctx.actor)) throw forbidden();
  const { typeId, version, ...body } = input;
  await inTransaction(ctx, async (tx) => {
    if (typeId && !(await repository.findTypeNames(tx, [typeId])).size) throw invalidField('typeId', '平台类型不存在');
    const existing = await repository.getFormulaRow(tx, typeId);
    if (existing) {
      if (version !== existing.version) throw versionConflict();
      const row = await repository.updateFormula(tx, existing.id, existing.version, body, ctx.actor.userId);
      if (!row) throw versionConflict();
      await recordAudit(tx, ctx, {
        action: 'evaluation-formula.update',
        objectType: 'evaluation_formula',
        objectId: row.id,
        before: existing.formula,
        after: { typeId, ...body, version: row.version },
      });
    } else {
      if (version !== undefined && version !== 0) throw versionConflict();
      const row = await repository.insertFormula(tx, { typeId, formula: body, updatedBy: ctx.actor.userId });
      await recordAudit(tx, ctx, {
        action: 'evaluation-formula.create',
        objectType: 'evaluation_formula',
        objectId: row.id,
        after: { typeId, ...body, version: row.version },
      });
    }
  });
  const saved = (await findFormulas(ctx)).find((f) => (f.type?.id ?? null) === typeId);
  return saved!;
}

/** The formula each type is scored by: its own, else the saved default, else the built-in default. */
async function formulasFor(db: Executor, typeIds: readonly string[]): Promise<RoundFormulas> {
  const fallback = (await repository.getFormulaRow(db, null))?.formula;
  const result: RoundFormulas = {};
  for (const typeId of typeIds) {
    const own = await repository.getFormulaRow(db, typeId);
    result[typeId] = parseFormula(own?.formula ?? fallback ?? defaultFormula);
  }
  return result;
}

// ---- rounds: reading

async function toRounds(db: Executor, ctx: RequestContext, rows: { round: repository.RoundRow; regionName: string | null }[]) {
  const scope = evaluationScope(ctx.actor);
  const [typeNames, grades] = await Promise.all([
    repository.findTypeNames(db, [...new Set(rows.flatMap((r) => r.round.typeIds))]),
    repository.countGrades(
      db,
      rows.map((r) => r.round.id),
      scope,
    ),
  ]);
  return rows.map(({ round, regionName }): EvaluationRound => {
    const counts: Record<string, number> = {};
    let resultCount = 0;
    for (const g of grades.filter((g) => g.roundId === round.id)) {
      counts[g.grade ?? 'ungraded'] = g.value;
      resultCount += g.value;
    }
    return {
      id: round.id,
      title: round.title,
      types: round.typeIds.map((id) => ({ id, name: typeNames.get(id) ?? '' })),
      periodFrom: round.periodFrom,
      periodTo: round.periodTo,
      status: round.status,
      region: round.regionId ? { id: round.regionId, name: regionName ?? '' } : null,
      publishedOn: round.publishedOn,
      appliedOn: round.appliedOn,
      resultCount,
      gradeCounts: counts,
      allowedActions: canWriteEvaluations(ctx.actor) ? allowedRoundActions(round.status) : [],
      isDemo: round.isDemo,
      version: round.version,
      updatedAt: round.updatedAt.toISOString(),
    };
  });
}

/** Rounds, newest first; host users see published rounds that hold a result of theirs. */
export async function findRounds(ctx: ActorContext, query: EvaluationRoundQuery): Promise<Page<EvaluationRound>> {
  const isHost = ctx.actor.role === 'host_user';
  const statuses = isHost ? (query.status ?? ['published', 'applied']).filter((s) => s === 'published' || s === 'applied') : query.status;
  if (isHost && statuses?.length === 0) return { items: [], total: 0 };
  const { rows, total } = await repository.findRoundRows(ctx.db, {
    statuses,
    q: query.q,
    onlyWithResultsIn: isHost ? evaluationScope(ctx.actor) : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await toRounds(ctx.db, ctx, rows), total };
}

function toResult(row: repository.ResultWithPlatform): EvaluationResult {
  const details = row.result.details as ResultDetails;
  return {
    id: row.result.id,
    roundId: row.result.roundId,
    platform: { id: row.result.platformId, name: row.platformName },
    platformStatus: row.platformStatus,
    type: { id: row.typeId, name: row.typeName },
    hostOrganization: { id: row.hostOrganizationId, name: row.hostOrganizationName },
    indicatorScore: toNumber(row.result.indicatorScore),
    expertScore: toNumber(row.result.expertScore),
    score: toNumber(row.result.score),
    grade: row.result.grade,
    outcome: row.result.outcome,
    defaultOutcome: details.defaultOutcome ?? null,
    outcomeReason: details.outcomeReason ?? null,
    reportYears: details.reportYears ?? [],
    lines: details.lines ?? [],
    notes: [...(details.notes ?? []), ...(details.source ? [details.source] : [])],
    expertNote: details.expertNote ?? null,
    appliedNote: details.appliedNote ?? null,
    version: row.result.version,
  };
}

async function getVisibleRound(db: Executor, ctx: RequestContext, id: string) {
  const round = await repository.getRoundRow(db, id);
  if (!round || !canSeeRoundIn(ctx.actor, round.status)) throw notFound('考核轮次不存在');
  return round;
}

/** A round with the results the actor sees (host users: their own platforms', once published). */
export async function getRound(ctx: ActorContext, id: string): Promise<EvaluationRoundDetail> {
  const round = await getVisibleRound(ctx.db, ctx, id);
  const region = await repository.getRegion(ctx.db, round.regionId);
  const [summary] = await toRounds(ctx.db, ctx, [{ round, regionName: region?.name ?? null }]);
  const rows = await repository.findResultRows(ctx.db, id, evaluationScope(ctx.actor));
  if (ctx.actor.role === 'host_user' && rows.length === 0) throw notFound('考核轮次不存在');
  const formulas = (round.formula ?? {}) as RoundFormulas;
  const typeNames = await repository.findTypeNames(ctx.db, Object.keys(formulas));
  return {
    ...summary!,
    allowedActions: canWriteRound(ctx.actor, region?.path ?? null) ? allowedRoundActions(round.status) : [],
    formulas: Object.entries(formulas).map(([typeId, formula]) => ({ type: { id: typeId, name: typeNames.get(typeId) ?? '' }, formula })),
    results: rows.map(toResult),
  };
}

// ---- rounds: writing

async function checkTypes(db: Executor, typeIds: readonly string[]) {
  const names = await repository.findTypeNames(db, typeIds);
  if (names.size !== new Set(typeIds).size) throw invalidField('typeIds', '平台类型不存在');
}

/** Opens a round (草稿) over the actor's region for some types and years. */
export async function createRound(
  ctx: ActorContext,
  input: CreateEvaluationRound,
  options: { isDemo?: boolean } = {},
): Promise<EvaluationRoundDetail> {
  if (!canWriteEvaluations(ctx.actor)) throw forbidden();
  if (!ctx.actor.regionId) throw forbidden('您的账号未设置所属区域，不能发起考核');
  if (input.periodTo > Number(todayInChina().slice(0, 4))) throw invalidField('periodTo', '考核期不能晚于今年');
  const id = await inTransaction(ctx, async (tx) => {
    await checkTypes(tx, input.typeIds);
    const round = await repository.insertRound(tx, {
      title: input.title,
      typeIds: [...new Set(input.typeIds)],
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      regionId: ctx.actor.regionId,
      createdBy: ctx.actor.userId,
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, ctx, { action: 'evaluation-round.create', objectType: 'evaluation_round', objectId: round.id, after: round });
    return round.id;
  });
  return getRound(ctx, id);
}

async function getWritableRound(tx: Transaction, ctx: RequestContext, id: string) {
  const round = await repository.getRoundRow(tx, id, { lock: true });
  if (!round) throw notFound('考核轮次不存在');
  const region = await repository.getRegion(tx, round.regionId);
  if (!canWriteRound(ctx.actor, region?.path ?? null)) throw forbidden('该考核轮次不在您的管辖范围内');
  return { round, regionPath: region?.path ?? null };
}

/** Changes a draft round's title, types or period. */
export async function updateRound(ctx: ActorContext, id: string, input: UpdateEvaluationRound): Promise<EvaluationRoundDetail> {
  if (input.periodTo > Number(todayInChina().slice(0, 4))) throw invalidField('periodTo', '考核期不能晚于今年');
  await inTransaction(ctx, async (tx) => {
    const { round } = await getWritableRound(tx, ctx, id);
    if (round.version !== input.version) throw versionConflict();
    if (round.status !== 'draft') throw ruleViolation('考核轮次已开始评分，不能再修改范围');
    await checkTypes(tx, input.typeIds);
    const { version, ...changes } = input;
    const row = await repository.updateRound(tx, id, version, { ...changes, typeIds: [...new Set(changes.typeIds)] });
    if (!row) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'evaluation-round.update',
      objectType: 'evaluation_round',
      objectId: id,
      before: round,
      after: row,
    });
  });
  return getRound(ctx, id);
}

function factsOf(results: repository.ResultRow[]): RoundFacts {
  return {
    resultCount: results.length,
    missingExpertScores: results.filter((r) => r.expertScore === null).length,
    missingOutcomes: results.filter((r) => r.outcome === null).length,
  };
}

/** Opening scoring: copies the formulas and computes each in-scope platform's indicator score. */
async function openScoring(tx: Transaction, round: repository.RoundRow, regionPath: string | null): Promise<Partial<repository.RoundRow>> {
  const formulas = await formulasFor(tx, round.typeIds);
  const inScope = await repository.findPlatformsInScope(tx, round.typeIds, regionPath);
  if (!inScope.length) throw ruleViolation('所选类型在本区域内没有建设期、运行或整改中的平台，无法开始评分');
  const platformTypes = new Map(
    (
      await repository.findResultTypeIds(
        tx,
        inScope.map((p) => p.platformId),
      )
    ).map((p) => [p.platformId, p.typeId]),
  );
  const reports = await repository.findAcceptedReports(
    tx,
    inScope.map((p) => p.platformId),
    round.periodFrom,
    round.periodTo,
  );
  await repository.deleteResultsOfRound(tx, round.id);
  await repository.insertResults(
    tx,
    inScope.map((platform) => {
      const formula = formulas[platformTypes.get(platform.platformId)!] ?? defaultFormula;
      const scoring = scoreIndicators(
        formula,
        reports
          .filter((r) => r.platformId === platform.platformId)
          .map((r) => ({ year: r.year, indicators: r.indicators as Record<string, unknown> })),
      );
      return {
        roundId: round.id,
        platformId: platform.platformId,
        indicatorScore: String(scoring.indicatorScore),
        details: scoring satisfies ResultDetails,
        isDemo: round.isDemo,
      };
    }),
  );
  return { formula: formulas };
}

/** Entering review: each result gets the outcome its grade gives, unless staff already chose one with a reason. */
async function proposeOutcomes(tx: Transaction, round: repository.RoundRow) {
  const rows = await repository.findResultRows(tx, round.id, undefined);
  const failedBefore = await repository.findPlatformsFailedBefore(
    tx,
    rows.map((r) => r.result.platformId),
    round.id,
  );
  for (const row of rows) {
    const details = row.result.details as ResultDetails;
    const proposed = defaultOutcome(row.result.grade!, {
      status: row.platformStatus,
      hasFailedBefore: failedBefore.has(row.result.platformId),
    });
    const keepsChoice = details.outcomeReason && row.result.outcome;
    await repository.updateResult(tx, row.result.id, row.result.version, {
      outcome: keepsChoice ? row.result.outcome : proposed,
      details: { ...details, defaultOutcome: proposed },
    });
  }
}

/**
 * Applies each result's outcome to the registry through the platforms module (whose transition
 * table refuses any move it does not allow): 整改 → 责令整改 and a rectification with a deadline;
 * 撤销 → 撤销 (closing any open rectification); 推荐 → a 省级培育库 record and a note in the
 * platform's history; 保留 → nothing. The round's title is the reason of every change.
 */
async function applyOutcomes(tx: Transaction, ctx: RequestContext, round: repository.RoundRow, rectificationDeadline: string) {
  const rows = await repository.findResultRows(tx, round.id, undefined);
  const today = todayInChina();
  for (const row of rows) {
    const details = row.result.details as ResultDetails;
    const grade = evaluationLabels.grade[row.result.grade as EvaluationGrade];
    const reason = `${round.title}（考核等级：${grade}）`;
    const move = async (status: 'rectifying' | 'revoked', action: 'orderRectification' | 'revoke') => {
      try {
        await updatePlatformInTx(tx, ctx, row.result.platformId, {
          version: row.lockVersion,
          status,
          effectiveDate: today,
          changeNote: `${labels.platformAction[action]}：${reason}`,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.TransitionNotAllowed) {
          throw new AppError(ErrorCode.TransitionNotAllowed, {
            message: `平台“${row.platformName}”当前为“${labels.platformStatus[row.platformStatus]}”，不能${labels.platformAction[action]}；请撤回公布，在审核中调整其考核结果`,
          });
        }
        throw error;
      }
    };
    let appliedNote: string;
    // A platform revoked or merged since the review has ended: there is nothing left to apply to it.
    const hasEnded = row.platformStatus === 'revoked' || row.platformStatus === 'merged';
    switch (hasEnded ? 'ended' : row.result.outcome) {
      case 'ended':
        appliedNote = `平台已为“${labels.platformStatus[row.platformStatus]}”，未作调整`;
        break;
      case 'rectify': {
        await move('rectifying', 'orderRectification');
        await orderRectificationInTx(tx, ctx, {
          platformId: row.result.platformId,
          roundId: round.id,
          resultId: row.result.id,
          deadline: rectificationDeadline,
          requirements: `${reason}，请于${rectificationDeadline}前完成整改并提交整改报告。`,
          isDemo: round.isDemo,
        });
        appliedNote = `已责令整改，整改期限${rectificationDeadline}`;
        break;
      }
      case 'revoke':
        await move('revoked', 'revoke');
        await closeOpenRectificationsInTx(tx, ctx, row.result.platformId, `平台因${reason}被撤销`);
        appliedNote = '已撤销';
        break;
      case 'recommend': {
        await repository.insertRecommendation(tx, {
          platformId: row.result.platformId,
          roundId: round.id,
          recommendedOn: today,
          note: reason,
          isDemo: round.isDemo,
        });
        const remarks = await repository.getCurrentRemarks(tx, row.result.platformId);
        const line = `【推荐省级培育库】${reason}`;
        const next = remarks ? `${remarks}\n${line}` : line;
        if (next.length <= 2000) {
          await updatePlatformInTx(tx, ctx, row.result.platformId, {
            version: row.lockVersion,
            remarks: next,
            effectiveDate: today,
            changeNote: `推荐省级培育库：${reason}`,
          });
        }
        appliedNote = '已推荐进入省级培育库';
        break;
      }
      default:
        appliedNote = '保留，不作调整';
    }
    await repository.updateResult(tx, row.result.id, row.result.version, { details: { ...details, appliedNote } });
  }
}

/**
 * Moves a round along its lifecycle (evaluations.lifecycle.ts) with its effects: opening scoring
 * computes the indicator scores, review proposes outcomes, publishing dates the round, applying
 * changes the registry. Everything, audit included, in one transaction.
 */
export async function transitionRound(ctx: ActorContext, id: string, input: EvaluationRoundTransition): Promise<EvaluationRoundDetail> {
  if (!canWriteEvaluations(ctx.actor)) throw forbidden();
  const today = todayInChina();
  if (input.rectificationDeadline !== undefined && input.rectificationDeadline <= today) {
    throw invalidField('rectificationDeadline', '整改期限应晚于今天');
  }
  await inTransaction(ctx, async (tx) => {
    const { round, regionPath } = await getWritableRound(tx, ctx, id);
    if (round.version !== input.version) throw versionConflict();
    const results = (await repository.findResultRows(tx, id, undefined)).map((r) => r.result);
    const move = roundMove(round.status, input.action, factsOf(results), today);
    if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    let changes: Partial<repository.RoundRow> = {};
    if (input.action === 'startScoring') changes = await openScoring(tx, round, regionPath);
    if (input.action === 'submitForReview') await proposeOutcomes(tx, round);
    if (input.action === 'publish') changes = { publishedOn: today };
    if (input.action === 'withdraw') changes = { publishedOn: null };
    if (input.action === 'apply') {
      await applyOutcomes(tx, ctx, round, input.rectificationDeadline ?? addDays(today, defaultRectificationDays));
      changes = { appliedOn: today };
    }
    const row = await repository.updateRound(tx, id, round.version, { ...changes, status: move.to });
    if (!row) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'evaluation-round.transition',
      objectType: 'evaluation_round',
      objectId: id,
      before: { status: round.status, version: round.version },
      after: { action: input.action, status: move.to, version: row.version },
    });
  });
  return getRound(ctx, id);
}

/**
 * Records the expert panel's score of one platform (while 评分中; the total and grade follow), or
 * adjusts its outcome with a reason (while 审核中).
 */
export async function updateResult(
  ctx: ActorContext,
  roundId: string,
  resultId: string,
  input: UpdateEvaluationResult,
): Promise<EvaluationRoundDetail> {
  if (!canWriteEvaluations(ctx.actor)) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const { round } = await getWritableRound(tx, ctx, roundId);
    const [row] = (await repository.findResultRows(tx, roundId, evaluationScope(ctx.actor))).filter((r) => r.result.id === resultId);
    if (!row) throw notFound('考核结果不存在');
    const result = row.result;
    if (result.version !== input.version) throw versionConflict();
    const details = result.details as ResultDetails;
    let changes: Partial<repository.ResultRow>;
    if (input.expertScore !== undefined || input.expertNote !== undefined) {
      if (round.status !== 'scoring') throw ruleViolation('只有“评分中”的考核轮次可以录入专家评分');
      if (input.outcome !== undefined) throw ruleViolation('录入专家评分时不能同时调整考核结果');
      const expertScore = input.expertScore ?? toNumber(result.expertScore);
      const formula = ((round.formula ?? {}) as RoundFormulas)[row.typeId] ?? defaultFormula;
      const score = expertScore === null ? null : combineScores(formula, Number(result.indicatorScore ?? 0), expertScore);
      changes = {
        expertScore: expertScore === null ? null : String(expertScore),
        score: score === null ? null : String(score),
        grade: score === null ? null : gradeFor(formula, score),
        details: { ...details, expertNote: input.expertNote ?? details.expertNote ?? null },
      };
    } else if (input.outcome !== undefined) {
      if (round.status !== 'reviewing') throw ruleViolation('只有“审核中”的考核轮次可以调整考核结果');
      const reason = input.outcomeReason?.trim() ?? '';
      const isDefault = input.outcome === details.defaultOutcome;
      if (!isDefault && !reason) throw invalidField('outcomeReason', '调整考核结果须说明理由');
      changes = { outcome: input.outcome, details: { ...details, outcomeReason: isDefault ? null : reason } };
    } else {
      throw invalidField('expertScore', '请填写专家评分或考核结果');
    }
    const updated = await repository.updateResult(tx, resultId, result.version, changes);
    if (!updated) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'evaluation-result.update',
      objectType: 'evaluation_result',
      objectId: resultId,
      before: { expertScore: result.expertScore, score: result.score, grade: result.grade, outcome: result.outcome },
      after: {
        expertScore: updated.expertScore,
        score: updated.score,
        grade: updated.grade,
        outcome: updated.outcome,
        reason: input.outcomeReason ?? null,
      },
    });
  });
  return getRound(ctx, roundId);
}

/**
 * Records a platform's indicator figures from outside the annual reports — a third-party evaluation's
 * data, or the demo's figures where no accepted report exists — while the round is 评分中. The
 * figures are scored like one report of the period's last year; `source` says where they came from.
 */
export async function recordIndicatorFiguresInTx(
  tx: Transaction,
  ctx: ActorContext,
  roundId: string,
  platformId: string,
  figures: Record<string, number>,
  source: string,
): Promise<void> {
  const { round } = await getWritableRound(tx, ctx, roundId);
  if (round.status !== 'scoring') throw ruleViolation('只有“评分中”的考核轮次可以录入指标数据');
  const [row] = (await repository.findResultRows(tx, roundId, undefined)).filter((r) => r.result.platformId === platformId);
  if (!row) throw notFound('该平台不在本轮考核范围内');
  const formula = ((round.formula ?? {}) as RoundFormulas)[row.typeId] ?? defaultFormula;
  const scoring = scoreIndicators(formula, [{ year: round.periodTo, indicators: figures }]);
  const expertScore = toNumber(row.result.expertScore);
  const score = expertScore === null ? null : combineScores(formula, scoring.indicatorScore, expertScore);
  const details = row.result.details as ResultDetails;
  const updated = await repository.updateResult(tx, row.result.id, row.result.version, {
    indicatorScore: String(scoring.indicatorScore),
    score: score === null ? null : String(score),
    grade: score === null ? null : gradeFor(formula, score),
    details: { ...details, ...scoring, notes: [], source },
  });
  if (!updated) throw versionConflict();
  await recordAudit(tx, ctx, {
    action: 'evaluation-result.figures',
    objectType: 'evaluation_result',
    objectId: row.result.id,
    before: { indicatorScore: row.result.indicatorScore },
    after: { indicatorScore: updated.indicatorScore, figures, source },
  });
}
