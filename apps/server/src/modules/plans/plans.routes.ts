import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zCreatePlan, zIdParams, zOk, zPage, zPlan, zPlanQuery, zUpdatePlan, zVersionQuery } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as plans from './plans.service';

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
};
