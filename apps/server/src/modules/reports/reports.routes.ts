import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zAsOfQuery, zIdParams } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { docxMime, xlsxMime } from '../../shared/uploads';
import { buildPlanBriefDocx, buildPlanBriefXlsx } from './reports.brief';

const attachment = (name: string) => `attachment; filename="brief"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Reports: read models across plans, targets and tasks (the progress brief), above the modules they read. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['规划'];
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
