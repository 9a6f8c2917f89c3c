import { z } from 'zod';
import { zCsv, zId, zName, zText, zVersion } from './common';
import { achievementMaturities, ownerTypes, transferModes } from './sharing';

/** Search: the public search lists of achievements and demands, and the domain dictionary (用户词典). */

const zFacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const zSearchFacets = z.object({
  technicalField: z.array(zFacetValue),
  industry: z.array(zFacetValue),
  maturity: z.array(zFacetValue),
  region: z.array(zFacetValue),
  ownerType: z.array(zFacetValue),
});
export type SearchFacets = z.infer<typeof zSearchFacets>;

/** What anyone may ask the public search: a text (a keyword, a code or a whole sentence), facet filters and a page. */
export const zPublicSearchQuery = z.object({
  q: zText(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
  technicalField: zCsv(zText(100)).optional(),
  industry: zCsv(zText(100)).optional(),
  maturity: zCsv(z.enum(achievementMaturities)).optional(),
  regionId: zCsv(zId).optional(),
  ownerType: zCsv(z.enum(ownerTypes)).optional(),
});
export type PublicSearchQuery = z.infer<typeof zPublicSearchQuery>;

const zSearchHitFields = {
  id: zId,
  externalId: z.string().nullable(),
  title: z.string(),
  /** About 120 characters of the text around the best match. */
  snippet: z.string(),
  /** The snippet, HTML-escaped, with <mark>…</mark> around the matched terms. */
  highlighted: z.string(),
  highlightedTitle: z.string(),
  /** The query's terms found in the record (lower-case). */
  matchedTerms: z.array(z.string()),
  score: z.number(),
  technicalField: z.string().nullable(),
  industry: z.string().nullable(),
  regionName: z.string().nullable(),
  publishedAt: z.string().nullable(),
  isDemo: z.boolean(),
};

/** One published achievement as a search result card (no contact data: that is on the detail page, as published). */
export const zPublicAchievementHit = z.object({
  ...zSearchHitFields,
  keywords: z.array(z.string()),
  discipline: z.string().nullable(),
  maturity: z.enum(achievementMaturities).nullable(),
  ownerName: z.string().nullable(),
  ownerType: z.enum(ownerTypes).nullable(),
  transferModes: z.array(z.enum(transferModes)),
  /** Where the text comes from when not a bureau's own record, e.g. 真实论文摘要（CSL 数据集）. */
  dataSource: z.string().nullable(),
});
export type PublicAchievementHit = z.infer<typeof zPublicAchievementHit>;

export const zPublicDemandHit = z.object({
  ...zSearchHitFields,
  enterpriseName: z.string().nullable(),
  budget: z.number().nullable(),
  deadline: z.string().nullable(),
});
export type PublicDemandHit = z.infer<typeof zPublicDemandHit>;

const zSearchPageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** True when more rows matched than are ranked and counted: show the total as “约”. */
    totalIsApproximate: z.boolean(),
    facets: zSearchFacets,
  });
export const zPublicAchievementPage = zSearchPageOf(zPublicAchievementHit);
export type PublicAchievementPage = z.infer<typeof zPublicAchievementPage>;
export const zPublicDemandPage = zSearchPageOf(zPublicDemandHit);
export type PublicDemandPage = z.infer<typeof zPublicDemandPage>;

/** A word of the domain dictionary: jieba keeps it whole when it segments titles, abstracts and queries. */
export const zDictionaryTerm = z.object({
  id: zId,
  term: z.string(),
  frequency: z.number().int(),
  tag: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type DictionaryTerm = z.infer<typeof zDictionaryTerm>;

const zTermText = zName(30).refine((value) => !/[\s'"\\]/.test(value), '词条不能含空格、引号或反斜杠');
export const zCreateDictionaryTerm = z.object({
  term: zTermText,
  frequency: z.number().int().min(1).max(10_000_000).optional(),
  tag: zText(20).optional(),
});
export type CreateDictionaryTerm = z.infer<typeof zCreateDictionaryTerm>;

export const zUpdateDictionaryTerm = z.object({
  term: zTermText.optional(),
  frequency: z.number().int().min(1).max(10_000_000).optional(),
  tag: zText(20).optional(),
  version: zVersion,
});
export type UpdateDictionaryTerm = z.infer<typeof zUpdateDictionaryTerm>;

export const zDeleteDictionaryTerm = z.object({ version: z.coerce.number().int().min(1) });

/** What a dictionary change did to the index: the records re-segmented because their text contains the word. */
export const zDictionaryChange = z.object({
  term: zDictionaryTerm.nullable(),
  reindexed: z.object({ achievements: z.number().int(), demands: z.number().int(), milliseconds: z.number().int() }),
});
export type DictionaryChange = z.infer<typeof zDictionaryChange>;

export const zDictionaryPage = z.object({ items: z.array(zDictionaryTerm), total: z.number().int() });
