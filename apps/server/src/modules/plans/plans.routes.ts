import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zAsOfQuery, zCreatePlan, zIdParams, zOk, zPage, zPlan, zPlanQuery, zUpdatePlan, zVersionQuery } from '@stip/contracts';
import { actorContext } from '../../plugins/auth';
import * as plans from './plans.service';
import { buildPlanBriefDocx, buildPlanBriefXlsx } from './plans.brief';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) => `attachment; filename="brief"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['规划'];
  app.get(
    '/plans',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '规划列表', querystring: zPlanQuery, response: { 200: zPage(zPlan) } },
    },
    async (request) => plans.findPlans(actorContext(request), request.query),
  );
  app.get(
    '/plans/:id',
    { config: { permission: 'plan:read' }, schema: { tags, summary: '规划详情', params: zIdParams, response: { 200: zPlan } } },
    async (request) => plans.getPlan(actorContext(request), request.params.id),
  );
  app.post(
    '/plans',
    { config: { permission: 'plan:write' }, schema: { tags, summary: '新增规划', body: zCreatePlan, response: { 200: zPlan } } },
    async (request) => plans.createPlan(actorContext(request), request.body),
  );
  app.patch(
    '/plans/:id',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '修改规划', params: zIdParams, body: zUpdatePlan, response: { 200: zPlan } },
    },
    async (request) => plans.updatePlan(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/plans/:id',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '删除规划', params: zIdParams, querystring: zVersionQuery, response: { 200: zOk } },
    },
    async (request) => {
      await plans.deletePlan(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    '/plans/:id/brief.docx',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '进展简报（Word）', params: zIdParams, querystring: zAsOfQuery },
    },
    async (request, reply) => {
      const brief = await buildPlanBriefDocx(actorContext(request), request.params.id, request.query.asOf);
      return reply.header('content-type', docxMime).header('content-disposition', attachment(brief.fileName)).send(brief.content);
    },
  );
  app.get(
    '/plans/:id/brief.xlsx',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '进展简报（Excel）', params: zIdParams, querystring: zAsOfQuery },
    },
    async (request, reply) => {
      const brief = await buildPlanBriefXlsx(actorContext(request), request.params.id, request.query.asOf);
      return reply.header('content-type', xlsxMime).header('content-disposition', attachment(brief.fileName)).send(brief.content);
    },
  );
};
