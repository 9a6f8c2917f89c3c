import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zDemandDetail,
  zDemandPage,
  zDemandQuery,
  zCreateDemand,
  zDeletePlatformQuery,
  zIdParams,
  zOk,
  zPublicationTransition,
  zUpdateDemand,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { attachmentDisposition } from '../achievements';
import { xlsxMime } from '../../shared/uploads';
import { buildDemandsWorkbook } from './demands.workbook';
import * as service from './demands.service';

/** At most this many rows go into one export. */
const exportCap = 5000;

export const demandRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['技术需求'];
  app.get(
    '/demands',
    {
      config: { permission: 'demand:read' },
      schema: {
        tags,
        summary: '技术需求列表（检索 q、分面筛选、状态；按相关度排序，含高亮摘要与分面计数）',
        querystring: zDemandQuery,
        response: { 200: zDemandPage },
      },
    },
    async (request) => service.findDemands(actorContext(request), request.query),
  );
  app.get(
    '/demands.xlsx',
    {
      config: { permission: 'demand:read' },
      schema: { tags, summary: `导出当前筛选的技术需求（Excel，最多${exportCap}条）`, querystring: zDemandQuery },
    },
    async (request, reply) => {
      const items = await service.findDemandsForExport(actorContext(request), request.query, exportCap);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition('技术需求.xlsx', 'demands.xlsx'))
        .send(await buildDemandsWorkbook(items));
    },
  );
  app.get(
    '/demands/:id',
    {
      config: { permission: 'demand:read' },
      schema: { tags, summary: '技术需求详情（含办理记录）', params: zIdParams, response: { 200: zDemandDetail } },
    },
    async (request) => service.getDemand(actorContext(request), request.params.id),
  );
  app.post(
    '/demands',
    {
      config: { permission: 'demand:write' },
      schema: { tags, summary: '登记技术需求（草稿；企业用户为本单位）', body: zCreateDemand, response: { 200: zDemandDetail } },
    },
    async (request) => service.createDemand(actorContext(request), request.body),
  );
  app.patch(
    '/demands/:id',
    {
      config: { permission: 'demand:write' },
      schema: {
        tags,
        summary: '修改技术需求（需求单位修改已发布的需求将重新进入审核）',
        params: zIdParams,
        body: zUpdateDemand,
        response: { 200: zDemandDetail },
      },
    },
    async (request) => service.updateDemand(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/demands/:id',
    {
      config: { permission: 'demand:write' },
      schema: { tags, summary: '删除草稿或已退回的技术需求', params: zIdParams, querystring: zDeletePlatformQuery, response: { 200: zOk } },
    },
    async (request) => {
      await service.deleteDemand(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/demands/:id/transitions',
    {
      config: { permission: 'demand:write' },
      schema: {
        tags,
        summary: '技术需求状态变更（提交审核；审核人员：发布、退回、撤回发布、关闭、重新发布、归档）',
        params: zIdParams,
        body: zPublicationTransition,
        response: { 200: zDemandDetail },
      },
    },
    async (request) => service.transitionDemand(actorContext(request), request.params.id, request.body),
  );
};
