import { z } from 'zod';
import { zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { zQualificationKind } from './organizations';

/** A call for applications (申报通知/指南). Owned by the calls module; its lifecycle is calls.lifecycle.ts. */
export const callStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export const zCallStatus = z.enum(callStatuses);
export type CallStatus = z.infer<typeof zCallStatus>;

/**
 * An application for recognition, from the host organisation's draft through the review chain
 * (county or supervising department → city formal review → expert review → public notice) to
 * recognition. Owned by the calls module; its lifecycle is applications.lifecycle.ts.
 */
export const applicationStatuses = [
  'draft',
  'county_review',
  'returned',
  'formal_review',
  'expert_review',
  'public_notice',
  'recognized',
  'rejected',
  'withdrawn',
] as const;
export const zApplicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof zApplicationStatus>;

export const callStatusLabels: Record<CallStatus, string> = {
  draft: '草稿',
  open: '受理中',
  closed: '已截止',
  archived: '已归档',
};

export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  draft: '草稿',
  county_review: '县级/主管部门推荐',
  returned: '已退回',
  formal_review: '形式审查',
  expert_review: '专家评审',
  public_notice: '公示中',
  recognized: '已认定',
  rejected: '未通过',
  withdrawn: '已撤回',
};

/** The actions on a call (calls.lifecycle.ts). */
export const callActions = ['open', 'close', 'reopen', 'archive'] as const;
export const zCallAction = z.enum(callActions);
export type CallAction = z.infer<typeof zCallAction>;
export const callActionLabels: Record<CallAction, string> = { open: '发布', close: '截止', reopen: '重新开放', archive: '归档' };

/** The actions on an application (applications.lifecycle.ts). */
export const applicationActions = [
  'submit',
  'resubmit',
  'withdraw',
  'recommend',
  'return',
  'pass',
  'reject',
  'startPublicNotice',
  'upholdObjection',
  'recognize',
] as const;
export const zApplicationAction = z.enum(applicationActions);
export type ApplicationAction = z.infer<typeof zApplicationAction>;
export const applicationActionLabels: Record<ApplicationAction, string> = {
  submit: '提交',
  resubmit: '重新提交',
  withdraw: '撤回',
  recommend: '推荐',
  return: '退回修改',
  pass: '形式审查通过',
  reject: '不予通过',
  startPublicNotice: '开始公示',
  upholdObjection: '异议成立',
  recognize: '认定',
};
/** The actions a reviewer takes through POST /api/applications/:id/review. */
export const reviewActions = ['recommend', 'return', 'pass', 'reject', 'startPublicNotice', 'recognize'] as const;
export const zReviewAction = z.enum(reviewActions);
export type ReviewAction = z.infer<typeof zReviewAction>;
/** The actions a reviewer may take on many applications at once. */
export const bulkReviewActions = ['recommend', 'return', 'pass', 'reject'] as const;
export const zBulkReviewAction = z.enum(bulkReviewActions);

/**
 * The catalogue of eligibility checks a call may configure (code-defined; a call picks checks and sets
 * their parameters). Each check answers pass / fail / needs_judgement with the data it used.
 */
export const eligibilityCheckCodes = [
  'host_in_region',
  'qualification',
  'rd_spend_min',
  'no_same_type_platform',
  'six_haves_answered',
  'construction_plan_attached',
] as const;
export const zEligibilityCheckCode = z.enum(eligibilityCheckCodes);
export type EligibilityCheckCode = z.infer<typeof zEligibilityCheckCode>;
export const eligibilityCheckLabels: Record<EligibilityCheckCode, string> = {
  host_in_region: '依托单位位于本通知的区域内',
  qualification: '持有有效的高新技术企业或科技型中小企业资质',
  rd_spend_min: '上年度研发投入不低于规定金额',
  no_same_type_platform: '依托单位尚无同类型平台',
  six_haves_answered: '“六有”条件逐项填报',
  construction_plan_attached: '已上传建设方案',
};

export const zEligibilityRule = z.discriminatedUnion('code', [
  z.object({ code: z.literal('host_in_region') }),
  z.object({
    code: z.literal('qualification'),
    /** Any one of these kinds, valid on the day of the check. */
    kinds: z.array(zQualificationKind).min(1, { message: '至少选择一种资质' }).max(4),
  }),
  z.object({
    code: z.literal('rd_spend_min'),
    /** 万元. */
    minAmount: z.number().min(0, { message: '不能为负数' }).max(10_000_000),
  }),
  z.object({ code: z.literal('no_same_type_platform') }),
  z.object({ code: z.literal('six_haves_answered') }),
  z.object({ code: z.literal('construction_plan_attached') }),
]);
export type EligibilityRule = z.infer<typeof zEligibilityRule>;

export const eligibilityOutcomes = ['pass', 'fail', 'needs_judgement'] as const;
export const zEligibilityOutcome = z.enum(eligibilityOutcomes);
export type EligibilityOutcome = z.infer<typeof zEligibilityOutcome>;
export const eligibilityOutcomeLabels: Record<EligibilityOutcome, string> = { pass: '符合', fail: '不符合', needs_judgement: '需人工判断' };

export const zEligibilityResult = z.object({
  code: zEligibilityCheckCode,
  label: z.string(),
  outcome: zEligibilityOutcome,
  /** Why, in Chinese. */
  detail: z.string(),
  /** The data the check used. */
  data: z.record(z.string(), z.unknown()),
});
export type EligibilityResult = z.infer<typeof zEligibilityResult>;

/** The 六有 checklist (有场所、有设备、有人员、有经费、有方向、有制度). */
export const sixHavesItems = ['site', 'equipment', 'staff', 'funding', 'direction', 'rules'] as const;
export const sixHavesLabels: Record<(typeof sixHavesItems)[number], string> = {
  site: '有固定的研发场所',
  equipment: '有必要的仪器设备',
  staff: '有稳定的研发团队',
  funding: '有持续的研发经费投入',
  direction: '有明确的研究方向',
  rules: '有健全的管理制度',
};
const zSixHaves = z.object(Object.fromEntries(sixHavesItems.map((item) => [item, z.boolean().nullable().optional()]))) as z.ZodObject<
  Record<(typeof sixHavesItems)[number], z.ZodOptional<z.ZodNullable<z.ZodBoolean>>>
>;

export const zCallMaterial = z.object({
  /** A short code; `construction_plan` is the construction plan the catalogue check looks for. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: '材料代码只能包含小写字母、数字和下划线，以字母开头' }),
  name: zName(100),
  required: z.boolean(),
});
export type CallMaterial = z.infer<typeof zCallMaterial>;

const zCallFields = {
  title: zName(200),
  year: z.number().int().min(2000).max(2100),
  regionId: zId,
  typeIds: z.array(zId).min(1, { message: '至少选择一个平台类型' }).max(50),
  opensOn: zDate,
  closesOn: zDate,
  materials: z.array(zCallMaterial).max(30),
  eligibilityRules: z.array(zEligibilityRule).max(eligibilityCheckCodes.length),
  description: zText(5000).optional(),
};
export const zCreateCall = z.object(zCallFields);
export type CreateCall = z.infer<typeof zCreateCall>;
export const zUpdateCall = z
  .object({ ...zCallFields, version: zVersion })
  .partial()
  .required({ version: true });
export type UpdateCall = z.infer<typeof zUpdateCall>;

export const zCall = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number().int(),
  region: z.object({ id: z.string(), name: z.string() }),
  types: z.array(z.object({ id: z.string(), name: z.string(), level: z.string() })),
  opensOn: z.string(),
  closesOn: z.string(),
  status: zCallStatus,
  materials: z.array(zCallMaterial),
  eligibilityRules: z.array(zEligibilityRule),
  description: z.string().nullable(),
  applicationCount: z.number().int(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Call = z.infer<typeof zCall>;

export const zCallQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  status: zCallStatus.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  keyword: zText(100).optional(),
});
export type CallQuery = z.infer<typeof zCallQuery>;

export const zCallTransition = z.object({ action: zCallAction, version: zVersion });
export type CallTransition = z.infer<typeof zCallTransition>;

export const zCollaborator = z.object({ name: zName(100), organization: zText(200).optional() });

/** The application form: what the host fills in. */
export const zApplicationForm = z.object({
  platformName: zName(200),
  technicalFields: z.array(zName(60)).max(20),
  coBuilderIds: z.array(zId).max(20),
  collaborators: z.array(zCollaborator).max(50),
  form: z.object({
    /** 上年度研发投入（万元）. */
    rdSpendLastYear: z.number().min(0, { message: '不能为负数' }).max(100_000_000).nullable().optional(),
    researchStaff: z.number().int().min(0).max(1_000_000).nullable().optional(),
    director: zText(60).optional(),
    summary: zText(5000).optional(),
    sixHaves: zSixHaves.optional(),
  }),
});
export type ApplicationForm = z.infer<typeof zApplicationForm>;
export const zCreateApplication = zApplicationForm.extend({ callId: zId, typeId: zId });
export type CreateApplication = z.infer<typeof zCreateApplication>;
export const zUpdateApplication = zApplicationForm.partial().extend({ version: zVersion, typeId: zId.optional() });
export type UpdateApplication = z.infer<typeof zUpdateApplication>;

export const zApplicationListItem = z.object({
  id: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  platformName: z.string(),
  status: zApplicationStatus,
  organization: z.object({ id: z.string(), name: z.string() }),
  type: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  region: z.object({ id: z.string(), name: z.string() }),
  submittedAt: z.string().nullable(),
  closesOn: z.string(),
  noticeEndsOn: z.string().nullable(),
  platformId: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ApplicationListItem = z.infer<typeof zApplicationListItem>;

export const zApplicationQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  callId: zId.optional(),
  status: zApplicationStatus.optional(),
  keyword: zText(100).optional(),
  /** Only those waiting for the signed-in reviewer's step. */
  waiting: z.enum(['true', 'false']).optional(),
});
export type ApplicationQuery = z.infer<typeof zApplicationQuery>;

export const zApplicationMaterial = z.object({
  id: z.string(),
  code: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type ApplicationMaterial = z.infer<typeof zApplicationMaterial>;

export const zApplicationReview = z.object({
  id: z.string(),
  action: zApplicationAction,
  fromStatus: zApplicationStatus,
  toStatus: zApplicationStatus,
  comment: z.string().nullable(),
  actorName: z.string(),
  actorRole: z.string().nullable(),
  eligibility: z.array(zEligibilityResult).nullable(),
  createdAt: z.string(),
});
export type ApplicationReview = z.infer<typeof zApplicationReview>;

export const zApplicationVersion = z.object({
  id: z.string(),
  seq: z.number().int(),
  snapshot: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type ApplicationVersion = z.infer<typeof zApplicationVersion>;

export const objectionResolutions = ['upheld', 'dismissed'] as const;
export const zObjectionResolution = z.enum(objectionResolutions);
export const objectionResolutionLabels = { upheld: '异议成立', dismissed: '异议不成立' } as const;
export const zApplicationObjection = z.object({
  id: z.string(),
  raisedBy: z.string(),
  text: z.string(),
  recordedAt: z.string(),
  resolution: zObjectionResolution.nullable(),
  resolutionNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type ApplicationObjection = z.infer<typeof zApplicationObjection>;
export const zCreateObjection = z.object({ raisedBy: zName(200), text: zName(5000) });
export const zResolveObjection = z.object({ resolution: zObjectionResolution, note: zName(2000), version: zVersion });

export const zApplicationDetail = zApplicationListItem.extend({
  technicalFields: z.array(z.string()),
  coBuilders: z.array(z.object({ id: z.string(), name: z.string() })),
  collaborators: z.array(z.object({ name: z.string(), organization: z.string().optional() })),
  form: zApplicationForm.shape.form,
  call: zCall,
  materials: z.array(zApplicationMaterial),
  reviews: z.array(zApplicationReview),
  versions: z.array(zApplicationVersion),
  objections: z.array(zApplicationObjection),
  noticeStartsOn: z.string().nullable(),
  recognizedOn: z.string().nullable(),
  recognitionDocNo: z.string().nullable(),
  /** Eligibility as it stands now (run on every read by a reviewer). */
  eligibility: z.array(zEligibilityResult),
  /** The actions the signed-in user may take now. */
  allowedActions: z.array(zApplicationAction),
});
export type ApplicationDetail = z.infer<typeof zApplicationDetail>;

export const zApplicationReviewInput = z.object({
  action: zReviewAction,
  version: zVersion,
  /** Required for return and reject; optional otherwise. */
  reason: zText(2000).optional(),
  /** startPublicNotice: the notice period in working days (Mon–Fri). */
  noticeDays: z.number().int().min(1).max(30).optional(),
  /** recognize: the recognition document number and date. */
  documentNo: zText(100).optional(),
  recognizedOn: zDate.optional(),
});
export type ApplicationReviewInput = z.infer<typeof zApplicationReviewInput>;

export const zApplicationHostAction = z.object({ version: zVersion, reason: zText(2000).optional() });

export const zBulkReview = z.object({
  ids: z.array(zId).min(1, { message: '至少选择一项申报' }).max(200),
  action: zBulkReviewAction,
  reason: zName(2000),
});
export type BulkReview = z.infer<typeof zBulkReview>;
export const zBulkReviewResult = z.object({
  ok: z.boolean(),
  done: z.number().int(),
  refusals: z.array(z.object({ id: z.string(), platformName: z.string(), message: z.string() })),
});
export type BulkReviewResult = z.infer<typeof zBulkReviewResult>;
