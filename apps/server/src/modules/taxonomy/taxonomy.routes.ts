import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zCreatePlatformSystem,
  zCreatePlatformType,
  zIdParams,
  zPage,
  zPlatformSystem,
  zPlatformType,
  zPlatformTypeQuery,
  zRetirePlatformType,
  zRetireResult,
  zTaxonomy,
  zUpdatePlatformSystem,
  zUpdatePlatformType,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as taxonomy from './taxonomy.service';

export const taxonomyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['平台分类'];
  app.get(
    '/taxonomy',
    {
      config: { permission: 'taxonomy:read' },
      schema: { tags, summary: '平台分类（全部体系与类型，含已撤并类型和平台数）', response: { 200: zTaxonomy } },
    },
    async (request) => taxonomy.getTaxonomy(actorContext(request)),
  );
  app.get(
    '/platform-types',
    {
      config: { permission: 'taxonomy:read' },
      schema: { tags, summary: '平台类型列表', querystring: zPlatformTypeQuery, response: { 200: zPage(zPlatformType) } },
    },
    async (request) => taxonomy.findPlatformTypes(actorContext(request), request.query),
  );
  app.get(
    '/platform-types/:id',
    {
      config: { permission: 'taxonomy:read' },
      schema: { tags, summary: '平台类型详情', params: zIdParams, response: { 200: zPlatformType } },
    },
    async (request) => taxonomy.getPlatformType(actorContext(request), request.params.id),
  );
  app.post(
    '/platform-systems',
    {
      config: { permission: 'taxonomy:write' },
      schema: { tags, summary: '新增体系', body: zCreatePlatformSystem, response: { 200: zPlatformSystem } },
    },
    async (request) => taxonomy.createPlatformSystem(actorContext(request), request.body),
  );
  app.patch(
    '/platform-systems/:id',
    {
      config: { permission: 'taxonomy:write' },
      schema: {
        tags,
        summary: '修改体系（名称、说明、排序）',
        params: zIdParams,
        body: zUpdatePlatformSystem,
        response: { 200: zPlatformSystem },
      },
    },
    async (request) => taxonomy.updatePlatformSystem(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/platform-types',
    {
      config: { permission: 'taxonomy:write' },
      schema: { tags, summary: '新增平台类型', body: zCreatePlatformType, response: { 200: zPlatformType } },
    },
    async (request) => taxonomy.createPlatformType(actorContext(request), request.body),
  );
  app.patch(
    '/platform-types/:id',
    {
      config: { permission: 'taxonomy:write' },
      schema: { tags, summary: '修改平台类型', params: zIdParams, body: zUpdatePlatformType, response: { 200: zPlatformType } },
    },
    async (request) => taxonomy.updatePlatformType(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/platform-types/:id/retire',
    {
      config: { permission: 'taxonomy:write' },
      schema: {
        tags,
        summary: '撤、并、转平台类型（指定承接类型时，现有平台自生效日期起转入承接类型）',
        params: zIdParams,
        body: zRetirePlatformType,
        response: { 200: zRetireResult },
      },
    },
    async (request) => taxonomy.retirePlatformType(actorContext(request), request.params.id, request.body),
  );
};
