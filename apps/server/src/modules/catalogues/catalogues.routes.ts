import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zCatalogueEntry, zCatalogueParams, zCreateCatalogueEntry, zIdParams, zPage, zUpdateCatalogueEntry } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as catalogues from './catalogues.service';

export const catalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['名录'];
  app.get(
    '/catalogues/:catalogue/entries',
    {
      config: { permission: 'taxonomy:read' },
      schema: { tags, summary: '名录条目（如重点产业，含已停用）', params: zCatalogueParams, response: { 200: zPage(zCatalogueEntry) } },
    },
    async (request) => catalogues.findCatalogueEntries(actorContext(request), request.params.catalogue),
  );
  app.post(
    '/catalogues/:catalogue/entries',
    {
      config: { permission: 'taxonomy:write' },
      schema: { tags, summary: '新增名录条目', params: zCatalogueParams, body: zCreateCatalogueEntry, response: { 200: zCatalogueEntry } },
    },
    async (request) => catalogues.createCatalogueEntry(actorContext(request), request.params.catalogue, request.body),
  );
  app.patch(
    '/catalogue-entries/:id',
    {
      config: { permission: 'taxonomy:write' },
      schema: {
        tags,
        summary: '修改名录条目（名称、排序、停用）',
        params: zIdParams,
        body: zUpdateCatalogueEntry,
        response: { 200: zCatalogueEntry },
      },
    },
    async (request) => catalogues.updateCatalogueEntry(actorContext(request), request.params.id, request.body),
  );
};
