import type { SQL } from 'drizzle-orm';
import {
  type CreateTarget,
  type CreateTargetReport,
  ErrorCode,
  isComputedTargetKind,
  type Page,
  type Platform,
  type PlatformFilter,
  type Target,
  type TargetPlatformQuery,
  type TargetProgress,
  type TargetQuery,
  type TargetReport,
  type UpdateTarget,
  targetDefinitionProblems,
  zPlatformFilter,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type Actor, type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit/audit.service';
import { todayInChina } from '../../shared/clock';
import { getWritablePlanRow, visiblePlansCondition } from '../plans/plans.service';
import { findTargetIdsLedByActor } from '../tasks/tasks.service';
import * as repository from './targets.repository';
import * as snapshot from './snapshot.repository';
import { canReportTargetFigure, overlapsScope, seesWholeRegion, targetPlatformScope } from './targets.policy';
import { targetStatus } from './targets.status';
import {
  countMatching,
  countMatchingByChild,
  type PlatformCriteria,
  type ResolvedCriteria,
  resolveCriteria,
  type SnapshotGroup,
} from './targets.arithmetic';

type TargetRow = repository.TargetRow;

/** The platform criteria of a computed target: its filter, in its region (the plan's by default). */
export function targetCriteria(row: TargetRow): PlatformCriteria {
  const t = row.target;
  return {
    typeIds: t.typeIds,
    levels: t.levels,
    systemIds: t.systemIds,
    statuses: t.statuses,
    regionPath: row.filterRegionPath ?? row.planRegionPath,
  };
}

/** Where a target's trajectory starts: its baseline, else its plan's start. */
const startDateOf = (row: TargetRow) => row.target.baselineDate ?? row.planPeriodStart;

/**
 * Whether a target counts only the platforms that entered its filter after its baseline (新建). A
 * first (零的突破) target never does: it counts what stands on the day, and reports what stood on
 * the baseline beside it (`baselineCount`), so a breakthrough made before the plan is not passed off
 * as the plan's.
 */
const countsOnlyNew = (target: TargetRow['target']) => target.baselineDate !== null && target.kind === 'count';

/**
 * The day a target's figure is taken when asked on `asOf`: that day, or the deadline once it has
 * passed — what a target asks for is what stood by its deadline (an annual "新建" count must not keep
 * growing with later years), so after the deadline the figure and its status are final.
 */
export const measuringDay = (deadline: string, asOf: string) => (asOf > deadline ? deadline : asOf);

interface Measured {
  current: number | null;
  required: number;
  start: { date: string; value: number };
  regions?: { id: string; name: string; count: number }[];
  emptyRegions?: { id: string; name: string }[];
  report?: TargetProgress['report'];
  baselineCount?: number;
}

/**
 * Progress of each target on `asOf`, as the actor may see it, its figure taken on the measuring day
 * (`asOf`, or the deadline once past). Count / first / coverage figures come from the registry in
 * force that day: one grouped count per distinct day (the day asked and each
 * trajectory start) summed by the pure arithmetic, plus one query for all 新建 counts. Amount / ratio /
 * index figures come from the latest report whose period ended by then. The status follows
 * `targetStatus`.
 */
export async function measureTargets(
  db: Executor,
  actor: Actor | null,
  rows: TargetRow[],
  asOf: string,
  /** A grouped count of the registry on `asOf` the caller already holds (same scope), reused instead of counting again. */
  known?: SnapshotGroup[],
): Promise<Map<string, TargetProgress>> {
  const scope = targetPlatformScope(actor);
  const measured = new Map<string, Measured>();
  const computed = rows.filter((row) => isComputedTargetKind(row.target.kind));
  const reported = rows.filter((row) => !isComputedTargetKind(row.target.kind));

  if (computed.length) {
    const facts = await snapshot.findRegistryFacts(db);
    const regionPaths = new Map(facts.regions.map((region) => [region.id, region.path]));
    const resolved = new Map(computed.map((row) => [row.target.id, resolveCriteria(targetCriteria(row), facts.types, facts.regions)]));
    // One snapshot per distinct day: each measuring day, and each trajectory start before it (新建 counts start at 0);
    // for a first target its baseline always, since what stood then is reported beside the figure.
    const dayOf = (row: TargetRow) => measuringDay(row.target.deadline, asOf);
    const days = new Set(computed.map(dayOf));
    for (const row of computed) {
      if (row.target.kind === 'first') days.add(startDateOf(row));
      else if (!row.target.baselineDate && startDateOf(row) < dayOf(row)) days.add(startDateOf(row));
    }
    // Sequential on purpose: one connection per request keeps PGlite and the pool simple, and in parallel these
    // scans only compete for the same cores (measured with `npm run bench`).
    const snapshots = new Map<string, SnapshotGroup[]>();
    for (const day of days) snapshots.set(day, day === asOf && known ? known : await snapshot.countInForceByGroup(db, day, scope));
    const newCounts = new Map<string, number>();
    const newRows = computed.filter((row) => countsOnlyNew(row.target));
    for (const day of new Set(newRows.map(dayOf))) {
      const onDay = newRows.filter((row) => dayOf(row) === day);
      const counted = await snapshot.countNewPlatforms(
        db,
        day,
        onDay.map((row) => ({ criteria: resolved.get(row.target.id)!, baselineDate: row.target.baselineDate! })),
        scope,
      );
      onDay.forEach((row, index) => newCounts.set(row.target.id, counted[index]!));
    }
    const children = await snapshot.findChildRegions(db, [
      ...new Set(computed.flatMap((row) => (row.target.coverageRegionId ? [row.target.coverageRegionId] : []))),
    ]);

    for (const row of computed) {
      const criteria = resolved.get(row.target.id)!;
      const start = startDateOf(row);
      const atStart = row.target.baselineDate ? null : (snapshots.get(start) ?? null);
      if (row.target.kind === 'coverage') {
        const rootPath = row.coverageRegionPath!;
        const mine = children.filter((child) => child.parentId === row.target.coverageRegionId && overlapsScope(actor, child.path));
        const covered = (groups: SnapshotGroup[]) => {
          const byChild = countMatchingByChild(groups, criteria, rootPath, regionPaths);
          return mine.map((child) => ({ id: child.id, name: child.name, count: byChild.get(child.id) ?? 0 }));
        };
        const regions = covered(snapshots.get(dayOf(row))!);
        const current = regions.filter((region) => region.count > 0).length;
        measured.set(row.target.id, {
          current,
          required: Math.ceil((mine.length * row.target.value) / 100 - 1e-9),
          start: { date: start, value: atStart ? covered(atStart).filter((region) => region.count > 0).length : current },
          regions,
          emptyRegions: regions.filter((region) => region.count === 0).map(({ id, name }) => ({ id, name })),
        });
      } else if (row.target.kind === 'first') {
        const baselineCount = countMatching(snapshots.get(start)!, criteria);
        measured.set(row.target.id, {
          current: countMatching(snapshots.get(dayOf(row))!, criteria),
          required: row.target.value,
          start: { date: start, value: baselineCount },
          baselineCount,
        });
      } else {
        const current = newCounts.get(row.target.id) ?? countMatching(snapshots.get(dayOf(row))!, criteria);
        measured.set(row.target.id, {
          current,
          required: row.target.value,
          start: { date: start, value: row.target.baselineDate ? 0 : atStart ? countMatching(atStart, criteria) : current },
        });
      }
    }
  }

  if (reported.length) {
    const reports = await repository.findTargetReportRows(
      db,
      reported.map((row) => row.target.id),
    );
    for (const row of reported) {
      const mine = reports.filter((report) => report.targetId === row.target.id);
      const day = measuringDay(row.target.deadline, asOf);
      const latest = mine.find((report) => report.periodEnd <= day) ?? null;
      const planStart = row.planPeriodStart;
      let start = { date: planStart, value: 0 };
      // Amounts accumulate from zero over the period; a level (ratio, index) starts where it stood.
      if (row.target.kind !== 'amount') {
        const before = mine.find((report) => report.periodEnd <= planStart);
        const earliest = [...mine].reverse().find((report) => report.periodEnd <= day);
        if (before) start = { date: planStart, value: before.value };
        else if (earliest) start = { date: earliest.periodEnd, value: earliest.value };
      }
      measured.set(row.target.id, {
        current: latest?.value ?? null,
        required: row.target.value,
        start,
        report: latest
          ? { id: latest.id, period: latest.period, periodEnd: latest.periodEnd, source: latest.source, reportedBy: latest.reportedBy }
          : null,
      });
    }
  }

  const progress = new Map<string, TargetProgress>();
  for (const row of rows) {
    const figures = measured.get(row.target.id)!;
    const { status, expected } = targetStatus({
      comparator: row.target.comparator,
      required: figures.required,
      current: figures.current,
      start: figures.start,
      deadline: row.target.deadline,
      asOf,
    });
    const regionPath = row.target.kind === 'coverage' ? row.coverageRegionPath! : (row.filterRegionPath ?? row.planRegionPath);
    progress.set(row.target.id, {
      asOf,
      measuredOn: measuringDay(row.target.deadline, asOf),
      current: figures.current,
      required: figures.required,
      status,
      start: figures.start,
      expected: Math.round(expected * 100) / 100,
      isScopeLimited: isComputedTargetKind(row.target.kind) && !seesWholeRegion(actor, regionPath),
      ...(figures.regions ? { regions: figures.regions, emptyRegions: figures.emptyRegions } : {}),
      ...(figures.report !== undefined ? { report: figures.report } : {}),
      ...(figures.baselineCount !== undefined ? { baselineCount: figures.baselineCount } : {}),
    });
  }
  return progress;
}

/**
 * The reported (amount / ratio / index) targets among `rows` the actor may report a figure on: those of
 * the plans it writes, and those linked to a task whose lead unit it acts for (targets.policy.ts).
 */
async function reportableTargetIds(db: Executor, actor: Actor | null, rows: TargetRow[]): Promise<Set<string>> {
  const reported = rows.filter((row) => !isComputedTargetKind(row.target.kind));
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
  const [types, systems] = await Promise.all([
    repository.findTypesByIds(db, [...typeIds]),
    repository.findSystemsByIds(db, [...systemIds]),
  ]);
  const typeNames = new Map(types.map((type) => [type.id, type.name]));
  const systemNames = new Map(systems.map((system) => [system.id, system.name]));
  return rows.map((row) => {
    const t = row.target;
    const computed = isComputedTargetKind(t.kind);
    return {
      id: t.id,
      planId: t.planId,
      planTitle: row.planTitle,
      kind: t.kind,
      subject: t.subject,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      deadline: t.deadline,
      baselineDate: t.baselineDate,
      filter: computed
        ? {
            types: t.typeIds.map((id) => ({ id, name: typeNames.get(id) ?? '（已删除的类型）' })),
            levels: t.levels,
            systems: t.systemIds.map((id) => ({ id, name: systemNames.get(id) ?? '（已删除的体系）' })),
            statuses: t.statuses,
            region: { id: t.regionId ?? row.planRegionId, name: row.filterRegionName ?? row.planRegionName },
          }
        : null,
      coverageRegion: t.coverageRegionId ? { id: t.coverageRegionId, name: row.coverageRegionName! } : null,
      sortOrder: t.sortOrder,
      progress: progress.get(t.id)!,
      link: computed ? { to: `/targets/${t.id}/platforms`, query: { asOf: measuringDay(t.deadline, asOf) } } : null,
      canReport: reporters.has(t.id),
      isDemo: t.isDemo,
      version: t.version,
    };
  });
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
  const page = await repository.findTargetRows(
    ctx.db,
    { visibility: await visibleTargetsCondition(ctx), planId: query.planId, kinds: query.kind },
    { limit: query.limit, offset: query.offset },
  );
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

/** Maps a registry snapshot row to the registry's list item. */
export function toPlatform(row: snapshot.SnapshotRow): Platform {
  return {
    id: row.id,
    name: row.name,
    typeId: row.typeId,
    typeName: row.typeName,
    systemId: row.systemId,
    systemName: row.systemName,
    level: row.level,
    hostOrganizationId: row.hostOrganizationId,
    hostOrganizationName: row.hostOrganizationName,
    coBuilders: row.coBuilders,
    regionId: row.regionId,
    regionName: row.regionName,
    industry: row.industry,
    technicalFields: row.technicalFields,
    director: row.director,
    status: row.status,
    recognitionDocNo: row.recognitionDocNo,
    recognizedOn: row.recognizedOn,
    constructionEndsOn: row.constructionEndsOn,
    parentPlatformId: row.parentPlatformId,
    parentPlatformName: row.parentPlatformName,
    successorPlatformId: row.successorPlatformId,
    successorPlatformName: row.successorPlatformName,
    remarks: row.remarks,
    isDemo: row.isDemo,
    version: row.lockVersion,
    validFrom: row.validFrom,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The platforms a computed target counts on `asOf` (as the actor may see them); for coverage, those
 * in the covered child regions (or in one of them, `regionId`).
 */
export async function findTargetPlatforms(ctx: ActorContext, id: string, query: TargetPlatformQuery): Promise<Page<Platform>> {
  const row = await getVisibleTargetRow(ctx, id);
  if (!isComputedTargetKind(row.target.kind)) {
    throw new AppError(ErrorCode.RuleViolation, { message: '填报类目标不按平台统计，没有计入的平台清单' });
  }
  const asOf = query.asOf ?? todayInChina();
  const facts = await snapshot.findRegistryFacts(ctx.db);
  const criteria = targetCriteria(row);
  let match: { criteria: ResolvedCriteria; baselineDate: string | null };
  if (row.target.kind === 'coverage') {
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
  } else {
    match = {
      criteria: resolveCriteria(criteria, facts.types, facts.regions),
      baselineDate: countsOnlyNew(row.target) ? row.target.baselineDate : null,
    };
  }
  const page = await snapshot.findPlatformsMatching(ctx.db, asOf, match, targetPlatformScope(ctx.actor), query);
  return { items: page.rows.map(toPlatform), total: page.total };
}

// ——— changes ———

function invalid(field: string, message: string): AppError {
  return new AppError(ErrorCode.ValidationFailed, { message, details: [{ field, message }] });
}

interface Definition {
  kind: CreateTarget['kind'];
  comparator: CreateTarget['comparator'];
  value: number;
  deadline: string;
  baselineDate: string | null;
  filter: PlatformFilter | null;
  coverageRegionId: string | null;
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
    if (missingType) throw invalid('filter.typeIds', `平台类型不存在：${missingType}`);
    const systems = await repository.findSystemsByIds(db, filter.systemIds);
    const missingSystem = filter.systemIds.find((id) => !systems.some((system) => system.id === id));
    if (missingSystem) throw invalid('filter.systemIds', `平台体系不存在：${missingSystem}`);
    if (filter.regionId) {
      const [region] = await snapshot.findRegionsByIds(db, [filter.regionId]);
      if (!region || !region.path.startsWith(plan.regionPath)) throw invalid('filter.regionId', '统计区域不存在或不在规划覆盖的区域内');
    }
  }
  if (definition.coverageRegionId) {
    const [region] = await snapshot.findRegionsByIds(db, [definition.coverageRegionId]);
    if (!region || !region.path.startsWith(plan.regionPath)) throw invalid('coverageRegionId', '覆盖范围不存在或不在规划覆盖的区域内');
    if (!(await snapshot.findChildRegions(db, [region.id])).length) throw invalid('coverageRegionId', '覆盖范围下没有下级区域');
  }
  return {
    kind: definition.kind,
    comparator: definition.comparator,
    value: definition.value,
    deadline: definition.deadline,
    baselineDate: definition.baselineDate,
    typeIds: filter?.typeIds ?? [],
    levels: filter?.levels ?? [],
    systemIds: filter?.systemIds ?? [],
    statuses: filter?.statuses ?? zPlatformFilter.parse({}).statuses,
    regionId: filter?.regionId ?? null,
    coverageRegionId: definition.coverageRegionId,
  };
}

function filterOf(record: repository.TargetRecord): PlatformFilter | null {
  if (!isComputedTargetKind(record.kind)) return null;
  return {
    typeIds: record.typeIds,
    levels: record.levels,
    systemIds: record.systemIds,
    statuses: record.statuses,
    regionId: record.regionId,
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
    filter: input.filter ?? null,
    coverageRegionId: input.coverageRegionId ?? null,
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
    filter: input.filter === undefined ? filterOf(before) : input.filter,
    coverageRegionId: input.coverageRegionId === undefined ? before.coverageRegionId : input.coverageRegionId,
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

export async function deleteTarget(ctx: ActorContext, id: string, version: number): Promise<void> {
  const row = await getVisibleTargetRow(ctx, id);
  await getWritablePlanRow(ctx, row.target.planId);
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.softDeleteTarget(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'target.delete', objectType: 'target', objectId: id, before: row.target });
  });
}

function toTargetReport(row: repository.TargetReportRow): TargetReport {
  return { ...row, reportedAt: row.reportedAt.toISOString() };
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
  if (isComputedTargetKind(row.target.kind)) {
    throw new AppError(ErrorCode.RuleViolation, { message: '按平台统计的目标由平台库自动计算，不能填报数值' });
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
