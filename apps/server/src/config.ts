import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'off', 'no'].includes(value.toLowerCase());
}

/** Everything STIP reads from the environment, read in one place. */
export function readConfig(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    /** postgres://… to use a PostgreSQL server; unset for the embedded database. */
    databaseUrl: env.DATABASE_URL || undefined,
    /** The embedded database's folder (default ./data at the repository root). */
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repositoryRoot, 'data')),
    port,
    host: env.HOST ?? '0.0.0.0',
    /** Load demo data into an empty database on first start (STIP_DEMO=off for production). */
    demo: flag(env.STIP_DEMO, true),
    trustProxy: flag(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    /** Run the daily jobs (reminders, overdue marking) in this process (JOBS=off on extra replicas is optional: runs are claimed once per day). */
    jobs: flag(env.JOBS, true),
    /** Keys the audit chain (AUDIT_KEY, ≥ 32 characters); unset: DATA_DIR/audit.key, made on first start. Same on every app server. */
    auditKey: env.AUDIT_KEY || undefined,
    /** Bearer token that lets other hosts read GET /metrics (METRICS_TOKEN); without it only loopback may. */
    metricsToken: env.METRICS_TOKEN || undefined,
  };
}
export type Config = ReturnType<typeof readConfig>;
