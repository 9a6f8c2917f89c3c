import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zIdParams,
  zPage,
  zPublicAchievement,
  zPublicCall,
  zPublicCallQuery,
  zPublicChallenge,
  zPublicChallengeListItem,
  zPublicChallengeQuery,
  zPublicDemand,
  zPublicOverview,
  zPublicPlatformPage,
  zPublicPlatformQuery,
} from '@stip/contracts';
import * as service from './portal.service';

/**
 * The public portal's API (`/api/public/…`, no sign-in). Each answer is a whitelist of public facts; records
 * that are not published answer 404. The search lists of achievements and demands are the search module's.
 */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['公共门户'];
  const config = { permission: 'public' } as const;
  app.get(
    '/public/overview',
    { config, schema: { tags, summary: '门户首页：数量与最新发布', response: { 200: zPublicOverview } } },
    async (request) => service.getOverview(request.ctx),
  );
  app.get(
    '/public/achievements/:id',
    { config, schema: { tags, summary: '已发布的科技成果详情', params: zIdParams, response: { 200: zPublicAchievement } } },
    async (request) => service.getPublicAchievement(request.ctx, request.params.id),
  );
  app.get(
    '/public/demands/:id',
    { config, schema: { tags, summary: '已发布的技术需求详情', params: zIdParams, response: { 200: zPublicDemand } } },
    async (request) => service.getPublicDemand(request.ctx, request.params.id),
  );
  app.get(
    '/public/challenges',
    {
      config,
      schema: {
        tags,
        summary: '揭榜挂帅榜单（揭榜中、评选中、已选定、已完成）',
        querystring: zPublicChallengeQuery,
        response: { 200: zPage(zPublicChallengeListItem) },
      },
    },
    async (request) => service.findPublicChallenges(request.ctx, request.query),
  );
  app.get(
    '/public/challenges/:id',
    { config, schema: { tags, summary: '揭榜挂帅榜单详情', params: zIdParams, response: { 200: zPublicChallenge } } },
    async (request) => service.getPublicChallenge(request.ctx, request.params.id),
  );
  app.get(
    '/public/calls',
    {
      config,
      schema: { tags, summary: '受理中的平台申报通知', querystring: zPublicCallQuery, response: { 200: zPage(zPublicCall) } },
    },
    async (request) => service.findOpenCalls(request.ctx, request.query),
  );
  app.get(
    '/public/platforms',
    {
      config,
      schema: { tags, summary: '已认定的创新平台名单', querystring: zPublicPlatformQuery, response: { 200: zPublicPlatformPage } },
    },
    async (request) => service.findPublicPlatforms(request.ctx, request.query),
  );
};
