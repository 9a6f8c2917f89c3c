import { z } from 'zod';
import { zBooleanQuery, zCsv, zEmail, zId, zLimit, zName, zOffset, zPhone, zText, zVersion } from './common';
import { achievementMaturities, achievementSources, contactFields, ownerTypes, publicationStatuses, transferModes } from './sharing';
import { zSearchFacets } from './search';

/**
 * 科技成果 (achievements) and what they share with 技术需求 (demands): the publication lifecycle's actions, the
 * contact rule and the search list's answer (items with highlighted snippets, facets with counts).
 */

export const zPublicationStatus = z.enum(publicationStatuses);
export const zAchievementMaturity = z.enum(achievementMaturities);
export const zTransferMode = z.enum(transferModes);
export const zOwnerType = z.enum(ownerTypes);
export const zContactField = z.enum(contactFields);
export const zAchievementSource = z.enum(achievementSources);

/** The moves of the publication lifecycle (achievements and demands alike). */
export const publicationActions = ['submit', 'publish', 'return', 'unpublish', 'close', 'reopen', 'archive'] as const;
export const zPublicationAction = z.enum(publicationActions);
export type PublicationAction = z.infer<typeof zPublicationAction>;
export const publicationActionLabels: Record<PublicationAction, string> = {
  submit: '提交审核',
  publish: '发布',
  return: '退回修改',
  unpublish: '撤回发布',
  close: '关闭',
  reopen: '重新发布',
  archive: '归档',
};
/** Actions that must say why (shown to the owner). */
export const publicationActionsNeedingReason: readonly PublicationAction[] = ['return', 'unpublish'];

/** A lifecycle move on an achievement or a demand; `reason` is required to return or take back a record. */
export const zPublicationTransition = z
  .object({ action: zPublicationAction, reason: zText(500).optional(), version: zVersion })
  .refine((value) => !publicationActionsNeedingReason.includes(value.action) || Boolean(value.reason), {
    message: '请填写退回或撤回的理由',
    path: ['reason'],
  });
export type PublicationTransition = z.infer<typeof zPublicationTransition>;

/** One entry of a record's history (its audit trail, as the owner and staff read it). */
export const zPublicationEvent = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** The Chinese name of what happened. */
  label: z.string(),
  reason: z.string().nullable(),
});
export type PublicationEvent = z.infer<typeof zPublicationEvent>;

/** What a search list adds to a record: its relevance and a snippet with `<mark>` around the matched terms. */
export const zSearchMatch = z.object({
  score: z.number(),
  snippet: z.string(),
  /** HTML-escaped text with only `<mark>…</mark>` added. */
  highlighted: z.string(),
  matchedTerms: z.array(z.string()),
});

/** Filters shared by the achievement and demand lists (facet values; several values of one facet are OR-ed). */
export const zPublicationListQuery = z.object({
  q: zText(200).optional(),
  status: zCsv(zPublicationStatus).optional(),
  technicalField: zCsv(zText(50)).optional(),
  industry: zCsv(zText(50)).optional(),
  regionId: zCsv(zId).optional(),
  /** Only the actor's own organisation's records (host users: the default is own + published). */
  mine: zBooleanQuery.optional(),
  limit: zLimit,
  offset: zOffset,
});

export const zPatent = z.object({
  number: zName(50),
  title: zText(200).optional(),
  kind: zText(30).optional(),
});
export type Patent = z.infer<typeof zPatent>;

const zAmount = z
  .number({ message: '请输入数字' })
  .min(0, { message: '金额不能为负' })
  .max(10_000_000, { message: '金额过大（单位：万元）' });
const zKeywords = z
  .array(zName(30))
  .max(20, { message: '关键词不能超过20个' })
  .transform((list) => [...new Set(list)]);

/** The fields an owner fills in. An owner is an organisation (ownerType from its kind) or a named outside owner. */
export const zAchievementFields = z.object({
  title: zName(200),
  abstract: zText(5000).default(''),
  keywords: zKeywords.default([]),
  discipline: zText(100).nullish(),
  technicalField: zText(50).nullish(),
  industry: zText(50).nullish(),
  maturity: zAchievementMaturity.nullish(),
  patents: z.array(zPatent).max(50, { message: '专利不能超过50项' }).default([]),
  ownerOrganizationId: zId.nullish(),
  ownerName: zText(200).nullish(),
  ownerType: zOwnerType.nullish(),
  team: zText(500).nullish(),
  transferModes: z
    .array(zTransferMode)
    .max(transferModes.length)
    .transform((list) => [...new Set(list)])
    .default([]),
  priceMin: zAmount.nullish(),
  priceMax: zAmount.nullish(),
  contactName: zText(50).nullish(),
  contactPhone: zPhone.nullish(),
  contactEmail: zEmail.nullish(),
  /** Which contact fields the portal may show; the others never leave the system. */
  publishedContact: z
    .array(zContactField)
    .max(contactFields.length)
    .transform((list) => [...new Set(list)])
    .default([]),
});

const priceInOrder = (value: { priceMin?: number | null | undefined; priceMax?: number | null | undefined }) =>
  value.priceMin === null || value.priceMin === undefined || value.priceMax === null || value.priceMax === undefined
    ? true
    : value.priceMin <= value.priceMax;

/** Host users' achievements belong to their own organisation (the server fills it in); staff name an organisation or an owner. */
export const zCreateAchievement = zAchievementFields.refine(priceInOrder, { message: '最低价格不能高于最高价格', path: ['priceMax'] });
export type CreateAchievement = z.infer<typeof zCreateAchievement>;
export type CreateAchievementInput = z.input<typeof zCreateAchievement>;

export const zUpdateAchievement = zAchievementFields
  .partial()
  .extend({ version: zVersion })
  .refine(priceInOrder, { message: '最低价格不能高于最高价格', path: ['priceMax'] });
export type UpdateAchievement = z.infer<typeof zUpdateAchievement>;

export const zAchievementQuery = zPublicationListQuery.extend({
  maturity: zCsv(zAchievementMaturity).optional(),
  ownerType: zCsv(zOwnerType).optional(),
});
export type AchievementQuery = z.infer<typeof zAchievementQuery>;

export const zNamed = z.object({ id: z.string(), name: z.string() });

export const zAchievement = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  discipline: z.string().nullable(),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  maturity: zAchievementMaturity.nullable(),
  patents: z.array(z.object({ number: z.string(), title: z.string().optional(), kind: z.string().optional() })),
  ownerOrganization: zNamed.nullable(),
  ownerName: z.string().nullable(),
  ownerType: zOwnerType.nullable(),
  team: z.string().nullable(),
  transferModes: z.array(zTransferMode),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  publishedContact: z.array(zContactField),
  region: zNamed.nullable(),
  status: zPublicationStatus,
  reviewNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  source: zAchievementSource,
  /** Whether the actor may edit it / move it (and which moves), computed by the server's policy. */
  canEdit: z.boolean(),
  allowedActions: z.array(zPublicationAction),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Achievement = z.infer<typeof zAchievement>;

export const zAchievementListItem = zAchievement
  .pick({
    id: true,
    title: true,
    keywords: true,
    technicalField: true,
    industry: true,
    maturity: true,
    ownerName: true,
    ownerType: true,
    transferModes: true,
    region: true,
    status: true,
    publishedAt: true,
    isDemo: true,
    version: true,
    updatedAt: true,
  })
  .extend(zSearchMatch.shape);
export type AchievementListItem = z.infer<typeof zAchievementListItem>;

export const zAchievementPage = z.object({
  items: z.array(zAchievementListItem),
  total: z.number().int(),
  facets: zSearchFacets,
});
export type AchievementPage = z.infer<typeof zAchievementPage>;

export const zAchievementDetail = zAchievement.extend({ history: z.array(zPublicationEvent) });
export type AchievementDetail = z.infer<typeof zAchievementDetail>;

/** An Excel import of achievements or demands: staff may publish the rows at once (直接发布). */
export const zPublicationImportQuery = z.object({ publish: zBooleanQuery.optional() });
