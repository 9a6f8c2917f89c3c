import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  achievementMaturityLabels,
  ownerTypeLabels,
  type PublicSearchPage,
  type PublicSearchQuery,
  zPublicSearchPage,
  zPublicSearchQuery,
} from '@stip/contracts';
import type { RequestContext } from '../../shared/context';
import { searchRecords, type SearchEntity } from '../search';
import * as repository from './portal.repository';
import { toSearchItem } from './portal.service';

/**
 * TEMPORARY (part E): the portal's two search lists, so the portal pages work before the search module's own
 * `GET /api/public/achievements` and `/api/public/demands` (part B) are merged. The lead drops this file and
 * its registration in favour of part B's routes; the response shape is the one agreed in plan13.md.
 */
async function searchPublic(ctx: RequestContext, entity: SearchEntity, query: PublicSearchQuery): Promise<PublicSearchPage> {
  const page = await searchRecords(ctx.db, entity, {
    ...(query.q ? { q: query.q } : {}),
    limit: query.limit,
    offset: query.offset,
    statuses: ['published'],
    filters: {
      ...(query.technicalField ? { technicalField: query.technicalField } : {}),
      ...(query.industry ? { industry: query.industry } : {}),
      ...(query.maturity ? { maturity: query.maturity } : {}),
      ...(query.regionId ? { regionId: query.regionId } : {}),
      ...(query.ownerType ? { ownerType: query.ownerType } : {}),
    },
  });
  const ids = page.items.map((hit) => hit.id);
  const cards =
    entity === 'achievement' ? await repository.findAchievementCards(ctx.db, ids) : await repository.findDemandCards(ctx.db, ids);
  const byId = new Map(cards.map((card) => [card.id, card]));
  const regionNames = await repository.findRegionNames(
    ctx.db,
    page.facets.region.map((facet) => facet.value),
  );
  return {
    total: page.total,
    items: page.items.flatMap((hit) => {
      const card = byId.get(hit.id);
      return card ? [toSearchItem(card, hit)] : [];
    }),
    facets: {
      ...page.facets,
      maturity: page.facets.maturity.map((f) => ({
        ...f,
        label: achievementMaturityLabels[f.value as keyof typeof achievementMaturityLabels] ?? f.value,
      })),
      ownerType: page.facets.ownerType.map((f) => ({ ...f, label: ownerTypeLabels[f.value as keyof typeof ownerTypeLabels] ?? f.value })),
      region: page.facets.region.map((f) => ({ ...f, label: regionNames.get(f.value) ?? f.label })),
    },
  };
}

export const portalSearchRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['公共门户'];
  const config = { permission: 'public' } as const;
  app.get(
    '/public/achievements',
    { config, schema: { tags, summary: '检索已发布的科技成果', querystring: zPublicSearchQuery, response: { 200: zPublicSearchPage } } },
    async (request) => searchPublic(request.ctx, 'achievement', request.query),
  );
  app.get(
    '/public/demands',
    { config, schema: { tags, summary: '检索已发布的技术需求', querystring: zPublicSearchQuery, response: { 200: zPublicSearchPage } } },
    async (request) => searchPublic(request.ctx, 'demand', request.query),
  );
};
