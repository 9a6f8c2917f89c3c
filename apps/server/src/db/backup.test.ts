import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDb } from '../../test/test-db';
import { buildPlatform, buildRegionTree, buildUser } from '../../test/factories';
import { recordAudit, verifyAuditChain } from '../modules/audit/audit.service';
import { systemContext } from '../shared/context';
import { backupDatabase, restoreDatabase } from './backup';
import type { Database } from './client';

const folder = mkdtempSync(path.join(tmpdir(), 'stip-backup-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const source = await createTestDb();
afterAll(() => source.close());
const { city, countyA } = await buildRegionTree(source.db);
await buildUser(source.db, { role: 'city_staff', regionId: city.id });
await buildPlatform(source.db, { regionId: countyA.id });
for (const index of [1, 2, 3]) {
  await source.db.transaction((tx) =>
    recordAudit(
      tx,
      { ...systemContext(source.db), requestId: `req-${index}` },
      { action: 'test.mark', objectType: 'test', objectId: null, after: { index, note: '备份' } },
    ),
  );
}
const file = path.join(folder, 'stip.backup.gz');
const summary = await backupDatabase(source.db, file, { auditKeyId: 'k' });

type Rows<T> = { rows: T[] };
const rowsOf = <T>(result: unknown) => (result as Rows<T>).rows;

/** Every public table's rows as row_to_json text, sorted: the whole content, to compare two databases. */
async function contents(db: Database) {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  );
  const all: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const result = await db.execute(sql`select row_to_json(t)::text as j from ${sql.identifier(table_name)} t`);
    all[table_name] = rowsOf<{ j: string }>(result)
      .map((row) => row.j)
      .sort();
  }
  return all;
}

describe('backup and restore', () => {
  it('restores every record into an empty database, with the audit chain intact', async () => {
    expect(summary.trailer.tables.audit_log?.rows).toBe(3);
    expect(summary.trailer.tables.regions?.rows).toBeGreaterThanOrEqual(4);
    const target = await createTestDb();
    try {
      await restoreDatabase(target.db, file);
      expect(await contents(target.db)).toEqual(await contents(source.db));
      expect(await verifyAuditChain(target.db)).toMatchObject({ intact: true, checked: 3 });
      // Foreign keys are back to immediate checking after the restore.
      await expect(target.db.execute(sql`update users set region_id = gen_random_uuid()`)).rejects.toThrow();
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that holds data, and changes nothing', async () => {
    const target = await createTestDb();
    try {
      await buildRegionTree(target.db);
      await expect(restoreDatabase(target.db, file)).rejects.toThrow(/只能恢复到空数据库/);
      expect(rowsOf(await target.db.execute(sql`select count(*)::int as n from audit_log`))[0]).toEqual({ n: 0 });
    } finally {
      await target.close();
    }
  });

  it('refuses a backup whose rows were altered or cut short, keeping nothing', async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const altered = path.join(folder, 'altered.gz');
    writeFileSync(altered, gzipSync(text.replace('"备份"', '"改过"')));
    const cut = path.join(folder, 'cut.gz');
    writeFileSync(cut, gzipSync(text.split('\n').slice(0, -3).join('\n')));
    const target = await createTestDb();
    try {
      await expect(restoreDatabase(target.db, altered)).rejects.toThrow(/audit_log 的内容与校验信息不符/);
      await expect(restoreDatabase(target.db, cut)).rejects.toThrow(/备份文件不完整/);
      expect(rowsOf(await target.db.execute(sql`select count(*)::int as n from regions`))[0]).toEqual({ n: 0 });
    } finally {
      await target.close();
    }
  });
});
