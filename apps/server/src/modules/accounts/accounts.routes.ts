import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zAssignRole,
  zChangePassword,
  zCreateUser,
  zUpdateUser,
  zIdParams,
  zLogin,
  zLoginResult,
  zNamedRef,
  zOrganizationOptionQuery,
  zOk,
  zPage,
  zResetPassword,
  zSessionUser,
  zSetUserActive,
  zSetup,
  zSetupStatus,
  zUser,
  zUserQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { sessionCookie } from './accounts.service';
import * as accounts from './accounts.service';
import type { TwoFactorPolicy } from './accounts.two-factor.service';

export const accountRoutes: FastifyPluginAsyncZod<{ demo: boolean; twoFactor: TwoFactorPolicy }> = async (app, options) => {
  const tags = ['账号与会话'];

  app.post(
    '/auth/login',
    {
      config: { permission: 'public', rateLimit: app.signInRateLimit, keepsReadCache: true },
      schema: { tags, summary: '登录（需要两步验证时答复待验证状态，不开会话）', body: zLogin, response: { 200: zLoginResult } },
    },
    async (request, reply) => {
      const result = await accounts.login(request.ctx, request.body, request.headers['user-agent'] ?? null, options.twoFactor);
      if ('challenge' in result) return result.challenge;
      reply.setCookie(sessionCookie, result.token, app.sessionCookieOptions);
      return result.user;
    },
  );

  app.post(
    '/auth/logout',
    { config: { permission: 'public', allowsPasswordChangePending: true }, schema: { tags, summary: '退出登录', response: { 200: zOk } } },
    async (request, reply) => {
      const token = request.cookies[sessionCookie];
      if (token && token.length < 200) await accounts.logout(request.ctx, token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { permission: 'authenticated', allowsPasswordChangePending: true, readCache: true },
      schema: { tags, summary: '当前用户', response: { 200: zSessionUser } },
    },
    async (request) => accounts.getSessionUser(request.ctx.db, actorContext(request).actor.userId),
  );

  app.post(
    '/auth/password',
    {
      config: { permission: 'authenticated', allowsPasswordChangePending: true },
      schema: { tags, summary: '修改本人密码', body: zChangePassword, response: { 200: zOk } },
    },
    async (request) => {
      await accounts.changeOwnPassword(actorContext(request), request.body, request.cookies[sessionCookie] ?? null);
      return { ok: true as const };
    },
  );

  app.get(
    '/setup',
    { config: { permission: 'public' }, schema: { tags, summary: '是否需要初始化', response: { 200: zSetupStatus } } },
    async (request) => ({
      needsSetup: await accounts.needsSetup(request.ctx.db),
      demo: options.demo,
    }),
  );

  app.post(
    '/setup',
    {
      config: { permission: 'public', rateLimit: app.signInRateLimit },
      schema: { tags, summary: '首次启动：凭服务器控制台上的一次性令牌设置三位管理员', body: zSetup, response: { 200: zOk } },
    },
    async (request) => {
      await accounts.runSetup(request.ctx, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/users',
    {
      config: { permission: 'user:read' },
      schema: { tags, summary: '账号列表', querystring: zUserQuery, response: { 200: zPage(zUser) } },
    },
    async (request) => accounts.findUsers(actorContext(request), request.query),
  );
  app.get(
    '/users/organization-options',
    {
      config: { permission: 'user:assign' },
      schema: {
        tags,
        summary: '可分配的单位（仅名称，供分配角色时选择）',
        querystring: zOrganizationOptionQuery,
        response: { 200: zPage(zNamedRef) },
      },
    },
    async (request) => accounts.findAssignableOrganizations(actorContext(request), request.query),
  );
  app.get(
    '/users/:id',
    { config: { permission: 'user:read' }, schema: { tags, summary: '账号详情', params: zIdParams, response: { 200: zUser } } },
    async (request) => accounts.getUser(actorContext(request), request.params.id),
  );
  app.post(
    '/users',
    {
      config: { permission: 'user:create' },
      schema: { tags, summary: '创建账号（系统管理员）', body: zCreateUser, response: { 200: zUser } },
    },
    async (request) => accounts.createUser(actorContext(request), request.body),
  );
  app.patch(
    '/users/:id',
    {
      config: { permission: 'user:create' },
      schema: { tags, summary: '修改账号姓名（系统管理员）', params: zIdParams, body: zUpdateUser, response: { 200: zUser } },
    },
    async (request) => accounts.updateUser(actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/users/:id/role',
    {
      config: { permission: 'user:assign' },
      schema: { tags, summary: '分配角色与范围（安全管理员）', params: zIdParams, body: zAssignRole, response: { 200: zUser } },
    },
    async (request) => accounts.assignRole(actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/users/:id/active',
    {
      config: { permission: 'user:assign' },
      schema: { tags, summary: '启用或停用账号（安全管理员）', params: zIdParams, body: zSetUserActive, response: { 200: zUser } },
    },
    async (request) => accounts.setUserActive(actorContext(request), request.params.id, request.body),
  );
  app.put(
    '/users/:id/password',
    {
      config: { permission: 'user:assign' },
      schema: { tags, summary: '重置密码并解锁（安全管理员）', params: zIdParams, body: zResetPassword, response: { 200: zUser } },
    },
    async (request) => accounts.resetPassword(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/users/:id/unlock',
    {
      config: { permission: 'user:assign' },
      schema: { tags, summary: '解除登录锁定，不改密码（安全管理员，管理员账号亦可）', params: zIdParams, response: { 200: zUser } },
    },
    async (request) => accounts.unlockUser(actorContext(request), request.params.id),
  );
};
