import { z } from 'zod';
import { zDate, zId, zName, zText } from './common';
import { zCreditCode } from './organizations';
import { zCreatePlan } from './plans';
import { zNamedRef } from './platforms';
import { zPlatformLevel } from './taxonomy';
import { zCreateTarget, zTargetBasis, zTargetComparator, zTargetMetric } from './targets';

/**
 * Policy ingestion (政策文件导入): a plan document is read into a proposal of targets and tasks with
 * suggestions from the live taxonomy and organisation register; a person reviews it and confirms,
 * and the plan is created with its targets, tasks and any new units in one transaction.
 */

/** The largest document text accepted (characters); the extractor reads no further than this. */
export const ingestTextMaxLength = 2_000_000;
/** The largest uploaded file (bytes). */
export const ingestFileMaxBytes = 10 * 1024 * 1024;
/** The file types that can be read: Word (.docx), PDF with text, Excel task sheets (.xlsx), web pages and plain text. */
export const ingestFileExtensions = ['.docx', '.pdf', '.xlsx', '.html', '.htm', '.txt'] as const;
/** Old binary Office and WPS files, refused with a message asking for .docx (or .xlsx). */
export const ingestLegacyExtensions = ['.doc', '.wps', '.xls', '.et'] as const;

/** `POST /policy-ingest/extract` as JSON (pasted text); an upload sends multipart fields `file` and `date` instead. */
export const zIngestExtractText = z.object({
  text: zName(ingestTextMaxLength),
  /** The document's date: deadlines of an annual plan ("今年") and 新建 baselines count from it. */
  date: zDate.optional(),
});
export type IngestExtractText = z.infer<typeof zIngestExtractText>;

/** Administrative level as the extractor names it (the counted subject's own prefix). */
export const ingestLevels = ['国家', '省', '市', '县'] as const;
/** Target kinds as the extractor names them (an index is an `amount` without a unit). */
export const extractedTargetKinds = ['count', 'amount', 'ratio', 'coverage', 'first'] as const;

/** Character offsets `[start, end)` into the proposal's `text`, for highlighting. */
const zSpan = z.tuple([z.number().int(), z.number().int()]).nullable();

export const computedIngestKinds = ['count', 'first', 'coverage'] as const;
export const reportedIngestKinds = ['amount', 'ratio', 'index'] as const;

/** How sure a suggestion is, 0–1: exact name and level ≈ 0.95, a partial name ≈ 0.7, a guess from words ≤ 0.5. */
const zConfidence = z.number().min(0).max(1);

/**
 * What a target is suggested to count: platforms of a filter (count / first / coverage, computed from
 * the registry) or a figure people report (amount / ratio / index) — or, for an amount the platform sums
 * (技术合同登记额), that sum (`metric`).
 */
export const zTargetSuggestion = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('platforms'),
    kind: z.enum(computedIngestKinds),
    types: z.array(zNamedRef),
    levels: z.array(zPlatformLevel),
    systems: z.array(zNamedRef),
    /** Coverage targets: the region whose child regions must each have one (the plan's region by default). */
    coverageRegion: zNamedRef.nullable(),
    /**
     * A baseline day to count additions after; null — additions (basis `added` on the proposed target)
     * count from the plan's start, which is what a plan's 新建 / 新增 means.
     */
    baselineDate: z.string().nullable(),
    confidence: zConfidence,
    /** Why, in words a reviewer reads: "名称与级别一致：市级重点实验室". */
    reason: z.string(),
  }),
  z.object({
    mode: z.literal('reported'),
    kind: z.enum(reportedIngestKinds),
    /**
     * Amounts the platform sums instead of people reporting them (技术合同登记额 → `technology_contract_amount`):
     * the target is created with this metric. Absent or null: people report the figure.
     */
    metric: zTargetMetric.nullish(),
    confidence: zConfidence,
    reason: z.string(),
  }),
]);
export type TargetSuggestion = z.infer<typeof zTargetSuggestion>;

export const zProposedTarget = z.object({
  /** The exact phrase of the source. */
  text: z.string(),
  /** What is counted. */
  subject: z.string(),
  level: z.enum(ingestLevels).nullable(),
  comparator: zTargetComparator,
  value: z.number(),
  unit: z.string(),
  /** YYYY-MM, or null when the document gives none (the plan's end applies). */
  deadline: z.string().nullable(),
  kind: z.enum(extractedTargetKinds),
  span: zSpan,
  suggestion: zTargetSuggestion,
  /** Counts: the stock (总数达到…) or the additions from the plan's start (新建 / 新增 / 新培育 …). */
  basis: zTargetBasis,
  /** A yearly rate (每年…): one figure per plan year, each judged on its own year. */
  perYear: z.boolean(),
  /** Required of each child region (推动每个县（市、区）至少…), judged region by region. */
  perRegion: z.boolean(),
  /** What could not be read unambiguously, in the reviewer's words (比较关系, 数值, 单位, 期限, 对象). */
  doubts: z.array(z.string()),
  /**
   * 建议可信: comparator, value, unit, deadline and subject were all read without doubt (the extractor
   * assessed them and `doubts` is empty) and the suggestion's confidence is high (≥ 0.85).
   */
  isTrusted: z.boolean(),
});
export type ProposedTarget = z.infer<typeof zProposedTarget>;

export const zProposedTask = z.object({
  /** 工作任务: the task's name (the 任务 cell, the item's heading, or the start of its text). */
  title: z.string(),
  /** 具体内容: the task's text. */
  content: z.string(),
  /** Unit names as the document writes them; each is mapped in `units`. */
  lead: z.array(z.string()),
  participants: z.array(z.string()),
  /** YYYY-MM, or null. */
  deadline: z.string().nullable(),
  /** The deadline as the document words it ("2025年12月前"). */
  deadlineText: z.string().nullable(),
  recurring: z.boolean(),
  /** How the document words the recurrence ("并动态更新"). */
  recurrenceText: z.string().nullable(),
  span: zSpan,
  /** The proposed targets whose phrase this task carries (indexes into `targets`). */
  targetIndexes: z.array(z.number().int()),
});
export type ProposedTask = z.infer<typeof zProposedTask>;

/** A unit name of the tasks and the organisation it is suggested to be. */
export const zUnitSuggestion = z.object({
  name: z.string(),
  /** The organisation it matches (exact name or alias form), or null when none or several match equally. */
  organization: zNamedRef.nullable(),
  confidence: zConfidence,
  /** Other organisations it may be, best first. */
  candidates: z.array(zNamedRef.extend({ score: zConfidence })),
  /** A collective name ("各县（市、区）人民政府") stands for these organisations. */
  expandsTo: z.array(zNamedRef),
});
export type UnitSuggestion = z.infer<typeof zUnitSuggestion>;

/** Plan particulars guessed from the document's head; every one may be null. */
export const zPlanGuess = z.object({
  title: z.string().nullable(),
  issuingBody: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  /** The region the plan covers: one named in the title or issuing body within the user's scope, else the user's region. */
  region: zNamedRef.nullable(),
});
export type PlanGuess = z.infer<typeof zPlanGuess>;

export const zIngestProposal = z.object({
  /** The document's text; spans index into it. */
  text: z.string(),
  fileName: z.string().nullable(),
  /** The date deadlines were read against (given, or guessed from the document). */
  date: z.string().nullable(),
  plan: zPlanGuess,
  targets: z.array(zProposedTarget),
  tasks: z.array(zProposedTask),
  units: z.array(zUnitSuggestion),
  /** The library record the document is kept in (政策文件库); absent for proposals not kept. */
  document: z
    .object({
      id: zId,
      version: z.number().int(),
      /** The same file was already in the library (same content, same region): its stored reading is reopened. */
      isReopened: z.boolean(),
      extractorVersion: z.string(),
      /** The stored reading was made by an older extractor: 重新提取 may read more. */
      isOutdated: z.boolean(),
    })
    .nullish(),
});
export type IngestProposal = z.infer<typeof zIngestProposal>;

/** A task's unit at confirmation: an existing organisation, or one of `newOrganizations` by name. */
export const zIngestUnitRef = z.union([z.object({ organizationId: zId }).strict(), z.object({ newOrganizationName: zName(200) }).strict()]);
export type IngestUnitRef = z.infer<typeof zIngestUnitRef>;

export const zIngestTask = z.object({
  title: zName(200),
  content: zName(5000),
  leadUnits: z.array(zIngestUnitRef).min(1, { message: '至少一个牵头单位' }).max(30),
  participantUnits: z.array(zIngestUnitRef).max(60).default([]),
  deadline: zDate.nullable().optional(),
  deadlineText: zText(60).nullable().optional(),
  isRecurring: z.boolean().default(false),
  recurrenceText: zText(60).nullable().optional(),
  /** Targets of this confirmation the task serves (indexes into `targets`). */
  targetIndexes: z.array(z.number().int().min(0)).max(30).default([]),
});
export type IngestTask = z.infer<typeof zIngestTask>;

/** A unit the document names that is not registered yet: created as a department in the plan's region. */
export const zIngestNewOrganization = z.object({ name: zName(200), creditCode: zCreditCode });
export type IngestNewOrganization = z.infer<typeof zIngestNewOrganization>;

/** `POST /policy-ingest/confirm`: the reviewed proposal. */
export const zIngestConfirm = z.object({
  plan: zCreatePlan,
  targets: z.array(zCreateTarget).max(300),
  tasks: z.array(zIngestTask).max(500),
  newOrganizations: z.array(zIngestNewOrganization).max(100).default([]),
  /** The library document this plan is read from: linked to the plan in the same transaction. */
  documentId: zId.optional(),
});
export type IngestConfirm = z.infer<typeof zIngestConfirm>;
export type IngestConfirmInput = z.input<typeof zIngestConfirm>;

// ── 政策文件库: uploaded documents kept with their extraction and the plan created from them ──

/** A document in the library, as listed. */
export const zPolicyDocument = z.object({
  id: zId,
  fileName: z.string(),
  /** Pasted rather than uploaded (downloads as a .txt of the text). */
  isPasted: z.boolean(),
  size: z.number().int(),
  sha256: z.string(),
  /** 文号 and title as read from the document head, when read. */
  documentNo: z.string().nullable(),
  title: z.string().nullable(),
  /** The document's date: given at upload, or read from the document. */
  documentDate: z.string().nullable(),
  region: zNamedRef,
  uploadedBy: z.object({ id: zId.nullable(), name: z.string(), organization: z.string().nullable() }),
  uploadedAt: z.string(),
  targetCount: z.number().int(),
  taskCount: z.number().int(),
  extractorVersion: z.string(),
  isOutdated: z.boolean(),
  /** The plan confirmed from it (null when none, or when the plan was deleted). */
  plan: zNamedRef.nullable(),
  /** A re-extraction waits to be kept (or replaced by another). */
  hasPendingExtraction: z.boolean(),
  version: z.number().int(),
});
export type PolicyDocument = z.infer<typeof zPolicyDocument>;

export const zPolicyDocumentQuery = z.object({
  /** Part of the file name, title or 文号. */
  search: zText(200).optional(),
  /** The document's date from / to (inclusive). */
  from: zDate.optional(),
  to: zDate.optional(),
  hasPlan: z.enum(['true', 'false']).optional(),
  /** Only documents read by an older extractor. */
  outdated: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type PolicyDocumentQuery = z.infer<typeof zPolicyDocumentQuery>;

export const zPolicyDocumentPage = z.object({ items: z.array(zPolicyDocument), total: z.number().int() });
export type PolicyDocumentPage = z.infer<typeof zPolicyDocumentPage>;

/** One field that reads differently: `label` in Chinese (比较关系), values as shown to a reviewer. */
export const zExtractionFieldChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() });
export type ExtractionFieldChange = z.infer<typeof zExtractionFieldChange>;

/** An item (target or task) of a diff: its display name, and for `changed` the fields that differ. */
export const zDiffItem = z.object({ name: z.string(), changes: z.array(zExtractionFieldChange) });
export type DiffItem = z.infer<typeof zDiffItem>;

export const zItemsDiff = z.object({ added: z.array(zDiffItem), removed: z.array(zDiffItem), changed: z.array(zDiffItem) });
export type ItemsDiff = z.infer<typeof zItemsDiff>;

/** What a re-extraction reads differently from the stored extraction. */
export const zExtractionDiff = z.object({ targets: zItemsDiff, tasks: zItemsDiff });
export type ExtractionDiff = z.infer<typeof zExtractionDiff>;

/** A target of the confirmed plan that the new extraction reads differently (never overwritten automatically). */
export const zPlanTargetDifference = z.object({
  targetId: zId,
  subject: z.string(),
  /** Fields that differ; empty with `isMissing` when the new extraction has no such target. */
  changes: z.array(zExtractionFieldChange),
  isMissing: z.boolean(),
});
export type PlanTargetDifference = z.infer<typeof zPlanTargetDifference>;

/** `POST /policy-documents/:id/re-extract`: the new reading, kept as pending until `keep`. */
export const zReExtraction = z.object({
  document: zPolicyDocument,
  previousExtractorVersion: z.string(),
  extractorVersion: z.string(),
  diff: zExtractionDiff,
  /** Empty when no plan was created from the document. */
  planDifferences: z.array(zPlanTargetDifference),
});
export type ReExtraction = z.infer<typeof zReExtraction>;

/** A mutation of a library document, against the version the user saw. */
export const zPolicyDocumentVersion = z.object({ version: z.number().int().min(1) });
export type PolicyDocumentVersion = z.infer<typeof zPolicyDocumentVersion>;
