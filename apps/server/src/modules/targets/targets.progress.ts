import { type TargetMeasure, type TargetProgress, targetKindSpec } from '@stip/contracts';
import type { Executor } from '../../db/client';
import type { Actor } from '../../shared/context';
import * as repository from './targets.repository';
import * as snapshot from './snapshot.repository';
import { isTargetScopeByRegionAndType, overlapsScope, seesWholeRegion, targetPlatformScope } from './targets.policy';
import { targetStatus } from './targets.status';
import {
  countMatching,
  countMatchingByChild,
  type PlatformCriteria,
  type ResolvedCriteria,
  resolveCriteria,
  type SnapshotGroup,
} from './targets.arithmetic';

/**
 * The progress engine: each target's figure on a day, measured the way its kind's registry entry
 * (`targetKindRegistry` in @stip/contracts) says, by the measure function for that way below.
 */

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
export const startDateOf = (row: TargetRow) => row.target.baselineDate ?? row.planPeriodStart;

/**
 * Whether a target counts only the platforms that entered its filter after its baseline (新建): only
 * kinds whose baseline means "counts new". A first (零的突破) target never does: it counts what stands
 * on the day, and reports what stood on the baseline beside it (`baselineCount`), so a breakthrough
 * made before the plan is not passed off as the plan's.
 */
export const countsOnlyNew = (target: TargetRow['target']) =>
  target.baselineDate !== null && targetKindSpec(target.kind).baseline === 'countsNew';

/**
 * The day a target's figure is taken when asked on `asOf`: that day, or the deadline once it has
 * passed — what a target asks for is what stood by its deadline (an annual "新建" count must not keep
 * growing with later years), so after the deadline the figure and its status are final.
 */
export const measuringDay = (deadline: string, asOf: string) => (asOf > deadline ? deadline : asOf);

/** The region a target's figure is about: the coverage root, else its filter's region, else its plan's. */
export const measuredRegionPath = (row: TargetRow) =>
  targetKindSpec(row.target.kind).needsCoverageRegion ? row.coverageRegionPath! : (row.filterRegionPath ?? row.planRegionPath);

export interface Measured {
  current: number | null;
  required: number;
  start: { date: string; value: number };
  regions?: { id: string; name: string; count: number }[];
  emptyRegions?: { id: string; name: string }[];
  report?: TargetProgress['report'];
  baselineCount?: number;
}

/** What the engine gathered for one call, shared by the measure functions. */
interface Gathered {
  actor: Actor | null;
  asOf: string;
  /** Grouped registry counts per day asked for (see `snapshotDays`). */
  snapshots: Map<string, SnapshotGroup[]>;
  /** 新建 counts per target id. */
  newCounts: Map<string, number>;
  resolved: Map<string, ResolvedCriteria>;
  regionPaths: Map<string, string>;
  children: Awaited<ReturnType<typeof snapshot.findChildRegions>>;
  /** Reported figures of the reported targets, newest first. */
  reports: repository.TargetReportRow[];
}

type Measure = (row: TargetRow, gathered: Gathered) => Measured;

const dayOf = (row: TargetRow, asOf: string) => measuringDay(row.target.deadline, asOf);

/**
 * The registry days a computed target needs: its measuring day, and its trajectory start before it (新建
 * counts start at 0, so not theirs); for a kind that reports its baseline beside the figure, that day always.
 */
function snapshotDays(row: TargetRow, asOf: string): string[] {
  const day = dayOf(row, asOf);
  const start = startDateOf(row);
  if (targetKindSpec(row.target.kind).baseline === 'reportedBeside') return [day, start];
  return !row.target.baselineDate && start < day ? [day, start] : [day];
}

/** Platforms of the filter in force on the day, or (新建) those that entered it after the baseline. */
const measureRegistryCount: Measure = (row, g) => {
  const criteria = g.resolved.get(row.target.id)!;
  const start = startDateOf(row);
  const atStart = row.target.baselineDate ? null : (g.snapshots.get(start) ?? null);
  const current = g.newCounts.get(row.target.id) ?? countMatching(g.snapshots.get(dayOf(row, g.asOf))!, criteria);
  return {
    current,
    required: row.target.value,
    start: { date: start, value: row.target.baselineDate ? 0 : atStart ? countMatching(atStart, criteria) : current },
  };
};

/** Platforms of the filter in force on the day, with what stood on the baseline beside it. */
const measureRegistryFirst: Measure = (row, g) => {
  const criteria = g.resolved.get(row.target.id)!;
  const start = startDateOf(row);
  const baselineCount = countMatching(g.snapshots.get(start)!, criteria);
  return {
    current: countMatching(g.snapshots.get(dayOf(row, g.asOf))!, criteria),
    required: row.target.value,
    start: { date: start, value: baselineCount },
    baselineCount,
  };
};

/** The child regions (in the actor's scope) of the coverage root holding a matching platform on the day. */
const measureRegionCoverage: Measure = (row, g) => {
  const criteria = g.resolved.get(row.target.id)!;
  const start = startDateOf(row);
  const atStart = row.target.baselineDate ? null : (g.snapshots.get(start) ?? null);
  const rootPath = row.coverageRegionPath!;
  const mine = g.children.filter((child) => child.parentId === row.target.coverageRegionId && overlapsScope(g.actor, child.path));
  const covered = (groups: SnapshotGroup[]) => {
    const byChild = countMatchingByChild(groups, criteria, rootPath, g.regionPaths);
    return mine.map((child) => ({ id: child.id, name: child.name, count: byChild.get(child.id) ?? 0 }));
  };
  const regions = covered(g.snapshots.get(dayOf(row, g.asOf))!);
  const current = regions.filter((region) => region.count > 0).length;
  return {
    current,
    required: Math.ceil((mine.length * row.target.value) / 100 - 1e-9),
    start: { date: start, value: atStart ? covered(atStart).filter((region) => region.count > 0).length : current },
    regions,
    emptyRegions: regions.filter((region) => region.count === 0).map(({ id, name }) => ({ id, name })),
  };
};

/** The latest figure reported for a period that ended by the day. */
const measureReportedFigure: Measure = (row, g) => {
  const mine = g.reports.filter((report) => report.targetId === row.target.id);
  const day = dayOf(row, g.asOf);
  const latest = mine.find((report) => report.periodEnd <= day) ?? null;
  const planStart = row.planPeriodStart;
  let start = { date: planStart, value: 0 };
  // Amounts accumulate from zero over the period; a level (ratio, index) starts where it stood.
  if (targetKindSpec(row.target.kind).startsFrom === 'level') {
    const before = mine.find((report) => report.periodEnd <= planStart);
    const earliest = [...mine].reverse().find((report) => report.periodEnd <= day);
    if (before) start = { date: planStart, value: before.value };
    else if (earliest) start = { date: earliest.periodEnd, value: earliest.value };
  }
  return {
    current: latest?.value ?? null,
    required: row.target.value,
    start,
    report: latest
      ? { id: latest.id, period: latest.period, periodEnd: latest.periodEnd, source: latest.source, reportedBy: latest.reportedBy }
      : null,
  };
};

/** One measure function per way of measuring (a new kind names one of these, or brings its own). */
const measures: Record<TargetMeasure, Measure> = {
  registryCount: measureRegistryCount,
  registryFirst: measureRegistryFirst,
  regionCoverage: measureRegionCoverage,
  reportedFigure: measureReportedFigure,
};

/**
 * Progress of each target on `asOf`, as the actor may see it, its figure taken on the measuring day
 * (`asOf`, or the deadline once past). Registry kinds' figures come from the registry in force that
 * day: one grouped count per distinct day (the day asked and each trajectory start) summed by the pure
 * arithmetic, plus one query for all 新建 counts. Reported kinds' figures come from the latest report
 * whose period ended by then. The status follows `targetStatus`.
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
  const byRegionAndType = isTargetScopeByRegionAndType(actor);
  const computed = rows.filter((row) => targetKindSpec(row.target.kind).isComputed);
  const reported = rows.filter((row) => !targetKindSpec(row.target.kind).isComputed);
  const gathered: Gathered = {
    actor,
    asOf,
    snapshots: new Map(),
    newCounts: new Map(),
    resolved: new Map(),
    regionPaths: new Map(),
    children: [],
    reports: [],
  };

  if (computed.length) {
    const facts = await snapshot.findRegistryFacts(db);
    gathered.regionPaths = new Map(facts.regions.map((region) => [region.id, region.path]));
    for (const row of computed) gathered.resolved.set(row.target.id, resolveCriteria(targetCriteria(row), facts.types, facts.regions));
    const days = new Set(computed.flatMap((row) => snapshotDays(row, asOf)));
    // Sequential on purpose: one connection per request keeps PGlite and the pool simple, and in parallel these
    // scans only compete for the same cores (measured with `npm run bench`).
    for (const day of days) {
      gathered.snapshots.set(day, day === asOf && known ? known : await snapshot.countInForceByGroup(db, day, scope, { byRegionAndType }));
    }
    const newRows = computed.filter((row) => countsOnlyNew(row.target));
    for (const day of new Set(newRows.map((row) => dayOf(row, asOf)))) {
      const onDay = newRows.filter((row) => dayOf(row, asOf) === day);
      const counted = await snapshot.countNewPlatforms(
        db,
        day,
        onDay.map((row) => ({ criteria: gathered.resolved.get(row.target.id)!, baselineDate: row.target.baselineDate! })),
        scope,
      );
      onDay.forEach((row, index) => gathered.newCounts.set(row.target.id, counted[index]!));
    }
    gathered.children = await snapshot.findChildRegions(db, [
      ...new Set(computed.flatMap((row) => (row.target.coverageRegionId ? [row.target.coverageRegionId] : []))),
    ]);
  }
  if (reported.length) {
    gathered.reports = await repository.findTargetReportRows(
      db,
      reported.map((row) => row.target.id),
    );
  }

  const progress = new Map<string, TargetProgress>();
  for (const row of rows) {
    const spec = targetKindSpec(row.target.kind);
    const figures = measures[spec.measure](row, gathered);
    const { status, expected } = targetStatus({
      comparator: row.target.comparator,
      required: figures.required,
      current: figures.current,
      start: figures.start,
      deadline: row.target.deadline,
      asOf,
    });
    progress.set(row.target.id, {
      asOf,
      measuredOn: dayOf(row, asOf),
      current: figures.current,
      required: figures.required,
      status,
      start: figures.start,
      expected: Math.round(expected * 100) / 100,
      isScopeLimited: spec.isComputed && !seesWholeRegion(actor, measuredRegionPath(row)),
      ...(figures.regions ? { regions: figures.regions, emptyRegions: figures.emptyRegions } : {}),
      ...(figures.report !== undefined ? { report: figures.report } : {}),
      ...(figures.baselineCount !== undefined ? { baselineCount: figures.baselineCount } : {}),
    });
  }
  return progress;
}
