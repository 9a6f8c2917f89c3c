import { contractAmountIn, type TargetMeasure, type TargetProgress, type TargetStatus, targetKindSpec } from '@stip/contracts';
import type { Executor } from '../../db/client';
import type { Actor } from '../../shared/context';
import { addDays } from '../../shared/clock';
import * as repository from './targets.repository';
import * as snapshot from './snapshot.repository';
import { isTargetScopeByRegionAndType, overlapsScope, seesWholeRegion, targetPlatformScope } from './targets.policy';
import { forecastAtDeadline, meetsTarget, seriesStatus, targetStatus, type YearFigure } from './targets.status';
import type { SQL } from 'drizzle-orm';
import { actorRegionPath } from '../../shared/scope';
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
 * Whether a target counts additions (新建 / 新增): only the platforms that entered its filter after its
 * baseline — basis `added`, or (stored before the basis existed) a count with a baseline date. Only kinds
 * whose baseline means "counts new" do: a first (零的突破) target counts what stands on the day, and
 * reports what stood on the baseline beside it (`baselineCount`), so a breakthrough made before the plan
 * is not passed off as the plan's.
 */
export const countsOnlyNew = (target: TargetRow['target']) =>
  targetKindSpec(target.kind).baseline === 'countsNew' && (target.basis === 'added' || target.baselineDate !== null);

/** The basis a target is counted on (a legacy count with a baseline date counts additions). */
export const effectiveBasis = (target: TargetRow['target']) => (countsOnlyNew(target) ? 'added' : 'stock');

/**
 * The day after which additions count: the target's baseline date, else the day before its plan's start —
 * so a platform recognised on the plan's first day is the plan's.
 */
export const additionsBaseline = (row: TargetRow) => row.target.baselineDate ?? addDays(row.planPeriodStart, -1);

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
  laggingRegions?: { id: string; name: string }[];
  report?: TargetProgress['report'];
  baselineCount?: number;
  additionsSince?: string;
  series?: YearFigure[];
  /** Set by a measure that decides the status itself (yearly targets). */
  status?: TargetStatus;
  contracts?: TargetProgress['contracts'];
}

/** Registry figures counted in one scope: grouped snapshots per day, and additions per key (see `additionKeys`). */
interface RegistryView {
  /** Whether the figures are the actor's part only (the coverage children it sees). */
  isScoped: boolean;
  snapshots: Map<string, SnapshotGroup[]>;
  additions: Map<string, number>;
}

/** What the engine gathered for one call, shared by the measure functions. */
interface Gathered {
  actor: Actor | null;
  asOf: string;
  resolved: Map<string, ResolvedCriteria>;
  regionPaths: Map<string, string>;
  children: Awaited<ReturnType<typeof snapshot.findChildRegions>>;
  /** Reported figures of the reported targets, newest first. */
  reports: repository.TargetReportRow[];
  /** Metric targets: the sums of registered contracts, keyed as `contractAmountRanges` says. */
  contractSums: Map<string, { amount: number; count: number; from: string; to: string }>;
}

type Measure = (row: TargetRow, gathered: Gathered, view: RegistryView) => Measured;

const dayOf = (row: TargetRow, asOf: string) => measuringDay(row.target.deadline, asOf);
const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The plan years of a yearly target, each with the day its figure is taken (its end, the deadline or the
 * day asked, whichever comes first), the day after which its additions count, and whether it has begun or
 * finished on `asOf`.
 */
export function planYears(planStart: string, deadline: string, asOf: string) {
  const years: { year: number; day: string; baseline: string; begun: boolean; finished: boolean; end: string }[] = [];
  for (let year = yearOf(planStart); year <= yearOf(deadline); year++) {
    const end = `${year}-12-31` < deadline ? `${year}-12-31` : deadline;
    const first = `${year}-01-01` > planStart ? `${year}-01-01` : planStart;
    years.push({
      year,
      end,
      day: asOf < end ? asOf : end,
      baseline: addDays(first, -1),
      begun: asOf >= first,
      finished: asOf > end,
    });
  }
  return years;
}

/** The additions counts a computed target needs, keyed: its own (`id`), or one per plan year (`id:year`). */
function additionKeys(row: TargetRow, asOf: string): { key: string; day: string; baseline: string }[] {
  if (row.target.perYear) {
    return planYears(row.planPeriodStart, row.target.deadline, asOf)
      .filter((year) => year.begun)
      .map((year) => ({ key: `${row.target.id}:${year.year}`, day: year.day, baseline: year.baseline }));
  }
  if (countsOnlyNew(row.target)) return [{ key: row.target.id, day: dayOf(row, asOf), baseline: additionsBaseline(row) }];
  return [];
}

/**
 * The registry days a computed target needs: its measuring day, and its trajectory start before it (additions
 * start at 0, so not theirs); for a kind that reports its baseline beside the figure, that day always.
 */
function snapshotDays(row: TargetRow, asOf: string): string[] {
  if (row.target.perYear) return [];
  const day = dayOf(row, asOf);
  const start = startDateOf(row);
  if (targetKindSpec(row.target.kind).baseline === 'reportedBeside') return [day, start];
  if (countsOnlyNew(row.target)) return [];
  return start < day ? [day, start] : [day];
}

/** The child regions a per-region or coverage target judges, in the view's scope. */
function childRegionsOf(parentId: string, g: Gathered, view: RegistryView) {
  return g.children.filter((child) => child.parentId === parentId && (!view.isScoped || overlapsScope(g.actor, child.path)));
}

/** Yearly registry counts: the additions of each plan year, each judged against the value on its own. */
function measureYearlyAdditions(row: TargetRow, g: Gathered, view: RegistryView): Measured {
  const required = row.target.value;
  const years = planYears(row.planPeriodStart, row.target.deadline, g.asOf);
  const series: YearFigure[] = years.map((year) => {
    if (!year.begun) return { year: year.year, current: null, required, status: null };
    const current = view.additions.get(`${row.target.id}:${year.year}`) ?? 0;
    const { status } = targetStatus({
      comparator: row.target.comparator,
      required,
      current,
      start: { date: addDays(year.baseline, 1), value: 0 },
      deadline: year.end,
      asOf: g.asOf,
    });
    return { year: year.year, current, required, status };
  });
  return yearlyMeasured(row, g, years, series, { date: row.planPeriodStart, value: 0 });
}

/** The overall figures of a yearly target: the latest year begun, and the status by `seriesStatus`. */
function yearlyMeasured(
  row: TargetRow,
  g: Gathered,
  years: ReturnType<typeof planYears>,
  series: YearFigure[],
  fallbackStart: { date: string; value: number },
): Measured {
  const begun = years.filter((year) => year.begun);
  const latest = begun.at(-1);
  const latestFigure = latest ? series.find((year) => year.year === latest.year)! : null;
  return {
    current: latestFigure?.current ?? null,
    required: row.target.value,
    start: latest ? { date: addDays(latest.baseline, 1), value: 0 } : fallbackStart,
    series,
    status: seriesStatus(series, new Set(years.filter((year) => year.finished).map((year) => year.year))),
  };
}

/** Platforms of the filter in force on the day, or (additions) those that entered it after the baseline. */
const measureRegistryCount: Measure = (row, g, view) => {
  if (row.target.perYear) return measureYearlyAdditions(row, g, view);
  if (row.target.perRegion) return measurePerRegion(row, g, view);
  const criteria = g.resolved.get(row.target.id)!;
  if (countsOnlyNew(row.target)) {
    const since = addDays(additionsBaseline(row), 1);
    return {
      current: view.additions.get(row.target.id) ?? 0,
      required: row.target.value,
      start: { date: startDateOf(row), value: 0 },
      additionsSince: since,
    };
  }
  const start = startDateOf(row);
  const atStart = view.snapshots.get(start) ?? null;
  const current = countMatching(view.snapshots.get(dayOf(row, g.asOf))!, criteria);
  return {
    current,
    required: row.target.value,
    start: { date: start, value: atStart ? countMatching(atStart, criteria) : current },
  };
};

/**
 * Per-region counts (每个县…至少…): each child region of the target's region must hold the value; the
 * figure is the regions that do (countMatchingByChild, as coverage), the lagging ones listed.
 */
function measurePerRegion(row: TargetRow, g: Gathered, view: RegistryView): Measured {
  const criteria = g.resolved.get(row.target.id)!;
  const start = startDateOf(row);
  const rootPath = row.filterRegionPath ?? row.planRegionPath;
  const children = childRegionsOf(row.target.regionId ?? row.planRegionId, g, view);
  const counted = (groups: SnapshotGroup[]) => {
    const byChild = countMatchingByChild(groups, criteria, rootPath, g.regionPaths);
    return children.map((child) => ({ id: child.id, name: child.name, count: byChild.get(child.id) ?? 0 }));
  };
  const meeting = (regions: { count: number }[]) =>
    regions.filter((region) => meetsTarget(row.target.comparator, region.count, row.target.value)).length;
  const regions = counted(view.snapshots.get(dayOf(row, g.asOf))!);
  const atStart = view.snapshots.get(start) ?? null;
  const current = meeting(regions);
  return {
    current,
    required: children.length,
    start: { date: start, value: atStart ? meeting(counted(atStart)) : current },
    regions,
    laggingRegions: regions
      .filter((region) => !meetsTarget(row.target.comparator, region.count, row.target.value))
      .map(({ id, name }) => ({ id, name })),
  };
}

/** Platforms of the filter in force on the day, with what stood on the baseline beside it. */
const measureRegistryFirst: Measure = (row, g, view) => {
  const criteria = g.resolved.get(row.target.id)!;
  const start = startDateOf(row);
  const baselineCount = countMatching(view.snapshots.get(start)!, criteria);
  return {
    current: countMatching(view.snapshots.get(dayOf(row, g.asOf))!, criteria),
    required: row.target.value,
    start: { date: start, value: baselineCount },
    baselineCount,
  };
};

/** The child regions (in the view's scope) of the coverage root holding a matching platform on the day. */
const measureRegionCoverage: Measure = (row, g, view) => {
  const criteria = g.resolved.get(row.target.id)!;
  const start = startDateOf(row);
  const atStart = row.target.baselineDate ? null : (view.snapshots.get(start) ?? null);
  const rootPath = row.coverageRegionPath!;
  const mine = childRegionsOf(row.target.coverageRegionId!, g, view);
  const covered = (groups: SnapshotGroup[]) => {
    const byChild = countMatchingByChild(groups, criteria, rootPath, g.regionPaths);
    return mine.map((child) => ({ id: child.id, name: child.name, count: byChild.get(child.id) ?? 0 }));
  };
  const regions = covered(view.snapshots.get(dayOf(row, g.asOf))!);
  const current = regions.filter((region) => region.count > 0).length;
  return {
    current,
    required: Math.ceil((mine.length * row.target.value) / 100 - 1e-9),
    start: { date: start, value: atStart ? covered(atStart).filter((region) => region.count > 0).length : current },
    regions,
    emptyRegions: regions.filter((region) => region.count === 0).map(({ id, name }) => ({ id, name })),
  };
};

/** Yearly reported targets: the latest figure reported for a period ending in each plan year. */
function measureYearlyReports(row: TargetRow, g: Gathered, mine: repository.TargetReportRow[]): Measured {
  const required = row.target.value;
  const years = planYears(row.planPeriodStart, row.target.deadline, g.asOf);
  const series: YearFigure[] = years.map((year) => {
    if (!year.begun) return { year: year.year, current: null, required, status: null };
    const report = mine.find((r) => r.periodEnd >= `${year.year}-01-01` && r.periodEnd <= year.end && r.periodEnd <= year.day);
    if (!report) return { year: year.year, current: null, required, status: year.finished ? 'no_data' : null };
    const met = meetsTarget(row.target.comparator, report.value, required);
    const status: TargetStatus = met ? 'achieved' : year.finished ? 'missed' : 'at_risk';
    return { year: year.year, current: report.value, required, status };
  });
  return yearlyMeasured(row, g, years, series, { date: row.planPeriodStart, value: 0 });
}

/** The latest figure reported for a period that ended by the day. */
const measureReportedFigure: Measure = (row, g) => {
  const mine = g.reports.filter((report) => report.targetId === row.target.id);
  if (row.target.perYear) return measureYearlyReports(row, g, mine);
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

/**
 * The registered-contract sums a 技术合同登记额 target needs, keyed: its own (`id`) — from its baseline (else
 * its plan's start) to the measuring day — or one per begun plan year (`id:year`), from the year's first
 * day in the plan to the year's measuring day. Pure.
 */
export function contractAmountRanges(
  row: Pick<TargetRow, 'planPeriodStart'> & { target: Pick<TargetRow['target'], 'id' | 'perYear' | 'deadline' | 'baselineDate'> },
  asOf: string,
): { key: string; from: string; to: string }[] {
  const t = row.target;
  if (t.perYear) {
    return planYears(row.planPeriodStart, t.deadline, asOf)
      .filter((year) => year.begun)
      .map((year) => ({ key: `${t.id}:${year.year}`, from: addDays(year.baseline, 1), to: year.day }));
  }
  return [{ key: t.id, from: t.baselineDate ?? row.planPeriodStart, to: measuringDay(t.deadline, asOf) }];
}

/**
 * 技术合同登记额: the sum of the contract amounts registered in the target's region subtree — per plan year
 * (each year judged on its own) or over the whole period from the baseline. Never "未报送": no contract is 0.
 */
function measureContractAmount(row: TargetRow, g: Gathered): Measured {
  const required = row.target.value;
  if (row.target.perYear) {
    const years = planYears(row.planPeriodStart, row.target.deadline, g.asOf);
    const series: YearFigure[] = years.map((year) => {
      if (!year.begun) return { year: year.year, current: null, required, status: null };
      const current = contractAmountIn(row.target.unit, g.contractSums.get(`${row.target.id}:${year.year}`)?.amount ?? 0);
      const { status } = targetStatus({
        comparator: row.target.comparator,
        required,
        current,
        start: { date: addDays(year.baseline, 1), value: 0 },
        deadline: year.end,
        asOf: g.asOf,
      });
      return { year: year.year, current, required, status };
    });
    const measured = yearlyMeasured(row, g, years, series, { date: row.planPeriodStart, value: 0 });
    const latest = years.filter((year) => year.begun).at(-1);
    const sum = latest ? g.contractSums.get(`${row.target.id}:${latest.year}`) : undefined;
    return sum ? { ...measured, contracts: { count: sum.count, from: sum.from, to: sum.to } } : measured;
  }
  const sum = g.contractSums.get(row.target.id)!;
  return {
    current: contractAmountIn(row.target.unit, sum.amount),
    required,
    start: { date: sum.from, value: 0 },
    contracts: { count: sum.count, from: sum.from, to: sum.to },
  };
}

/** One measure function per way of measuring (a new kind names one of these, or brings its own). */
const measures: Record<TargetMeasure, Measure> = {
  registryCount: measureRegistryCount,
  registryFirst: measureRegistryFirst,
  regionCoverage: measureRegionCoverage,
  reportedFigure: measureReportedFigure,
};

/** Counts the registry for `rows` in one scope: one grouped snapshot per distinct day, one additions query per day. */
async function countRegistry(
  db: Executor,
  rows: TargetRow[],
  asOf: string,
  resolved: Map<string, ResolvedCriteria>,
  scope: SQL | undefined,
  isScoped: boolean,
  known: SnapshotGroup[] | undefined,
  /** The scope reads only region and type, so the maintained counts answer (see `countInForceByGroup`). */
  byRegionAndType: boolean,
): Promise<RegistryView> {
  const view: RegistryView = { isScoped, snapshots: new Map(), additions: new Map() };
  const days = new Set(rows.flatMap((row) => snapshotDays(row, asOf)));
  // Sequential on purpose: one connection per request keeps PGlite and the pool simple, and in parallel these
  // scans only compete for the same cores (measured with `npm run bench`).
  for (const day of days) {
    view.snapshots.set(day, day === asOf && known ? known : await snapshot.countInForceByGroup(db, day, scope, { byRegionAndType }));
  }
  // Every additions count of every target, whatever its day, in one round trip.
  const specs = rows.flatMap((row) => additionKeys(row, asOf).map((spec) => ({ ...spec, criteria: resolved.get(row.target.id)! })));
  const counted = await snapshot.countNewPlatforms(
    db,
    specs.map((spec) => ({ criteria: spec.criteria, baselineDate: spec.baseline, day: spec.day })),
    scope,
  );
  specs.forEach((spec, index) => view.additions.set(spec.key, counted[index]!));
  return view;
}

/**
 * Progress of each target on `asOf`, its figure taken on the measuring day (`asOf`, or the deadline once
 * past). Registry kinds' figures come from the registry in force that day, summed by the pure arithmetic
 * from grouped counts (one per distinct day) and additions counts (one query per day). A region-scoped
 * actor (a county user) whose scope covers only part of a target's region sees the region's own figure
 * and status — aggregate counts only — with its own part as `contribution`; other actors see the figure
 * in their scope. Reported kinds' figures come from the latest report whose period ended by then; none
 * is `no_data` (未报送), not a miss. The status follows `targetStatus` (yearly targets: `seriesStatus`).
 */
export async function measureTargets(
  db: Executor,
  actor: Actor | null,
  rows: TargetRow[],
  asOf: string,
  /** A grouped count of the registry on `asOf` the caller already holds (in the actor's scope), reused instead of counting again. */
  known?: SnapshotGroup[],
): Promise<Map<string, TargetProgress>> {
  const scope = targetPlatformScope(actor);
  const byRegionAndType = isTargetScopeByRegionAndType(actor);
  const computed = rows.filter((row) => targetKindSpec(row.target.kind).isComputed);
  const reported = rows.filter((row) => !targetKindSpec(row.target.kind).isComputed);
  const regionRoot = actorRegionPath(actor);
  const isRegionActor = typeof regionRoot === 'string' && regionRoot !== 'nothing';
  /** Rows whose figure is the whole region's though the actor sees only part: they also get `contribution`. */
  const partial = new Set(
    computed.filter((row) => isRegionActor && !seesWholeRegion(actor, measuredRegionPath(row))).map((row) => row.target.id),
  );
  const gathered: Gathered = {
    actor,
    asOf,
    resolved: new Map(),
    regionPaths: new Map(),
    children: [],
    reports: [],
    contractSums: new Map(),
  };
  const empty: RegistryView = { isScoped: true, snapshots: new Map(), additions: new Map() };
  let scoped = empty;
  let whole = empty;

  if (computed.length) {
    const facts = await snapshot.findRegistryFacts(db);
    gathered.regionPaths = new Map(facts.regions.map((region) => [region.id, region.path]));
    for (const row of computed) gathered.resolved.set(row.target.id, resolveCriteria(targetCriteria(row), facts.types, facts.regions));
    scoped = await countRegistry(db, computed, asOf, gathered.resolved, scope, true, known, byRegionAndType);
    const wholeRows = computed.filter((row) => partial.has(row.target.id));
    if (wholeRows.length) whole = await countRegistry(db, wholeRows, asOf, gathered.resolved, undefined, false, undefined, true);
    const parents = computed.flatMap((row) => [
      ...(row.target.coverageRegionId ? [row.target.coverageRegionId] : []),
      ...(row.target.perRegion ? [row.target.regionId ?? row.planRegionId] : []),
    ]);
    gathered.children = await snapshot.findChildRegions(db, [...new Set(parents)]);
  }
  const summed = reported.filter((row) => row.target.metric === 'technology_contract_amount');
  if (summed.length) {
    const ranges = summed.flatMap((row) =>
      contractAmountRanges(row, asOf).map((range) => ({ ...range, regionPath: measuredRegionPath(row) })),
    );
    const sums = await repository.sumContractAmounts(db, ranges);
    ranges.forEach((range, index) => gathered.contractSums.set(range.key, { ...sums[index]!, from: range.from, to: range.to }));
  }
  if (reported.length) {
    gathered.reports = await repository.findTargetReportRows(
      db,
      reported.map((row) => row.target.id),
    );
  }
  const actorRegion = partial.size && actor?.regionId ? (await snapshot.findRegionsByIds(db, [actor.regionId]))[0] : undefined;

  const progress = new Map<string, TargetProgress>();
  for (const row of rows) {
    const spec = targetKindSpec(row.target.kind);
    const isPartial = partial.has(row.target.id);
    const figures = row.target.metric
      ? measureContractAmount(row, gathered)
      : measures[spec.measure](row, gathered, isPartial ? whole : scoped);
    const trajectory = targetStatus({
      comparator: row.target.comparator,
      required: figures.required,
      current: figures.current,
      start: figures.start,
      deadline: row.target.deadline,
      asOf,
    });
    // No figure reported is not a miss: the reporting unit owes one (未报送).
    const status = figures.status ?? (!spec.isComputed && figures.current === null ? 'no_data' : trajectory.status);
    const forecast =
      status === 'on_track' || status === 'at_risk'
        ? forecastAtDeadline({ ...figures, comparator: row.target.comparator, deadline: row.target.deadline, asOf })
        : null;
    const contribution =
      isPartial && actorRegion
        ? { region: { id: actorRegion.id, name: actorRegion.name }, current: measures[spec.measure](row, gathered, scoped).current ?? 0 }
        : null;
    progress.set(row.target.id, {
      asOf,
      measuredOn: dayOf(row, asOf),
      current: figures.current,
      required: figures.required,
      status,
      start: figures.start,
      expected: Math.round(trajectory.expected * 100) / 100,
      isScopeLimited: spec.isComputed && !seesWholeRegion(actor, measuredRegionPath(row)),
      contribution,
      forecast,
      ...(figures.regions ? { regions: figures.regions } : {}),
      ...(figures.emptyRegions ? { emptyRegions: figures.emptyRegions } : {}),
      ...(figures.laggingRegions ? { laggingRegions: figures.laggingRegions } : {}),
      ...(figures.additionsSince ? { additionsSince: figures.additionsSince } : {}),
      ...(figures.series ? { series: figures.series } : {}),
      ...(figures.report !== undefined ? { report: figures.report } : {}),
      ...(figures.contracts ? { contracts: figures.contracts } : {}),
      ...(figures.baselineCount !== undefined ? { baselineCount: figures.baselineCount } : {}),
    });
  }
  return progress;
}
