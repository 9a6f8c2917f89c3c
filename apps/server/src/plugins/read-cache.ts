import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ChangeFeed } from '../db/change-feed';
import { todayInChina } from '../shared/clock';
import { type LoadTicket, StampedCache } from '../shared/stamped-cache';
import { writeMethods } from './auth';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route's 200 answers may be kept and served again while no table is written (db/change-feed.ts). Only for
     * reads whose answer is a function of the URL, the actor's identity and scope, today's date in China and the
     * database: nothing else (no clock finer than the day, no other header).
     */
    readCache?: boolean;
    /**
     * A write route whose writes no kept answer shows (signing in: a session, the sign-in's time, throttles, the
     * second factor's state, the audit log): this process keeps its copies when the route answers. The notices of
     * the tables it writes still drop what they must.
     */
    keepsReadCache?: boolean;
  }
  interface FastifyInstance {
    /** How the kept answers fare, for /metrics. */
    readCacheStats: { hits: number; misses: number; stored: number; listening: () => boolean };
  }
  interface FastifyRequest {
    /** A cacheable read that missed: where its answer goes, and the stamp its load began with. */
    readCacheMiss?: { key: string; ticket: LoadTicket };
  }
}

export interface ReadCacheOptions {
  changeFeed: ChangeFeed;
  /** At most this many bytes of answers in all (READ_CACHE_MB); 0 keeps nothing. */
  maxBytes: number;
}

/**
 * Serves a cacheable route's answer again without running it, after the route's permission check and input
 * validation (a hit skips the handler alone), keyed by the URL, the actor and China's day.
 *
 * Correctness rests on the change feed: an entry is dropped on the first notice that any table was written, and this
 * process's own write requests move the feed's stamps before their answer leaves, so a user never reads the list
 * from before the change they just made (but for routes that declare `keepsReadCache`: signing in). Another process's change arrives as PostgreSQL's notice, milliseconds after
 * its commit. Answers are per user: two users never share an entry, whatever their scopes.
 */
export const readCachePlugin = fp(async (app: FastifyInstance, options: ReadCacheOptions) => {
  const { changeFeed } = options;
  const cache = new StampedCache<{ body: string }>(changeFeed, {
    max: 5_000,
    maxSize: Math.max(1, options.maxBytes),
    // V8 keeps a string with any Chinese character at two bytes a character; the key (with its URL) counts too.
    sizeOf: (entry, key) => (entry.body.length + key.length) * 2,
  });
  const enabled = options.maxBytes > 0;
  const stats = { hits: 0, misses: 0, stored: 0, listening: () => changeFeed.listening };
  app.decorate('readCacheStats', stats);

  app.addHook('preHandler', async (request, reply) => {
    if (!enabled || request.method !== 'GET' || !request.routeOptions.config?.readCache) return;
    const actor = request.ctx.actor;
    if (!actor) return;
    const key = `${actor.userId}|${actor.role}|${actor.regionPath ?? ''}|${actor.organizationId ?? ''}|${todayInChina()}|${request.url}`;
    const hit = cache.get(key);
    if (hit) {
      stats.hits += 1;
      return reply.header('x-stip-cache', 'hit').type('application/json; charset=utf-8').send(hit.body);
    }
    stats.misses += 1;
    request.readCacheMiss = { key, ticket: cache.begin() };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (writeMethods.has(request.method) && !request.routeOptions.config?.keepsReadCache) {
      // This request may have written: nothing cached before its answer is served after it (by this process).
      changeFeed.changedLocally();
      return payload;
    }
    const miss = request.readCacheMiss;
    if (miss && reply.statusCode === 200 && typeof payload === 'string') {
      if (cache.set(miss.key, { body: payload }, miss.ticket)) stats.stored += 1;
      reply.header('x-stip-cache', 'miss');
    }
    return payload;
  });
});
