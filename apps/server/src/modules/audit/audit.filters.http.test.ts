import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildRegionTree, buildUser, unique } from '../../../test/factories';
import { systemContext } from '../../shared/context';
import { recordAudit, verifyAuditChain } from './audit.service';

const t = await buildTestApp();
const { db } = t.handle;
const auditor = await t.login((await buildUser(db, { role: 'auditadmin' })).username);

async function auditPage(query: string) {
  const response = await t.app.inject({ url: `/api/audit?limit=500&${query}`, headers: { cookie: auditor } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: AuditRecord[]; total: number };
}

/** Two system administrators; each creates a city, and the first renames its own. */
async function twoAdministratorsAtWork() {
  const { province } = await buildRegionTree(db);
  const alice = await buildUser(db, { role: 'sysadmin' });
  const bob = await buildUser(db, { role: 'sysadmin' });
  const create = async (username: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: await t.login(username) },
      payload: { parentId: province.id, name: unique('市'), level: 'city' },
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { id: string; version: number };
  };
  const aliceCity = await create(alice.username);
  const bobCity = await create(bob.username);
  const renamed = await t.app.inject({
    method: 'PATCH',
    url: `/api/regions/${aliceCity.id}`,
    headers: { cookie: await t.login(alice.username) },
    payload: { version: aliceCity.version, name: unique('新名') },
  });
  expect(renamed.statusCode, renamed.body).toBe(200);
  return { alice, bob, aliceCity, bobCity };
}

describe('filtering the audit trail', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists only the records of the actor asked for', async () => {
    const { alice, bob, aliceCity, bobCity } = await twoAdministratorsAtWork();
    const page = await auditPage(`actorUsername=${alice.username}`);
    expect(page.total).toBe(page.items.length);
    expect(new Set(page.items.map((r) => r.actorUsername))).toEqual(new Set([alice.username]));
    expect(page.items.map((r) => `${r.action} ${r.objectId}`)).toEqual(
      expect.arrayContaining([`region.create ${aliceCity.id}`, `region.update ${aliceCity.id}`]),
    );
    expect(page.items.map((r) => r.objectId)).not.toContain(bobCity.id);
    expect((await auditPage(`actorUsername=${bob.username}`)).items.map((r) => r.objectId)).toContain(bobCity.id);
    expect((await auditPage(`actorUsername=${unique('nobody')}`)).total).toBe(0);
  });

  it('lists only the records of the action asked for, combined with the actor', async () => {
    const { alice, aliceCity, bobCity } = await twoAdministratorsAtWork();
    const updates = await auditPage('action=region.update');
    expect(updates.items.length).toBeGreaterThan(0);
    expect(new Set(updates.items.map((r) => r.action))).toEqual(new Set(['region.update']));
    expect(updates.items.map((r) => r.objectId)).toContain(aliceCity.id);
    expect(updates.items.map((r) => r.objectId)).not.toContain(bobCity.id);

    const aliceCreates = await auditPage(`action=region.create&actorUsername=${alice.username}`);
    expect(aliceCreates.items.map((r) => r.objectId)).toEqual([aliceCity.id]);
    expect(aliceCreates.total).toBe(1);
  });

  it('lists only the records of the date range asked for, whole days in China time, both ends included', async () => {
    const objectType = unique('range').slice(0, 40);
    // Recorded at these instants; 2024-04-01 00:10 in China is still 31 March in UTC.
    const instants = ['2024-03-31T23:30:00+08:00', '2024-04-01T00:10:00+08:00', '2024-04-30T23:59:00+08:00', '2024-05-01T00:00:00+08:00'];
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const [index, instant] of instants.entries()) {
      vi.setSystemTime(new Date(instant));
      await db.transaction((tx) =>
        recordAudit(tx, systemContext(db), { action: 'test.mark', objectType, objectId: null, after: { index } }),
      );
    }
    vi.useRealTimers();
    const indexes = async (query: string) =>
      (await auditPage(`objectType=${objectType}&${query}`)).items.map((r) => (r.after as { index: number }).index).sort();

    expect(await indexes('from=2024-04-01&to=2024-04-30')).toEqual([1, 2]);
    expect(await indexes('from=2024-04-01')).toEqual([1, 2, 3]);
    expect(await indexes('to=2024-03-31')).toEqual([0]);
    expect(await indexes('from=2024-05-01&to=2024-05-01')).toEqual([3]);
    expect(await indexes('from=2024-06-01')).toEqual([]);
    const page = await auditPage(`objectType=${objectType}&from=2024-04-01&to=2024-04-30`);
    expect(page.total).toBe(2);
    expect((await verifyAuditChain(db)).intact).toBe(true);
  });
});
