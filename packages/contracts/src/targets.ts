import { z } from 'zod';
import { zDate, zId, zLimit, zName, zOffset, zText, zVersion, zCsv } from './common';
import { zPlatformLevel } from './taxonomy';
import { livePlatformStatuses, zNamedRef, zPlatformStatus } from './platforms';

/**
 * How a target kind's progress is measured: platforms of a filter in force in the registry on a day
 * (`registryCount`), the same with what stood on the baseline reported beside it (`registryFirst`, 零的突破),
 * the child regions of a region that hold at least one matching platform (`regionCoverage`), or the
 * latest figure people reported for a period (`reportedFigure`). The server's progress engine
 * (modules/targets/targets.progress.ts) holds one measure function for each.
 */
export const targetMeasures = ['registryCount', 'registryFirst', 'regionCoverage', 'reportedFigure'] as const;
export type TargetMeasure = (typeof targetMeasures)[number];

/** One target kind: what it is called, how it is measured, defined, reported and displayed. */
export interface TargetKindSpec {
  /** The Chinese name (the web catalogue and the brief use it). */
  label: string;
  /** The brief's category column; a count with a baseline is "新建数量". */
  briefCategory: string;
  measure: TargetMeasure;
  /** Computed from the registry (a platform filter is required) rather than reported by people. */
  isComputed: boolean;
  /**
   * What a baseline day means: `countsNew` — only platforms that entered the filter after it count (新建);
   * `reportedBeside` — the figure stands, and what stood on it is reported beside it; `none` — not allowed.
   */
  baseline: 'countsNew' | 'reportedBeside' | 'none';
  /** Reported kinds: where the trajectory starts — `zero` (amounts accumulate over the period) or the `level` it stood at. */
  startsFrom: 'zero' | 'level';
  /** Coverage targets need the region whose child regions must each be covered; no other kind has one. */
  needsCoverageRegion: boolean;
  /** The value's meaning and bounds: a figure, a share of regions in percent (1—100), or at least 1 (a breakthrough). */
  value: 'figure' | 'percentOfRegions' | 'atLeastOne';
  /** Display: the unit the figure is counted in — the target's own, or regions (coverage). */
  figureUnit: 'own' | 'regions';
  /** The unit a new target of the kind starts with (empty: keep what was typed). */
  defaultUnit: string;
}

/**
 * The target kinds (DOMAIN.md §3), one entry each: a fixed code set (each needs its measure function),
 * so it is a database enum (`target_kind`) rather than city data. Adding a kind is one entry here plus
 * its measure function in targets.progress.ts (and a migration extending the enum).
 */
export const targetKindRegistry = {
  count: {
    label: '数量',
    briefCategory: '数量',
    measure: 'registryCount',
    isComputed: true,
    baseline: 'countsNew',
    startsFrom: 'level',
    needsCoverageRegion: false,
    value: 'figure',
    figureUnit: 'own',
    defaultUnit: '',
  },
  first: {
    label: '零的突破',
    briefCategory: '零的突破',
    measure: 'registryFirst',
    isComputed: true,
    baseline: 'reportedBeside',
    startsFrom: 'level',
    needsCoverageRegion: false,
    value: 'atLeastOne',
    figureUnit: 'own',
    defaultUnit: '家',
  },
  coverage: {
    label: '全覆盖',
    briefCategory: '全覆盖',
    measure: 'regionCoverage',
    isComputed: true,
    baseline: 'none',
    startsFrom: 'level',
    needsCoverageRegion: true,
    value: 'percentOfRegions',
    figureUnit: 'regions',
    defaultUnit: '%',
  },
  amount: {
    label: '数额',
    briefCategory: '填报',
    measure: 'reportedFigure',
    isComputed: false,
    baseline: 'none',
    startsFrom: 'zero',
    needsCoverageRegion: false,
    value: 'figure',
    figureUnit: 'own',
    defaultUnit: '',
  },
  ratio: {
    label: '比率',
    briefCategory: '填报',
    measure: 'reportedFigure',
    isComputed: false,
    baseline: 'none',
    startsFrom: 'level',
    needsCoverageRegion: false,
    value: 'figure',
    figureUnit: 'own',
    defaultUnit: '',
  },
  index: {
    label: '指数',
    briefCategory: '填报',
    measure: 'reportedFigure',
    isComputed: false,
    baseline: 'none',
    startsFrom: 'level',
    needsCoverageRegion: false,
    value: 'figure',
    figureUnit: 'own',
    defaultUnit: '',
  },
} as const satisfies Record<string, TargetKindSpec>;

export type TargetKind = keyof typeof targetKindRegistry;
/** The kinds in the registry's order (count / first / coverage are computed; amount / ratio / index reported). */
export const targetKinds = Object.keys(targetKindRegistry) as [TargetKind, ...TargetKind[]];
export const zTargetKind = z.enum(targetKinds);
/** The registry entry of a kind. */
export const targetKindSpec = (kind: TargetKind): TargetKindSpec => targetKindRegistry[kind];
export const computedTargetKinds: readonly TargetKind[] = targetKinds.filter((kind) => targetKindRegistry[kind].isComputed);
export const reportedTargetKinds: readonly TargetKind[] = targetKinds.filter((kind) => !targetKindRegistry[kind].isComputed);
export const isComputedTargetKind = (kind: TargetKind) => targetKindRegistry[kind].isComputed;

/**
 * Where an amount target's figure comes from when people do not report it: `technology_contract_amount`
 * (技术合同登记额) — the sum of the amounts (万元) of the technology contracts registered in the target's
 * region subtree, per plan year for yearly targets, else from the baseline (or the plan's start) to the day.
 */
export const targetMetrics = ['technology_contract_amount'] as const;
export const zTargetMetric = z.enum(targetMetrics);
export type TargetMetric = z.infer<typeof zTargetMetric>;
export const targetMetricLabels: Record<TargetMetric, string> = { technology_contract_amount: '技术合同登记额' };
/**
 * The units a 技术合同登记额 target may be counted in, and how many 万元 (the contracts' unit) one of each is: the
 * 人民币 units plans write such a figure in (a plan read by policy ingestion may say 元 or 千万元).
 */
export const contractAmountUnits: Record<string, number> = { 元: 0.0001, 万元: 1, 千万元: 1000, 亿元: 10000 };
/** A sum of contract amounts (万元) in a target's unit (元, 万元, 千万元 or 亿元), rounded to 4 decimals. */
export function contractAmountIn(unit: string, amountInWan: number): number {
  return Math.round((amountInWan / (contractAmountUnits[unit.trim()] ?? 1)) * 10000) / 10000;
}
/** Where such a figure comes from, as the report form and the target page say it. */
export const targetMetricSources: Record<TargetMetric, string> = { technology_contract_amount: '由技术合同登记自动汇总' };

export const targetComparators = ['>=', '=', '<='] as const;
export const zTargetComparator = z.enum(targetComparators);

/**
 * What a count target counts: `stock` — the platforms in force on the day (总数达到…); `added` — only the
 * platforms that entered the filter from the baseline on (新建 / 新增 / 新培育), the baseline defaulting to
 * the plan's start. Only kinds whose baseline means "counts new" (count) may count additions.
 */
export const targetBases = ['stock', 'added'] as const;
export const zTargetBasis = z.enum(targetBases);
export type TargetBasis = z.infer<typeof zTargetBasis>;
export type TargetComparator = z.infer<typeof zTargetComparator>;

/**
 * `no_data` (未报送): a reported (amount / ratio / index) target without any figure reported by the day —
 * the reporting unit owes a figure; it is neither met nor missed.
 */
export const targetStatuses = ['achieved', 'on_track', 'at_risk', 'missed', 'no_data'] as const;
export const zTargetStatus = z.enum(targetStatuses);
export type TargetStatus = z.infer<typeof zTargetStatus>;

/**
 * Where a figure clicks through to: the API list (path without `/api`, answering `{items, total}`)
 * and the query that lists exactly the records behind the figure — e.g.
 * `{ to: '/cockpit/platforms', query: { asOf, regionId, systemId } }`, `{ to: '/targets/<id>/platforms' … }`,
 * `{ to: '/tasks', query: { unitId } }`. The web maps it to its page for that list.
 */
export const zRecordLink = z.object({ to: z.string(), query: z.record(z.string(), z.string()) });
export type RecordLink = z.infer<typeof zRecordLink>;

/**
 * Which platforms a computed target counts. Empty lists mean "any"; statuses default to the live
 * ones (建设期、运行、整改); the region (a subtree root) defaults to the plan's region.
 */
export const zPlatformFilter = z.object({
  typeIds: z.array(zId).max(100).default([]),
  levels: z.array(zPlatformLevel).max(4).default([]),
  systemIds: z.array(zId).max(20).default([]),
  statuses: z
    .array(zPlatformStatus)
    .min(1, { message: '至少选择一种平台状态' })
    .max(6)
    .default([...livePlatformStatuses]),
  regionId: zId.nullable().default(null),
});
export type PlatformFilter = z.infer<typeof zPlatformFilter>;
export type PlatformFilterInput = z.input<typeof zPlatformFilter>;

export const zTargetFilterView = z.object({
  types: z.array(zNamedRef),
  levels: z.array(zPlatformLevel),
  systems: z.array(zNamedRef),
  statuses: z.array(zPlatformStatus),
  region: zNamedRef,
});

export const zTargetProgress = z.object({
  /** The day asked. */
  asOf: z.string(),
  /** The day the figure is taken: `asOf`, or the deadline once it has passed (the figure is then final). */
  measuredOn: z.string(),
  /** The figure: platforms counted, regions covered, or the latest reported value (null: nothing reported yet). */
  current: z.number().nullable(),
  /** What the target requires (for coverage: the number of regions that must be covered). */
  required: z.number(),
  status: zTargetStatus,
  /** Where the trajectory starts: the baseline or the plan's start, and the figure then. */
  start: z.object({ date: z.string(), value: z.number() }),
  /** The figure a linear pace from the start to the deadline would have reached by `asOf`. */
  expected: z.number(),
  /**
   * True when the actor's scope covers only part of the target's region. The figure is still the whole
   * region's (aggregate counts only; the list of records stays scoped); the actor's part is `contribution`.
   */
  isScopeLimited: z.boolean(),
  /** Coverage targets: the child regions counted, with the platforms each has. */
  regions: z.array(z.object({ id: zId, name: z.string(), count: z.number().int() })).optional(),
  /** Coverage targets: the child regions still without a matching platform. */
  emptyRegions: z.array(zNamedRef).optional(),
  /**
   * First (零的突破) targets: the matching platforms in force on the baseline (the target's baseline date,
   * else its plan's start). Above 0, the breakthrough had been made before the plan: the figure stands,
   * but it is not the plan's achievement, and the views say so.
   */
  baselineCount: z.number().int().optional(),
  /**
   * Additions targets (basis `added`): the first day whose additions count — the day after the target's
   * baseline date, else the plan's start ("自2026年1月1日起"). `current` is then the additions ("新增 2 / 5").
   */
  additionsSince: z.string().optional(),
  /**
   * Yearly targets (`perYear`): one figure per plan year, each judged on its own year — additions within the
   * year for registry counts, the latest figure reported for a period ending in the year for reported kinds.
   * A year not yet begun has `status` null. The overall status: `missed` once a finished year missed;
   * `achieved` when every plan year met it; `no_data` when a finished year has no figure; else the current
   * year's status. `current` / `required` are the current (or last measured) year's.
   */
  series: z
    .array(z.object({ year: z.number().int(), current: z.number().nullable(), required: z.number(), status: zTargetStatus.nullable() }))
    .optional(),
  /**
   * Per-region targets (`perRegion`): the child regions that do not reach the value yet (`regions` lists
   * every child region with its figure; `current` / `required` are "regions meeting it / regions").
   */
  laggingRegions: z.array(zNamedRef).optional(),
  /**
   * The actor's part of the figure, when its scope covers only part of the target's region (a county user
   * looking at a city plan's target): "本县 2 家，占全市 9 家". The figure and status stay the region's own.
   */
  contribution: z.object({ region: zNamedRef, current: z.number() }).nullable().optional(),
  /**
   * The pace so far projected to the deadline (a straight line through the trajectory's start and the
   * figure now): "按当前进度，预计到期 7 / 15"; `onPace` false when the projection falls short (进度滞后).
   * Absent when there is no history to project (no figure, not started, or past the deadline).
   */
  forecast: z.object({ value: z.number(), onPace: z.boolean() }).nullable().optional(),
  /** Metric targets (技术合同登记额): the registered contracts summed into `current` — how many, registered from … to. */
  contracts: z.object({ count: z.number().int(), from: z.string(), to: z.string() }).optional(),
  /** Reported kinds: the report the figure comes from. */
  report: z
    .object({ id: zId, period: z.string(), periodEnd: z.string(), source: z.string(), reportedBy: z.string().nullable() })
    .nullable()
    .optional(),
});
export type TargetProgress = z.infer<typeof zTargetProgress>;

export const zTarget = z.object({
  id: zId,
  planId: zId,
  planTitle: z.string(),
  kind: zTargetKind,
  subject: z.string(),
  comparator: zTargetComparator,
  value: z.number(),
  unit: z.string(),
  deadline: z.string(),
  /**
   * Count targets (新建) count only platforms that entered the filter after this day; a first target
   * counts what stands on the day asked and reports what stood on this day (else the plan's start) as `baselineCount`.
   */
  baselineDate: z.string().nullable(),
  /** Count targets: the stock in force, or the additions from the baseline (else the plan's start). */
  basis: zTargetBasis,
  /** One figure per plan year, each judged on its own year (每年…). */
  perYear: z.boolean(),
  /** Each child region of the target's region must reach the value (每个县…至少…). */
  perRegion: z.boolean(),
  /** Amount targets whose figure is summed automatically (技术合同登记额) instead of reported; null: reported by people. */
  metric: zTargetMetric.nullable(),
  /** Reported kinds: the units that owe the figure — the lead units of the tasks linked to the target. */
  reportingUnits: z.array(zNamedRef),
  /** Computed kinds only. */
  filter: zTargetFilterView.nullable(),
  /** Coverage targets: the region whose child regions must each have a matching platform. */
  coverageRegion: zNamedRef.nullable(),
  sortOrder: z.number().int(),
  progress: zTargetProgress,
  /** Computed kinds: the list of the platforms that count (`GET /api/targets/:id/platforms`). */
  link: zRecordLink.nullable(),
  /**
   * Reported kinds: whether the user may report a figure — a writer of the plan, or a user acting for
   * the lead unit (牵头单位) of a task linked to the target. Always false for computed kinds.
   */
  canReport: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type Target = z.infer<typeof zTarget>;

const targetFields = {
  kind: zTargetKind,
  subject: zName(300),
  comparator: zTargetComparator.default('>='),
  value: z.number().finite().min(0).max(1e12),
  /** 家, 项, 亿元, %; empty for an index. */
  unit: zText(20),
  deadline: zDate,
  baselineDate: zDate.nullable().optional(),
  basis: zTargetBasis.optional(),
  perYear: z.boolean().optional(),
  perRegion: z.boolean().optional(),
  filter: zPlatformFilter.nullable().optional(),
  coverageRegionId: zId.nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  metric: zTargetMetric.nullable().optional(),
};

/** The shape rules of a target definition, shared by create and (merged) update. */
export function targetDefinitionProblems(target: {
  kind: TargetKind;
  comparator: TargetComparator;
  value: number;
  baselineDate?: string | null | undefined;
  basis?: TargetBasis | undefined;
  perYear?: boolean | undefined;
  perRegion?: boolean | undefined;
  deadline: string;
  filter?: unknown;
  coverageRegionId?: string | null | undefined;
  metric?: TargetMetric | null | undefined;
  unit?: string | undefined;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const spec = targetKindSpec(target.kind);
  if (target.metric && target.kind !== 'amount') {
    problems.push({ field: 'metric', message: '只有数额类目标可以由技术合同登记自动汇总' });
  }
  if (target.metric && target.unit !== undefined && !(target.unit.trim() in contractAmountUnits)) {
    problems.push({ field: 'unit', message: '技术合同登记额的单位应为“元”“万元”“千万元”或“亿元”' });
  }
  if (spec.isComputed && !target.filter) problems.push({ field: 'filter', message: '按平台统计的目标须给出平台筛选条件' });
  if (!spec.isComputed && target.filter) problems.push({ field: 'filter', message: '填报类目标不按平台统计，不能设置平台筛选条件' });
  if (!spec.isComputed && target.baselineDate) problems.push({ field: 'baselineDate', message: '填报类目标不能设置基准日' });
  if (spec.needsCoverageRegion && !target.coverageRegionId) {
    problems.push({ field: 'coverageRegionId', message: '覆盖类目标须指定覆盖范围（其下每个区域至少1家）' });
  }
  if (!spec.needsCoverageRegion && target.coverageRegionId) {
    problems.push({ field: 'coverageRegionId', message: '只有覆盖类目标才有覆盖范围' });
  }
  if (spec.value === 'percentOfRegions' && (target.value <= 0 || target.value > 100)) {
    problems.push({ field: 'value', message: '覆盖类目标的值是须覆盖区域的百分比（1—100）' });
  }
  if (spec.value === 'atLeastOne' && (target.comparator !== '>=' || target.value < 1)) {
    problems.push({ field: 'value', message: '“零的突破”类目标应为“不少于1”' });
  }
  if (spec.isComputed && spec.baseline === 'none' && target.baselineDate) {
    problems.push({ field: 'baselineDate', message: '覆盖类目标按当日在册平台判断，不设基准日' });
  }
  if (target.basis === 'added' && spec.baseline !== 'countsNew') {
    problems.push({ field: 'basis', message: '只有数量类目标可以按新增数量统计' });
  }
  if (target.perRegion && (target.kind !== 'count' || target.basis === 'added')) {
    problems.push({ field: 'perRegion', message: '“每个区域”目标须为按存量统计的数量类目标' });
  }
  if (target.perYear && (spec.measure === 'registryFirst' || spec.measure === 'regionCoverage')) {
    problems.push({ field: 'perYear', message: '零的突破、全覆盖类目标不能按年度分别考核' });
  }
  if (target.perYear && target.perRegion) {
    problems.push({ field: 'perYear', message: '不能同时按年度和按区域分别考核' });
  }
  if (target.baselineDate && target.baselineDate >= target.deadline) {
    problems.push({ field: 'baselineDate', message: '基准日须早于完成期限' });
  }
  return problems;
}

export const zCreateTarget = z.object(targetFields).superRefine((target, ctx) => {
  for (const problem of targetDefinitionProblems(target)) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
});
export type CreateTarget = z.infer<typeof zCreateTarget>;
export type CreateTargetInput = z.input<typeof zCreateTarget>;

/** Kind cannot change (progress history would change meaning); everything else may. */
export const zUpdateTarget = z
  .object({ ...targetFields, comparator: zTargetComparator })
  .omit({ kind: true })
  .partial()
  .extend({ version: zVersion });
export type UpdateTarget = z.infer<typeof zUpdateTarget>;

export const zTargetQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  planId: zId.optional(),
  kind: zCsv(zTargetKind).optional(),
  /** Only targets in these statuses on `asOf` (e.g. `no_data`: the 未报送 list). */
  status: zCsv(zTargetStatus).optional(),
  asOf: zDate.optional(),
});
export type TargetQuery = z.infer<typeof zTargetQuery>;

export const zTargetPlatformQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  asOf: zDate.optional(),
  /** Coverage targets: only the platforms in this child region. */
  regionId: zId.optional(),
});
export type TargetPlatformQuery = z.infer<typeof zTargetPlatformQuery>;

export const zTargetReport = z.object({
  id: zId,
  targetId: zId,
  /** The period the figure covers, as people name it: "2021年", "2021年1—6月". */
  period: z.string(),
  /** The day the figure stands at (the end of the period); the figure counts from this day on. */
  periodEnd: z.string(),
  value: z.number(),
  source: z.string(),
  note: z.string().nullable(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
});
export type TargetReport = z.infer<typeof zTargetReport>;

export const zCreateTargetReport = z.object({
  period: zName(40),
  periodEnd: zDate,
  value: z.number().finite().min(-1e12).max(1e12),
  source: zName(200),
  note: zText(1000).nullable().optional(),
});
export type CreateTargetReport = z.infer<typeof zCreateTargetReport>;

export const targetKindLabels = Object.fromEntries(targetKinds.map((kind) => [kind, targetKindRegistry[kind].label])) as Record<
  TargetKind,
  string
>;
export const targetStatusLabels = {
  achieved: '已达成',
  on_track: '进度正常',
  at_risk: '进度滞后',
  missed: '未达成',
  no_data: '未报送',
} satisfies Record<TargetStatus, string>;
export const targetBasisLabels = { stock: '存量', added: '新增' } satisfies Record<TargetBasis, string>;
export const targetComparatorLabels = { '>=': '不少于', '=': '等于', '<=': '不超过' } satisfies Record<TargetComparator, string>;
