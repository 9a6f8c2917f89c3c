import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zCreateDictionaryTerm,
  zDeleteDictionaryTerm,
  zDictionaryChange,
  zDictionaryPage,
  zIdParams,
  zPublicAchievementPage,
  zPublicDemandPage,
  zPublicSearchQuery,
  zUpdateDictionaryTerm,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as dictionary from './search.dictionary.service';
import { searchPublicAchievements, searchPublicDemands } from './search.public';

/** The domain dictionary (city staff). */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['检索'];
  app.get(
    '/search/dictionary',
    {
      config: { permission: 'search-dictionary:write' },
      schema: { tags, summary: '检索词典（分词时保持完整的领域词）', response: { 200: zDictionaryPage } },
    },
    async (request) => dictionary.findTerms(actorContext(request)),
  );
  app.post(
    '/search/dictionary',
    {
      config: { permission: 'search-dictionary:write' },
      schema: {
        tags,
        summary: '新增词条（重建含该词的成果与需求的索引）',
        body: zCreateDictionaryTerm,
        response: { 200: zDictionaryChange },
      },
    },
    async (request) => dictionary.createTerm(actorContext(request), request.body),
  );
  app.patch(
    '/search/dictionary/:id',
    {
      config: { permission: 'search-dictionary:write' },
      schema: { tags, summary: '修改词条', params: zIdParams, body: zUpdateDictionaryTerm, response: { 200: zDictionaryChange } },
    },
    async (request) => dictionary.updateTerm(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/search/dictionary/:id',
    {
      config: { permission: 'search-dictionary:write' },
      schema: { tags, summary: '删除词条', params: zIdParams, querystring: zDeleteDictionaryTerm, response: { 200: zDictionaryChange } },
    },
    async (request) => dictionary.deleteTerm(actorContext(request), request.params.id, request.query.version),
  );
};

/** The public search lists of the portal (no login; the anonymous rate limit applies). */
export const searchPublicRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['门户'];
  app.get(
    '/public/achievements',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '检索已发布的科技成果（中文分词、相关度排序、分面计数、高亮摘要）',
        querystring: zPublicSearchQuery,
        response: { 200: zPublicAchievementPage },
      },
    },
    async (request) => searchPublicAchievements(request.ctx, request.query),
  );
  app.get(
    '/public/demands',
    {
      config: { permission: 'public' },
      schema: { tags, summary: '检索已发布的技术需求', querystring: zPublicSearchQuery, response: { 200: zPublicDemandPage } },
    },
    async (request) => searchPublicDemands(request.ctx, request.query),
  );
};
