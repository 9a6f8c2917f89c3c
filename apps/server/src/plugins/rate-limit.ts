import type { FastifyInstance } from 'fastify';
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
}

export const defaultAnonymousRateLimits: AnonymousRateLimits = { signInPerMinute: 20, publicPerMinute: 600 };

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
});
