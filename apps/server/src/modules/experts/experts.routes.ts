import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zApplicationPanels,
  zChooseChair,
  zConclude,
  zCreateExpert,
  zDeclaration,
  zDeclare,
  zDrawPanel,
  zExpert,
  zExpertQuery,
  zExpertSettings,
  zId,
  zIdParams,
  zMySeat,
  zOk,
  zPage,
  zPanel,
  zPanelDraw,
  zRubric,
  zSaveRubric,
  zSaveScores,
  zSuspendExpert,
  zUpdateExpert,
  zUpdateExpertSettings,
  zVersionQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import * as experts from './experts.service';
import { renderPanelWorkbook } from './experts.workbook';

const zRubricParams = z.object({ typeId: z.union([zId, z.literal('default')]) });

export const expertRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['专家与评审'];
  app.get(
    '/experts',
    {
      config: { permission: 'expert:read' },
      schema: { tags, summary: '专家库（电话、身份证号对非管理人员脱敏）', querystring: zExpertQuery, response: { 200: zPage(zExpert) } },
    },
    async (request) => experts.findExperts(actorContext(request), request.query),
  );
  app.post(
    '/experts',
    { config: { permission: 'expert:write' }, schema: { tags, summary: '新增专家', body: zCreateExpert, response: { 200: zExpert } } },
    async (request) => experts.createExpert(actorContext(request), request.body),
  );
  app.get(
    '/experts/settings',
    {
      config: { permission: 'expert:read' },
      schema: { tags, summary: '专家库设置（年度评审上限、偏离阈值）', response: { 200: zExpertSettings } },
    },
    async (request) => experts.getExpertSettings(actorContext(request)),
  );
  app.put(
    '/experts/settings',
    {
      config: { permission: 'expert:write' },
      schema: { tags, summary: '修改专家库设置', body: zUpdateExpertSettings, response: { 200: zExpertSettings } },
    },
    async (request) => experts.updateExpertSettings(actorContext(request), request.body),
  );
  app.get(
    '/experts/:id',
    { config: { permission: 'expert:read' }, schema: { tags, summary: '专家详情', params: zIdParams, response: { 200: zExpert } } },
    async (request) => experts.getExpert(actorContext(request), request.params.id),
  );
  app.patch(
    '/experts/:id',
    {
      config: { permission: 'expert:write' },
      schema: { tags, summary: '修改专家信息', params: zIdParams, body: zUpdateExpert, response: { 200: zExpert } },
    },
    async (request) => experts.updateExpert(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/experts/:id/suspend',
    {
      config: { permission: 'expert:write' },
      schema: { tags, summary: '暂停专家（须说明原因）', params: zIdParams, body: zSuspendExpert, response: { 200: zExpert } },
    },
    async (request) => experts.setExpertSuspended(actorContext(request), request.params.id, true, request.body),
  );
  app.post(
    '/experts/:id/reinstate',
    {
      config: { permission: 'expert:write' },
      schema: { tags, summary: '恢复专家（须说明原因）', params: zIdParams, body: zSuspendExpert, response: { 200: zExpert } },
    },
    async (request) => experts.setExpertSuspended(actorContext(request), request.params.id, false, request.body),
  );
  app.delete(
    '/experts/:id',
    {
      config: { permission: 'expert:write' },
      schema: { tags, summary: '移出专家库（保留历史评审记录）', params: zIdParams, querystring: zVersionQuery, response: { 200: zOk } },
    },
    async (request) => {
      await experts.deleteExpert(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.get(
    '/rubrics',
    {
      config: { permission: 'expert:read' },
      schema: { tags, summary: '评审指标（按平台类型；无类型的为通用指标）', response: { 200: zPage(zRubric) } },
    },
    async (request) => experts.findRubrics(actorContext(request)),
  );
  app.put(
    '/rubrics/:typeId',
    {
      config: { permission: 'expert:write' },
      schema: {
        tags,
        summary: '设置平台类型的评审指标（typeId 为 default 时设置通用指标；权重之和须为100）',
        params: zRubricParams,
        body: zSaveRubric,
        response: { 200: zRubric },
      },
    },
    async (request) =>
      experts.saveRubric(actorContext(request), request.params.typeId === 'default' ? null : request.params.typeId, request.body),
  );
  app.post(
    '/applications/:id/panel',
    {
      config: { permission: 'expert:write' },
      schema: {
        tags,
        summary: '为申报抽取评审专家（领域匹配、利益冲突回避、年度上限，随机种子留痕）',
        params: zIdParams,
        body: zDrawPanel,
        response: { 200: zPanelDraw },
      },
    },
    async (request) => experts.drawApplicationPanel(actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/applications/:id/panels',
    {
      config: { permission: 'expert:read' },
      schema: { tags, summary: '申报的评审专家组（最新在前）', params: zIdParams, response: { 200: zApplicationPanels } },
    },
    async (request) => experts.findApplicationPanels(actorContext(request), request.params.id),
  );
  app.get(
    '/panels/mine',
    {
      config: { permission: 'panel:score' },
      schema: { tags, summary: '我的评审（专家本人的评审席位）', response: { 200: zPage(zMySeat) } },
    },
    async (request) => experts.findMySeats(actorContext(request)),
  );
  app.get(
    '/panels/:id',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '评审专家组详情（辖区内管理人员或本组专家）', params: zIdParams, response: { 200: zPanel } },
    },
    async (request) => experts.getPanel(actorContext(request), request.params.id),
  );
  app.get(
    '/panels/:id/results.xlsx',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '导出评审结果（Excel）', params: zIdParams } },
    async (request, reply) => {
      const panel = await experts.getPanel(actorContext(request), request.params.id);
      const content = await renderPanelWorkbook(panel);
      return reply
        .header('content-type', xlsxMime)
        .header(
          'content-disposition',
          `attachment; filename="panel-results.xlsx"; filename*=UTF-8''${encodeURIComponent(`专家评审结果-${panel.application.platformName}.xlsx`)}`,
        )
        .send(content);
    },
  );
  app.post(
    '/panels/:id/chair',
    {
      config: { permission: 'expert:write' },
      schema: { tags, summary: '指定专家组组长', params: zIdParams, body: zChooseChair, response: { 200: zPanel } },
    },
    async (request) => experts.chooseChair(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/panels/:id/consensus',
    {
      config: { permission: 'panel:score' },
      schema: { tags, summary: '组长填写专家组综合意见（评审结束）', params: zIdParams, body: zConclude, response: { 200: zPanel } },
    },
    async (request) => experts.conclude(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/panel-seats/:id/declaration',
    {
      config: { permission: 'panel:score' },
      schema: {
        tags,
        summary: '专家声明是否存在利益冲突（查看申报材料之前）',
        params: zIdParams,
        body: zDeclare,
        response: { 200: zDeclaration },
      },
    },
    async (request) => experts.declare(actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/panel-seats/:id/scores',
    {
      config: { permission: 'panel:score' },
      schema: { tags, summary: '保存或提交评分（提交后锁定）', params: zIdParams, body: zSaveScores, response: { 200: zPanel } },
    },
    async (request) => experts.saveScores(actorContext(request), request.params.id, request.body),
  );
};
