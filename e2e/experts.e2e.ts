import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, calls, organizations, panelMembers, panels, platformTypes, regions } from '../apps/server/src/db/schema/index';
import { seedDemoPanels } from '../apps/server/src/db/seed/experts-demo';
import { startStip, type Stip } from './harness';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

const platformName = '演示·光电检测技术市级工程技术研究中心（评审）';

/** An application in 专家评审 whose panel, drawn by the real rules, waits for expert1 (the calls module's demo adds its own). */
async function applicationAwaitingExpert1(): Promise<string> {
  const db = stip.db;
  const [city] = await db.select().from(regions).where(eq(regions.name, '达州市'));
  const [type] = await db.select().from(platformTypes).where(eq(platformTypes.name, '市级工程技术研究中心'));
  const [host] = await db.select().from(organizations).where(eq(organizations.name, '演示·光电科技有限公司'));
  const [call] = await db
    .insert(calls)
    .values({
      title: '演示·专家评审端到端测试通知',
      year: 2026,
      regionId: city!.id,
      typeIds: [type!.id],
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      status: 'closed',
      isDemo: true,
    })
    .returning();
  const [application] = await db
    .insert(applications)
    .values({
      callId: call!.id,
      typeId: type!.id,
      organizationId: host!.id,
      regionId: host!.regionId,
      platformName,
      technicalFields: ['光电'],
      status: 'expert_review',
      isDemo: true,
    })
    .returning();
  await seedDemoPanels(db, { regionIds: new Map([['达州市', city!.id]]), organizationIds: new Map() });
  return application!.id;
}

describe('an expert reviews an application', () => {
  it('expert1 finds the review in 我的评审, declares no conflict, scores on the rubric and submits', async () => {
    const applicationId = await applicationAwaitingExpert1();
    const page = await stip.newPage();
    await stip.login(page, 'expert1');
    await page.getByTestId('main-menu').getByText('我的评审').click();
    await page.waitForURL((url) => url.pathname === '/my-reviews');

    const row = page.locator('[data-testid=my-review-table] tr.ant-table-row').filter({ hasText: platformName });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getByTestId('seat-status').textContent()).toBe('待声明');
    await row.getByTestId('seat-declare').click();
    await page.getByTestId('declaration-no-conflict').click();
    await page.getByTestId('declaration-submit').click();

    // The score form opens once the declaration is in; a low score needs a comment before submission.
    const table = page.getByTestId('score-table');
    await expect.poll(() => table.isVisible()).toBe(true);
    const inputs = table.locator('input.ant-input-number-input');
    await expect.poll(() => inputs.count()).toBe(6);
    for (let i = 0; i < 6; i++) await inputs.nth(i).fill(i === 0 ? '50' : '85');
    await page.getByTestId('score-submit').click();
    await expect.poll(() => page.getByText('低于满分60%须填写评分说明').first().isVisible()).toBe(true);
    await table.locator('tr.ant-table-row').first().locator('input.ant-input').fill('研发投入偏低，需补充说明');
    await page.getByTestId('score-submit').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '提交评分' }).click();

    await expect.poll(() => row.getByTestId('seat-status').textContent()).toBe('已提交');
    const submitted = await stip.db
      .select({ total: panelMembers.submittedAt })
      .from(panelMembers)
      .innerJoin(panels, eq(panels.id, panelMembers.panelId))
      .where(and(eq(panels.applicationId, applicationId), isNotNull(panelMembers.submittedAt)));
    // The two other experts were scored by the demo seed; expert1 makes three.
    expect(submitted).toHaveLength(3);
  });
});
