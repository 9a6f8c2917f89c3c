import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zChallenge,
  zChallengeApplication,
  zChallengeDemandChoice,
  zChallengeDemandChoiceQuery,
  zChallengeListItem,
  zChallengeQuery,
  zChallengeTransition,
  zCompleteChallengeMilestone,
  zCreateChallenge,
  zCreateChallengeApplication,
  zCreateChallengeMilestone,
  zId,
  zIdParams,
  zPage,
  zSelectChallengeApplication,
  zUpdateChallenge,
  zUpdateChallengeMilestone,
  zVersionBody,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as service from './challenges.service';

const zApplicationParams = z.object({ id: zId, applicationId: zId });
const zMilestoneParams = z.object({ id: zId, milestoneId: zId });

export const challengeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['揭榜挂帅'];
  app.get(
    '/challenges',
    {
      config: { permission: 'challenge:read' },
      schema: {
        tags,
        summary: '揭榜挂帅榜单列表（科技局：管辖范围；单位：本单位发布、已揭榜及已发布的榜单）',
        querystring: zChallengeQuery,
        response: { 200: zPage(zChallengeListItem) },
      },
    },
    async (request) => service.findChallenges(actorContext(request), request.query),
  );
  app.get(
    '/challenges/demand-choices',
    {
      config: { permission: 'challenge:write' },
      schema: {
        tags,
        summary: '可发布为揭榜挂帅的技术需求（企业：本单位的；科技局：管辖范围内的）',
        querystring: zChallengeDemandChoiceQuery,
        response: { 200: zPage(zChallengeDemandChoice) },
      },
    },
    async (request) => service.findDemandChoices(actorContext(request), request.query),
  );
  app.get(
    '/challenges/:id',
    {
      config: { permission: 'challenge:read' },
      schema: { tags, summary: '榜单详情（含项目节点、本单位的揭榜申请、可执行的操作）', params: zIdParams, response: { 200: zChallenge } },
    },
    async (request) => service.getChallenge(actorContext(request), request.params.id),
  );
  app.post(
    '/challenges',
    {
      config: { permission: 'challenge:write' },
      schema: { tags, summary: '由技术需求新建揭榜挂帅榜单（草稿）', body: zCreateChallenge, response: { 200: zChallenge } },
    },
    async (request) => service.createChallenge(actorContext(request), request.body),
  );
  app.patch(
    '/challenges/:id',
    {
      config: { permission: 'challenge:write' },
      schema: { tags, summary: '修改草稿榜单（发榜方）', params: zIdParams, body: zUpdateChallenge, response: { 200: zChallenge } },
    },
    async (request) => service.updateChallenge(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/challenges/:id/transitions',
    {
      config: { permission: 'challenge:write' },
      schema: {
        tags,
        summary: '榜单状态变更（提交审核、退回、审核发布、截止揭榜、确认完成、撤榜）',
        params: zIdParams,
        body: zChallengeTransition,
        response: { 200: zChallenge },
      },
    },
    async (request) => service.transitionChallenge(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/challenges/:id/selection',
    {
      config: { permission: 'challenge:write' },
      schema: {
        tags,
        summary: '选定揭榜方（发榜方，须填写理由；理由与选定团队对所有揭榜单位可见）',
        params: zIdParams,
        body: zSelectChallengeApplication,
        response: { 200: zChallenge },
      },
    },
    async (request) => service.selectApplication(actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/challenges/:id/applications',
    {
      config: { permission: 'challenge:read' },
      schema: {
        tags,
        summary: '榜单的揭榜申请（发榜方与审核科技局：全部；揭榜单位：本单位的）',
        params: zIdParams,
        response: { 200: zPage(zChallengeApplication) },
      },
    },
    async (request) => service.findChallengeApplications(actorContext(request), request.params.id),
  );
  app.post(
    '/challenges/:id/applications',
    {
      config: { permission: 'challenge:apply' },
      schema: {
        tags,
        summary: '揭榜（本单位提交揭榜申请，截止日期前，每单位一份有效申请）',
        params: zIdParams,
        body: zCreateChallengeApplication,
        response: { 200: zChallengeApplication },
      },
    },
    async (request) => service.applyToChallenge(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/challenges/:id/applications/:applicationId/withdraw',
    {
      config: { permission: 'challenge:apply' },
      schema: {
        tags,
        summary: '撤回揭榜申请（截止日期前）',
        params: zApplicationParams,
        body: zVersionBody,
        response: { 200: zChallengeApplication },
      },
    },
    async (request) =>
      service.withdrawApplication(actorContext(request), request.params.id, request.params.applicationId, request.body.version),
  );
  app.post(
    '/challenges/:id/milestones',
    {
      config: { permission: 'challenge:write' },
      schema: {
        tags,
        summary: '新增项目节点（发榜方）',
        params: zIdParams,
        body: zCreateChallengeMilestone,
        response: { 200: zChallenge },
      },
    },
    async (request) => service.addMilestone(actorContext(request), request.params.id, request.body),
  );
  app.patch(
    '/challenges/:id/milestones/:milestoneId',
    {
      config: { permission: 'challenge:write' },
      schema: {
        tags,
        summary: '修改项目节点（发榜方，未完成的）',
        params: zMilestoneParams,
        body: zUpdateChallengeMilestone,
        response: { 200: zChallenge },
      },
    },
    async (request) => service.updateMilestone(actorContext(request), request.params.id, request.params.milestoneId, request.body),
  );
  app.delete(
    '/challenges/:id/milestones/:milestoneId',
    {
      config: { permission: 'challenge:write' },
      schema: {
        tags,
        summary: '删除项目节点（发榜方，未完成的）',
        params: zMilestoneParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
        response: { 200: zChallenge },
      },
    },
    async (request) => service.deleteMilestone(actorContext(request), request.params.id, request.params.milestoneId, request.query.version),
  );
  app.post(
    '/challenges/:id/milestones/:milestoneId/complete',
    {
      config: { permission: 'challenge:read' },
      schema: {
        tags,
        summary: '登记项目节点完成（揭榜团队或发榜方，附完成情况）',
        params: zMilestoneParams,
        body: zCompleteChallengeMilestone,
        response: { 200: zChallenge },
      },
    },
    async (request) => service.completeMilestone(actorContext(request), request.params.id, request.params.milestoneId, request.body),
  );
};
