import { z } from 'zod';
import { zCsv, zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { zNamedRef, zPlatformStatus } from './platforms';

/** An evaluation round (评估考核) over platform types and a period. */
export const evaluationRoundStatuses = ['draft', 'scoring', 'reviewing', 'published', 'applied'] as const;
export const zEvaluationRoundStatus = z.enum(evaluationRoundStatuses);
export type EvaluationRoundStatus = z.infer<typeof zEvaluationRoundStatus>;

export const evaluationGrades = ['excellent', 'good', 'qualified', 'unqualified'] as const;
export const zEvaluationGrade = z.enum(evaluationGrades);
export type EvaluationGrade = z.infer<typeof zEvaluationGrade>;

/** What a published result does to the platform: keep, rectify (整改), revoke (撤销), recommend upward (省级培育库). */
export const evaluationOutcomes = ['keep', 'rectify', 'revoke', 'recommend'] as const;
export const zEvaluationOutcome = z.enum(evaluationOutcomes);
export type EvaluationOutcome = z.infer<typeof zEvaluationOutcome>;

export const evaluationLabels = {
  roundStatus: {
    draft: '草稿',
    scoring: '评分中',
    reviewing: '审核中',
    published: '已公布',
    applied: '已执行',
  } satisfies Record<EvaluationRoundStatus, string>,
  grade: { excellent: '优秀', good: '良好', qualified: '合格', unqualified: '不合格' } satisfies Record<EvaluationGrade, string>,
  outcome: {
    keep: '保留',
    rectify: '整改',
    revoke: '撤销',
    recommend: '推荐省级培育库',
  } satisfies Record<EvaluationOutcome, string>,
};

/** The indicator keys annual reports carry (年度报告指标), with their Chinese names and units. */
export const evaluationIndicatorLabels: Record<string, string> = {
  rdSpend: '研发经费投入（万元）',
  staffTotal: '人员总数',
  researchers: '研究人员数',
  projects: '承担项目数',
  patentsApplied: '专利申请数',
  patentsGranted: '专利授权数',
  standards: '制定标准数',
  achievementsTransferred: '成果转化数',
  transferIncome: '成果转化收入（万元）',
  enterprisesServed: '服务企业数',
  sharingHours: '开放共享机时',
  income: '总收入（万元）',
};

/**
 * One indicator of a scoring formula: its share of the indicator score (`weight`), the yearly
 * figure below which it earns nothing (`threshold`), the figure that earns full marks (`target`),
 * and how far beyond full marks over-achievement may count (`cap`, a multiple of full marks ≥ 1).
 */
export const zFormulaIndicator = z
  .object({
    key: z
      .string()
      .trim()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/, { message: '指标代码应为英文字母开头的字母、数字或下划线' }),
    label: zName(60),
    weight: z.number({ message: '权重应为数字' }).min(0, { message: '权重不能为负' }).max(100, { message: '权重不能超过100' }),
    threshold: z.number({ message: '起评值应为数字' }).min(0, { message: '起评值不能为负' }),
    target: z.number({ message: '满分值应为数字' }).positive({ message: '满分值应大于0' }),
    cap: z.number({ message: '封顶倍数应为数字' }).min(1, { message: '封顶倍数不能小于1' }).max(5, { message: '封顶倍数不能超过5' }),
  })
  .refine((indicator) => indicator.threshold <= indicator.target, { message: '起评值不能高于满分值', path: ['threshold'] });
export type FormulaIndicator = z.infer<typeof zFormulaIndicator>;

/** A per-type scoring formula (评估指标体系), kept as data and edited by city staff. */
export const zEvaluationFormulaBody = z
  .object({
    indicators: z
      .array(zFormulaIndicator)
      .min(1, { message: '至少一个指标' })
      .max(30, { message: '指标不能超过30个' })
      .refine((list) => new Set(list.map((i) => i.key)).size === list.length, { message: '指标代码不能重复' })
      .refine((list) => list.some((i) => i.weight > 0), { message: '至少一个指标的权重大于0' }),
    /** The indicator score's share of the total (0–1); the expert score has the rest. */
    indicatorWeight: z.number().min(0, { message: '指标得分占比应在0到1之间' }).max(1, { message: '指标得分占比应在0到1之间' }),
    /** How the years of a period combine: the mean of the accepted reports, or the latest accepted report. */
    yearAggregation: z.enum(['average', 'latest'], { message: '多年报告的取值方式应为平均值或最近一年' }),
    /** The lowest total (0–100) that earns each grade; 不合格 below 合格. */
    gradeThresholds: z
      .object({
        excellent: z.number().min(0).max(100),
        good: z.number().min(0).max(100),
        qualified: z.number().min(0).max(100),
      })
      .refine((t) => t.excellent > t.good && t.good > t.qualified, { message: '等级分数线应满足 优秀 > 良好 > 合格' }),
  })
  .strict();
export type EvaluationFormulaBody = z.infer<typeof zEvaluationFormulaBody>;

export const zEvaluationFormula = zEvaluationFormulaBody.extend({
  /** Null for the built-in default formula before anyone saved it. */
  id: zId.nullable(),
  /** Null for the default formula used by types without their own. */
  type: zNamedRef.nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type EvaluationFormula = z.infer<typeof zEvaluationFormula>;

export const zSaveEvaluationFormula = zEvaluationFormulaBody.extend({
  /** The type the formula is for; null for the default formula. */
  typeId: zId.nullable(),
  /** The version last read; absent when creating a type's first formula. */
  version: zVersion.optional(),
});
export type SaveEvaluationFormula = z.infer<typeof zSaveEvaluationFormula>;

const zYear = z.number({ message: '年份应为数字' }).int({ message: '年份应为整数' }).min(2000, { message: '年份不能早于2000年' }).max(2100);

export const zCreateEvaluationRound = z
  .object({
    title: zName(120),
    typeIds: z
      .array(zId, { message: '请选择平台类型' })
      .min(1, { message: '至少选择一个平台类型' })
      .max(50, { message: '最多选择50个平台类型' }),
    periodFrom: zYear,
    periodTo: zYear,
  })
  .refine((r) => r.periodFrom <= r.periodTo, { message: '考核期起始年份不能晚于截止年份', path: ['periodTo'] });
export type CreateEvaluationRound = z.infer<typeof zCreateEvaluationRound>;

export const zUpdateEvaluationRound = z
  .object({
    title: zName(120),
    typeIds: z
      .array(zId, { message: '请选择平台类型' })
      .min(1, { message: '至少选择一个平台类型' })
      .max(50, { message: '最多选择50个平台类型' }),
    periodFrom: zYear,
    periodTo: zYear,
    version: zVersion,
  })
  .refine((r) => r.periodFrom <= r.periodTo, { message: '考核期起始年份不能晚于截止年份', path: ['periodTo'] });
export type UpdateEvaluationRound = z.infer<typeof zUpdateEvaluationRound>;

export const evaluationRoundActions = ['startScoring', 'submitForReview', 'returnToScoring', 'publish', 'withdraw', 'apply'] as const;
export const zEvaluationRoundAction = z.enum(evaluationRoundActions);
export type EvaluationRoundAction = z.infer<typeof zEvaluationRoundAction>;
export const evaluationRoundActionLabels: Record<EvaluationRoundAction, string> = {
  startScoring: '开始评分',
  submitForReview: '提交审核',
  returnToScoring: '退回评分',
  publish: '公布结果',
  withdraw: '撤回公布',
  apply: '执行结果',
};

export const zEvaluationRoundTransition = z.object({
  action: zEvaluationRoundAction,
  version: zVersion,
  /** For `apply`: the deadline of the rectifications (整改期限) it orders. */
  rectificationDeadline: zDate.optional(),
});
export type EvaluationRoundTransition = z.infer<typeof zEvaluationRoundTransition>;

export const zEvaluationRound = z.object({
  id: zId,
  title: z.string(),
  types: z.array(zNamedRef),
  periodFrom: z.number().int(),
  periodTo: z.number().int(),
  status: zEvaluationRoundStatus,
  region: zNamedRef.nullable(),
  publishedOn: z.string().nullable(),
  appliedOn: z.string().nullable(),
  /** Results the signed-in user sees in this round, and how many per grade. */
  resultCount: z.number().int(),
  gradeCounts: z.record(z.string(), z.number().int()),
  allowedActions: z.array(zEvaluationRoundAction),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type EvaluationRound = z.infer<typeof zEvaluationRound>;

/** One indicator's line in a result: the figure used, the points it earned, and why (missing data …). */
export const zIndicatorLine = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
  value: z.number(),
  ratio: z.number(),
  points: z.number(),
  note: z.string().nullable(),
});
export type IndicatorLine = z.infer<typeof zIndicatorLine>;

export const zEvaluationResult = z.object({
  id: zId,
  roundId: zId,
  platform: zNamedRef,
  platformStatus: zPlatformStatus,
  type: zNamedRef,
  hostOrganization: zNamedRef,
  indicatorScore: z.number().nullable(),
  expertScore: z.number().nullable(),
  score: z.number().nullable(),
  grade: zEvaluationGrade.nullable(),
  outcome: zEvaluationOutcome.nullable(),
  /** The outcome the grade gives by default, and the reason when staff chose another. */
  defaultOutcome: zEvaluationOutcome.nullable(),
  outcomeReason: z.string().nullable(),
  /** Years whose accepted reports were used, and the per-indicator lines. */
  reportYears: z.array(z.number().int()),
  lines: z.array(zIndicatorLine),
  notes: z.array(z.string()),
  expertNote: z.string().nullable(),
  /** What applying the outcome did (once applied). */
  appliedNote: z.string().nullable(),
  version: z.number().int(),
});
export type EvaluationResult = z.infer<typeof zEvaluationResult>;

export const zEvaluationRoundDetail = zEvaluationRound.extend({
  /** The formulas in force for the round, one per type (copied when scoring opened; empty in a draft). */
  formulas: z.array(z.object({ type: zNamedRef, formula: zEvaluationFormulaBody })),
  results: z.array(zEvaluationResult),
});
export type EvaluationRoundDetail = z.infer<typeof zEvaluationRoundDetail>;

export const zEvaluationRoundQuery = z.object({
  status: zCsv(zEvaluationRoundStatus).optional(),
  q: zText(100).optional(),
  limit: zLimit,
  offset: zOffset,
});
export type EvaluationRoundQuery = z.infer<typeof zEvaluationRoundQuery>;

const zScore = z.number({ message: '分数应为数字' }).min(0, { message: '分数应在0到100之间' }).max(100, { message: '分数应在0到100之间' });

/** Staff record the expert panel's score (while scoring) or adjust the outcome with a reason (while reviewing). */
export const zUpdateEvaluationResult = z.object({
  expertScore: zScore.optional(),
  expertNote: zText(500).optional(),
  outcome: zEvaluationOutcome.optional(),
  outcomeReason: zText(500).optional(),
  version: zVersion,
});
export type UpdateEvaluationResult = z.infer<typeof zUpdateEvaluationResult>;

export const zResultParams = z.object({ id: zId, resultId: zId });

/** 整改: ordered with a deadline, the host reports what was done, staff check it. */
export const rectificationStatuses = ['ordered', 'submitted', 'passed', 'revoked'] as const;
export const zRectificationStatus = z.enum(rectificationStatuses);
export type RectificationStatus = z.infer<typeof zRectificationStatus>;
export const rectificationActions = ['submit', 'pass', 'fail', 'extend'] as const;
export const zRectificationAction = z.enum(rectificationActions);
export type RectificationAction = z.infer<typeof zRectificationAction>;
export const rectificationLabels = {
  status: { ordered: '整改中', submitted: '待核查', passed: '整改通过', revoked: '未通过（撤销）' } satisfies Record<
    RectificationStatus,
    string
  >,
  action: { submit: '提交整改报告', pass: '核查通过', fail: '核查不通过（撤销）', extend: '延长整改期限' } satisfies Record<
    RectificationAction,
    string
  >,
};

export const zRectification = z.object({
  id: zId,
  platform: zNamedRef,
  hostOrganization: zNamedRef,
  round: zNamedRef.nullable(),
  status: zRectificationStatus,
  requirements: z.string(),
  deadline: z.string(),
  isOverdue: z.boolean(),
  report: z.string().nullable(),
  submittedAt: z.string().nullable(),
  checkComment: z.string().nullable(),
  checkedAt: z.string().nullable(),
  /** Every step so far, oldest first. */
  history: z.array(z.object({ action: zRectificationAction, at: z.string(), by: z.string().nullable(), note: z.string().nullable() })),
  allowedActions: z.array(zRectificationAction),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type Rectification = z.infer<typeof zRectification>;

export const zRectificationQuery = z.object({
  status: zCsv(zRectificationStatus).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: zLimit,
  offset: zOffset,
});
export type RectificationQuery = z.infer<typeof zRectificationQuery>;

export const zRectificationTransition = z.object({
  action: zRectificationAction,
  version: zVersion,
  /** submit: what was done; pass/fail: the check's comment; extend: why. */
  note: zName(2000),
  /** extend: the new deadline. */
  deadline: zDate.optional(),
});
export type RectificationTransition = z.infer<typeof zRectificationTransition>;

export const zEvaluationFormulaList = z.object({ items: z.array(zEvaluationFormula), total: z.number().int() });
