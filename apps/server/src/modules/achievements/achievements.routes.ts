import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zAchievementDetail,
  zAchievementPage,
  zAchievementQuery,
  zCreateAchievement,
  zDeletePlatformQuery,
  zIdParams,
  zOk,
  zPublicationTransition,
  zUpdateAchievement,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import { buildAchievementsWorkbook } from './achievements.workbook';
import * as service from './achievements.service';

/** At most this many rows go into one export. */
const exportCap = 5000;

/** An attachment header whose filename survives non-ASCII (RFC 6266 with RFC 5987 `filename*`), with an ASCII fallback. */
export function attachmentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

export const achievementRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['科技成果'];
  app.get(
    '/achievements',
    {
      config: { permission: 'achievement:read' },
      schema: {
        tags,
        summary: '科技成果列表（检索 q、分面筛选、状态；按相关度排序，含高亮摘要与分面计数）',
        querystring: zAchievementQuery,
        response: { 200: zAchievementPage },
      },
    },
    async (request) => service.findAchievements(actorContext(request), request.query),
  );
  app.get(
    '/achievements.xlsx',
    {
      config: { permission: 'achievement:read' },
      schema: { tags, summary: `导出当前筛选的科技成果（Excel，最多${exportCap}条）`, querystring: zAchievementQuery },
    },
    async (request, reply) => {
      const items = await service.findAchievementRowsForExport(actorContext(request), request.query, exportCap);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition('科技成果.xlsx', 'achievements.xlsx'))
        .send(await buildAchievementsWorkbook(items));
    },
  );
  app.get(
    '/achievements/:id',
    {
      config: { permission: 'achievement:read' },
      schema: { tags, summary: '科技成果详情（含办理记录）', params: zIdParams, response: { 200: zAchievementDetail } },
    },
    async (request) => service.getAchievement(actorContext(request), request.params.id),
  );
  app.post(
    '/achievements',
    {
      config: { permission: 'achievement:write' },
      schema: { tags, summary: '登记科技成果（草稿）', body: zCreateAchievement, response: { 200: zAchievementDetail } },
    },
    async (request) => service.createAchievement(actorContext(request), request.body),
  );
  app.patch(
    '/achievements/:id',
    {
      config: { permission: 'achievement:write' },
      schema: {
        tags,
        summary: '修改科技成果（所属单位修改已发布的成果将重新进入审核）',
        params: zIdParams,
        body: zUpdateAchievement,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.updateAchievement(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/achievements/:id',
    {
      config: { permission: 'achievement:write' },
      schema: { tags, summary: '删除草稿或已退回的科技成果', params: zIdParams, querystring: zDeletePlatformQuery, response: { 200: zOk } },
    },
    async (request) => {
      await service.deleteAchievement(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/achievements/:id/transitions',
    {
      config: { permission: 'achievement:write' },
      schema: {
        tags,
        summary: '科技成果状态变更（提交审核；审核人员：发布、退回、撤回发布、关闭、重新发布、归档）',
        params: zIdParams,
        body: zPublicationTransition,
        response: { 200: zAchievementDetail },
      },
    },
    async (request) => service.transitionAchievement(actorContext(request), request.params.id, request.body),
  );
};
