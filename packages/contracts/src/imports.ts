import { z } from 'zod';
import { zDate, zLimit, zOffset, zPage, zText } from './common';

export const importKinds = ['organizations', 'platforms', 'achievements', 'demands'] as const;
export const zImportKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof zImportKind>;

export const zImportResult = z.object({
  kind: zImportKind,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof zImportResult>;

/** How an import run ended: all rows applied, or the whole file refused (imports are all-or-nothing, so never partly). */
export const importRunStatuses = ['succeeded', 'failed'] as const;
export const zImportRunStatus = z.enum(importRunStatuses);
export type ImportRunStatus = z.infer<typeof zImportRunStatus>;

/** Filters of the import history (导入记录). Dates are the day of the run (YYYY-MM-DD, inclusive, Asia/Shanghai). */
export const zImportRunQuery = z.object({
  kind: zImportKind.optional(),
  status: zImportRunStatus.optional(),
  from: zDate.optional(),
  to: zDate.optional(),
  /** Part of the uploader's name. */
  uploader: zText(100).optional(),
  limit: zLimit,
  offset: zOffset,
});
export type ImportRunQuery = z.infer<typeof zImportRunQuery>;

/** One import run as listed: who (姓名（单位）), when, which file, and its outcome. */
export const zImportRun = z.object({
  id: z.string().uuid(),
  kind: zImportKind,
  status: zImportRunStatus,
  fileName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedById: z.string().uuid().nullable(),
  /** 姓名（单位）. */
  uploader: z.string(),
  createdAt: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows named by the error report. */
  rejected: z.number().int(),
  message: z.string().nullable(),
  hasErrorReport: z.boolean(),
});
export type ImportRun = z.infer<typeof zImportRun>;

export const zImportRunPage = zPage(zImportRun);
export type ImportRunPage = z.infer<typeof zImportRunPage>;
