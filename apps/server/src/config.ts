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
  const demo = flag(env.STIP_DEMO, true);
  return {
    /** postgres://… to use a PostgreSQL server; unset for the embedded database. */
    databaseUrl: env.DATABASE_URL || undefined,
    /** The embedded database's folder (default ./data at the repository root). */
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repositoryRoot, 'data')),
    port,
    /**
     * Where to listen. With demo data on, only this machine (127.0.0.1) unless HOST is set: the demo's three
     * administrators share a published password. Otherwise every address (0.0.0.0).
     */
    host: env.HOST || (demo ? '127.0.0.1' : '0.0.0.0'),
    /** Load demo data into an empty database on first start (STIP_DEMO=off for production). */
    demo,
    trustProxy: flag(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'info',
    /** Run the daily jobs (reminders, overdue marking) in this process (JOBS=off on extra replicas is optional: runs are claimed once per day). */
    jobs: flag(env.JOBS, true),
  };
}
export type Config = ReturnType<typeof readConfig>;
