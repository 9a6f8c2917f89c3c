import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zCockpit, zCockpitPlatformQuery, zCockpitQuery, zPage, zPlatform } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as cockpit from './cockpit.service';

export const cockpitRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['领导驾驶舱'];
  app.get(
    '/cockpit',
    {
      config: { permission: 'cockpit:read' },
      schema: { tags, summary: '驾驶舱全部指标（按 asOf 日期、本人管辖范围）', querystring: zCockpitQuery, response: { 200: zCockpit } },
    },
    async (request) => cockpit.getCockpit(actorContext(request), request.query),
  );
  app.get(
    '/cockpit/platforms',
    {
      config: { permission: 'cockpit:read' },
      schema: { tags, summary: '驾驶舱指标背后的平台清单', querystring: zCockpitPlatformQuery, response: { 200: zPage(zPlatform) } },
    },
    async (request) => cockpit.findCockpitPlatforms(actorContext(request), request.query),
  );
};
