import { z } from 'zod';
import { zDate, zId, zName, zText, zVersion, zCsv, zLimit, zOffset } from './common';
import { checkCreditCode } from './credit-code';

export const organizationKinds = [
  'enterprise',
  'university',
  'institute',
  'hospital',
  'department',
  'county_government',
  'zone_committee',
  'agency',
] as const;
export const zOrganizationKind = z.enum(organizationKinds);
export type OrganizationKind = z.infer<typeof zOrganizationKind>;

export const qualificationKinds = ['tech_sme', 'high_tech', 'gazelle', 'above_scale'] as const;
export const zQualificationKind = z.enum(qualificationKinds);
export type QualificationKind = z.infer<typeof zQualificationKind>;

export const zCreditCode = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .superRefine((value, ctx) => {
    const result = checkCreditCode(value);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: result.message });
  });

export const zQualification = z.object({
  id: zId,
  kind: zQualificationKind,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  certificateNo: z.string().nullable(),
});
export type Qualification = z.infer<typeof zQualification>;

/** The fields of an organisation a user may change (PATCH /organizations/:id). */
export const organizationFieldNames = ['name', 'kind', 'creditCode', 'regionId', 'address', 'contactPerson', 'contactPhone'] as const;
export const zOrganizationField = z.enum(organizationFieldNames);
export type OrganizationField = z.infer<typeof zOrganizationField>;
/** A host organisation's own contact data: all its users may change of it (name, code, kind and region are the registry's). */
export const organizationContactFields = ['address', 'contactPerson', 'contactPhone'] as const satisfies readonly OrganizationField[];

export const zOrganization = z.object({
  id: zId,
  name: z.string(),
  kind: zOrganizationKind,
  creditCode: z.string(),
  regionId: zId,
  regionName: z.string(),
  address: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  qualifications: z.array(zQualification),
  /** The fields the signed-in user may change (empty: read-only for them); the server refuses any other with 403. */
  editableFields: z.array(zOrganizationField),
  /** Whether the signed-in user may delete it (registry keepers only) and keep its qualifications. */
  canDelete: z.boolean(),
});
export type Organization = z.infer<typeof zOrganization>;

const organizationFields = {
  name: zName(200),
  kind: zOrganizationKind,
  creditCode: zCreditCode,
  regionId: zId,
  address: zText(300).nullable().optional(),
  contactPerson: zText(60).nullable().optional(),
  contactPhone: zText(40).nullable().optional(),
};
export const zCreateOrganization = z.object(organizationFields);
export type CreateOrganization = z.infer<typeof zCreateOrganization>;
export const zUpdateOrganization = z.object(organizationFields).partial().extend({ version: zVersion });
export type UpdateOrganization = z.infer<typeof zUpdateOrganization>;

export const zCreateQualification = z
  .object({
    kind: zQualificationKind,
    validFrom: zDate,
    validTo: zDate.nullable().optional(),
    certificateNo: zText(60).nullable().optional(),
  })
  .refine((q) => !q.validTo || q.validTo >= q.validFrom, { message: '有效期结束日期不能早于开始日期', path: ['validTo'] });
export type CreateQualification = z.infer<typeof zCreateQualification>;

export const zOrganizationQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  keyword: zText(100).optional(),
  kind: zCsv(zOrganizationKind).optional(),
  regionId: zId.optional(),
  qualification: zQualificationKind.optional(),
});
export type OrganizationQuery = z.infer<typeof zOrganizationQuery>;

/** `DELETE /organizations/:id?version=N`: the version the client last read. */
export const zOrganizationDeleteQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
export const zQualificationParams = z.object({ id: zId, qualificationId: zId });
