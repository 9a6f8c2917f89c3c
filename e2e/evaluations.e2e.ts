import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../apps/server/src/db/seed/accounts';
import { demoPassword, startStip, type Stip } from './harness';
import { withoutDemoMark } from '../apps/web/src/shared/format/demoName';

let stip: Stip;
beforeAll(async () => {
  stip = await startStip();
});
afterAll(async () => {
  await stip?.stop();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await stip.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** A platform type whose live platforms in 达州 are all operating, the fewest of them (so the round is short). */
async function pickType(): Promise<{ name: string; platforms: { id: string; name: string }[] }> {
  const [type] = await rows<{ id: string; name: string }>(sql`
    select pt.id, pt.name from platform_types pt
    join platform_versions v on v.type_id = pt.id and v.valid_to is null
    join platforms p on p.id = v.platform_id and p.deleted_at is null
    join regions r on r.id = v.region_id
    where r.path like (select path from regions where name = '达州市') || '%'
      and v.status in ('constructing', 'operating', 'rectifying')
    group by pt.id, pt.name
    having bool_and(v.status = 'operating') and count(*) <= 3
    order by count(*), pt.name
    limit 1`);
  const platforms = await rows<{ id: string; name: string }>(sql`
    select v.platform_id as id, v.name from platform_versions v
    join platforms p on p.id = v.platform_id and p.deleted_at is null
    join regions r on r.id = v.region_id
    where v.valid_to is null and v.type_id = ${type!.id} and v.status = 'operating'
      and r.path like (select path from regions where name = '达州市') || '%'
    order by v.name`);
  return { name: type!.name, platforms };
}

async function confirmPopover(page: Page) {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

describe('city staff and an evaluation round', () => {
  it('opens a round, records the experts’ scores, grades one platform 不合格, publishes and applies it: the platform is in 整改 until the host’s rectification passes the city’s check', async () => {
    const { name: typeName, platforms } = await pickType();
    expect(platforms.length).toBeGreaterThan(0);
    const failing = platforms[0]!;
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.getByTestId('main-menu').getByText('评估考核').click();
    await page.waitForURL((url) => url.pathname === '/evaluations');

    // Open the round over last year for the type.
    await page.getByTestId('round-create').click();
    const title = `端到端测试评估（${typeName}）`;
    await page.getByTestId('round-form-title').fill(title);
    await page.getByTestId('round-form-types').click();
    await page.keyboard.type(typeName);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await page.getByTestId('round-form-submit').click();
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);

    await page.getByTestId('round-action-startScoring').click();
    await confirmPopover(page);
    const resultRows = page.locator('[data-testid=result-table] tr.ant-table-row');
    await expect.poll(() => resultRows.count()).toBe(platforms.length);

    // The experts' scores: the first platform fails, the others do well.
    for (const platform of platforms) {
      const row = resultRows.filter({ hasText: platform.name });
      await row.getByTestId('result-score').click();
      await page.getByTestId('score-input').fill(platform.id === failing.id ? '10' : '95');
      await page.getByTestId('score-submit').click();
      await expect.poll(() => row.textContent()).toContain(platform.id === failing.id ? '10.00' : '95.00');
      await expect.poll(() => page.getByTestId('score-input').count()).toBe(0);
    }
    const failingRow = resultRows.filter({ hasText: failing.name });
    await expect.poll(() => failingRow.getByTestId('grade-tag').textContent()).toBe('不合格');

    await page.getByTestId('round-action-submitForReview').click();
    await confirmPopover(page);
    await expect.poll(() => failingRow.textContent()).toContain('整改');
    await page.getByTestId('round-action-publish').click();
    await confirmPopover(page);
    await expect.poll(() => page.getByTestId('round-action-apply').count()).toBe(1);
    await page.getByTestId('round-action-apply').click();
    await page.getByTestId('apply-confirm').click();
    await expect.poll(() => failingRow.getByTestId('result-platform-status').textContent()).toBe('整改');

    // The registry shows the platform in 整改, with the round as the reason in its history.
    await failingRow.getByTestId('result-platform').click();
    await page.waitForURL(/\/platforms\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('platform-descriptions').textContent()).toContain('整改');
    await page.getByTestId('platform-history-tab').click();
    await expect.poll(() => page.getByTestId('platform-history-entry').first().textContent()).toContain(title);

    // And a rectification waits for the host, with its deadline.
    const [rectification] = await rows<{ status: string }>(
      sql`select status from rectifications where platform_id = ${failing.id} and status = 'ordered'`,
    );
    expect(rectification?.status).toBe('ordered');
    // The host reports what was done; the city checks it and the platform operates again.
    const [hostRow] = await rows<{ id: string }>(
      sql`select host_organization_id as id from platform_versions where platform_id = ${failing.id} and valid_to is null`,
    );
    await seedUser(stip.db, { username: 'e2e-host', password: demoPassword, role: 'host_user', organizationId: hostRow!.id });
    const host = await stip.newPage();
    await stip.login(host, 'e2e-host');
    await host.getByTestId('main-menu').getByText('整改').click();
    await host.waitForURL((url) => url.pathname === '/rectifications');
    await host
      .getByTestId('rectification-link')
      .filter({ hasText: withoutDemoMark(failing.name) })
      .click();
    await host.getByTestId('rectification-action-submit').click();
    await host.getByTestId('rectification-note').fill('已补齐专职研究人员，新增授权专利2项');
    await host.getByTestId('rectification-confirm').click();
    await expect.poll(() => host.getByText('待核查').count()).toBeGreaterThan(0);

    await page.goto('/rectifications');
    await page
      .getByTestId('rectification-link')
      .filter({ hasText: withoutDemoMark(failing.name) })
      .click();
    await page.getByTestId('rectification-action-pass').click();
    await page.getByTestId('rectification-note').fill('整改到位');
    await page.getByTestId('rectification-confirm').click();
    await expect.poll(() => page.getByText('整改通过').count()).toBeGreaterThan(0);
    const [after] = await rows<{ status: string }>(
      sql`select status from platform_versions where platform_id = ${failing.id} and valid_to is null`,
    );
    expect(after!.status).toBe('operating');
  });

  it('lets city staff save the scoring formula as data, with a version', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.goto('/evaluation-formulas');
    await expect.poll(() => page.getByText('系统内置，尚未保存').count()).toBe(1);
    await page
      .getByRole('button', { name: /保\s*存/ })
      .first()
      .click();
    await expect.poll(() => page.getByText('第 1 版').count()).toBe(1);
    const [row] = await rows<{ n: number }>(sql`select count(*)::int as n from evaluation_formulas where type_id is null`);
    expect(row!.n).toBe(1);
  });
});
