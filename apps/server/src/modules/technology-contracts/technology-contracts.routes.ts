import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zCreateTechnologyContract,
  zIdParams,
  zOk,
  zTechnologyContract,
  zTechnologyContractPage,
  zTechnologyContractQuery,
  zUpdateTechnologyContract,
  zVersionQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import * as contracts from './technology-contracts.service';
import { renderContractWorkbook } from './technology-contracts.workbook';

/** How many contracts one export holds at most. */
const exportLimit = 500;

export const technologyContractRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['成果与需求'];
  app.get(
    '/technology-contracts',
    {
      config: { permission: 'technology-contract:read' },
      schema: {
        tags,
        summary: '技术合同登记（辖区内；按登记号/名称/当事方、区域、登记日期筛选；附合计金额）',
        querystring: zTechnologyContractQuery,
        response: { 200: zTechnologyContractPage },
      },
    },
    async (request) => contracts.findContracts(actorContext(request), request.query),
  );
  app.get(
    '/technology-contracts/export.xlsx',
    {
      config: { permission: 'technology-contract:read' },
      schema: {
        tags,
        summary: '导出技术合同（Excel，按当前筛选条件）',
        querystring: zTechnologyContractQuery.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const items = [];
      let page = await contracts.findContracts(ctx, { ...request.query, limit: exportLimit, offset: 0 });
      items.push(...page.items);
      while (items.length < page.total) {
        page = await contracts.findContracts(ctx, { ...request.query, limit: exportLimit, offset: items.length });
        if (!page.items.length) break;
        items.push(...page.items);
      }
      const content = await renderContractWorkbook(items, page.amount);
      return reply
        .header('content-type', xlsxMime)
        .header(
          'content-disposition',
          `attachment; filename="technology-contracts.xlsx"; filename*=UTF-8''${encodeURIComponent('技术合同登记.xlsx')}`,
        )
        .send(content);
    },
  );
  app.post(
    '/technology-contracts',
    {
      config: { permission: 'technology-contract:write' },
      schema: {
        tags,
        summary: '登记技术合同（从对接记录登记时，对接记录同时变为已签约）',
        body: zCreateTechnologyContract,
        response: { 200: zTechnologyContract },
      },
    },
    async (request) => contracts.createContract(actorContext(request), request.body),
  );
  app.get(
    '/technology-contracts/:id',
    {
      config: { permission: 'technology-contract:read' },
      schema: { tags, summary: '技术合同详情', params: zIdParams, response: { 200: zTechnologyContract } },
    },
    async (request) => contracts.getContract(actorContext(request), request.params.id),
  );
  app.patch(
    '/technology-contracts/:id',
    {
      config: { permission: 'technology-contract:write' },
      schema: { tags, summary: '修改技术合同', params: zIdParams, body: zUpdateTechnologyContract, response: { 200: zTechnologyContract } },
    },
    async (request) => contracts.updateContract(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/technology-contracts/:id',
    {
      config: { permission: 'technology-contract:write' },
      schema: {
        tags,
        summary: '删除误登记的技术合同（保留历史，不再计入登记额）',
        params: zIdParams,
        querystring: zVersionQuery,
        response: { 200: zOk },
      },
    },
    async (request) => {
      await contracts.deleteContract(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
};
