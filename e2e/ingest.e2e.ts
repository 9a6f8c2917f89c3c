import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../apps/server/src/db/seed/credit-codes';
import { todayInChina } from '../apps/server/src/shared/clock';
import { startStip, type Stip } from './harness';

const seedsDir = process.env.STIP_SEEDS_DIR ?? fileURLToPath(new URL('../packages/policy-ingest/test/seeds/', import.meta.url));

function seedPath(number: string): string {
  const file = existsSync(seedsDir) ? readdirSync(seedsDir).find((name) => name.startsWith(`${number}_`)) : undefined;
  if (!file) throw new Error(`seed ${number}_*.txt not found in ${seedsDir} (set STIP_SEEDS_DIR)`);
  return path.join(seedsDir, file);
}

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

/** The live 市级重点实验室 in 达州's subtree on `day`, counted straight from the registry's version tables. */
async function countLiveCityLaboratoriesInDazhou(day: string): Promise<number> {
  const [row] = await rows<{ n: number }>(sql`
    select count(*)::int as n
    from platform_versions v
    join platforms p on p.id = v.platform_id
    join platform_types pt on pt.id = v.type_id
    join regions r on r.id = v.region_id
    where v.valid_from <= ${day}::date and (v.valid_to is null or v.valid_to > ${day}::date)
      and p.deleted_at is null and pt.name = '市级重点实验室'
      and v.status in ('constructing', 'operating', 'rectifying')
      and r.path like (select path from regions where name = '达州市') || '%'`);
  return row!.n;
}

/** The input behind an antd control (date picker, upload), whichever element carries its test id. */
async function inputOf(page: Page, testId: string): Promise<Locator> {
  const control = page.getByTestId(testId);
  return (await control.evaluate((element) => element.tagName)) === 'INPUT' ? control : control.locator('input').first();
}

const planTitle = '达州市科技创新平台体系建设实施方案（导入测试）';
const cityLabPhrase = '市级重点实验室15家以上';

describe('a city user imports a plan document', () => {
  it('uploads seed 000, reviews it beside the source, confirms, and sees its targets in the cockpit', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.getByTestId('main-menu').getByText('导入政策文件').click();
    await page.waitForURL((url) => url.pathname === '/plans/ingest');

    // Step 1: the file and its date.
    await page.getByTestId('ingest-extract').waitFor();
    await (await inputOf(page, 'ingest-upload')).setInputFiles(seedPath('000'));
    await expect.poll(() => page.getByTestId('ingest-file').textContent()).toContain('000_');
    const date = await inputOf(page, 'ingest-date');
    await date.click();
    await date.fill('2021-04-15');
    await date.press('Enter');
    await page.getByTestId('ingest-extract').click();

    // Step 2: targets and tasks beside the highlighted source.
    const targetRows = page.locator('[data-testid=ingest-targets] [data-testid=ingest-target-row]');
    await expect.poll(() => targetRows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(15);
    await expect.poll(() => page.getByTestId('ingest-plan-title').inputValue()).toBe('达州市科技创新平台体系建设实施方案');
    expect(await page.getByTestId('ingest-highlight').count()).toBeGreaterThan(15);

    const subjects = await page
      .getByTestId('ingest-target-subject')
      .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
    const cityLab = subjects.indexOf(cityLabPhrase);
    expect(cityLab).toBeGreaterThanOrEqual(0);
    const cityLabRow = targetRows.nth(cityLab);
    // The suggestion is filled in: the type of that name and level.
    expect(await cityLabRow.textContent()).toContain('市级重点实验室 · 市级');
    // Hovering the item emphasises its phrase in the source and scrolls it into the pane.
    await cityLabRow.hover();
    const active = page.locator('[data-testid=ingest-source] .stip-ingest-mark.is-active');
    await expect.poll(() => active.first().textContent()).toBe(cityLabPhrase);
    const visible = await active.first().evaluate((mark) => {
      const pane = mark.closest('[data-testid=ingest-source]')!;
      const markBox = mark.getBoundingClientRect();
      const paneBox = pane.getBoundingClientRect();
      return markBox.top >= paneBox.top && markBox.bottom <= paneBox.bottom;
    });
    expect(visible).toBe(true);

    await page.getByTestId('ingest-tab-tasks').click();
    const taskRows = page.locator('[data-testid=ingest-tasks] [data-testid=ingest-task-row]');
    await expect.poll(() => taskRows.count()).toBeGreaterThanOrEqual(20);
    // Every unit name maps to a registered unit (市科技局 → 达州市科学技术局, 各县（市、区）人民政府 → each county's).
    await page.getByTestId('ingest-tab-units').click();
    const unitRows = page.locator('[data-testid=ingest-units] [data-testid=ingest-unit-row]');
    await expect.poll(() => unitRows.count()).toBeGreaterThan(10);
    const keju = unitRows.filter({ hasText: '市科技局' }).first();
    expect(await keju.textContent()).toContain('达州市科学技术局');
    expect(await unitRows.filter({ hasText: '未匹配' }).count()).toBe(0);

    await page.getByTestId('ingest-plan-title').fill(planTitle);
    const targetCount = await targetRows.count();
    const taskCount = await taskRows.count();

    // Step 3: confirm, and the new plan opens.
    await page.getByTestId('ingest-confirm').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    const [plan] = await rows<{ title: string; targets: number; tasks: number }>(sql`
      select title,
        (select count(*)::int from targets where plan_id = p.id and deleted_at is null) as targets,
        (select count(*)::int from tasks where plan_id = p.id and deleted_at is null) as tasks
      from plans p where id = ${planId}`);
    expect(plan).toEqual({ title: planTitle, targets: targetCount, tasks: taskCount });

    // The cockpit, for this plan: its targets with their figures from the registry.
    await page.goto(`/cockpit?planId=${planId}`);
    const cockpitTargets = page.getByTestId('cockpit-target');
    await expect.poll(() => cockpitTargets.count(), { timeout: 20_000 }).toBe(targetCount);
    const target = cockpitTargets.filter({ hasText: cityLabPhrase });
    await expect.poll(() => target.count()).toBe(1);
    const [deadline] = await rows<{ deadline: string }>(sql`
      select deadline::text as deadline from targets where plan_id = ${planId} and subject = ${cityLabPhrase}`);
    expect(deadline!.deadline).toBe('2025-12-31');
    const today = todayInChina();
    const day = today > deadline!.deadline ? deadline!.deadline : today;
    const shown = Number((await target.getByTestId('cockpit-target-current').textContent())!.trim());
    expect(shown).toBe(await countLiveCityLaboratoriesInDazhou(day));
    expect(shown).toBeGreaterThan(1);
  });

  it('pastes a short plan, creates the one unit the register lacks, and confirms', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    await page.goto('/plans/ingest');
    await page
      .getByTestId('ingest-paste')
      .fill(
        [
          '达州市科学技术局关于印发《2024年达州市科技平台建设工作要点》的通知',
          '一、主要目标',
          '2024年，全市新建市级重点实验室5家以上。',
          '二、重点任务',
          '1．建设市级重点实验室。围绕重点产业，新建市级重点实验室5家以上。（牵头单位：市科技局，参与单位：市数据局）',
        ].join('\n\n'),
      );
    const date = await inputOf(page, 'ingest-date');
    await date.click();
    await date.fill('2024-03-01');
    await date.press('Enter');
    await page.getByTestId('ingest-extract').click();
    await expect.poll(() => page.getByTestId('ingest-target-row').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('ingest-plan-title').inputValue()).toBe('2024年达州市科技平台建设工作要点');

    // 市数据局 is not registered: confirming is refused until it is mapped.
    await page.getByTestId('ingest-confirm').click();
    await expect.poll(() => page.getByTestId('ingest-problems').textContent()).toContain('市数据局');

    await page.getByTestId('ingest-tab-units').click();
    const row = page.getByTestId('ingest-unit-row').filter({ hasText: '市数据局' });
    await row.getByTestId('ingest-unit-action').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '新建单位' }).click();
    await row.getByTestId('ingest-unit-credit-code').fill(makeCreditCode('e2e|市数据局', '511700', '11'));
    await page.getByTestId('ingest-confirm').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const planId = new URL(page.url()).pathname.split('/').pop()!;

    const units = await rows<{ name: string; role: string; kind: string; region: string }>(sql`
      select o.name, tu.role::text as role, o.kind::text as kind, r.name as region
      from tasks t join task_units tu on tu.task_id = t.id join organizations o on o.id = tu.organization_id join regions r on r.id = o.region_id
      where t.plan_id = ${planId} order by tu.role, o.name`);
    expect(units).toEqual([
      { name: '达州市科学技术局', role: 'lead', kind: 'department', region: '达州市' },
      { name: '市数据局', role: 'participant', kind: 'department', region: '达州市' },
    ]);
    // 新建 counts additions from the plan's start (no baseline of its own), not from the document's date.
    const [target] = await rows<{ subject: string; basis: string; baseline: string | null; links: number }>(sql`
      select t.subject, t.basis::text as basis, t.baseline_date::text as baseline,
        (select count(*)::int from task_targets tt where tt.target_id = t.id) as links
      from targets t where t.plan_id = ${planId}`);
    expect(target).toEqual({ subject: '全市新建市级重点实验室5家以上', basis: 'added', baseline: null, links: 1 });
  });

  it('finds the uploaded document in 政策文件库 with its plan, reopens it without uploading, and re-extracts it showing what changed', async () => {
    const page = await stip.newPage();
    await stip.login(page, 'city');
    // A reading by an older extractor: it took the first target's comparator the other way round.
    await stip.db.execute(sql`
      update policy_documents
      set extractor_version = '0.0.9+r0',
        current = jsonb_set(
          jsonb_set(current, '{extractorVersion}', '"0.0.9+r0"'),
          '{extraction,targets,0,comparator}',
          to_jsonb(case when current #>> '{extraction,targets,0,comparator}' = '=' then '>=' else '=' end)
        )
      where file_name like '000_%' and deleted_at is null`);

    await page.getByTestId('main-menu').getByText('政策文件库').click();
    await page.waitForURL((url) => url.pathname === '/plans/documents');
    const row = page.locator('[data-testid=library-table] tr.ant-table-row').filter({ hasText: '000_' });
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
    expect(await row.getByTestId('library-plan-link').textContent()).toBe(planTitle);
    expect(await row.textContent()).toContain('可重新提取');

    // 重新提取: the changed comparator is named, the plan is not overwritten, the new reading is kept on request.
    await row.getByTestId('library-re-extract').click();
    const diff = page.getByTestId('library-diff');
    await diff.waitFor({ timeout: 20_000 });
    await expect.poll(() => diff.getByTestId('diff-change').first().textContent()).toMatch(/^比较关系 由“(=|≥)”改为“(=|≥)”$/);
    expect(await diff.getByTestId('diff-plan').textContent()).toContain(planTitle);
    await page.getByTestId('library-keep').click();
    await expect.poll(() => row.textContent()).not.toContain('可重新提取');
    const [kept] = await rows<{ version: string; history: number }>(sql`
      select d.extractor_version as version, (select count(*)::int from policy_document_extractions e where e.document_id = d.id) as history
      from policy_documents d where d.file_name like '000_%' and d.deleted_at is null`);
    expect(kept!.version).not.toBe('0.0.9+r0');
    expect(kept!.history).toBe(1);

    // 打开: back to the review page with the stored reading, no upload.
    await row.getByTestId('library-open').click();
    await page.waitForURL((url) => url.pathname === '/plans/ingest');
    await page.getByTestId('ingest-reopened').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('ingest-target-row').count()).toBeGreaterThanOrEqual(15);
  });
});
