import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zCreateLead, zIdParams, zLead, zLeadFollowUp, zLeadQuery, zMatchQuery, zMatchResult, zPage, zUpdateLead } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as leads from './leads.service';
import * as matching from './matching.service';

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['成果与需求'];
  app.get(
    '/matching/demands/:id',
    {
      config: { permission: 'matching:read' },
      schema: {
        tags,
        summary: '技术需求的智能匹配：可满足它的科技成果、专家、平台（每类按匹配度排序，附匹配依据）',
        params: zIdParams,
        querystring: zMatchQuery,
        response: { 200: zMatchResult },
      },
    },
    async (request) => matching.findMatches(actorContext(request), 'demand', request.params.id, request.query),
  );
  app.get(
    '/matching/achievements/:id',
    {
      config: { permission: 'matching:read' },
      schema: {
        tags,
        summary: '科技成果的智能匹配：可能用到它的技术需求与企业（每类按匹配度排序，附匹配依据）',
        params: zIdParams,
        querystring: zMatchQuery,
        response: { 200: zMatchResult },
      },
    },
    async (request) => matching.findMatches(actorContext(request), 'achievement', request.params.id, request.query),
  );
  app.get(
    '/leads',
    {
      config: { permission: 'matching:read' },
      schema: {
        tags,
        summary: '对接记录（辖区内；按状态、区域、需求、成果筛选）',
        querystring: zLeadQuery,
        response: { 200: zPage(zLead) },
      },
    },
    async (request) => leads.findLeads(actorContext(request), request.query),
  );
  app.post(
    '/leads',
    {
      config: { permission: 'lead:write' },
      schema: { tags, summary: '记录对接（匹配依据由服务器重新计算并留存）', body: zCreateLead, response: { 200: zLead } },
    },
    async (request) => leads.createLead(actorContext(request), request.body),
  );
  app.get(
    '/leads/:id',
    {
      config: { permission: 'matching:read' },
      schema: { tags, summary: '对接记录详情（含跟进记录与登记的技术合同）', params: zIdParams, response: { 200: zLead } },
    },
    async (request) => leads.getLead(actorContext(request), request.params.id),
  );
  app.patch(
    '/leads/:id',
    {
      config: { permission: 'lead:write' },
      schema: { tags, summary: '修改对接记录备注', params: zIdParams, body: zUpdateLead, response: { 200: zLead } },
    },
    async (request) => leads.updateLead(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/leads/:id/follow-ups',
    {
      config: { permission: 'lead:write' },
      schema: { tags, summary: '跟进对接记录（联系、洽谈、终止）', params: zIdParams, body: zLeadFollowUp, response: { 200: zLead } },
    },
    async (request) => leads.followUpLead(actorContext(request), request.params.id, request.body),
  );
};
