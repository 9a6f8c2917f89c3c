import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zEnrolledLogin,
  zIdParams,
  zOk,
  zPendingEnrolment,
  zRecoveryCodes,
  zResetTwoFactor,
  zSessionUser,
  zTwoFactorConfirm,
  zTwoFactorEnrolment,
  zTwoFactorEnrolmentLogin,
  zTwoFactorLogin,
  zTwoFactorStatus,
  zUser,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { sessionCookie } from './accounts.service';
import * as twoFactor from './accounts.two-factor.service';

/** Two-factor sign-in (TOTP): the second step of a login, one's own enrolment, and the security administrator's reset. */
export const twoFactorRoutes: FastifyPluginAsyncZod<{ policy: twoFactor.TwoFactorPolicy }> = async (app, options) => {
  const tags = ['两步验证'];
  const { policy } = options;

  app.post(
    '/auth/login/second-factor',
    {
      config: { permission: 'public', keepsReadCache: true },
      schema: { tags, summary: '登录第二步：动态验证码或恢复码', body: zTwoFactorLogin, response: { 200: zSessionUser } },
    },
    async (request, reply) => {
      const { token, user } = await twoFactor.loginWithSecondFactor(request.ctx, request.body, request.headers['user-agent'] ?? null);
      reply.setCookie(sessionCookie, token, app.sessionCookieOptions);
      return user;
    },
  );

  app.post(
    '/auth/login/enrolment',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '登录时设置两步验证（必须开启的账号）：生成密钥',
        body: zPendingEnrolment,
        response: { 200: zTwoFactorEnrolment },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return twoFactor.startLoginEnrolment(request.ctx, request.body.pendingToken);
    },
  );

  app.post(
    '/auth/login/enrolment/confirm',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '登录时设置两步验证：验证首个动态码并登录',
        body: zTwoFactorEnrolmentLogin,
        response: { 200: zEnrolledLogin },
      },
    },
    async (request, reply) => {
      const { token, result } = await twoFactor.confirmLoginEnrolment(request.ctx, request.body, request.headers['user-agent'] ?? null);
      reply.setCookie(sessionCookie, token, app.sessionCookieOptions);
      reply.header('cache-control', 'no-store');
      return result;
    },
  );

  app.get(
    '/auth/two-factor',
    { config: { permission: 'authenticated' }, schema: { tags, summary: '本人两步验证状态', response: { 200: zTwoFactorStatus } } },
    async (request) => twoFactor.getTwoFactorStatus(actorContext(request), policy),
  );

  app.post(
    '/auth/two-factor/enrolment',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '开启两步验证：生成密钥（验证首个动态码后生效）', response: { 200: zTwoFactorEnrolment } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return twoFactor.startEnrolment(actorContext(request));
    },
  );

  app.post(
    '/auth/two-factor/enrolment/confirm',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: '开启两步验证：验证首个动态码，答复恢复码（仅此一次）',
        body: zTwoFactorConfirm,
        response: { 200: zRecoveryCodes },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return twoFactor.confirmEnrolment(actorContext(request), request.body.code);
    },
  );

  app.post(
    '/auth/two-factor/disable',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '关闭本人两步验证（管理员不可关闭）', body: zTwoFactorConfirm, response: { 200: zOk } },
    },
    async (request) => {
      await twoFactor.disableTwoFactor(actorContext(request), request.body.code, policy);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/two-factor/recovery-codes',
    {
      config: { permission: 'authenticated' },
      schema: { tags, summary: '重新生成恢复码（旧恢复码作废）', body: zTwoFactorConfirm, response: { 200: zRecoveryCodes } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return twoFactor.regenerateRecoveryCodes(actorContext(request), request.body.code);
    },
  );

  app.put(
    '/users/:id/two-factor/reset',
    {
      config: { permission: 'user:assign' },
      schema: {
        tags,
        summary: '重置他人两步验证（安全管理员，非管理员账号）',
        params: zIdParams,
        body: zResetTwoFactor,
        response: { 200: zUser },
      },
    },
    async (request) => twoFactor.resetUserTwoFactor(actorContext(request), request.params.id, request.body.version),
  );
};
