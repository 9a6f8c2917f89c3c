import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from './db/client';
import { errorHandlerPlugin } from './plugins/error-handler';
import { authPlugin } from './plugins/auth';
import { openapiPlugin } from './plugins/openapi';
import { accountRoutes } from './modules/accounts/accounts.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { regionRoutes } from './modules/regions/regions.routes';
import { organizationRoutes } from './modules/organizations/organizations.routes';
import { taxonomyRoutes } from './modules/taxonomy/taxonomy.routes';
import { platformRoutes } from './modules/platforms/platforms.routes';
import { importRoutes } from './modules/imports/imports.routes';
import { planRoutes } from './modules/plans/plans.routes';
import { targetRoutes } from './modules/targets/targets.routes';
import { taskRoutes } from './modules/tasks/tasks.routes';
import { notificationRoutes } from './modules/notifications/notifications.routes';
import { cockpitRoutes } from './modules/cockpit/cockpit.routes';
import { policyIngestRoutes } from './modules/policy-ingest/policy-ingest.routes';
import { reportRoutes } from './modules/reports/reports.routes';
import { catalogueRoutes } from './modules/catalogues/catalogues.routes';

export interface BuildAppOptions {
  db: Database;
  /** Pino logger options; false in tests. */
  logger?: boolean | object;
  /** The built web app to serve at `/` (apps/web/dist); omitted when absent. */
  webRoot?: string | null;
  /** Trust X-Forwarded-For from a load balancer in front (TRUST_PROXY). */
  trustProxy?: boolean | string;
  /** Whether the instance holds demo data (shown on the login page). */
  demo?: boolean;
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

export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds the application with every plugin and module; never listens (tests inject into it). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', options.db);

  await app.register(errorHandlerPlugin);
  await app.register(authPlugin);
  await app.register(openapiPlugin);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });

  await app.register(
    async (api) => {
      await api.register(accountRoutes, { demo: options.demo ?? false });
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
