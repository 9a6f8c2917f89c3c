import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Expert, MySeat, Panel } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';
import { seedDemoPanels } from './experts-demo';
import { applications, calls, experts, organizations, panels, platformTypes } from '../schema/index';

describe('the demo experts', async () => {
  const t = await buildTestApp();
  const { db } = t.handle;
  const seeded = await seedDemo(db);
  const city = await t.login('city', demoPassword);
  const expert1 = await t.login('expert1', demoPassword);

  it('seeds about twenty demo experts, expert1 among them, with masked contact data for county staff', async () => {
    const list = await t.app.inject({ url: '/api/experts?limit=100', headers: { cookie: city } });
    const items = list.json().items as Expert[];
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(items.every((item) => item.isDemo)).toBe(true);
    expect(items.filter((item) => item.userId)).toHaveLength(1);
    const county = await t.login('xuanhan', demoPassword);
    const masked = (await t.app.inject({ url: '/api/experts?limit=100', headers: { cookie: county } })).json().items as Expert[];
    expect(masked.every((item) => item.isMasked && item.phone?.includes('****'))).toBe(true);
  });

  it('draws, scores and concludes panels for demo applications in review, leaving expert1 work to do', async () => {
    // The calls module seeds the demo applications; here two stand in for them.
    const [type] = await db.select().from(platformTypes).limit(1);
    const [host] = await db.select().from(organizations).where(eq(organizations.name, '演示·光电科技有限公司'));
    const [call] = await db
      .insert(calls)
      .values({
        title: '演示申报通知',
        year: 2026,
        regionId: seeded.regionIds.get('达州市')!,
        typeIds: [type!.id],
        opensOn: '2026-01-01',
        closesOn: '2026-12-31',
        status: 'open',
        isDemo: true,
      })
      .returning();
    const ids: string[] = [];
    for (const status of ['expert_review', 'recognized'] as const) {
      const [row] = await db
        .insert(applications)
        .values({
          callId: call!.id,
          typeId: type!.id,
          organizationId: host!.id,
          regionId: host!.regionId,
          platformName: `演示·光电平台（${status}）`,
          technicalFields: ['光电'],
          status,
          isDemo: true,
        })
        .returning();
      ids.push(row!.id);
    }
    // The demo's own applications (calls module) already have their panels; only these two are new.
    const result = await seedDemoPanels(db, seeded);
    expect(result.panels).toBe(2);
    expect(await db.select().from(panels).where(inArray(panels.applicationId, ids))).toHaveLength(2);

    const mine = ((await t.app.inject({ url: '/api/panels/mine', headers: { cookie: expert1 } })).json().items as MySeat[]).filter((seat) =>
      ids.includes(seat.application.id),
    );
    expect(mine.map((seat) => [seat.application.status, seat.status]).sort()).toEqual([
      ['expert_review', 'pending_declaration'],
      ['recognized', 'submitted'],
    ]);
    const concluded = mine.find((seat) => seat.application.status === 'recognized')!;
    const panel = (await t.app.inject({ url: `/api/panels/${concluded.panelId}`, headers: { cookie: city } })).json() as Panel;
    expect(panel.concludedAt).not.toBeNull();
    expect(panel.result.isComplete).toBe(true);
    // The host's own expert (杨高工, 演示·光电科技有限公司) is ruled out as 同单位.
    const [colleague] = await db.select().from(experts).where(eq(experts.organizationId, host!.id));
    expect(panel.excluded.find((entry) => entry.expertId === colleague!.id)?.reason).toBe('同单位');
  });

  it('still draws a panel when expert1 is ruled out (here: the applicant is expert1’s own university)', async () => {
    const [type] = await db.select().from(platformTypes).limit(1);
    const [university] = await db.select().from(organizations).where(eq(organizations.name, '四川文理学院'));
    const [call] = await db.select().from(calls).where(eq(calls.title, '演示申报通知'));
    const [application] = await db
      .insert(applications)
      .values({
        callId: call!.id,
        typeId: type!.id,
        organizationId: university!.id,
        regionId: university!.regionId,
        platformName: '演示·文理学院光电平台',
        technicalFields: ['光电'],
        status: 'expert_review',
        isDemo: true,
      })
      .returning();
    expect((await seedDemoPanels(db, seeded)).panels).toBe(1);
    const [panel] = await db.select().from(panels).where(eq(panels.applicationId, application!.id));
    const excluded = panel!.excluded as { name: string; reason: string }[];
    expect(excluded.find((entry) => entry.name === '刘教授（演示）')?.reason).toBe('同单位');
  });
});
