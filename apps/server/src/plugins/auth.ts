import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { ErrorCode, type Permission, roleHas } from '@stip/contracts';
import type { Database } from '../db/client';
import { AppError } from '../shared/app-error';
import type { ActorContext, RequestContext } from '../shared/context';
import { resolveSession, sessionIdleMs } from '../modules/accounts/accounts.service';

export const sessionCookie = 'stip_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route requires. Every route declares one; a route without it is refused. */
    permission?: Permission;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
  interface FastifyInstance {
    db: Database;
    /** Every route registered, with the permission it declared (for the route-permission test). */
    routePermissions: { method: string; url: string; permission: Permission | undefined }[];
  }
}

/** The context of a request whose route requires a signed-in actor. */
export function actorContext(request: FastifyRequest): ActorContext {
  if (!request.ctx.actor) throw new AppError(ErrorCode.Unauthenticated);
  return request.ctx as ActorContext;
}

export function sessionCookieOptions(secure: boolean | 'auto') {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure, maxAge: Math.floor(sessionIdleMs / 1000) };
}

/**
 * Sessions and permissions. The session cookie names a server-side session (revocable); each
 * route's declared permission is checked against the actor's role before the input is even validated, and a
 * route that declared none is refused (deny by default). Record-level scope is each module's policy.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  await app.register(cookie);
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorate('routePermissions', []);

  app.addHook('onRoute', (route) => {
    // Routes that plugins register for us (the API browser) are public documentation.
    if (route.url.startsWith('/api/docs') && !route.config?.permission) {
      route.config = { ...route.config, permission: 'public' };
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      app.routePermissions.push({ method, url: route.url, permission: route.config?.permission });
    }
  });

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    const actor = token && token.length < 200 ? await resolveSession(app.db, token) : null;
    request.ctx = { actor, sourceIp: request.ip, db: app.db, requestId: request.id };
  });

  // Before validation: a visitor without a session learns nothing about a route's input rules.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!request.routeOptions.url) return; // not-found handler
    if (!permission) throw new AppError(ErrorCode.Forbidden, { message: '该接口未声明权限，拒绝访问' });
    if (permission === 'public') return;
    const actor = request.ctx.actor;
    if (!actor) throw new AppError(ErrorCode.Unauthenticated);
    if (!roleHas(actor.role, permission)) throw new AppError(ErrorCode.Forbidden);
  });
});
