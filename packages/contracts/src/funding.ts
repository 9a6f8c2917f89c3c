import { z } from 'zod';
import { zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { type EvaluationGrade, zEvaluationGrade } from './evaluations';
import { zPlatformLevel } from './taxonomy';

/**
 * Money is kept in 分 (integer cents) everywhere the server computes or stores it, and travels as
 * a decimal string of 元 with two places ("300000.00"): no binary floating point touches an amount.
 */
export const maxAmountFen = 100_000_000_000_00; // 1000 亿元: far below 2^53, so integer 分 stay exact
const yuanPattern = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

/** 元 as typed ("300000", "12.5", 12.05) → integer 分, or null when it is not a non-negative amount with at most two decimals. */
export function parseYuan(value: string | number): number | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value.trim().replace(/,/g, '');
  const match = yuanPattern.exec(text);
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= maxAmountFen ? fen : null;
}

/** Integer 分 → "1234.50" (元, two places); negative amounts keep their sign. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`not an amount in 分: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** An amount in 元 typed by a user (number or string), validated and turned into integer 分. */
export const zYuanInput = z.union([z.number(), z.string()]).transform((value, context) => {
  const fen = parseYuan(value);
  if (fen === null) {
    context.addIssue({ code: 'custom', message: '金额应为不超过1000亿元的非负数，单位元，最多两位小数' });
    return z.NEVER;
  }
  return fen;
});
/** A positive amount in 元 → 分. */
export const zPositiveYuanInput = zYuanInput.refine((fen) => fen > 0, '金额必须大于0');
/** An amount as the server answers it: 元 with two decimals. */
export const zYuan = z.string().regex(/^-?\d+\.\d{2}$/);

export const zYear = z.coerce
  .number()
  .int()
  .min(2000, { message: '年度应在2000至2100之间' })
  .max(2100, { message: '年度应在2000至2100之间' });

/** 后补助 (post-hoc subsidy for results achieved) or 以奖代补 (an award in place of a subsidy). */
export const grantKinds = ['post_subsidy', 'award'] as const;
export const zGrantKind = z.enum(grantKinds);
export type GrantKind = z.infer<typeof zGrantKind>;
export const grantKindLabels: Record<GrantKind, string> = { post_subsidy: '后补助', award: '以奖代补' };

/** A grant's lifecycle (grants.lifecycle.ts): proposed → approved → paid, or cancelled; partial payments keep it approved. */
export const grantStatuses = ['proposed', 'approved', 'paid', 'cancelled'] as const;
export const zGrantStatus = z.enum(grantStatuses);
export type GrantStatus = z.infer<typeof zGrantStatus>;
export const grantStatusLabels: Record<GrantStatus, string> = {
  proposed: '拟资助',
  approved: '已批准',
  paid: '已拨付',
  cancelled: '已取消',
};

/** The evaluation grades as grants name them (the evaluations module owns the grades themselves). */
export const grantGradeLabels: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  good: '良好',
  qualified: '合格',
  unqualified: '不合格',
};

export const grantActions = ['approve', 'cancel', 'settle'] as const;
export const zGrantAction = z.enum(grantActions);
export type GrantAction = z.infer<typeof zGrantAction>;
export const grantActionLabels: Record<GrantAction, string> = { approve: '批准', cancel: '取消', settle: '拨付完毕' };

/**
 * What the money may be spent on. Seed 004 (省技术创新中心建设指引 §六(五)): 主要用于科研项目实施、科研仪器、设备购置、
 * 人才团队引进培育等，不得用于基本建设、赞助、捐赠、投资、支付各种罚款、偿还债务等. The forbidden uses are categories
 * too, so a host who picks one is told the rule instead of finding no option.
 */
export const allowedExpenditureCategories = [
  'research',
  'equipment',
  'materials',
  'testing',
  'personnel',
  'talent',
  'collaboration',
  'publication',
] as const;
export const forbiddenExpenditureCategories = [
  'capital_construction',
  'sponsorship',
  'donation',
  'investment',
  'fines',
  'debt_repayment',
] as const;
export const expenditureCategories = [...allowedExpenditureCategories, ...forbiddenExpenditureCategories] as const;
export const zExpenditureCategory = z.enum(expenditureCategories);
export type ExpenditureCategory = z.infer<typeof zExpenditureCategory>;
export const expenditureCategoryLabels: Record<ExpenditureCategory, string> = {
  research: '科研项目实施',
  equipment: '科研仪器、设备购置',
  materials: '材料费',
  testing: '测试化验加工费',
  personnel: '劳务费（科研人员）',
  talent: '人才团队引进培育',
  collaboration: '合作交流、会议差旅',
  publication: '出版、文献、知识产权事务',
  capital_construction: '基本建设',
  sponsorship: '赞助',
  donation: '捐赠',
  investment: '投资',
  fines: '支付各种罚款',
  debt_repayment: '偿还债务',
};

/** A yearly budget with what is committed to grants, paid out and left. */
export const zBudget = z.object({
  id: zId,
  year: z.number().int(),
  amount: zYuan,
  /** Sum of the year's grants that are not cancelled. */
  granted: zYuan,
  paid: zYuan,
  /** amount − paid: never negative. */
  remaining: zYuan,
  remarks: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type Budget = z.infer<typeof zBudget>;

export const zCreateBudget = z.object({ year: zYear, amount: zYuanInput, remarks: zText(500).nullable().optional() });
export type CreateBudget = z.infer<typeof zCreateBudget>;
export const zUpdateBudget = z.object({ amount: zYuanInput.optional(), remarks: zText(500).nullable().optional(), version: zVersion });
export type UpdateBudget = z.infer<typeof zUpdateBudget>;

/** A subsidy rule: the grant a grade earns, for a platform level, or for one type (which then wins over its level's rule). */
export const zSubsidyRule = z.object({
  id: zId,
  level: zPlatformLevel,
  typeId: zId.nullable(),
  typeName: z.string().nullable(),
  grade: zEvaluationGrade,
  kind: zGrantKind,
  amount: zYuan,
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type SubsidyRule = z.infer<typeof zSubsidyRule>;

export const zCreateSubsidyRule = z.object({
  level: zPlatformLevel,
  typeId: zId.nullable().optional(),
  grade: zEvaluationGrade,
  kind: zGrantKind,
  amount: zYuanInput,
});
export type CreateSubsidyRule = z.infer<typeof zCreateSubsidyRule>;
export const zUpdateSubsidyRule = z.object({ amount: zYuanInput.optional(), kind: zGrantKind.optional(), version: zVersion });
export type UpdateSubsidyRule = z.infer<typeof zUpdateSubsidyRule>;

export const zPayment = z.object({
  id: zId,
  grantId: zId,
  paidOn: z.string(),
  amount: zYuan,
  voucherNo: z.string(),
  remarks: z.string().nullable(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof zPayment>;

export const zCreatePayment = z.object({
  paidOn: zDate,
  amount: zPositiveYuanInput,
  voucherNo: zName(60),
  remarks: zText(500).nullable().optional(),
});
export type CreatePayment = z.infer<typeof zCreatePayment>;

export const zExpenditure = z.object({
  id: zId,
  grantId: zId,
  category: zExpenditureCategory,
  amount: zYuan,
  spentOn: z.string(),
  description: z.string(),
  createdAt: z.string(),
});
export type Expenditure = z.infer<typeof zExpenditure>;

export const zCreateExpenditure = z.object({
  category: zExpenditureCategory,
  amount: zPositiveYuanInput,
  spentOn: zDate,
  description: zName(1000),
});
export type CreateExpenditure = z.infer<typeof zCreateExpenditure>;

export const zGrant = z.object({
  id: zId,
  year: z.number().int(),
  kind: zGrantKind,
  status: zGrantStatus,
  platform: z.object({ id: zId, name: z.string(), hostOrganizationName: z.string(), regionName: z.string() }),
  amount: zYuan,
  paid: zYuan,
  /** amount − paid: what is still to be paid. */
  balance: zYuan,
  /** Sum of the expenditure lines filed against it (never above `paid`). */
  spent: zYuan,
  basis: z.string(),
  grade: zEvaluationGrade.nullable(),
  evaluationRoundId: zId.nullable(),
  cancelReason: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Grant = z.infer<typeof zGrant>;

export const zGrantDetail = zGrant.extend({
  payments: z.array(zPayment),
  expenditures: z.array(zExpenditure),
  /** What the reader may do: lifecycle actions (staff), record payments (staff), file expenditure lines (host or staff). */
  allowedActions: z.array(zGrantAction),
  canPay: z.boolean(),
  canFileExpenditure: z.boolean(),
});
export type GrantDetail = z.infer<typeof zGrantDetail>;

export const zCreateGrant = z.object({
  platformId: zId,
  year: zYear,
  kind: zGrantKind,
  amount: zPositiveYuanInput,
  basis: zName(1000),
});
export type CreateGrant = z.infer<typeof zCreateGrant>;

/** Changes a proposed grant (拟资助) before it is approved. */
export const zUpdateGrant = z.object({
  kind: zGrantKind.optional(),
  amount: zPositiveYuanInput.optional(),
  basis: zName(1000).optional(),
  version: zVersion,
});
export type UpdateGrant = z.infer<typeof zUpdateGrant>;

export const zGrantQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  year: zYear.optional(),
  status: zGrantStatus.optional(),
  kind: zGrantKind.optional(),
  platformId: zId.optional(),
  keyword: zText(100).optional(),
});
export type GrantQuery = z.infer<typeof zGrantQuery>;

export const zGrantExportQuery = z.object({ year: zYear.optional() });

export const zGrantTransition = z.object({
  action: zGrantAction,
  version: zVersion,
  reason: zText(500).nullable().optional(),
});
export type GrantTransition = z.infer<typeof zGrantTransition>;

/** Grants for an evaluation round's published or applied results, by the subsidy rules. */
export const zGrantsFromRound = z.object({ roundId: zId, year: zYear });
export type GrantsFromRound = z.infer<typeof zGrantsFromRound>;

export const zRoundGrantLine = z.object({
  resultId: zId,
  platformId: zId,
  platformName: z.string(),
  grade: zEvaluationGrade.nullable(),
  kind: zGrantKind.nullable(),
  /** Null when no grant is made for this result; `skippedReason` says why. */
  amount: zYuan.nullable(),
  skippedReason: z.string().nullable(),
});
export const zRoundGrantPreview = z.object({
  roundId: zId,
  roundTitle: z.string(),
  year: z.number().int(),
  lines: z.array(zRoundGrantLine),
  total: zYuan,
  /** The year's budget left after what is already granted; negative means the round's grants would exceed it. */
  budgetLeftAfter: zYuan.nullable(),
});
export type RoundGrantPreview = z.infer<typeof zRoundGrantPreview>;
export const zRoundGrantResult = z.object({ created: z.number().int(), total: zYuan });

export const zBudgetList = z.object({ items: z.array(zBudget), total: z.number().int() });
export const zSubsidyRuleList = z.object({ items: z.array(zSubsidyRule), total: z.number().int() });
export const zGrantList = z.object({ items: z.array(zGrant), total: z.number().int() });

/** Evaluation rounds whose results are final (published or applied), for the create-from-round form. */
export const zFinalRound = z.object({ id: zId, title: z.string(), status: z.string(), periodTo: z.number().int() });
export const zFinalRoundList = z.array(zFinalRound);
