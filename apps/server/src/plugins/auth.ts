import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import { ErrorCode, type Permission, roleHas } from '@stip/contracts';
import type { Database } from '../db/client';
import { AppError } from '../shared/app-error';
import type { RequestContext } from '../shared/context';
import { type ChangeFeed, deafChangeFeed } from '../db/change-feed';
import { defaultSessionMaxMs, sessionCookie, sessionCookieOptions, sessionResolver } from '../modules/accounts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route requires. Every route declares one; a route without it is refused. */
    permission?: Permission;
    /** Answers a session whose password must be changed first (a reset one): me, change password, logout. */
    allowsPasswordChangePending?: boolean;
  }
  interface FastifyInstance {
    db: Database;
    /** Every route registered, with the permission it declared (for the route-permission test). */
    routePermissions: { method: string; url: string; permission: Permission | undefined }[];
    /** How the session cookie is set (COOKIE_SECURE, lifetime). */
    sessionCookieOptions: ReturnType<typeof sessionCookieOptions>;
  }
}

export interface AuthOptions {
  /** Mark the session cookie Secure: always (COOKIE_SECURE=on), never, or when the request came by https (default). */
  cookieSecure?: boolean | 'auto';
  /** Origins browsers use to reach this server besides its Host header (PUBLIC_ORIGIN). */
  publicOrigins?: string[];
  /** The absolute session lifetime (SESSION_MAX_HOURS; default 12 hours). */
  sessionMaxMs?: number;
  /** Lets a session's answer be kept between requests until the database changes it (none: asked every request). */
  changeFeed?: ChangeFeed;
}

/** The methods that may change something: checked for their origin here, and they drop the read cache's copies. */
export const writeMethods: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a write comes from a page of this server. Browsers send Origin on every cross-site write (and
 * Referer when they drop Origin), so a request naming another site is a cross-site request forgery; a request
 * with neither header is no browser's (curl, scripts, tests) and passes — SameSite cookies cover old browsers.
 */
export function isSameOriginWrite(request: FastifyRequest, publicOrigins: readonly string[]): boolean {
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) return true;
  let url: URL;
  try {
    url = new URL(Array.isArray(source) ? (source[0] ?? '') : source);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  if (publicOrigins.includes(url.origin)) return true;
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === request.host;
}

/**
 * Sessions and permissions. The session cookie names a server-side session (revocable); each
 * route's declared permission is checked against the actor's role before the input is even validated, and a
 * route that declared none is refused (deny by default). Record-level scope is each module's policy.
 */
export const authPlugin = fp(async (app: FastifyInstance, options: AuthOptions) => {
  const sessionMaxMs = options.sessionMaxMs ?? defaultSessionMaxMs;
  const publicOrigins = options.publicOrigins ?? [];
  const resolveSession = sessionResolver(app.db, options.changeFeed ?? deafChangeFeed, sessionMaxMs);
  await app.register(cookie);
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorate('routePermissions', []);
  app.decorate('sessionCookieOptions', sessionCookieOptions(options.cookieSecure ?? 'auto', sessionMaxMs));

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
    // Before the body is read, so uploads and body-less writes are checked too; login and setup as well (login CSRF).
    if (writeMethods.has(request.method) && !isSameOriginWrite(request, publicOrigins)) {
      throw new AppError(ErrorCode.Forbidden, { message: '请求来源不是本系统页面，已拒绝。请在本系统页面中操作' });
    }
    const token = request.cookies[sessionCookie];
    const actor = token && token.length < 200 ? await resolveSession(token) : null;
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
    if (actor.mustChangePassword && !request.routeOptions.config?.allowsPasswordChangePending)
      throw new AppError(ErrorCode.PasswordChangeRequired);
    if (!roleHas(actor.role, permission)) throw new AppError(ErrorCode.Forbidden);
  });
});
