import { describe, expect, it } from 'vitest';
import type { Cockpit, PlatformCounts } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from '../../db/seed/demo';
import { todayInChina } from '../../shared/clock';
import {
  countRegisteredByCity,
  countRegisteredPlatforms,
  describeRegisteredPlatforms,
  recountInForceByGroup,
  sumRegistered,
} from '../targets/snapshot.repository';

/**
 * 在册 is defined once (registeredPlatformStatuses: not revoked or merged; deleted never count): the
 * platform overview, the cockpit and the start log give the same number on the demo data.
 */
const t = await buildTestApp();
const { db } = t.handle;
await seedDemo(db);

async function get<T>(url: string, username: string): Promise<T> {
  const cookie = await t.login(username, demoPassword);
  const response = await t.app.inject({ url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}

describe('在册平台 totals', () => {
  it('are the same number on the platform overview, the cockpit and the start log', async () => {
    const today = todayInChina();
    const log = await countRegisteredByCity(db, today);
    const startLog = log.cities.find((city) => city.name === '达州市')!.count;
    expect(await describeRegisteredPlatforms(db, today)).toContain(`达州市 ${startLog} 个`);
    expect(log.total).toBe(await countRegisteredPlatforms(db, today, undefined, { byRegionAndType: true }));
    const overview = await get<PlatformCounts>('/api/platforms/counts', 'city');
    const cockpit = await get<Cockpit>('/api/cockpit', 'city');
    expect(overview.registered).toBe(startLog);
    expect(cockpit.total.count).toBe(startLog);
    // The same definition recounted from the history, and the overview's all-status total is more (revoked and merged included).
    expect(sumRegistered(await recountInForceByGroup(db, today, undefined))).toBe(log.total);
    expect(overview.total).toBeGreaterThan(overview.registered);
    // The cockpit's figure opens exactly those platforms.
    const listed = await get<{ total: number }>(
      `/api/cockpit/platforms?${new URLSearchParams({ ...cockpit.total.link.query, limit: '1' })}`,
      'city',
    );
    expect(listed.total).toBe(startLog);
  });
});
