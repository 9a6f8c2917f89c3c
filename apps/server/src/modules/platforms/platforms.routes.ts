import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zCreatePlatform,
  zDeletePlatformQuery,
  zIdParams,
  zOk,
  zPage,
  zPlatform,
  zPlatformCounts,
  zPlatformExportQuery,
  zPlatformIndustries,
  zPlatformQuery,
  zPlatformAllowedAction,
  zPlatformTransition,
  zPlatformVersion,
  zUpdatePlatform,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import { exportPlatforms } from './platforms.export';
import { getPlatformHistory } from './platforms.history';
import { countPlatforms, findIndustries, findPlatforms, getPlatform } from './platforms.queries';
import * as platforms from './platforms.service';

/** An attachment header whose filename survives non-ASCII (RFC 6266 with RFC 5987 `filename*`), with an ASCII fallback. */
function attachmentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export const platformRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['平台名录'];

  app.get(
    '/platforms',
    {
      config: { permission: 'platform:read', readCache: true },
      schema: { tags, summary: '平台列表（可按日期查看历史状态）', querystring: zPlatformQuery, response: { 200: zPage(zPlatform) } },
    },
    async (request) => findPlatforms(actorContext(request), request.query),
  );
  app.get(
    '/platforms/counts',
    {
      config: { permission: 'platform:read', readCache: true },
      schema: {
        tags,
        summary: '平台统计（按体系、级别、状态、区域）',
        querystring: zPlatformExportQuery,
        response: { 200: zPlatformCounts },
      },
    },
    async (request) => countPlatforms(actorContext(request), request.query),
  );
  app.get(
    '/platforms/export.xlsx',
    {
      config: { permission: 'platform:read' },
      schema: { tags, summary: '导出平台名录（Excel，与列表相同的筛选和排序）', querystring: zPlatformExportQuery },
    },
    async (request, reply) => {
      const file = await exportPlatforms(actorContext(request), request.query);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition(file.filename, file.asciiFilename))
        .send(file.content);
    },
  );
  app.get(
    '/platforms/industries',
    {
      config: { permission: 'platform:read' },
      schema: { tags, summary: '重点产业（含名录中已使用的产业）', response: { 200: zPlatformIndustries } },
    },
    async (request) => findIndustries(actorContext(request)),
  );
  app.get(
    '/platforms/:id',
    { config: { permission: 'platform:read' }, schema: { tags, summary: '平台详情', params: zIdParams, response: { 200: zPlatform } } },
    async (request) => getPlatform(actorContext(request), request.params.id),
  );
  app.get(
    '/platforms/:id/history',
    {
      config: { permission: 'platform:read' },
      schema: { tags, summary: '平台变更历史（新在前）', params: zIdParams, response: { 200: z.array(zPlatformVersion) } },
    },
    async (request) => getPlatformHistory(actorContext(request), request.params.id),
  );
  app.post(
    '/platforms',
    {
      config: { permission: 'platform:write' },
      schema: { tags, summary: '新增平台', body: zCreatePlatform, response: { 200: zPlatform } },
    },
    async (request) => platforms.createPlatform(actorContext(request), request.body),
  );
  app.patch(
    '/platforms/:id',
    {
      config: { permission: 'platform:edit' },
      schema: {
        tags,
        summary: '修改平台（自生效日期起形成新版本）',
        params: zIdParams,
        body: zUpdatePlatform,
        response: { 200: zPlatform },
      },
    },
    async (request) => platforms.updatePlatform(actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/platforms/:id/transitions',
    {
      config: { permission: 'platform:read' },
      schema: {
        tags,
        summary: '平台当前可办理的状态变更',
        params: zIdParams,
        response: { 200: z.array(zPlatformAllowedAction) },
      },
    },
    async (request) => platforms.findPlatformActions(actorContext(request), request.params.id),
  );
  app.post(
    '/platforms/:id/transitions',
    {
      config: { permission: 'platform:write' },
      schema: {
        tags,
        summary: '办理平台状态变更（开始建设、建成运行、责令整改、整改完成、撤销；自生效日期起形成新版本）',
        params: zIdParams,
        body: zPlatformTransition,
        response: { 200: zPlatform },
      },
    },
    async (request) => platforms.transitionPlatform(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/platforms/:id',
    {
      config: { permission: 'platform:write' },
      schema: { tags, summary: '删除误录入的平台', params: zIdParams, querystring: zDeletePlatformQuery, response: { 200: zOk } },
    },
    async (request) => {
      await platforms.deletePlatform(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
};
