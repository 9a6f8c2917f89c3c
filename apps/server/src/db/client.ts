import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** What a repository runs its SQL on: the database, or the caller's transaction. */
export type Executor = Database | Transaction;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the embedded database keeps its files (PGlite only; null when in memory). */
  dataDir: string | null;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** postgres://… to use a PostgreSQL server; otherwise the embedded PGlite. */
  url?: string | undefined;
  /** PostgreSQL connections per process (DB_POOL_SIZE; default 10). */
  poolSize?: number;
  /** PGlite data folder; omitted or null keeps the database in memory (tests). */
  dataDir?: string | null;
  /** Hold an exclusive lock on the data folder so a second process cannot open it (default true). */
  lockDataDir?: boolean;
  /** Load a PGlite data dump (a migrated template) instead of starting empty. */
  loadDataDir?: Blob | File;
}

/** Opens the database: node-postgres when a URL is given, PGlite otherwise. */
export async function createDb(options: CreateDbOptions = {}): Promise<DbHandle> {
  if (options.url) return createPostgres(options.url, options.poolSize ?? 10);
  return createPglite(options);
}

async function createPostgres(url: string, poolSize: number): Promise<DbHandle> {
  // JIT compilation off for the app's connections (a startup option, so no statement runs before the first
  // query): measured on the benchmark's registry, JIT spent 8 s compiling a target-progress query that executes in
  // well under a second, and STIP's aggregate reads are short scans whose plans it never pays back. Once per
  // connection rather than `set local` in a transaction around each read, which cost the cockpit three extra
  // round trips for each of its counts. An `options` parameter in DATABASE_URL takes precedence. PGlite has no JIT.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c jit=off' });
  // An idle client whose server connection ends (a restart, an administrator terminating it) is
  // dropped from the pool and replaced on next use; without this listener pg would crash the process.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`);
  });
  const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    dataDir: null,
    async migrate() {
      // Several app processes may start at once against one server: migrate under an advisory lock.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(7426001)');
        await migratePg(drizzlePg(client, { schema, casing: 'snake_case' }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(7426001)').catch(() => undefined);
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function createPglite(options: CreateDbOptions): Promise<DbHandle> {
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : null;
  let lock: DataDirLock | null = null;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    if (options.lockDataDir !== false) lock = await acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dataDir ? path.join(dataDir, 'pglite') : undefined,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    dataDir,
    async migrate() {
      await migratePglite(drizzlePglite(client, { schema, casing: 'snake_case' }), { migrationsFolder });
    },
    async close() {
      await client.close();
      await lock?.release();
    },
  };
}
