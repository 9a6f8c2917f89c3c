import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zBudget,
  zBudgetList,
  zCreateBudget,
  zCreateExpenditure,
  zCreateGrant,
  zCreatePayment,
  zCreateSubsidyRule,
  zFinalRoundList,
  zGrantDetail,
  zGrantExportQuery,
  zGrantList,
  zGrantQuery,
  zGrantsFromRound,
  zGrantTransition,
  zIdParams,
  zOk,
  zRoundGrantPreview,
  zRoundGrantResult,
  zSubsidyRule,
  zSubsidyRuleList,
  zUpdateBudget,
  zUpdateGrant,
  zUpdateSubsidyRule,
  zVersionQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import * as funding from './funding.service';
import { renderFundingWorkbook } from './funding.workbook';

export const fundingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['资金管理'];

  app.get(
    '/funding/budgets',
    {
      config: { permission: 'funding:read' },
      schema: { tags, summary: '年度资金预算（含已安排、已拨付、余额）', response: { 200: zBudgetList } },
    },
    async (request) => funding.findBudgets(actorContext(request)),
  );
  app.post(
    '/funding/budgets',
    { config: { permission: 'funding:write' }, schema: { tags, summary: '设定年度预算', body: zCreateBudget, response: { 200: zBudget } } },
    async (request) => funding.createBudget(actorContext(request), request.body),
  );
  app.patch(
    '/funding/budgets/:id',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '修改年度预算（不能低于已拨付金额）', params: zIdParams, body: zUpdateBudget, response: { 200: zBudget } },
    },
    async (request) => funding.updateBudget(actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/funding/rules',
    {
      config: { permission: 'funding:read' },
      schema: { tags, summary: '资助标准（按级别或类型、评估等次）', response: { 200: zSubsidyRuleList } },
    },
    async (request) => funding.findSubsidyRules(actorContext(request)),
  );
  app.post(
    '/funding/rules',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '新增资助标准', body: zCreateSubsidyRule, response: { 200: zSubsidyRule } },
    },
    async (request) => funding.createSubsidyRule(actorContext(request), request.body),
  );
  app.patch(
    '/funding/rules/:id',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '修改资助标准', params: zIdParams, body: zUpdateSubsidyRule, response: { 200: zSubsidyRule } },
    },
    async (request) => funding.updateSubsidyRule(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/funding/rules/:id',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '停用资助标准', params: zIdParams, querystring: zVersionQuery, response: { 200: zOk } },
    },
    async (request) => {
      await funding.deleteSubsidyRule(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );

  app.get(
    '/funding/rounds',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '结果已公布的评估考核轮次（可据此给予资助）', response: { 200: zFinalRoundList } },
    },
    async (request) => funding.findFinalRounds(actorContext(request)),
  );
  app.get(
    '/funding/grants',
    {
      config: { permission: 'funding:read' },
      schema: { tags, summary: '资助列表', querystring: zGrantQuery, response: { 200: zGrantList } },
    },
    async (request) => funding.findGrants(actorContext(request), request.query),
  );
  app.get(
    '/funding/grants.xlsx',
    {
      config: { permission: 'funding:read' },
      schema: { tags, summary: '导出资金资助结果（Excel：资助、拨付、支出、预算）', querystring: zGrantExportQuery },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const data = await funding.findGrantsForExport(ctx, request.query.year);
      const content = await renderFundingWorkbook(data, request.query.year);
      const filename = `资金资助结果${request.query.year ?? ''}.xlsx`;
      return reply
        .type(xlsxMime)
        .header(
          'content-disposition',
          `attachment; filename="funding-grants${request.query.year ?? ''}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(content);
    },
  );
  app.post(
    '/funding/grants',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '新增资助（单个平台）', body: zCreateGrant, response: { 200: zGrantDetail } },
    },
    async (request) => funding.createGrant(actorContext(request), request.body),
  );
  app.post(
    '/funding/grants/from-round/preview',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '按评估结果和资助标准预览资助', body: zGrantsFromRound, response: { 200: zRoundGrantPreview } },
    },
    async (request) => funding.previewRoundGrants(actorContext(request), request.body),
  );
  app.post(
    '/funding/grants/from-round',
    {
      config: { permission: 'funding:write' },
      schema: {
        tags,
        summary: '按评估结果和资助标准批量生成资助（全部成功或全部不生成）',
        body: zGrantsFromRound,
        response: { 200: zRoundGrantResult },
      },
    },
    async (request) => funding.createRoundGrants(actorContext(request), request.body),
  );
  app.get(
    '/funding/grants/:id',
    {
      config: { permission: 'funding:read' },
      schema: { tags, summary: '资助详情（含拨付和支出）', params: zIdParams, response: { 200: zGrantDetail } },
    },
    async (request) => funding.getGrant(actorContext(request), request.params.id),
  );
  app.patch(
    '/funding/grants/:id',
    {
      config: { permission: 'funding:write' },
      schema: { tags, summary: '修改拟资助（批准前）', params: zIdParams, body: zUpdateGrant, response: { 200: zGrantDetail } },
    },
    async (request) => funding.updateGrant(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/funding/grants/:id/transitions',
    {
      config: { permission: 'funding:write' },
      schema: {
        tags,
        summary: '办理资助状态变更（批准、取消）',
        params: zIdParams,
        body: zGrantTransition,
        response: { 200: zGrantDetail },
      },
    },
    async (request) => funding.transitionGrant(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/funding/grants/:id/payments',
    {
      config: { permission: 'funding:write' },
      schema: {
        tags,
        summary: '登记拨付（资助和预算余额均不能为负）',
        params: zIdParams,
        body: zCreatePayment,
        response: { 200: zGrantDetail },
      },
    },
    async (request) => funding.recordPayment(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/funding/grants/:id/expenditures',
    {
      config: { permission: 'funding:read' },
      schema: {
        tags,
        summary: '填报支出明细（依托单位；禁止用途和超出已拨付金额的不予接受）',
        params: zIdParams,
        body: zCreateExpenditure,
        response: { 200: zGrantDetail },
      },
    },
    async (request) => funding.fileExpenditure(actorContext(request), request.params.id, request.body),
  );
};
