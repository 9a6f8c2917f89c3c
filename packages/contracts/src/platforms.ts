import { z } from 'zod';
import { zCsv, zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { zPlatformLevel } from './taxonomy';

export const platformStatuses = ['cultivating', 'constructing', 'operating', 'rectifying', 'revoked', 'merged'] as const;
export const zPlatformStatus = z.enum(platformStatuses);
export type PlatformStatus = z.infer<typeof zPlatformStatus>;
/** Statuses in which a platform exists and counts towards targets. */
export const livePlatformStatuses: readonly PlatformStatus[] = ['constructing', 'operating', 'rectifying'];
/**
 * 在册: the statuses of a platform on the register — every status but revoked (已撤销) and merged (已合并);
 * soft-deleted platforms are never counted. Every total shown as 在册 (platform overview, cockpit,
 * the start log) counts exactly these, so the same definition gives the same number everywhere.
 */
export const registeredPlatformStatuses: readonly PlatformStatus[] = ['cultivating', 'constructing', 'operating', 'rectifying'];

export const zNamedRef = z.object({ id: zId, name: z.string() });
export type NamedRef = z.infer<typeof zNamedRef>;

/** The fields of a platform a user may change (PATCH /platforms/:id). */
export const platformEditableFieldNames = [
  'name',
  'typeId',
  'hostOrganizationId',
  'coBuilderIds',
  'regionId',
  'industry',
  'technicalFields',
  'director',
  'recognitionDocNo',
  'recognizedOn',
  'constructionEndsOn',
  'parentPlatformId',
  'successorPlatformId',
  'remarks',
] as const;
export const zPlatformEditableField = z.enum(platformEditableFieldNames);
export type PlatformEditableField = z.infer<typeof zPlatformEditableField>;
/**
 * What a host organisation may change of the platforms it hosts: how it describes them (research directions, director,
 * remarks) — never name, type, level, status, region, host, co-builders or recognition, which are the bureau's record.
 */
export const platformDescriptiveFields = ['technicalFields', 'director', 'remarks'] as const satisfies readonly PlatformEditableField[];

export const zPlatform = z.object({
  id: zId,
  name: z.string(),
  typeId: zId,
  typeName: z.string(),
  systemId: zId,
  systemName: z.string(),
  level: zPlatformLevel,
  hostOrganizationId: zId,
  hostOrganizationName: z.string(),
  coBuilders: z.array(zNamedRef),
  regionId: zId,
  regionName: z.string(),
  industry: z.string().nullable(),
  technicalFields: z.array(z.string()),
  director: z.string().nullable(),
  status: zPlatformStatus,
  recognitionDocNo: z.string().nullable(),
  recognizedOn: z.string().nullable(),
  constructionEndsOn: z.string().nullable(),
  parentPlatformId: zId.nullable(),
  parentPlatformName: z.string().nullable(),
  successorPlatformId: zId.nullable(),
  successorPlatformName: z.string().nullable(),
  remarks: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  /** The day the state shown took effect (for `asOf` lists: the version in force that day). */
  validFrom: z.string(),
  updatedAt: z.string(),
  /**
   * On one platform's own answer (GET and PATCH /platforms/:id): the fields the signed-in user may change (empty:
   * read-only for them). Lists leave it out.
   */
  editableFields: z.array(zPlatformEditableField).optional(),
});
export type Platform = z.infer<typeof zPlatform>;

const platformFields = {
  name: zName(200),
  typeId: zId,
  hostOrganizationId: zId,
  coBuilderIds: z.array(zId).max(50).default([]),
  regionId: zId,
  industry: zText(60).nullable().optional(),
  technicalFields: z.array(zName(60)).max(30).default([]),
  director: zText(60).nullable().optional(),
  status: zPlatformStatus,
  recognitionDocNo: zText(100).nullable().optional(),
  recognizedOn: zDate.nullable().optional(),
  constructionEndsOn: zDate.nullable().optional(),
  parentPlatformId: zId.nullable().optional(),
  successorPlatformId: zId.nullable().optional(),
  remarks: zText(2000).nullable().optional(),
};

export const zCreatePlatform = z.object({
  ...platformFields,
  /** The day the record takes effect; defaults to the recognition date, else today. */
  effectiveDate: zDate.optional(),
});
export type CreatePlatform = z.infer<typeof zCreatePlatform>;

export const zUpdatePlatform = z
  .object({
    name: platformFields.name,
    typeId: platformFields.typeId,
    hostOrganizationId: platformFields.hostOrganizationId,
    coBuilderIds: z.array(zId).max(50),
    regionId: platformFields.regionId,
    industry: platformFields.industry,
    technicalFields: z.array(zName(60)).max(30),
    director: platformFields.director,
    recognitionDocNo: platformFields.recognitionDocNo,
    recognizedOn: platformFields.recognizedOn,
    constructionEndsOn: platformFields.constructionEndsOn,
    parentPlatformId: platformFields.parentPlatformId,
    successorPlatformId: platformFields.successorPlatformId,
    remarks: platformFields.remarks,
  })
  .partial()
  .extend({
    version: zVersion,
    /** The day the change takes effect (a revocation date, a conversion date); defaults to today. */
    effectiveDate: zDate.optional(),
    changeNote: zText(500).optional(),
  });
export type UpdatePlatform = z.infer<typeof zUpdatePlatform>;

/**
 * The explicit moves of a platform's lifecycle (the table is apps/server/src/modules/platforms/platforms.lifecycle.ts):
 * 开始建设, 建成运行, 责令整改, 整改完成, 撤销 by staff; 转并 only through a type's 撤并转.
 */
export const platformActions = [
  'startConstruction',
  'startOperation',
  'orderRectification',
  'completeRectification',
  'revoke',
  'merge',
] as const;
export const zPlatformAction = z.enum(platformActions);
export type PlatformAction = z.infer<typeof zPlatformAction>;

/** A status change: the action, why, from which day, at which version. */
export const zPlatformTransition = z.object({
  action: zPlatformAction,
  reason: zName(500),
  effectiveDate: zDate,
  version: zVersion,
});
export type PlatformTransition = z.infer<typeof zPlatformTransition>;

/** An action the actor may take on a platform now, and the status it leads to. */
export const zPlatformAllowedAction = z.object({ action: zPlatformAction, to: zPlatformStatus });
export type PlatformAllowedAction = z.infer<typeof zPlatformAllowedAction>;

export const platformSortFields = ['name', 'recognizedOn', 'updatedAt', 'level', 'typeName', 'regionName', 'status'] as const;

export const zPlatformQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  systemId: zId.optional(),
  typeId: zCsv(zId).optional(),
  level: zCsv(zPlatformLevel).optional(),
  /** A region and its whole subtree. */
  regionId: zId.optional(),
  status: zCsv(zPlatformStatus).optional(),
  industry: zText(60).optional(),
  hostOrganizationId: zId.optional(),
  keyword: zText(100).optional(),
  /** The registry as it stood at the end of that day. */
  asOf: zDate.optional(),
  sort: z.enum(platformSortFields).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type PlatformQuery = z.infer<typeof zPlatformQuery>;
export const zPlatformExportQuery = zPlatformQuery.omit({ limit: true, offset: true });
export type PlatformExportQuery = z.infer<typeof zPlatformExportQuery>;

export const zFieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const zPlatformVersion = z.object({
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  changeNote: z.string().nullable(),
  changes: z.array(zFieldChange),
  snapshot: zPlatform,
});
export type PlatformVersion = z.infer<typeof zPlatformVersion>;

export const zPlatformCounts = z.object({
  /** Every platform the filter admits, whatever its status. */
  total: z.number().int(),
  /** Those of them on the register (在册: `registeredPlatformStatuses`). */
  registered: z.number().int(),
  bySystem: z.array(z.object({ id: zId, name: z.string(), count: z.number().int() })),
  byLevel: z.array(z.object({ level: zPlatformLevel, count: z.number().int() })),
  byStatus: z.array(z.object({ status: zPlatformStatus, count: z.number().int() })),
  byRegion: z.array(z.object({ id: zId, name: z.string(), count: z.number().int() })),
});
export type PlatformCounts = z.infer<typeof zPlatformCounts>;

/** `DELETE /platforms/:id?version=N`: the version the client read (a stale one answers 409). */
export const zDeletePlatformQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
export type DeletePlatformQuery = z.infer<typeof zDeletePlatformQuery>;

/** The industries offered where one is picked: the city's industry catalogue first (modules/catalogues), then those in use. */
export const zPlatformIndustries = z.array(z.string());

/** An export holds at most this many rows; a larger one must be narrowed by filters first. */
export const platformExportMaxRows = 100_000;

/** Chinese names of a platform's fields: history changes, export headers and form labels. */
export const platformFieldLabels = {
  name: '平台名称',
  system: '体系',
  type: '类型',
  level: '级别',
  hostOrganization: '依托单位',
  coBuilders: '共建单位',
  region: '所在区域',
  industry: '重点产业',
  technicalFields: '技术领域',
  director: '负责人',
  status: '状态',
  recognitionDocNo: '认定文号',
  recognizedOn: '认定日期',
  constructionEndsOn: '建设期满',
  parentPlatform: '上级平台',
  successorPlatform: '承继平台',
  remarks: '备注',
  updatedAt: '更新时间',
} as const;
export type PlatformField = keyof typeof platformFieldLabels;

/**
 * The same names under every spelling a platform's fields take: the contracts' (`type`, `hostOrganization` …)
 * and the record's properties (`typeId`, `hostOrganizationName` …) — what forms, columns, the change history
 * and the audit trail label them by.
 */
export const platformPropertyLabels = {
  ...platformFieldLabels,
  typeId: platformFieldLabels.type,
  typeName: platformFieldLabels.type,
  systemId: platformFieldLabels.system,
  systemName: platformFieldLabels.system,
  hostOrganizationId: platformFieldLabels.hostOrganization,
  hostOrganizationName: platformFieldLabels.hostOrganization,
  coBuilderIds: platformFieldLabels.coBuilders,
  regionId: platformFieldLabels.region,
  regionName: platformFieldLabels.region,
  parentPlatformId: platformFieldLabels.parentPlatform,
  parentPlatformName: platformFieldLabels.parentPlatform,
  successorPlatformId: platformFieldLabels.successorPlatform,
  successorPlatformName: platformFieldLabels.successorPlatform,
  validFrom: '生效日期',
} as const;
