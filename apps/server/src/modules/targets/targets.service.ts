import type { SQL } from 'drizzle-orm';
import {
  type CreateTarget,
  type CreateTargetReport,
  ErrorCode,
  type Page,
  type Platform,
  type PlatformFilter,
  type Target,
  type TargetPlatformQuery,
  type TargetQuery,
  type TargetMetric,
  type TargetReport,
  type Todo,
  targetMetricSources,
  type UpdateTarget,
  reportedTargetKinds,
  targetDefinitionProblems,
  targetKindSpec,
  zPlatformFilter,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, versionConflict } from '../../shared/app-error';
import { type Actor, type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import { todayInChina } from '../../shared/clock';
import { getWritablePlanRow, visiblePlansCondition } from '../plans';
import { findLeadUnitsOfTargets, findTargetIdsLedByActor } from '../tasks';
import * as repository from './targets.repository';
import * as snapshot from './snapshot.repository';
import { canReportTargetFigure, overlapsScope, targetPlatformScope } from './targets.policy';
import { type ResolvedCriteria, resolveCriteria, type SnapshotGroup } from './targets.arithmetic';
import { additionsBaseline, countsOnlyNew, measureTargets, planYears, targetCriteria } from './targets.progress';
import { filterOf, toTarget, toTargetReport } from './targets.mapper';

type TargetRow = repository.TargetRow;

/**
 * The reported (amount / ratio / index) targets among `rows` the actor may report a figure on: those of
 * the plans it writes, and those linked to a task whose lead unit it acts for (targets.policy.ts).
 */
async function reportableTargetIds(db: Executor, actor: Actor | null, rows: TargetRow[]): Promise<Set<string>> {
  // A summed metric (技术合同登记额) is never typed in.
  const reported = rows.filter((row) => !targetKindSpec(row.target.kind).isComputed && !row.target.metric);
  if (!actor || !reported.length) return new Set();
  const others = reported.filter((row) => !canReportTargetFigure(actor, row.planRegionPath, false)).map((row) => row.target.id);
  const led = others.length ? await findTargetIdsLedByActor(db, actor, others) : new Set<string>();
  return new Set(
    reported.filter((row) => canReportTargetFigure(actor, row.planRegionPath, led.has(row.target.id))).map((row) => row.target.id),
  );
}

/** Targets as the API answers them, with names for their filters and their progress on `asOf`. */
export async function toTargets(
  db: Executor,
  actor: Actor | null,
  rows: TargetRow[],
  asOf: string,
  known?: SnapshotGroup[],
): Promise<Target[]> {
  const progress = await measureTargets(db, actor, rows, asOf, known);
  const reporters = await reportableTargetIds(db, actor, rows);
  const typeIds = new Set(rows.flatMap((row) => row.target.typeIds));
  const systemIds = new Set(rows.flatMap((row) => row.target.systemIds));
  const reportedIds = rows.filter((row) => !targetKindSpec(row.target.kind).isComputed).map((row) => row.target.id);
  const [types, systems, leads] = await Promise.all([
    repository.findTypesByIds(db, [...typeIds]),
    repository.findSystemsByIds(db, [...systemIds]),
    findLeadUnitsOfTargets(db, reportedIds),
  ]);
  const names = {
    types: new Map(types.map((type) => [type.id, type.name])),
    systems: new Map(systems.map((system) => [system.id, system.name])),
  };
  const unitsOf = (id: string) => leads.filter((lead) => lead.targetId === id).map(({ id: unitId, name }) => ({ id: unitId, name }));
  return rows.map((row) => toTarget(row, progress.get(row.target.id)!, reporters.has(row.target.id), names, unitsOf(row.target.id)));
}

async function visibleTargetsCondition(ctx: ActorContext): Promise<SQL> {
  return visiblePlansCondition(ctx.db, ctx.actor, repository.targetPlanRegionPath);
}

async function getVisibleTargetRow(ctx: ActorContext, id: string): Promise<TargetRow> {
  const row = await repository.getTargetRow(ctx.db, id, await visibleTargetsCondition(ctx));
  if (!row) throw notFound();
  return row;
}

/** Targets of the plans the actor sees, each with its progress on `asOf` (default today). */
export async function findTargets(ctx: ActorContext, query: TargetQuery): Promise<Page<Target>> {
  const asOf = query.asOf ?? todayInChina();
  const filter = { visibility: await visibleTargetsCondition(ctx), planId: query.planId, kinds: query.kind };
  if (query.status?.length) {
    // A status is computed, not stored: measure every visible target, then page the matching ones.
    const all = await repository.findTargetRows(ctx.db, filter, null);
    const statuses = new Set(query.status);
    const matching = (await toTargets(ctx.db, ctx.actor, all.rows, asOf)).filter((target) => statuses.has(target.progress.status));
    return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
  }
  const page = await repository.findTargetRows(ctx.db, filter, { limit: query.limit, offset: query.offset });
  return { items: await toTargets(ctx.db, ctx.actor, page.rows, asOf), total: page.total };
}

/** All targets of the visible plans (or of one plan), with progress: for the cockpit and the brief. */
export async function findAllTargets(ctx: ActorContext, asOf: string, planId?: string, known?: SnapshotGroup[]): Promise<Target[]> {
  const page = await repository.findTargetRows(ctx.db, { visibility: await visibleTargetsCondition(ctx), planId }, null);
  return toTargets(ctx.db, ctx.actor, page.rows, asOf, known);
}

export async function getTarget(ctx: ActorContext, id: string, asOf?: string): Promise<Target> {
  const [target] = await toTargets(ctx.db, ctx.actor, [await getVisibleTargetRow(ctx, id)], asOf ?? todayInChina());
  return target!;
}

/**
 * The platforms a computed target counts on `asOf` (as the actor may see them); for coverage, those
 * in the covered child regions (or in one of them, `regionId`).
 */
export async function findTargetPlatforms(ctx: ActorContext, id: string, query: TargetPlatformQuery): Promise<Page<Platform>> {
  const row = await getVisibleTargetRow(ctx, id);
  const spec = targetKindSpec(row.target.kind);
  if (!spec.isComputed) {
    throw new AppError(ErrorCode.RuleViolation, { message: '填报类目标不按平台统计，没有计入的平台清单' });
  }
  const asOf = query.asOf ?? todayInChina();
  const facts = await snapshot.findRegistryFacts(ctx.db);
  const criteria = targetCriteria(row);
  let match: { criteria: ResolvedCriteria; baselineDate: string | null };
  if (spec.needsCoverageRegion) {
    const children = (await snapshot.findChildRegions(ctx.db, [row.target.coverageRegionId!])).filter((child) =>
      overlapsScope(ctx.actor, child.path),
    );
    const chosen = query.regionId ? children.filter((child) => child.id === query.regionId) : children;
    if (query.regionId && !chosen.length) {
      throw new AppError(ErrorCode.ValidationFailed, {
        message: '所选区域不是该目标的覆盖区域',
        details: [{ field: 'regionId', message: '不是覆盖区域' }],
      });
    }
    // Platforms in the covered child regions only (not those at the coverage root itself).
    const inChildren = new Set(
      facts.regions.filter((region) => chosen.some((child) => region.path.startsWith(child.path))).map((region) => region.id),
    );
    const resolved = resolveCriteria(criteria, facts.types, facts.regions);
    const regionIds = new Set([...(resolved.regionIds ?? inChildren)].filter((id) => inChildren.has(id)));
    match = { criteria: { ...resolved, regionIds }, baselineDate: null };
  } else if (query.regionId) {
    throw new AppError(ErrorCode.ValidationFailed, {
      message: '只有覆盖类目标可按区域查看',
      details: [{ field: 'regionId', message: '只适用于覆盖类目标' }],
    });
  } else if (row.target.perYear) {
    // A yearly target's figure is the latest begun year's additions: list those.
    const year = planYears(row.planPeriodStart, row.target.deadline, asOf)
      .filter((plan) => plan.begun)
      .at(-1);
    if (!year) return { items: [], total: 0 };
    match = { criteria: resolveCriteria(criteria, facts.types, facts.regions), baselineDate: year.baseline };
    return snapshot.findPlatformsMatching(ctx.db, year.day, match, targetPlatformScope(ctx.actor), query);
  } else {
    match = {
      criteria: resolveCriteria(criteria, facts.types, facts.regions),
      baselineDate: countsOnlyNew(row.target) ? additionsBaseline(row) : null,
    };
  }
  return snapshot.findPlatformsMatching(ctx.db, asOf, match, targetPlatformScope(ctx.actor), query);
}

// ——— changes ———

interface Definition {
  kind: CreateTarget['kind'];
  comparator: CreateTarget['comparator'];
  value: number;
  deadline: string;
  baselineDate: string | null;
  basis: 'stock' | 'added';
  perYear: boolean;
  perRegion: boolean;
  filter: PlatformFilter | null;
  coverageRegionId: string | null;
  metric: TargetMetric | null;
  unit: string;
}

/** Checks that a definition's references exist and lie in the plan's region; answers the columns to store. */
async function resolveDefinition(db: Executor, plan: { regionPath: string }, definition: Definition) {
  const problems = targetDefinitionProblems(definition);
  if (problems.length) {
    throw new AppError(ErrorCode.ValidationFailed, { message: problems[0]!.message, details: problems });
  }
  const filter = definition.filter;
  if (filter) {
    const types = await repository.findTypesByIds(db, filter.typeIds);
    const missingType = filter.typeIds.find((id) => !types.some((type) => type.id === id));
    if (missingType) throw invalidField('filter.typeIds', `平台类型不存在：${missingType}`);
    const systems = await repository.findSystemsByIds(db, filter.systemIds);
    const missingSystem = filter.systemIds.find((id) => !systems.some((system) => system.id === id));
    if (missingSystem) throw invalidField('filter.systemIds', `平台体系不存在：${missingSystem}`);
    if (filter.regionId) {
      const [region] = await snapshot.findRegionsByIds(db, [filter.regionId]);
      if (!region || !region.path.startsWith(plan.regionPath))
        throw invalidField('filter.regionId', '统计区域不存在或不在规划覆盖的区域内');
    }
  }
  if (definition.coverageRegionId) {
    const [region] = await snapshot.findRegionsByIds(db, [definition.coverageRegionId]);
    if (!region || !region.path.startsWith(plan.regionPath)) throw invalidField('coverageRegionId', '覆盖范围不存在或不在规划覆盖的区域内');
    if (!(await snapshot.findChildRegions(db, [region.id])).length) throw invalidField('coverageRegionId', '覆盖范围下没有下级区域');
  }
  return {
    kind: definition.kind,
    comparator: definition.comparator,
    value: definition.value,
    deadline: definition.deadline,
    baselineDate: definition.baselineDate,
    // A count with a baseline date counts additions from it (what a baseline meant before the basis existed).
    basis:
      definition.basis === 'added' || (definition.baselineDate && targetKindSpec(definition.kind).baseline === 'countsNew')
        ? ('added' as const)
        : ('stock' as const),
    perYear: definition.perYear,
    perRegion: definition.perRegion,
    typeIds: filter?.typeIds ?? [],
    levels: filter?.levels ?? [],
    systemIds: filter?.systemIds ?? [],
    statuses: filter?.statuses ?? zPlatformFilter.parse({}).statuses,
    regionId: filter?.regionId ?? null,
    coverageRegionId: definition.coverageRegionId,
    metric: definition.metric,
  };
}

/**
 * Adds a target to a plan the actor writes, inside the caller's transaction (policy ingestion adds a
 * plan's targets with the plan itself); checks, writes and audits. Returns the new target's id.
 */
export async function createTargetInTx(tx: Transaction, ctx: ActorContext, planId: string, input: CreateTarget): Promise<string> {
  const plan = await getWritablePlanRow(ctx, planId, tx);
  const columns = await resolveDefinition(tx, plan, {
    kind: input.kind,
    comparator: input.comparator,
    value: input.value,
    deadline: input.deadline,
    baselineDate: input.baselineDate ?? null,
    basis: input.basis ?? 'stock',
    perYear: input.perYear ?? false,
    perRegion: input.perRegion ?? false,
    filter: input.filter ?? null,
    coverageRegionId: input.coverageRegionId ?? null,
    metric: input.metric ?? null,
    unit: input.unit,
  });
  const row = await repository.insertTarget(tx, {
    ...columns,
    planId,
    subject: input.subject,
    unit: input.unit,
    sortOrder: input.sortOrder ?? 0,
  });
  await recordAudit(tx, ctx, { action: 'target.create', objectType: 'target', objectId: row.id, after: row });
  return row.id;
}

/** Adds a target to a plan the actor writes. */
export async function createTarget(ctx: ActorContext, planId: string, input: CreateTarget): Promise<Target> {
  const id = await inTransaction(ctx, (tx) => createTargetInTx(tx, ctx, planId, input));
  return getTarget(ctx, id);
}

/** Changes a target's definition (not its kind); its progress follows at once. */
export async function updateTarget(ctx: ActorContext, id: string, input: UpdateTarget): Promise<Target> {
  const row = await getVisibleTargetRow(ctx, id);
  const plan = await getWritablePlanRow(ctx, row.target.planId);
  const before = row.target;
  const columns = await resolveDefinition(ctx.db, plan, {
    kind: before.kind,
    comparator: input.comparator ?? before.comparator,
    value: input.value ?? before.value,
    deadline: input.deadline ?? before.deadline,
    baselineDate: input.baselineDate === undefined ? before.baselineDate : input.baselineDate,
    basis: input.basis ?? before.basis,
    perYear: input.perYear ?? before.perYear,
    perRegion: input.perRegion ?? before.perRegion,
    filter: input.filter === undefined ? filterOf(before) : input.filter,
    coverageRegionId: input.coverageRegionId === undefined ? before.coverageRegionId : input.coverageRegionId,
    metric: input.metric === undefined ? before.metric : input.metric,
    unit: input.unit ?? before.unit,
  });
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateTargetVersioned(tx, id, input.version, {
      ...columns,
      subject: input.subject ?? before.subject,
      unit: input.unit ?? before.unit,
      sortOrder: input.sortOrder ?? before.sortOrder,
    });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'target.update', objectType: 'target', objectId: id, before, after });
  });
  return getTarget(ctx, id);
}

/** Removes a target (soft delete: its reports and history stay). */
export async function deleteTarget(ctx: ActorContext, id: string, version: number): Promise<void> {
  const row = await getVisibleTargetRow(ctx, id);
  await getWritablePlanRow(ctx, row.target.planId);
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.softDeleteTarget(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'target.delete', objectType: 'target', objectId: id, before: row.target });
  });
}

/** The figures reported for an amount / ratio / index target, newest first. */
export async function findTargetReports(ctx: ActorContext, id: string): Promise<Page<TargetReport>> {
  const row = await getVisibleTargetRow(ctx, id);
  const reports = await repository.findTargetReportRows(ctx.db, [row.target.id]);
  return { items: reports.map(toTargetReport), total: reports.length };
}

/**
 * Records a reported figure (with its source and its reporter) for an amount / ratio / index target:
 * by a writer of the plan, or by a user acting for the lead unit of a task linked to the target.
 */
export async function reportTargetFigure(ctx: ActorContext, id: string, input: CreateTargetReport): Promise<TargetReport> {
  const row = await getVisibleTargetRow(ctx, id);
  if (targetKindSpec(row.target.kind).isComputed) {
    throw new AppError(ErrorCode.RuleViolation, { message: '按平台统计的目标由平台库自动计算，不能填报数值' });
  }
  if (row.target.metric) {
    throw new AppError(ErrorCode.RuleViolation, {
      message: `该目标的数值${targetMetricSources[row.target.metric]}，不能手工填报`,
    });
  }
  if (!(await reportableTargetIds(ctx.db, ctx.actor, [row])).has(id)) {
    throw new AppError(ErrorCode.Forbidden, { message: '只有规划管理部门或关联任务的牵头单位可以填报该目标的数值' });
  }
  const reportId = await inTransaction(ctx, async (tx) => {
    const created = await repository.insertTargetReport(tx, {
      targetId: id,
      period: input.period,
      periodEnd: input.periodEnd,
      value: input.value,
      source: input.source,
      note: input.note ?? null,
      reportedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'target.report', objectType: 'target', objectId: id, after: { reportId: created, ...input } });
    return created;
  });
  const reports = await repository.findTargetReportRows(ctx.db, [id]);
  return toTargetReport(reports.find((report) => report.id === reportId)!);
}

/**
 * 我的待办: the reported targets without a figure (未报送) whose figure the actor owes — as a user acting
 * for the lead unit of a task linked to the target — due by the target's deadline.
 */
export async function findTargetTodos(ctx: ActorContext, today: string): Promise<Todo[]> {
  const candidates = await repository.findTargetRows(
    ctx.db,
    { visibility: await visibleTargetsCondition(ctx), kinds: [...reportedTargetKinds] },
    null,
  );
  if (!candidates.rows.length) return [];
  const led = await findTargetIdsLedByActor(
    ctx.db,
    ctx.actor,
    candidates.rows.map((row) => row.target.id),
  );
  const mine = candidates.rows.filter((row) => led.has(row.target.id));
  if (!mine.length) return [];
  const progress = await measureTargets(ctx.db, ctx.actor, mine, today);
  return mine
    .filter((row) => progress.get(row.target.id)?.status === 'no_data')
    .map((row) => ({
      kind: 'target_report' as const,
      title: `报送目标数值：${row.target.subject}`,
      path: `/targets/${row.target.id}`,
      dueOn: row.target.deadline,
      subjectId: row.target.id,
    }));
}
