import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import { ErrorCode } from '@stip/contracts';
import { AppError } from '../shared/app-error';

/** Requests a minute one client address may make to the routes anyone can call (no session needed). */
export interface AnonymousRateLimits {
  /** Sign-in and first-start setup: the routes that take a password or a token. */
  signInPerMinute: number;
  /** Every other public API route (setup status, logout, health, the API browser). */
  publicPerMinute: number;
  /**
   * Anonymous searches: requests to a portal route (`/api/public/…`) with a search text `q`, counted together
   * across those routes; a signed-in user is not held to it. Default 60; `stip serve` takes PUBLIC_SEARCH_PER_MINUTE.
   */
  searchPerMinute?: number;
}

export const defaultAnonymousRateLimits: AnonymousRateLimits = { signInPerMinute: 20, publicPerMinute: 600, searchPerMinute: 60 };

/** The portal's public API: anonymous searches under it are limited more tightly than the other public routes. */
export const portalApiPrefix = '/api/public/';

/** Whether a request carries a search text (a non-blank `q`). */
function hasSearchText(request: FastifyRequest): boolean {
  const q = (request.query as Record<string, unknown> | undefined)?.q;
  return (typeof q === 'string' && q.trim() !== '') || (Array.isArray(q) && q.some((v) => typeof v === 'string' && v.trim() !== ''));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The rate limit a sign-in route declares as `config.rateLimit`. */
    signInRateLimit: { max: number; timeWindow: number };
  }
}

/**
 * Per-address limits on the anonymous routes (@fastify/rate-limit), answering 429 {code: RATE_LIMITED} in Chinese.
 * Sign-in routes declare `config.rateLimit: app.signInRateLimit`; every other public route gets the generous
 * public limit. The counters live in process memory on purpose: they only slow a flood down; the failures that
 * lock an account for an address are counted in the database (login_throttles).
 * Anonymous searches on the portal (`/api/public/…?q=…`) share one tighter counter per address on top of the
 * route's public limit, since each one segments text and ranks rows (`searchPerMinute`).
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, limits: AnonymousRateLimits) => {
  const timeWindow = 60_000;
  app.decorate('signInRateLimit', { max: limits.signInPerMinute, timeWindow });
  app.addHook('onRoute', (route) => {
    // The web app's files (outside /api) are static and cacheable: an office behind one address loads dozens at once.
    if (!route.url.startsWith('/api/') || route.config?.permission !== 'public' || route.config.rateLimit !== undefined) return;
    route.config = { ...route.config, rateLimit: { max: limits.publicPerMinute, timeWindow } };
  });
  await app.register(rateLimit, {
    global: false,
    timeWindow,
    errorResponseBuilder: (_request, context) =>
      new AppError(ErrorCode.RateLimited, { message: `请求过于频繁，请${Math.ceil(context.ttl / 1000)}秒后再试` }),
  });
  const searchLimit = app.createRateLimit({
    max: limits.searchPerMinute ?? 60,
    timeWindow,
    // The session is resolved by the auth plugin's onRequest hook, which runs before route hooks.
    allowList: (request) => request.ctx?.actor != null || !hasSearchText(request),
  });
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(portalApiPrefix) || route.config?.permission !== 'public') return;
    const limitSearch = async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await searchLimit(request);
      if (result.isAllowed || !result.isExceeded) return;
      reply.header('retry-after', result.ttlInSeconds);
      throw new AppError(ErrorCode.RateLimited, { message: `搜索过于频繁，请${result.ttlInSeconds}秒后再试` });
    };
    route.onRequest = [...(Array.isArray(route.onRequest) ? route.onRequest : route.onRequest ? [route.onRequest] : []), limitSearch];
  });
});
