import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestDb } from '../../../test/test-db';
import type { DbHandle } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import { systemContext } from '../../shared/context';
import { genesisHash, legacyChainHash } from './audit.chain';
import { auditKeyFrom, auditTrailSettings, configureAuditTrail, loadAuditKey, type AuditTrailSettings } from './audit.key';
import { recordAudit, verifyAuditChain, writeAuditCheckpoint } from './audit.service';

const folder = mkdtempSync(path.join(tmpdir(), 'stip-audit-key-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const processSettings = auditTrailSettings();
afterAll(() => configureAuditTrail(processSettings));

let handle: DbHandle;
let settings: AuditTrailSettings;
beforeEach(async () => {
  handle = await createTestDb();
  settings = { key: auditKeyFrom(randomBytes(32)), checkpointFile: path.join(folder, `${randomBytes(4).toString('hex')}.checkpoints`) };
  configureAuditTrail(settings);
});
afterEach(() => handle.close());

async function record(count: number) {
  const { db } = handle;
  for (let index = 1; index <= count; index++) {
    await db.transaction((tx) =>
      recordAudit(tx, systemContext(db), { action: 'test.mark', objectType: 'test', objectId: null, after: { index } }),
    );
  }
}

/** What a superuser does: the triggers off for this transaction only (session_replication_role), then any SQL. */
async function asSuperuser(work: (run: (query: ReturnType<typeof sql>) => Promise<unknown>) => Promise<void>) {
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await work((query) => tx.execute(query));
  });
}

/** Rewrites record `from` onwards with the unkeyed hash function anyone can run, as an attacker would. */
async function rewriteWithPlainHash(from: number, change: (after: unknown, seq: number) => unknown) {
  const rows = await handle.db.select().from(auditLog).orderBy(asc(auditLog.seq));
  let prevHash = rows.find((row) => row.seq === from - 1)?.hash ?? genesisHash;
  await asSuperuser(async (run) => {
    for (const row of rows.filter((r) => r.seq >= from)) {
      const after = change(row.after, row.seq);
      const hash = legacyChainHash(prevHash, { ...row, after, requestId: null });
      await run(
        sql`update audit_log set after = ${JSON.stringify(after)}::jsonb, prev_hash = ${prevHash}, hash = ${hash}, hash_alg = 'sha256', key_id = null, request_id = null where seq = ${row.seq}`,
      );
      prevHash = hash;
    }
  });
}

describe('the keyed audit chain', () => {
  it('signs each record with the audit key and finds the chain intact', async () => {
    await record(3);
    const rows = await handle.db.select().from(auditLog);
    expect(rows.every((row) => row.hashAlg === 'hmac-sha256' && row.keyId === settings.key.id)).toBe(true);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, checked: 3 });
  });

  it('reports a record rewritten and the rest of the chain recomputed with the plain hash function', async () => {
    await record(4);
    await rewriteWithPlainHash(2, (after, seq) => (seq === 2 ? { index: 20 } : after));
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: false, firstBrokenSeq: 2 });
  });

  it('reports the whole chain recomputed with the plain hash function once a checkpoint vouches for it', async () => {
    await record(3);
    await writeAuditCheckpoint(handle.db);
    await rewriteWithPlainHash(1, (after, seq) => (seq === 2 ? { index: 20 } : after));
    // The checkpoint vouches for record 3, whose recomputed hash no longer matches it.
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      intact: false,
      firstBrokenSeq: 3,
      reason: '记录与签名检查点不符（链被重写）',
    });
  });

  it('reports a record re-hashed in place without the key', async () => {
    await record(3);
    await asSuperuser(async (run) => {
      await run(sql`update audit_log set after = '{"index": 20}'::jsonb where seq = 3`);
    });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: false, firstBrokenSeq: 3, reason: '记录内容与其签名不符' });
  });

  it('reports the newest records deleted with the trigger switched off', async () => {
    await record(5);
    await writeAuditCheckpoint(handle.db);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, checkpointSeq: 5 });
    await asSuperuser(async (run) => {
      await run(sql`delete from audit_log where seq >= 4`);
    });
    expect(await verifyAuditChain(handle.db)).toMatchObject({
      intact: false,
      firstBrokenSeq: 4,
      reason: '末尾的记录被删除：签名检查点记录到第 5 条，审计链只到第 3 条',
    });
  });

  it('refuses a checkpoint line forged without the key', async () => {
    await record(2);
    await writeAuditCheckpoint(handle.db);
    const line = JSON.parse(readFileSync(settings.checkpointFile!, 'utf8').trim()) as { seq: number };
    writeFileSync(settings.checkpointFile!, `${JSON.stringify({ ...line, seq: 1 })}\n`);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: false, reason: '检查点文件第 1 行的签名无效' });
  });

  it('says when the records were signed with another key', async () => {
    await record(2);
    const other = { key: auditKeyFrom(randomBytes(32)), checkpointFile: null };
    expect((await verifyAuditChain(handle.db, other)).reason).toMatch(/^记录由另一把审计密钥签名/);
  });

  it('still verifies the unkeyed records of an upgraded instance, followed by keyed ones', async () => {
    await record(3);
    // The instance before the upgrade: records 1–3 carry the plain hash (and no request id).
    await rewriteWithPlainHash(1, (after) => after);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, checked: 3 });
    await writeAuditCheckpoint(handle.db);
    await record(2);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: true, checked: 5 });
    // An unkeyed record after keyed ones can only be a forgery.
    await rewriteWithPlainHash(5, (after) => after);
    expect(await verifyAuditChain(handle.db)).toMatchObject({ intact: false, firstBrokenSeq: 5 });
  });

  it('keeps the request id in the keyed record', async () => {
    const { db } = handle;
    await db.transaction((tx) =>
      recordAudit(tx, { ...systemContext(db), requestId: 'req-42' }, { action: 'test.mark', objectType: 'test', objectId: null }),
    );
    await asSuperuser(async (run) => {
      await run(sql`update audit_log set request_id = 'req-43'`);
    });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, 1));
    expect(row?.requestId).toBe('req-43');
    expect(await verifyAuditChain(db)).toMatchObject({ intact: false, reason: '记录内容与其签名不符' });
  });
});

describe('the audit key', () => {
  it('is made once in the data folder with mode 0600 and read back the same', async () => {
    const dataDir = path.join(folder, 'data');
    const first = await loadAuditKey({ dataDir });
    const second = await loadAuditKey({ dataDir });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.key.id).toBe(first.key.id);
    expect(first.warning).toBeNull();
  });

  it('comes from AUDIT_KEY when set, and refuses one too short', async () => {
    const fromEnv = await loadAuditKey({ envKey: 'x'.repeat(40), dataDir: path.join(folder, 'unused') });
    expect(fromEnv.source).toBe('AUDIT_KEY');
    await expect(loadAuditKey({ envKey: 'short', dataDir: folder })).rejects.toThrow(/太短/);
  });
});
