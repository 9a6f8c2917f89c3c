import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type PGlite } from '@electric-sql/pglite';
import { createDb, type DbHandle } from '../src/db/client';

let pgliteTemplate: Promise<Blob> | null = null;

/** A migrated PGlite, dumped once per worker and loaded for each test database (much faster than migrating). */
function migratedPgliteDump(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const handle = await createDb({ dataDir: null });
    await handle.migrate();
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir('none');
    await handle.close();
    return dump;
  })();
  return pgliteTemplate;
}

/**
 * A fresh, migrated database for one test file: a PGlite instance by default, or — when
 * TEST_DATABASE_URL is set — a PostgreSQL database cloned from the migrated template.
 */
export async function createTestDb(): Promise<DbHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return createDb({ dataDir: null, loadDataDir: await migratedPgliteDump() });

  const template = inject('pgTemplate');
  if (!template) throw new Error('TEST_DATABASE_URL is set but the global setup made no template');
  const name = `stip_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const handle = await createDb({ url: testUrl.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await dropper.end();
    },
  };
}
