import type { AchievementMaturity, OwnerType, PublicationStatus } from '@stip/contracts';

export type SearchEntity = 'achievement' | 'demand';

export interface SearchQuery {
  q?: string;
  limit: number;
  offset: number;
  /** Default: any status. The portal passes ['published']. */
  statuses?: PublicationStatus[];
  /** Restrict to a region subtree (regions.path prefix, e.g. '/a/b/'). */
  regionPath?: string;
  /** Restrict to one owner/enterprise organisation. */
  organizationId?: string;
  filters?: {
    technicalField?: string[];
    industry?: string[];
    maturity?: AchievementMaturity[];
    regionId?: string[];
    ownerType?: OwnerType[];
  };
  excludeIds?: string[];
}

export interface SearchHit {
  id: string;
  score: number;
  title: string;
  snippet: string;
  /** The snippet with <mark>…</mark> around matched terms, HTML-escaped otherwise. */
  highlighted: string;
  /** The title, HTML-escaped, with <mark>…</mark> around matched terms. */
  highlightedTitle: string;
  matchedTerms: string[];
}

export type FacetName = 'technicalField' | 'industry' | 'maturity' | 'region' | 'ownerType';
export interface SearchPage {
  items: SearchHit[];
  total: number;
  /** True when more rows matched than the search ranks and counts (`total` and the facets then count the first ones: “约”). */
  totalIsApproximate: boolean;
  facets: Record<FacetName, { value: string; label: string; count: number }[]>;
}
