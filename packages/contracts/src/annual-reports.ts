import { z } from 'zod';
import { zBooleanQuery, zDate, zText } from './common';

/** A platform's yearly report (年度报告): filed by the host, pre-reviewed by the county, reviewed by the city. */
export const annualReportStatuses = ['draft', 'county_review', 'city_review', 'returned', 'accepted'] as const;
export const zAnnualReportStatus = z.enum(annualReportStatuses);
export type AnnualReportStatus = z.infer<typeof zAnnualReportStatus>;

export const annualReportStatusLabels: Record<AnnualReportStatus, string> = {
  draft: '待填报',
  county_review: '县级预审',
  city_review: '市级审核',
  returned: '已退回',
  accepted: '已通过',
};

/** The moves on a report, as the transitions endpoint names them. */
export const annualReportActions = ['submit', 'countyPass', 'countyReturn', 'cityAccept', 'cityReturn'] as const;
export const zAnnualReportAction = z.enum(annualReportActions);
export type AnnualReportAction = z.infer<typeof zAnnualReportAction>;
export const annualReportActionLabels: Record<AnnualReportAction, string> = {
  submit: '提交',
  countyPass: '预审通过',
  countyReturn: '预审退回',
  cityAccept: '审核通过',
  cityReturn: '审核退回',
};

/** What an indicator measures: money in 万元, a count, hours, or free text. */
export const indicatorKinds = ['money', 'count', 'hours', 'text'] as const;
export const zIndicatorKind = z.enum(indicatorKinds);
export type IndicatorKind = z.infer<typeof zIndicatorKind>;
export const indicatorKindLabels: Record<IndicatorKind, string> = { money: '金额', count: '数量', hours: '时长', text: '文字' };

/**
 * The standard indicator keys (stable: the evaluations module reads `indicators[key]` of accepted reports,
 * numbers only; text indicators live in `narratives`):
 * - rdSpend 研发经费投入 (万元) · income 平台总收入 (万元)
 * - staffTotal 从业人员总数 · staffResearchers 其中研发人员
 * - projects 承担科研项目数 · patentsApplied 专利申请数 · patentsGranted 专利授权数 · standards 制定标准数
 * - achievementsTransferred 成果转移转化数 · transferIncome 成果转化收入 (万元)
 * - enterprisesServed 服务企业数 · sharingHours 仪器设备开放共享机时 (小时)
 * - coBuilders 共建单位数 (pre-filled from the registry) · summary 年度工作总结 (text)
 * Forms edited by city staff may add keys of their own (camelCase, not one of these).
 */
export const annualIndicatorKeys = [
  'rdSpend',
  'staffTotal',
  'staffResearchers',
  'projects',
  'patentsApplied',
  'patentsGranted',
  'standards',
  'achievementsTransferred',
  'transferIncome',
  'enterprisesServed',
  'sharingHours',
  'income',
  'coBuilders',
  'summary',
] as const;
export type AnnualIndicatorKey = (typeof annualIndicatorKeys)[number];

export const zIndicatorKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{1,39}$/, { message: '指标代码应以小写字母开头，只含字母和数字（2–40位）' });

/** One indicator on a form. */
export const zIndicatorDefinition = z.object({
  key: zIndicatorKey,
  label: zText(60).min(1, { message: '指标名称不能为空' }),
  /** 万元, 人, 项, 件, 小时 … (empty for text). */
  unit: zText(10),
  kind: zIndicatorKind,
  required: z.boolean(),
  help: zText(300),
});
export type IndicatorDefinition = z.infer<typeof zIndicatorDefinition>;

export const zIndicatorDefinitions = z
  .array(zIndicatorDefinition)
  .min(1, { message: '至少一个指标' })
  .max(60, { message: '指标不能超过60个' })
  .superRefine((items, context) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: `指标代码重复：${item.key}` });
      seen.add(item.key);
    });
  });

/** The indicator form of a platform type, or the default form (typeId null) every other type uses. */
export const zIndicatorForm = z.object({
  id: z.string(),
  typeId: z.string().nullable(),
  typeName: z.string().nullable(),
  indicators: z.array(zIndicatorDefinition),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type IndicatorForm = z.infer<typeof zIndicatorForm>;

export const zSaveIndicatorForm = z.object({
  /** Null for the default form. */
  typeId: z.uuid({ message: '编号格式不正确' }).nullable(),
  indicators: zIndicatorDefinitions,
  /** The version read; omitted when creating a type's own form. */
  version: z.number().int().min(1).optional(),
});
export type SaveIndicatorForm = z.infer<typeof zSaveIndicatorForm>;

/** Largest figure a report may state (guards typos like an extra six zeros). */
export const maxIndicatorValue = 100_000_000;
/** A figure more than this many times last year's draws a warning. */
export const jumpWarningFactor = 3;

export const zIndicatorValue = z
  .number({ message: '应为数字' })
  .finite({ message: '应为数字' })
  .min(0, { message: '不能为负数' })
  .max(maxIndicatorValue, { message: `不能超过${maxIndicatorValue}` });

/** A reporting year (填报年度): opened by city staff with its due date; a draft exists for every platform 建设期/运行. */
export const zReportingYear = z.object({
  year: z.number().int(),
  dueOn: z.string(),
  reports: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  late: z.number().int(),
  openedAt: z.string(),
  version: z.number().int(),
});
export type ReportingYear = z.infer<typeof zReportingYear>;

export const zOpenReportingYear = z.object({
  year: z
    .number({ message: '年度应为数字' })
    .int({ message: '年度应为整数' })
    .min(2000, { message: '年度不能早于2000年' })
    .max(2100, { message: '年度不能晚于2100年' }),
  dueOn: zDate,
});
export type OpenReportingYear = z.infer<typeof zOpenReportingYear>;

/** Moves a year's due date (for the reports not yet submitted) and adds reports for platforms that became due since. */
export const zUpdateReportingYear = z.object({ dueOn: zDate, version: z.number().int().min(1) });
export type UpdateReportingYear = z.infer<typeof zUpdateReportingYear>;
export const zReportingYearParams = z.object({
  year: z.coerce.number({ message: '年度应为数字' }).int({ message: '年度应为整数' }).min(2000).max(2100),
});

const zRef = z.object({ id: z.string(), name: z.string() });

export const zAnnualReport = z.object({
  id: z.string(),
  year: z.number().int(),
  status: zAnnualReportStatus,
  platform: zRef,
  type: zRef,
  hostOrganization: zRef,
  region: zRef,
  /** Whether a county pre-reviews (the platform lies below the city level). */
  hasCountyReview: z.boolean(),
  indicators: z.record(z.string(), z.number()),
  narratives: z.record(z.string(), z.string()),
  dueOn: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  /** Not submitted by the due date (as of the day asked about). */
  isLate: z.boolean(),
  /** Submitted, but after the due date. */
  submittedLate: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AnnualReport = z.infer<typeof zAnnualReport>;

export const zAnnualReportReview = z.object({
  id: z.string(),
  action: zAnnualReportAction,
  fromStatus: zAnnualReportStatus,
  toStatus: zAnnualReportStatus,
  comment: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});
export type AnnualReportReview = z.infer<typeof zAnnualReportReview>;

export const zIndicatorWarning = z.object({ key: z.string(), message: z.string() });
export type IndicatorWarning = z.infer<typeof zIndicatorWarning>;

export const zAnnualReportDetail = zAnnualReport.extend({
  form: z.array(zIndicatorDefinition),
  /** Last year's report figures, shown alongside (null when there is none). */
  lastYear: z
    .object({
      id: z.string(),
      status: zAnnualReportStatus,
      indicators: z.record(z.string(), z.number()),
      narratives: z.record(z.string(), z.string()),
    })
    .nullable(),
  /** What the registry knows of the platform. */
  registry: z.object({
    status: z.string(),
    recognitionDocNo: z.string().nullable(),
    recognizedOn: z.string().nullable(),
    constructionEndsOn: z.string().nullable(),
    director: z.string().nullable(),
    technicalFields: z.array(z.string()),
    coBuilders: z.array(z.string()),
  }),
  /** Figures STIP computes itself, by indicator key, with their source. */
  computed: z.array(z.object({ key: z.string(), value: z.number(), source: z.string() })),
  warnings: z.array(zIndicatorWarning),
  reviews: z.array(zAnnualReportReview),
  /** The moves the signed-in user may make now. */
  allowedActions: z.array(zAnnualReportAction),
  canEdit: z.boolean(),
});
export type AnnualReportDetail = z.infer<typeof zAnnualReportDetail>;

export const zSaveAnnualReport = z.object({
  version: z.number().int().min(1),
  indicators: z.record(zIndicatorKey, zIndicatorValue.nullable()),
  narratives: z.record(zIndicatorKey, zText(5000)).default({}),
});
export type SaveAnnualReport = z.infer<typeof zSaveAnnualReport>;

export const zAnnualReportTransition = z.object({
  action: zAnnualReportAction,
  version: z.number().int().min(1),
  comment: zText(1000).optional(),
});
export type AnnualReportTransition = z.infer<typeof zAnnualReportTransition>;

const zStatusList = z
  .string()
  .transform((value) => value.split(',').filter(Boolean))
  .pipe(z.array(zAnnualReportStatus));

export const zAnnualReportQuery = z.object({
  year: z.coerce.number({ message: '年度应为数字' }).int({ message: '年度应为整数' }).min(2000).max(2100).optional(),
  status: zStatusList.optional(),
  regionId: z.uuid({ message: '编号格式不正确' }).optional(),
  typeId: z.uuid({ message: '编号格式不正确' }).optional(),
  late: zBooleanQuery.optional(),
  /** Waiting for my review step (county: county_review in my region; city: city_review). */
  mine: zBooleanQuery.optional(),
  q: zText(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AnnualReportQuery = z.infer<typeof zAnnualReportQuery>;

export const zAnnualReportExportQuery = z.object({
  year: z.coerce.number({ message: '年度应为数字' }).int({ message: '年度应为整数' }).min(2000).max(2100),
});
