import { z } from 'zod';
import { zBooleanQuery, zCsv, zDate, zId, zName, zOffset, zText, zVersion } from './common';

export const platformLevels = ['national', 'provincial', 'city', 'county'] as const;
export const zPlatformLevel = z.enum(platformLevels);
export type PlatformLevel = z.infer<typeof zPlatformLevel>;

export const zPlatformSystem = z.object({
  id: zId,
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type PlatformSystem = z.infer<typeof zPlatformSystem>;

export const zPlatformType = z.object({
  id: zId,
  systemId: zId,
  systemName: z.string(),
  name: z.string(),
  level: zPlatformLevel,
  /** The department that supervises platforms of this type (e.g. 市经信局 for 企业技术中心). */
  supervisorOrganizationId: zId.nullable(),
  supervisorOrganizationName: z.string().nullable(),
  /** Free-text name of the supervising department when no organisation record stands for it (e.g. 省科技厅). */
  supervisingDepartment: z.string().nullable(),
  recognitionStandard: z.string().nullable(),
  constructionPeriodMonths: z.number().int().nullable(),
  isActive: z.boolean(),
  retiredOn: z.string().nullable(),
  successorTypeId: zId.nullable(),
  successorTypeName: z.string().nullable(),
  sortOrder: z.number().int(),
  platformCount: z.number().int(),
  version: z.number().int(),
});
export type PlatformType = z.infer<typeof zPlatformType>;

export const zCreatePlatformSystem = z.object({
  code: zText(40).regex(/^[a-z][a-z0-9_]*$/, { message: '代码只能包含小写字母、数字和下划线' }),
  name: zName(60),
  description: zText(500).nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type CreatePlatformSystem = z.infer<typeof zCreatePlatformSystem>;
/** A system's name, description and order can change; its code is an identifier and stays. */
export const zUpdatePlatformSystem = zCreatePlatformSystem.omit({ code: true }).partial().extend({ version: zVersion });
export type UpdatePlatformSystem = z.infer<typeof zUpdatePlatformSystem>;

const typeFields = {
  systemId: zId,
  name: zName(100),
  level: zPlatformLevel,
  supervisorOrganizationId: zId.nullable().optional(),
  supervisingDepartment: zText(100).nullable().optional(),
  recognitionStandard: zText(5000).nullable().optional(),
  constructionPeriodMonths: z.number().int().min(1).max(240).nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
};
export const zCreatePlatformType = z.object(typeFields);
export type CreatePlatformType = z.infer<typeof zCreatePlatformType>;
export const zUpdatePlatformType = z.object(typeFields).partial().extend({ version: zVersion });
export type UpdatePlatformType = z.infer<typeof zUpdatePlatformType>;

/**
 * Retire a type (撤、并、转). With a successor, every live platform of the type is converted to the
 * successor from `effectiveDate` (its history keeps the old type before that day); without one,
 * the type only stops accepting new platforms.
 */
export const zRetirePlatformType = z.object({
  successorTypeId: zId.nullable(),
  effectiveDate: zDate,
  note: zText(500).optional(),
  version: zVersion,
});
export type RetirePlatformType = z.infer<typeof zRetirePlatformType>;
export const zRetireResult = z.object({ type: zPlatformType, convertedPlatforms: z.number().int() });

export const zTaxonomy = z.object({ systems: z.array(zPlatformSystem), types: z.array(zPlatformType) });
export type Taxonomy = z.infer<typeof zTaxonomy>;

export const zPlatformTypeQuery = z.object({
  /** The catalogue is small (tens of types) and pickers want all of it, so the default page holds everything. */
  limit: z.coerce.number().int().min(1).max(500).default(500),
  offset: zOffset,
  systemId: zId.optional(),
  level: zCsv(zPlatformLevel).optional(),
  /** Retired (撤并转) types are left out unless asked for. */
  includeRetired: zBooleanQuery.default(false),
});
export type PlatformTypeQuery = z.infer<typeof zPlatformTypeQuery>;
