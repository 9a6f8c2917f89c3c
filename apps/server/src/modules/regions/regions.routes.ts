import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { zCreateRegion, zIdParams, zPage, zRegion, zRegionNode, zRegionQuery, zUpdateRegion } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as regions from './regions.service';

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['区域'];
  app.get(
    '/regions',
    {
      config: { permission: 'region:read' },
      schema: { tags, summary: '区域列表（父级在前，分页）', querystring: zRegionQuery, response: { 200: zPage(zRegion) } },
    },
    async (request) => regions.findRegions(actorContext(request), request.query),
  );
  app.get(
    '/regions/tree',
    { config: { permission: 'region:read' }, schema: { tags, summary: '区域树', response: { 200: z.array(zRegionNode) } } },
    async (request) => regions.getRegionTree(actorContext(request)),
  );
  app.get(
    '/regions/:id',
    { config: { permission: 'region:read' }, schema: { tags, summary: '区域详情', params: zIdParams, response: { 200: zRegion } } },
    async (request) => regions.getRegion(actorContext(request), request.params.id),
  );
  app.post(
    '/regions',
    { config: { permission: 'region:write' }, schema: { tags, summary: '新增区域', body: zCreateRegion, response: { 200: zRegion } } },
    async (request) => regions.createRegion(actorContext(request), request.body),
  );
  app.patch(
    '/regions/:id',
    {
      config: { permission: 'region:write' },
      schema: { tags, summary: '修改区域', params: zIdParams, body: zUpdateRegion, response: { 200: zRegion } },
    },
    async (request) => regions.updateRegion(actorContext(request), request.params.id, request.body),
  );
};
