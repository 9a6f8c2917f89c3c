import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/build-test-app';
import { buildRegionTree, buildUser } from '../../../test/factories';
import { verifyAuditChain } from './audit.service';
import { canonicalJson } from './audit.chain';

const t = await buildTestApp();
const { db } = t.handle;

describe('the audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    const user = await buildUser(db, { role: 'expert' });
    await t.login(user.username);
    // Drizzle wraps the database's error; the trigger's message is in its cause.
    const refusal = (error: Error & { cause?: Error }) => /append-only/.test(`${error.message} ${error.cause?.message ?? ''}`);
    await expect(db.execute(sql`update audit_log set action = 'x'`)).rejects.toSatisfy(refusal);
    await expect(db.execute(sql`delete from audit_log`)).rejects.toSatisfy(refusal);
    await expect(db.execute(sql`truncate audit_log`)).rejects.toSatisfy(refusal);
  });

  it('records who, role, source IP, action, object and before/after for a mutation', async () => {
    const { province } = await buildRegionTree(db);
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const cookie = await t.login(sysadmin.username);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie },
      remoteAddress: '10.1.2.3',
      payload: { parentId: province.id, name: '新市', level: 'city' },
    });
    expect(created.statusCode).toBe(200);
    const auditor = await buildUser(db, { role: 'auditadmin' });
    const page = await t.app.inject({
      url: `/api/audit?objectId=${created.json().id}`,
      headers: { cookie: await t.login(auditor.username) },
    });
    expect(page.json().items[0]).toMatchObject({
      actorUsername: sysadmin.username,
      actorRole: 'sysadmin',
      sourceIp: '10.1.2.3',
      action: 'region.create',
      objectType: 'region',
      after: { name: '新市' },
    });
  });

  it('finds the first altered record and the first gap', async () => {
    expect((await verifyAuditChain(db)).intact).toBe(true);
    // Someone with SQL access switches the triggers off and edits record 3.
    await db.execute(sql`alter table audit_log disable trigger user`);
    await db.execute(sql`update audit_log set source_ip = '6.6.6.6' where seq = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: false, firstBrokenSeq: 3, reason: '记录内容与其签名不符' });
    await db.execute(sql`delete from audit_log where seq = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({ intact: false, firstBrokenSeq: 3, reason: '缺少序号 3 的记录' });
    await db.execute(sql`alter table audit_log enable trigger user`);
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });
});
