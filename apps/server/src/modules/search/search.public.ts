import type {
  AchievementMaturity,
  OwnerType,
  PublicAchievementHit,
  PublicAchievementPage,
  PublicDemandHit,
  PublicDemandPage,
  PublicSearchQuery,
  TransferMode,
} from '@stip/contracts';
import type { RequestContext } from '../../shared/context';
import * as repository from './search.repository';
import { searchRecords } from './search.service';
import type { SearchQuery } from './search.types';

/**
 * The public search lists (portal, no login): published, non-deleted rows only — `searchRecords` is asked for
 * status published and the card query checks it again — and only card fields, never contact data.
 */

function toSearchQuery(query: PublicSearchQuery): SearchQuery {
  return {
    q: query.q,
    limit: query.limit,
    offset: query.offset,
    statuses: ['published'],
    filters: {
      technicalField: query.technicalField,
      industry: query.industry,
      maturity: query.maturity,
      regionId: query.regionId,
      ownerType: query.ownerType,
    },
  };
}

/** Published achievements matching the query, best first, with facets. */
export async function searchPublicAchievements(ctx: RequestContext, query: PublicSearchQuery): Promise<PublicAchievementPage> {
  const page = await searchRecords(ctx.db, 'achievement', toSearchQuery(query));
  const cards = new Map(
    (
      await repository.findAchievementCards(
        ctx.db,
        page.items.map((hit) => hit.id),
      )
    ).map((card) => [card.id, card]),
  );
  const items: PublicAchievementHit[] = [];
  for (const hit of page.items) {
    const card = cards.get(hit.id);
    if (!card) continue;
    items.push({
      id: hit.id,
      externalId: card.externalId,
      title: hit.title,
      snippet: hit.snippet,
      highlighted: hit.highlighted,
      highlightedTitle: hit.highlightedTitle,
      matchedTerms: hit.matchedTerms,
      score: hit.score,
      technicalField: card.technicalField,
      industry: card.industry,
      regionName: card.regionName,
      publishedAt: card.publishedAt,
      isDemo: card.isDemo,
      keywords: card.keywords ?? [],
      discipline: card.discipline,
      maturity: card.maturity as AchievementMaturity | null,
      ownerName: card.ownerName,
      ownerType: card.ownerType as OwnerType | null,
      transferModes: (card.transferModes ?? []) as TransferMode[],
      dataSource: card.dataSource,
    });
  }
  return { items, total: page.total, totalIsApproximate: page.totalIsApproximate, facets: page.facets };
}

/** Published demands matching the query, best first, with facets. */
export async function searchPublicDemands(ctx: RequestContext, query: PublicSearchQuery): Promise<PublicDemandPage> {
  const page = await searchRecords(ctx.db, 'demand', toSearchQuery(query));
  const cards = new Map(
    (
      await repository.findDemandCards(
        ctx.db,
        page.items.map((hit) => hit.id),
      )
    ).map((card) => [card.id, card]),
  );
  const items: PublicDemandHit[] = [];
  for (const hit of page.items) {
    const card = cards.get(hit.id);
    if (!card) continue;
    items.push({
      id: hit.id,
      externalId: card.externalId,
      title: hit.title,
      snippet: hit.snippet,
      highlighted: hit.highlighted,
      highlightedTitle: hit.highlightedTitle,
      matchedTerms: hit.matchedTerms,
      score: hit.score,
      technicalField: card.technicalField,
      industry: card.industry,
      regionName: card.regionName,
      publishedAt: card.publishedAt,
      isDemo: card.isDemo,
      enterpriseName: card.enterpriseName,
      budget: card.budget === null ? null : Number(card.budget),
      deadline: card.deadline,
    });
  }
  return { items, total: page.total, totalIsApproximate: page.totalIsApproximate, facets: page.facets };
}
