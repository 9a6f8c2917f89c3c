import { z } from 'zod';
import { zCsv, zId, zLimit, zOffset, zText } from './common';
import { zPlatformLevel } from './taxonomy';
import { zCallStatus } from './calls';
import {
  type AchievementSource,
  achievementMaturities,
  achievementSources,
  type ChallengeStatus,
  ownerTypes,
  transferModes,
} from './sharing';

/**
 * The public portal (科技创新资源共享平台): what anyone may read without signing in. Every shape here is a
 * whitelist of public facts — a field that is not listed never leaves the server (no review notes, no
 * creators, no versions, no contact field the owner did not choose to publish).
 */

/** The contact of a published record: only the fields its owner chose to publish are present. */
export const zPublicContact = z.object({
  name: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
});
export type PublicContact = z.infer<typeof zPublicContact>;

/** 揭榜挂帅 states the portal shows: a draft or a withdrawn call never appears. */
export const publicChallengeStatuses = ['open', 'reviewing', 'selected', 'completed'] as const satisfies readonly ChallengeStatus[];
export const zPublicChallengeStatus = z.enum(publicChallengeStatuses);
export type PublicChallengeStatus = z.infer<typeof zPublicChallengeStatus>;

/** How the portal names where an achievement came from (records loaded from a data set say so). */
export const achievementSourceLabels: Record<AchievementSource, string> = {
  manual: '单位填报',
  excel: 'Excel 导入',
  jsonl: '公开数据集',
};

export const zPublicAchievement = z.object({
  id: zId,
  externalId: z.string().nullable(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  discipline: z.string().nullable(),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  maturity: z.enum(achievementMaturities).nullable(),
  patents: z.array(z.object({ number: z.string(), title: z.string().optional(), kind: z.string().optional() })),
  ownerName: z.string().nullable(),
  ownerType: z.enum(ownerTypes).nullable(),
  team: z.string().nullable(),
  transferModes: z.array(z.enum(transferModes)),
  priceMin: z.number().nullable(),
  priceMax: z.number().nullable(),
  contact: zPublicContact,
  regionName: z.string().nullable(),
  source: z.enum(achievementSources),
  /** The data set the row was loaded from, e.g. 真实论文摘要（CSL 数据集）. */
  dataSource: z.string().nullable(),
  publishedAt: z.string().nullable(),
  isDemo: z.boolean(),
});
export type PublicAchievement = z.infer<typeof zPublicAchievement>;

export const zPublicDemand = z.object({
  id: zId,
  title: z.string(),
  description: z.string(),
  keywords: z.array(z.string()),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  budget: z.number().nullable(),
  deadline: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  contact: zPublicContact,
  regionName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The 揭榜挂帅 call posted from this demand, when the portal shows one. */
  challenge: z.object({ id: zId, status: zPublicChallengeStatus }).nullable(),
  isDemo: z.boolean(),
});
export type PublicDemand = z.infer<typeof zPublicDemand>;

/**
 * A card of the search lists (`GET /api/public/achievements|demands`): the search hit and what a card shows.
 * Beyond the hit (id, title, snippet, score) every field may be absent, so the portal pages work with any search
 * list that answers the agreed minimum `{items: [{id, externalId, title, snippet, score}], total}`.
 */
export const zPortalSearchItem = z.object({
  id: zId,
  externalId: z.string().nullish(),
  title: z.string(),
  snippet: z.string(),
  /** The snippet HTML-escaped, with <mark>…</mark> around matched terms. */
  highlighted: z.string().nullish(),
  score: z.number(),
  ownerName: z.string().nullish(),
  technicalField: z.string().nullish(),
  industry: z.string().nullish(),
  maturity: z.enum(achievementMaturities).nullish(),
  regionName: z.string().nullish(),
  publishedAt: z.string().nullish(),
  source: z.enum(achievementSources).nullish(),
  /** Where the text comes from when not a bureau's own record, e.g. 真实论文摘要（CSL 数据集）. */
  dataSource: z.string().nullish(),
  isDemo: z.boolean().nullish(),
});
export type PortalSearchItem = z.infer<typeof zPortalSearchItem>;

export const publicFacetNames = ['technicalField', 'industry', 'maturity', 'region', 'ownerType'] as const;
export type PublicFacetName = (typeof publicFacetNames)[number];
const zFacetValues = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));
/** Facets by name; the region facet's values are region ids (the `regionId` filter). */
export const zPortalSearchPage = z.object({
  items: z.array(zPortalSearchItem),
  total: z.number().int(),
  facets: z
    .object({
      technicalField: zFacetValues.optional(),
      industry: zFacetValues.optional(),
      maturity: zFacetValues.optional(),
      region: zFacetValues.optional(),
      ownerType: zFacetValues.optional(),
    })
    .optional(),
});
export type PortalSearchPage = z.infer<typeof zPortalSearchPage>;

/**
 * A 揭榜挂帅 call as the portal lists it (the challenges module's `findOpenChallengesForPublic`): its status is the
 * one it shows today, so a call past its application deadline is 评选中 (reviewing).
 */
export const zPublicChallengeListItem = z.object({
  id: zId,
  title: z.string(),
  reward: z.number(),
  rewardNote: z.string().nullable(),
  applicationDeadline: z.string(),
  completionDeadline: z.string().nullable(),
  status: zPublicChallengeStatus,
  /** The publishing enterprise, or the bureau of the region when the bureau posted it. */
  publisherName: z.string(),
  regionName: z.string(),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  publishedAt: z.string().nullable(),
  applicationCount: z.number().int(),
  isDemo: z.boolean(),
});
export type PublicChallengeListItem = z.infer<typeof zPublicChallengeListItem>;

/** One 揭榜挂帅 call on the portal (the challenges module's `getPublicChallenge`): no proposal, no team leader, no evidence. */
export const zPublicChallenge = zPublicChallengeListItem.extend({
  requirements: z.string().nullable(),
  /** The demand behind the call, when that demand is itself published. */
  demand: z.object({ id: zId, title: z.string(), description: z.string() }).nullable(),
  /** The team chosen, once chosen: its organisation and the owner's reason. */
  selection: z.object({ organizationName: z.string(), reason: z.string().nullable(), selectedAt: z.string().nullable() }).nullable(),
  milestones: z.array(z.object({ title: z.string(), dueOn: z.string(), completedAt: z.string().nullable() })),
  completedAt: z.string().nullable(),
});
export type PublicChallenge = z.infer<typeof zPublicChallenge>;

export const zPublicChallengeQuery = z.object({
  q: zText(200).optional(),
  status: zCsv(zPublicChallengeStatus).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: zOffset,
});
export type PublicChallengeQuery = z.infer<typeof zPublicChallengeQuery>;

export const zPublicCall = z.object({
  id: zId,
  title: z.string(),
  year: z.number().int(),
  regionName: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: zCallStatus,
  description: z.string().nullable(),
  types: z.array(z.object({ name: z.string(), level: zPlatformLevel })),
  materials: z.array(z.object({ name: z.string(), required: z.boolean() })),
  isDemo: z.boolean(),
});
export type PublicCall = z.infer<typeof zPublicCall>;

export const zPublicCallQuery = z.object({ limit: zLimit, offset: zOffset });

export const zPublicPlatform = z.object({
  id: zId,
  name: z.string(),
  typeName: z.string(),
  systemName: z.string(),
  level: zPlatformLevel,
  hostOrganizationName: z.string(),
  regionName: z.string(),
  industry: z.string().nullable(),
  recognizedYear: z.number().int().nullable(),
  isDemo: z.boolean(),
});
export type PublicPlatform = z.infer<typeof zPublicPlatform>;

export const zPublicPlatformQuery = z.object({
  q: zText(100).optional(),
  level: zCsv(zPlatformLevel).optional(),
  systemId: zCsv(zId).optional(),
  regionId: zCsv(zId).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: zOffset,
});
export type PublicPlatformQuery = z.infer<typeof zPublicPlatformQuery>;

export const zPublicPlatformPage = z.object({
  items: z.array(zPublicPlatform),
  total: z.number().int(),
  /** What the filters offer, with the count of recognised platforms of each (over the whole public list). */
  options: z.object({
    level: zFacetValues,
    system: zFacetValues,
    region: zFacetValues,
  }),
});
export type PublicPlatformPage = z.infer<typeof zPublicPlatformPage>;

export const zPublicOverview = z.object({
  /** The region the portal serves (its city), for the header. */
  regionName: z.string().nullable(),
  counts: z.object({
    achievements: z.number().int(),
    demands: z.number().int(),
    challenges: z.number().int(),
    calls: z.number().int(),
    platforms: z.number().int(),
  }),
  latestAchievements: z.array(zPortalSearchItem),
  latestDemands: z.array(zPortalSearchItem),
  latestChallenges: z.array(zPublicChallengeListItem),
  openCalls: z.array(zPublicCall),
});
export type PublicOverview = z.infer<typeof zPublicOverview>;
