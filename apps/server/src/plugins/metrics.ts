import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { count, max } from 'drizzle-orm';
import { ErrorCode } from '@stip/contracts';
import { AppError } from '../shared/app-error';
import { jobRuns } from '../db/schema/index';

export interface MetricsOptions {
  /** Bearer token that lets other hosts read /metrics (METRICS_TOKEN); without it only loopback may. */
  token?: string | undefined;
}

const loopback = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a request may read the metrics: with the bearer token, or from loopback itself. A request
 * that a proxy forwarded (X-Forwarded-For / Forwarded) is not local even when the proxy is, and the
 * socket's address is used rather than request.ip, which TRUST_PROXY lets a client choose.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  const authorization = request.headers.authorization;
  if (token && authorization?.startsWith('Bearer ')) return sameSecret(authorization.slice('Bearer '.length), token);
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && loopback.has(request.socket.remoteAddress ?? '');
}

/**
 * Prometheus metrics at GET /metrics: requests by method, route pattern and status (count and latency
 * histogram), the PostgreSQL pool, the daily job runs, and Node's process metrics (prom-client).
 */
export const metricsPlugin = fp(async (app: FastifyInstance, options: MetricsOptions) => {
  const register = new Registry();
  collectDefaultMetrics({ register });

  const requests = new Counter({
    name: 'stip_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [register],
  });
  const latency = new Histogram({
    name: 'stip_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [register],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The pattern (/api/platforms/:id), never the path, so the label set stays small.
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  const client = (app.db as unknown as { $client?: unknown }).$client;
  if (client instanceof pg.Pool) {
    const pool = client;
    new Gauge({
      name: 'stip_db_pool_connections',
      help: 'PostgreSQL pool connections by state (total, idle, waiting requests)',
      labelNames: ['state'] as const,
      registers: [register],
      collect() {
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }

  // Answers kept between requests (plugins/read-cache.ts), and whether this process hears the database's changes.
  if (app.hasDecorator('readCacheStats')) {
    const stats = app.readCacheStats;
    new Gauge({
      name: 'stip_read_cache_requests',
      help: 'Requests to routes whose answers may be kept, by outcome (hit: served again; miss: asked the database), and answers stored, since start',
      labelNames: ['outcome'] as const,
      registers: [register],
      collect() {
        this.set({ outcome: 'hit' }, stats.hits);
        this.set({ outcome: 'miss' }, stats.misses);
        this.set({ outcome: 'stored' }, stats.stored);
      },
    });
    new Gauge({
      name: 'stip_change_feed_listening',
      help: '1 while this process hears the database change notices its caches rely on; 0: every read asks the database',
      registers: [register],
      collect() {
        this.set(stats.listening() ? 1 : 0);
      },
    });
  }

  // Job runs are claimed in the database (one row per job and day), so any process reports them all.
  const jobRunGauge = new Gauge({
    name: 'stip_job_runs',
    help: 'Daily job runs recorded in the database, by job and outcome (finished or unfinished)',
    labelNames: ['job', 'outcome'] as const,
    registers: [register],
  });
  const lastJobRun = new Gauge({
    name: 'stip_job_last_run_timestamp_seconds',
    help: 'When each daily job last started (Unix time)',
    labelNames: ['job'] as const,
    registers: [register],
  });
  async function collectJobRuns() {
    const rows = await app.db
      .select({ job: jobRuns.job, runs: count(), finished: count(jobRuns.finishedAt), lastStarted: max(jobRuns.startedAt) })
      .from(jobRuns)
      .groupBy(jobRuns.job);
    jobRunGauge.reset();
    lastJobRun.reset();
    for (const row of rows) {
      jobRunGauge.set({ job: row.job, outcome: 'finished' }, row.finished);
      jobRunGauge.set({ job: row.job, outcome: 'unfinished' }, row.runs - row.finished);
      if (row.lastStarted) lastJobRun.set({ job: row.job }, new Date(row.lastStarted).getTime() / 1000);
    }
  }

  app.get('/metrics', { config: { permission: 'public' }, schema: { hide: true } }, async (request, reply) => {
    if (!mayReadMetrics(request, options.token)) {
      throw new AppError(ErrorCode.Forbidden, { message: '指标接口只对本机或持有 METRICS_TOKEN 的请求开放' });
    }
    await collectJobRuns();
    return reply.header('content-type', register.contentType).send(await register.metrics());
  });
});
