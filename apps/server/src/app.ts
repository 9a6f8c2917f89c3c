import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { type ChangeFeed, deafChangeFeed, startChangeFeed } from './db/change-feed';
import type { Database } from './db/client';
import { errorHandlerPlugin } from './plugins/error-handler';
import { type AuthOptions, authPlugin } from './plugins/auth';
import { openapiPlugin } from './plugins/openapi';
import { type AnonymousRateLimits, defaultAnonymousRateLimits, rateLimitPlugin } from './plugins/rate-limit';
import { metricsPlugin } from './plugins/metrics';
import { readCachePlugin } from './plugins/read-cache';
import { accountRoutes } from './modules/accounts';
import { auditRoutes } from './modules/audit';
import { regionRoutes } from './modules/regions';
import { organizationRoutes } from './modules/organizations';
import { taxonomyRoutes } from './modules/taxonomy';
import { platformRoutes } from './modules/platforms';
import { importRoutes } from './modules/imports';
import { planRoutes } from './modules/plans';
import { targetRoutes } from './modules/targets';
import { taskRoutes } from './modules/tasks';
import { notificationRoutes } from './modules/notifications';
import { cockpitRoutes } from './modules/cockpit';
import { policyIngestRoutes } from './modules/policy-ingest';
import { twoFactorRoutes } from './modules/accounts';
import { reportRoutes } from './modules/reports';
import { catalogueRoutes } from './modules/catalogues';
import { todoRoutes } from './modules/todos';
import { fundingRoutes } from './modules/funding';
import { callRoutes } from './modules/calls';
import { annualReportRoutes } from './modules/annual-reports';
import { expertRoutes } from './modules/experts';
import { evaluationRoutes } from './modules/evaluations';
import { searchPublicRoutes, searchRoutes } from './modules/search';
import { achievementRoutes } from './modules/achievements';
import { demandRoutes } from './modules/demands';
import { challengeRoutes } from './modules/challenges';
import { matchingRoutes } from './modules/matching';
import { technologyContractRoutes } from './modules/technology-contracts';
import { portalRoutes } from './modules/portal';

export interface BuildAppOptions {
  db: Database;
  /** Pino logger options; false in tests. */
  logger?: boolean | object;
  /** The built web app to serve at `/` (apps/web/dist); omitted when absent. */
  webRoot?: string | null;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY): a hop count or a list of proxy addresses/CIDRs; never everyone. */
  trustProxy?: false | number | string[];
  /** Session cookie, Origin check and session lifetime settings (COOKIE_SECURE, PUBLIC_ORIGIN, SESSION_MAX_HOURS). */
  auth?: AuthOptions;
  /** Send Strict-Transport-Security (HSTS=on): only when every user reaches STIP by https. */
  hsts?: boolean;
  /** Whether the instance holds demo data (shown on the login page). */
  demo?: boolean;
  /** Whether the three administrators must sign in with a second factor (default: unless a demo instance). */
  requireAdministratorTwoFactor?: boolean;
  /** Per-address request limits on the anonymous routes (defaults in plugins/rate-limit.ts). */
  anonymousRateLimits?: AnonymousRateLimits;
  /** Bearer token for GET /metrics from other hosts (METRICS_TOKEN); without it only loopback may read it. */
  metricsToken?: string | undefined;
  /**
   * Megabytes of read answers this process may keep between requests (READ_CACHE_MB, default 32); 0 keeps none and
   * asks the database for every session too. See plugins/read-cache.ts and db/change-feed.ts.
   */
  readCacheMb?: number;
}

/** READ_CACHE_MB's default. */
export const defaultReadCacheMb = 32;

const safeRequestId = /^[A-Za-z0-9._:-]{1,64}$/;

/** The request's id: an incoming X-Request-Id when it is a short safe token (a proxy's), else a new UUID. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && safeRequestId.test(header) ? header : randomUUID();
}

/** Whether `relative` names a file inside `root` (never outside it, never a folder). */
function isFileUnder(root: string, relative: string): boolean {
  const full = resolve(root, relative);
  if (!full.startsWith(resolve(root) + sep)) return false;
  try {
    return statSync(full).isFile();
  } catch {
    return false;
  }
}

/**
 * What the built web app needs and nothing more: its own scripts only (Vite emits no inline script), inline
 * styles (Ant Design and ECharts write style attributes and CSS-in-JS <style> tags), data:/blob: images
 * (icons, chart exports), and no framing by other sites. No upgrade-insecure-requests: STIP often runs on a
 * plain-http intranet address, where that directive would break every asset.
 */
export const contentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Fastify's own hop-count setting trusts no one (it cannot check the peer), so a hop count becomes the
 * function proxy-addr asks for each hop: the socket peer is hop 0, and the first `hops` addresses are our proxies.
 */
function trustProxySetting(trustProxy: BuildAppOptions['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy === 'number') return trustProxy > 0 ? (_address, hop) => hop < trustProxy : false;
  return trustProxy ?? false;
}

/** Builds the application with every plugin and module; never listens (tests inject into it). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: trustProxySetting(options.trustProxy),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Logged with every line of the request (reqId), answered as X-Request-Id, kept in its audit records.
    genReqId: (request) => requestIdFor(request.headers['x-request-id']),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);
  // What the process hears of the database's writes, so reads may be kept until one changes what they read.
  const readCacheMb = options.readCacheMb ?? defaultReadCacheMb;
  const changeFeed: ChangeFeed = readCacheMb > 0 ? await startChangeFeed(options.db) : deafChangeFeed;
  app.addHook('onClose', async () => changeFeed.close());
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandlerPlugin);
  // Helmet's headers, built once: @fastify/helmet builds the whole middleware again for every request (its CSP
  // parsed and validated each time), which a CPU profile of the registry list showed among the largest costs.
  const securityHeaders = helmet({
    contentSecurityPolicy,
    hsts: options.hsts ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
  await app.register(authPlugin, { ...options.auth, changeFeed });
  await app.register(readCachePlugin, { changeFeed, maxBytes: Math.floor(readCacheMb * 1024 * 1024) });
  await app.register(rateLimitPlugin, options.anonymousRateLimits ?? defaultAnonymousRateLimits);
  await app.register(openapiPlugin);
  await app.register(metricsPlugin, { token: options.metricsToken });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });

  await app.register(
    async (api) => {
      const twoFactor = { administratorsMustEnrol: options.requireAdministratorTwoFactor ?? !options.demo };
      await api.register(accountRoutes, { demo: options.demo ?? false, twoFactor });
      await api.register(twoFactorRoutes, { policy: twoFactor });
      await api.register(auditRoutes);
      await api.register(regionRoutes);
      await api.register(organizationRoutes);
      await api.register(taxonomyRoutes);
      await api.register(platformRoutes);
      await api.register(importRoutes);
      await api.register(planRoutes);
      await api.register(targetRoutes);
      await api.register(taskRoutes);
      await api.register(notificationRoutes);
      await api.register(cockpitRoutes);
      await api.register(policyIngestRoutes);
      await api.register(reportRoutes);
      await api.register(catalogueRoutes);
      await api.register(todoRoutes);
      await api.register(fundingRoutes);
      await api.register(callRoutes);
      await api.register(annualReportRoutes);
      await api.register(expertRoutes);
      await api.register(evaluationRoutes);
      await api.register(searchRoutes);
      await api.register(searchPublicRoutes);
      await api.register(achievementRoutes);
      await api.register(demandRoutes);
      await api.register(challengeRoutes);
      await api.register(matchingRoutes);
      await api.register(technologyContractRoutes);
      await api.register(portalRoutes);
      api.get('/health', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({ ok: true }));
    },
    { prefix: '/api' },
  );
  app.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, serve: false });
    // The single-page app: any non-API path answers index.html, assets answer themselves.
    app.get('/*', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const path = (request.params as { '*': string })['*'];
      if (path.startsWith('api/')) return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
      if (path && isFileUnder(webRoot, path)) {
        // Vite names built assets by content hash, so they never change under the same name.
        if (path.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(path);
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    });
  }
  return app;
}
