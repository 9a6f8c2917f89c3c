import { z } from 'zod';
import { zDate, zEmail, zId, zName, zPhone, zText, zVersion } from './common';
import {
  zContactField,
  zNamed,
  zPublicationAction,
  zPublicationEvent,
  zPublicationListQuery,
  zPublicationStatus,
  zSearchMatch,
} from './achievements';
import { contactFields } from './sharing';
import { zSearchFacets } from './search';

/** 技术需求: what an enterprise needs solved; same publication lifecycle and contact rule as achievements. */

const zKeywords = z
  .array(zName(30))
  .max(20, { message: '关键词不能超过20个' })
  .transform((list) => [...new Set(list)]);

export const zDemandFields = z.object({
  title: zName(200),
  description: zText(5000).default(''),
  keywords: zKeywords.default([]),
  technicalField: zText(50).nullish(),
  industry: zText(50).nullish(),
  /** 预算, 万元. */
  budget: z
    .number({ message: '请输入数字' })
    .min(0, { message: '预算不能为负' })
    .max(10_000_000, { message: '预算过大（单位：万元）' })
    .nullish(),
  deadline: zDate.nullish(),
  /** The enterprise that needs it (host users: always their own organisation). */
  enterpriseOrganizationId: zId.nullish(),
  enterpriseName: zText(200).nullish(),
  contactName: zText(50).nullish(),
  contactPhone: zPhone.nullish(),
  contactEmail: zEmail.nullish(),
  publishedContact: z
    .array(zContactField)
    .max(contactFields.length)
    .transform((list) => [...new Set(list)])
    .default([]),
});

/** Host users' demands belong to their own organisation (the server fills it in); staff name an enterprise. */
export const zCreateDemand = zDemandFields;
export type CreateDemand = z.infer<typeof zCreateDemand>;
export type CreateDemandInput = z.input<typeof zCreateDemand>;

export const zUpdateDemand = zDemandFields.partial().extend({ version: zVersion });
export type UpdateDemand = z.infer<typeof zUpdateDemand>;

export const zDemandQuery = zPublicationListQuery;
export type DemandQuery = z.infer<typeof zDemandQuery>;

export const zDemand = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  budget: z.number().nullable(),
  deadline: z.string().nullable(),
  enterpriseOrganization: zNamed.nullable(),
  enterpriseName: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  publishedContact: z.array(zContactField),
  region: zNamed.nullable(),
  status: zPublicationStatus,
  reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  canEdit: z.boolean(),
  allowedActions: z.array(zPublicationAction),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Demand = z.infer<typeof zDemand>;

export const zDemandListItem = zDemand
  .pick({
    id: true,
    title: true,
    keywords: true,
    technicalField: true,
    industry: true,
    budget: true,
    deadline: true,
    enterpriseName: true,
    region: true,
    status: true,
    publishedAt: true,
    isDemo: true,
    version: true,
    updatedAt: true,
  })
  .extend(zSearchMatch.shape);
export type DemandListItem = z.infer<typeof zDemandListItem>;

export const zDemandPage = z.object({ items: z.array(zDemandListItem), total: z.number().int(), facets: zSearchFacets });
export type DemandPage = z.infer<typeof zDemandPage>;

export const zDemandDetail = zDemand.extend({ history: z.array(zPublicationEvent) });
export type DemandDetail = z.infer<typeof zDemandDetail>;
