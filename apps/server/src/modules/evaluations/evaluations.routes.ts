import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zCreateEvaluationRound,
  zEvaluationFormula,
  zEvaluationFormulaList,
  zEvaluationRound,
  zEvaluationRoundDetail,
  zEvaluationRoundQuery,
  zEvaluationRoundTransition,
  zIdParams,
  zPage,
  zRectification,
  zRectificationQuery,
  zRectificationTransition,
  zResultParams,
  zSaveEvaluationFormula,
  zUpdateEvaluationResult,
  zUpdateEvaluationRound,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import * as evaluations from './evaluations.service';
import { renderResultsWorkbook } from './evaluations.workbook';
import * as rectifications from './rectifications.service';

export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['评估考核'];
  app.get(
    '/evaluation-formulas',
    {
      config: { permission: 'evaluation:read' },
      schema: { tags, summary: '评估指标体系（默认与各类型）', response: { 200: zEvaluationFormulaList } },
    },
    async (request) => {
      const items = await evaluations.findFormulas(actorContext(request));
      return { items, total: items.length };
    },
  );
  app.put(
    '/evaluation-formulas',
    {
      config: { permission: 'evaluation:write' },
      schema: { tags, summary: '保存评估指标体系', body: zSaveEvaluationFormula, response: { 200: zEvaluationFormula } },
    },
    async (request) => evaluations.saveFormula(actorContext(request), request.body),
  );
  app.get(
    '/evaluation-rounds',
    {
      config: { permission: 'evaluation:read' },
      schema: { tags, summary: '考核轮次列表', querystring: zEvaluationRoundQuery, response: { 200: zPage(zEvaluationRound) } },
    },
    async (request) => evaluations.findRounds(actorContext(request), request.query),
  );
  app.post(
    '/evaluation-rounds',
    {
      config: { permission: 'evaluation:write' },
      schema: { tags, summary: '发起考核轮次', body: zCreateEvaluationRound, response: { 200: zEvaluationRoundDetail } },
    },
    async (request) => evaluations.createRound(actorContext(request), request.body),
  );
  app.get(
    '/evaluation-rounds/:id',
    {
      config: { permission: 'evaluation:read' },
      schema: { tags, summary: '考核轮次详情与结果', params: zIdParams, response: { 200: zEvaluationRoundDetail } },
    },
    async (request) => evaluations.getRound(actorContext(request), request.params.id),
  );
  app.get(
    '/evaluation-rounds/:id/results.xlsx',
    { config: { permission: 'evaluation:read' }, schema: { tags, summary: '考核结果导出（Excel）', params: zIdParams } },
    async (request, reply) => {
      const round = await evaluations.getRound(actorContext(request), request.params.id);
      const content = await renderResultsWorkbook(round);
      return reply
        .header('content-type', xlsxMime)
        .header(
          'content-disposition',
          `attachment; filename="evaluation-results.xlsx"; filename*=UTF-8''${encodeURIComponent(`${round.title}-考核结果.xlsx`)}`,
        )
        .send(content);
    },
  );
  app.patch(
    '/evaluation-rounds/:id',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags,
        summary: '修改考核轮次（草稿）',
        params: zIdParams,
        body: zUpdateEvaluationRound,
        response: { 200: zEvaluationRoundDetail },
      },
    },
    async (request) => evaluations.updateRound(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/evaluation-rounds/:id/transitions',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags,
        summary: '考核轮次流转（开始评分、提交审核、退回评分、公布、执行）',
        params: zIdParams,
        body: zEvaluationRoundTransition,
        response: { 200: zEvaluationRoundDetail },
      },
    },
    async (request) => evaluations.transitionRound(actorContext(request), request.params.id, request.body),
  );
  app.patch(
    '/evaluation-rounds/:id/results/:resultId',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags,
        summary: '录入专家评分或调整考核结果',
        params: zResultParams,
        body: zUpdateEvaluationResult,
        response: { 200: zEvaluationRoundDetail },
      },
    },
    async (request) => evaluations.updateResult(actorContext(request), request.params.id, request.params.resultId, request.body),
  );
  app.get(
    '/rectifications',
    {
      config: { permission: 'evaluation:read' },
      schema: {
        tags,
        summary: '整改列表（overdue=true 为逾期未提交）',
        querystring: zRectificationQuery,
        response: { 200: zPage(zRectification) },
      },
    },
    async (request) => rectifications.findRectifications(actorContext(request), request.query),
  );
  app.get(
    '/rectifications/:id',
    {
      config: { permission: 'evaluation:read' },
      schema: { tags, summary: '整改详情', params: zIdParams, response: { 200: zRectification } },
    },
    async (request) => rectifications.getRectification(actorContext(request), request.params.id),
  );
  app.post(
    '/rectifications/:id/transitions',
    {
      // Read access reaches the route; who may take which step (host submits, staff check) is the policy's rectificationMoverOf.
      config: { permission: 'evaluation:read' },
      schema: {
        tags,
        summary: '整改流转（依托单位提交整改报告；市科技局核查通过、不通过或延期）',
        params: zIdParams,
        body: zRectificationTransition,
        response: { 200: zRectification },
      },
    },
    async (request) => rectifications.transitionRectification(actorContext(request), request.params.id, request.body),
  );
};
