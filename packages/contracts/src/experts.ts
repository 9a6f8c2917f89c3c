import { z } from 'zod';
import { zApplicationStatus } from './calls';
import { zBooleanQuery, zDate, zId, zLimit, zName, zOffset, zPhone, zText, zVersion } from './common';

/** A technical field (技术领域) as typed: trimmed, 1–50 characters. */
export const zExpertField = zName(50);

/** 18-character resident ID (the last may be X), or empty. */
const zIdNumber = zText(18).refine((value) => value === '' || /^\d{17}[\dXx]$/.test(value), '身份证号应为18位（最后一位可为X）');

/** An expert of the pool. `phone` and `idNumber` are masked unless the reader keeps the pool (expert:write). */
export const zExpert = z.object({
  id: z.string(),
  name: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  region: z.object({ id: z.string(), name: z.string() }).nullable(),
  userId: z.string().nullable(),
  fields: z.array(z.string()),
  title: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  /** Whether phone and ID number are shown masked. */
  isMasked: z.boolean(),
  suspended: z.boolean(),
  suspendedReason: z.string().nullable(),
  /** Seats on panels drawn this calendar year (declared conflicts not counted). */
  panelsThisYear: z.number().int(),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Expert = z.infer<typeof zExpert>;

export const zExpertQuery = z.object({
  field: zText(50).optional(),
  keyword: zText(100).optional(),
  suspended: zBooleanQuery.optional(),
  limit: zLimit,
  offset: zOffset,
});
export type ExpertQuery = z.infer<typeof zExpertQuery>;

export const zCreateExpert = z.object({
  name: zName(50),
  organizationId: zId,
  fields: z.array(zExpertField).min(1, { message: '至少填写一个技术领域' }).max(20, { message: '技术领域不能超过20个' }),
  title: zName(50),
  regionId: zId.nullish(),
  phone: zPhone.nullish(),
  idNumber: zIdNumber.nullish(),
  userId: zId.nullish(),
});
export type CreateExpert = z.infer<typeof zCreateExpert>;

export const zUpdateExpert = zCreateExpert.partial().extend({ version: zVersion });
export type UpdateExpert = z.infer<typeof zUpdateExpert>;

export const zSuspendExpert = z.object({ reason: zName(500), version: zVersion });
export type SuspendExpert = z.infer<typeof zSuspendExpert>;

export const zExpertSettings = z.object({
  yearlyPanelCap: z.number().int().min(1, { message: '年度评审上限至少为1' }).max(100, { message: '年度评审上限不能超过100' }),
  outlierThreshold: z.number().int().min(0).max(100, { message: '偏离阈值应在0到100分之间' }),
  version: z.number().int(),
});
export type ExpertSettings = z.infer<typeof zExpertSettings>;
/** Version 0 saves the settings for the first time. */
export const zUpdateExpertSettings = zExpertSettings.extend({ version: z.number().int().min(0) });

// ——— panels ———

/** Why a field-matching expert was not drawn (shown in Chinese). */
export const exclusionReasons = ['同单位', '共建单位', '近三年合作', '申报合作者', '已达年度评审上限', '已暂停'] as const;
export const zExclusionReason = z.enum(exclusionReasons);
export type ExclusionReason = z.infer<typeof zExclusionReason>;

export const zDrawPanel = z.object({
  size: z.number().int().min(1, { message: '评审专家人数至少为1' }).max(15, { message: '评审专家人数不能超过15' }),
  /** The scoring deadline; 14 days from the draw when absent. */
  dueOn: zDate.optional(),
});
export type DrawPanel = z.infer<typeof zDrawPanel>;

export const zExcludedExpert = z.object({ expertId: z.string(), name: z.string(), reason: zExclusionReason, detail: z.string() });
export type ExcludedExpert = z.infer<typeof zExcludedExpert>;

export const zPanelDraw = z.object({
  panelId: z.string(),
  seed: z.string(),
  experts: z.array(z.object({ id: z.string(), name: z.string() })),
  excluded: z.array(zExcludedExpert),
});
export type PanelDraw = z.infer<typeof zPanelDraw>;

/** A seat's state: see panels.lifecycle.ts. */
export const seatStatuses = ['pending_declaration', 'scoring', 'submitted', 'vacated'] as const;
export const zSeatStatus = z.enum(seatStatuses);
export type SeatStatus = z.infer<typeof zSeatStatus>;

export const zRubricCriterion = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: '指标代码应为小写字母开头的字母、数字或下划线' }),
  name: zName(100),
  weight: z.number().int().min(1, { message: '权重至少为1' }).max(100),
  maxScore: z.number().int().min(1).max(1000),
  description: zText(500).optional(),
});
export type RubricCriterion = z.infer<typeof zRubricCriterion>;

export const zRubric = z.object({
  id: z.string().nullable(),
  typeId: z.string().nullable(),
  name: z.string(),
  criteria: z.array(zRubricCriterion),
  lowScorePercent: z.number().int(),
  version: z.number().int(),
});
export type Rubric = z.infer<typeof zRubric>;

export const zSaveRubric = z
  .object({
    name: zName(100),
    criteria: z.array(zRubricCriterion).min(1, { message: '至少一项评审指标' }).max(20),
    lowScorePercent: z.number().int().min(0).max(100),
    version: zVersion.optional(),
  })
  .superRefine((rubric, ctx) => {
    const total = rubric.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', path: ['criteria'], message: `各指标权重之和应为100（现为${total}）` });
    const keys = rubric.criteria.map((criterion) => criterion.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['criteria'], message: '指标代码不能重复' });
  });
export type SaveRubric = z.infer<typeof zSaveRubric>;

export const zSeatScore = z.object({ criterionKey: z.string(), score: z.number(), comment: z.string().nullable() });

export const zPanelSeat = z.object({
  id: z.string(),
  expert: z.object({ id: z.string(), name: z.string(), title: z.string(), organizationName: z.string() }),
  position: z.number().int(),
  status: zSeatStatus,
  isChair: z.boolean(),
  isMe: z.boolean(),
  declaredAt: z.string().nullable(),
  declarationNote: z.string().nullable(),
  replacedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** The weighted total (0–100) once submitted. */
  total: z.number().nullable(),
  /** The seat's scores: shown to staff, to the seat's own expert, and to the chair once submitted. */
  scores: z.array(zSeatScore).nullable(),
  opinion: z.string().nullable(),
});
export type PanelSeat = z.infer<typeof zPanelSeat>;

export const zPanelResult = z.object({
  /** Every seat submitted. */
  isComplete: z.boolean(),
  submitted: z.number().int(),
  seats: z.number().int(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** max − min */
  range: z.number().nullable(),
  /** Population standard deviation of the experts' totals. */
  stdDev: z.number().nullable(),
  outlierThreshold: z.number(),
  outliers: z.array(z.object({ expertId: z.string(), name: z.string(), total: z.number(), deviation: z.number() })),
  /** Rank of this application's panel mean among the call's applications with a complete panel (1 = best). */
  rank: z.number().int().nullable(),
  rankedAmong: z.number().int(),
});
export type PanelResult = z.infer<typeof zPanelResult>;

export const zPanelApplication = z.object({
  id: z.string(),
  platformName: z.string(),
  status: zApplicationStatus,
  callId: z.string(),
  callTitle: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  type: z.object({ id: z.string(), name: z.string() }),
  technicalFields: z.array(z.string()),
});

export const zPanel = z.object({
  id: z.string(),
  application: zPanelApplication,
  seed: z.string(),
  size: z.number().int(),
  drawnAt: z.string(),
  dueOn: z.string().nullable(),
  chairExpertId: z.string().nullable(),
  consensus: z.string().nullable(),
  concludedAt: z.string().nullable(),
  excluded: z.array(zExcludedExpert),
  seats: z.array(zPanelSeat),
  rubric: zRubric,
  result: zPanelResult,
  /** What the reader may do here. */
  canManage: z.boolean(),
  version: z.number().int(),
});
export type Panel = z.infer<typeof zPanel>;

/** The panels of an application (the latest first); an application normally has one. */
export const zApplicationPanels = z.object({ items: z.array(zPanel), total: z.number().int() });

/** One of the signed-in expert's seats (我的评审). The application is shown only after a no-conflict declaration. */
export const zMySeat = z.object({
  seatId: z.string(),
  panelId: z.string(),
  status: zSeatStatus,
  isChair: z.boolean(),
  dueOn: z.string().nullable(),
  concludedAt: z.string().nullable(),
  application: z.object({
    id: z.string(),
    platformName: z.string(),
    organizationName: z.string(),
    typeName: z.string(),
    status: zApplicationStatus,
    callTitle: z.string(),
  }),
});
export type MySeat = z.infer<typeof zMySeat>;

export const zDeclare = z
  .object({ hasConflict: z.boolean(), note: zText(1000).optional(), version: zVersion.optional() })
  .refine((value) => !value.hasConflict || (value.note ?? '').length > 0, {
    path: ['note'],
    message: '申报存在利益冲突时请说明情况',
  });
export type Declare = z.infer<typeof zDeclare>;

export const zSaveScores = z.object({
  scores: z
    .array(
      z.object({ criterionKey: z.string().min(1), score: z.number().min(0, { message: '分数不能为负' }), comment: zText(1000).optional() }),
    )
    .max(20),
  opinion: zText(2000).optional(),
  /** Submit (locks the scores) rather than save a draft. */
  submit: z.boolean().default(false),
});
export type SaveScores = z.infer<typeof zSaveScores>;

export const zChooseChair = z.object({ expertId: zId, version: zVersion });
export const zConclude = z.object({ consensus: zName(4000), version: zVersion });

/** The answer to a declaration: the seat's new status, and who took the seat when a conflict vacated it. */
export const zDeclaration = z.object({
  status: zSeatStatus,
  replacement: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Declaration = z.infer<typeof zDeclaration>;
