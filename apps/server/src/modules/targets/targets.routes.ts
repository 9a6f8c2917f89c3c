import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zAsOfQuery,
  zCreateTarget,
  zCreateTargetReport,
  zIdParams,
  zOk,
  zPage,
  zPlatform,
  zTarget,
  zTargetPlatformQuery,
  zTargetQuery,
  zTargetReport,
  zUpdateTarget,
  zVersionQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as targets from './targets.service';

export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['目标'];
  app.get(
    '/targets',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '目标及其进展（按 asOf 日期计算）', querystring: zTargetQuery, response: { 200: zPage(zTarget) } },
    },
    async (request) => targets.findTargets(actorContext(request), request.query),
  );
  app.get(
    '/targets/:id',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '目标详情及进展', params: zIdParams, querystring: zAsOfQuery, response: { 200: zTarget } },
    },
    async (request) => targets.getTarget(actorContext(request), request.params.id, request.query.asOf),
  );
  app.get(
    '/targets/:id/platforms',
    {
      config: { permission: 'plan:read' },
      schema: {
        tags,
        summary: '计入目标的平台清单',
        params: zIdParams,
        querystring: zTargetPlatformQuery,
        response: { 200: zPage(zPlatform) },
      },
    },
    async (request) => targets.findTargetPlatforms(actorContext(request), request.params.id, request.query),
  );
  app.post(
    '/plans/:id/targets',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '新增目标', params: zIdParams, body: zCreateTarget, response: { 200: zTarget } },
    },
    async (request) => targets.createTarget(actorContext(request), request.params.id, request.body),
  );
  app.patch(
    '/targets/:id',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '修改目标', params: zIdParams, body: zUpdateTarget, response: { 200: zTarget } },
    },
    async (request) => targets.updateTarget(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/targets/:id',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '删除目标', params: zIdParams, querystring: zVersionQuery, response: { 200: zOk } },
    },
    async (request) => {
      await targets.deleteTarget(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    '/targets/:id/reports',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '填报类目标的填报记录', params: zIdParams, response: { 200: zPage(zTargetReport) } },
    },
    async (request) => targets.findTargetReports(actorContext(request), request.params.id),
  );
  app.post(
    '/targets/:id/reports',
    {
      // Plan writers, and the lead units of the tasks linked to the target (checked by the service).
      config: { permission: 'task:report' },
      schema: {
        tags,
        summary: '填报数值（数额、比率、指数类目标）',
        params: zIdParams,
        body: zCreateTargetReport,
        response: { 200: zTargetReport },
      },
    },
    async (request) => targets.reportTargetFigure(actorContext(request), request.params.id, request.body),
  );
};
