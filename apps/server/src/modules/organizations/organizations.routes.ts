import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zCreateOrganization,
  zCreateQualification,
  zIdParams,
  zOk,
  zOrganization,
  zOrganizationDeleteQuery,
  zOrganizationQuery,
  zPage,
  zQualificationParams,
  zUpdateOrganization,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as organizations from './organizations.service';

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['单位'];
  app.get(
    '/organizations',
    {
      config: { permission: 'organization:read' },
      schema: { tags, summary: '单位列表', querystring: zOrganizationQuery, response: { 200: zPage(zOrganization) } },
    },
    async (request) => organizations.findOrganizations(actorContext(request), request.query),
  );
  app.get(
    '/organizations/:id',
    {
      config: { permission: 'organization:read' },
      schema: { tags, summary: '单位详情', params: zIdParams, response: { 200: zOrganization } },
    },
    async (request) => organizations.getOrganization(actorContext(request), request.params.id),
  );
  app.post(
    '/organizations',
    {
      config: { permission: 'organization:write' },
      schema: { tags, summary: '新增单位', body: zCreateOrganization, response: { 200: zOrganization } },
    },
    async (request) => organizations.createOrganization(actorContext(request), request.body),
  );
  app.patch(
    '/organizations/:id',
    {
      config: { permission: 'organization:edit' },
      schema: { tags, summary: '修改单位', params: zIdParams, body: zUpdateOrganization, response: { 200: zOrganization } },
    },
    async (request) => organizations.updateOrganization(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/organizations/:id',
    {
      config: { permission: 'organization:write' },
      schema: { tags, summary: '删除单位（保留历史）', params: zIdParams, querystring: zOrganizationDeleteQuery, response: { 200: zOk } },
    },
    async (request) => {
      await organizations.deleteOrganization(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/organizations/:id/qualifications',
    {
      config: { permission: 'organization:write' },
      schema: { tags, summary: '登记企业资质', params: zIdParams, body: zCreateQualification, response: { 200: zOrganization } },
    },
    async (request) => organizations.addQualification(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/organizations/:id/qualifications/:qualificationId',
    {
      config: { permission: 'organization:write' },
      schema: { tags, summary: '撤回企业资质记录', params: zQualificationParams, response: { 200: zOrganization } },
    },
    async (request) => organizations.removeQualification(actorContext(request), request.params.id, request.params.qualificationId),
  );
};
