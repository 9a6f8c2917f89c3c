import { spawnSync } from 'node:child_process';
import { currentPlanPlatformCount } from './current-plan-demo';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Platform, PlatformType, Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { createDb } from '../client';
import { auditLog, organizations, platformVersions, platforms, regions, users } from '../schema/index';
import { needsSetup } from '../../modules/accounts/accounts.service';
import { demoPassword, seedDemo } from './demo';

const t = await buildTestApp();
const { db } = t.handle;
// What the first start and `stip seed --demo` do: load the demo story into a database with no accounts.
expect(await needsSetup(db)).toBe(true);
await seedDemo(db);

const seedsDir = process.env.STIP_SEEDS_DIR ?? fileURLToPath(new URL('../../../../../packages/policy-ingest/test/seeds/', import.meta.url));
const seedText = () => {
  if (!existsSync(seedsDir)) throw new Error(`seed documents not found in ${seedsDir} (set STIP_SEEDS_DIR)`);
  return readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => readFileSync(path.join(seedsDir, name), 'utf8'))
    .join('\n');
};

/** The platforms seeds 000–003 name; every other demo platform is invented. */
const namedPlatforms = [
  '达钢集团国家企业技术中心',
  '国家天然气产品质量监督检验中心（四川）',
  '玄武岩纤维及复合材料四川省重点实验室',
  '微玻纤工程技术研究中心',
  '天然气净化中试研发平台',
  '国家技术转移西南中心达州分中心',
  '万达开技术创新中心',
  '甘肃省变性淀粉工艺与应用重点实验室',
];
const dazhouPlaces = ['通川区', '达川区', '宣汉县', '开江县', '大竹县', '渠县', '万源市', '达州高新区'];
const demoAccounts: [username: string, role: Role][] = [
  ['sysadmin', 'sysadmin'],
  ['secadmin', 'secadmin'],
  ['auditadmin', 'auditadmin'],
  ['city', 'city_staff'],
  ['jxj', 'department_staff'],
  ['xuanhan', 'county_staff'],
  ['dagang', 'host_user'],
  ['expert1', 'expert'],
  ['leader', 'leader'],
];

const cookies = new Map<string, string>();
const cookieOf = async (username: string) => {
  if (!cookies.has(username)) cookies.set(username, await t.login(username, demoPassword));
  return cookies.get(username)!;
};
const get = async (username: string, url: string) => t.app.inject({ url, headers: { cookie: await cookieOf(username) } });
const platformList = async (username: string) => {
  const response = await get(username, '/api/platforms?limit=500&sort=name&order=asc');
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Platform[]; total: number };
};
const idsOf = (items: Platform[]) => items.map((p) => p.id).sort();
const cityList = await platformList('city');

describe('the demo registry', () => {
  it('holds seed 002’s 65 platforms in 达州市, on every county-level place, and 2 more in 定西市', async () => {
    // The figure seed 002 reports, read from the document itself (not from the constant the seed builds with).
    const reported = Number(/累计建成各类创新平台\s*(\d+)\s*家/.exec(seedText())?.[1]);
    expect(reported).toBe(65);
    // Seed 002's platforms, and the one the demo call recognised since (calls-demo.ts).
    const recognisedByCall = cityList.items.filter((p) => p.recognitionDocNo === '达市科〔2026〕88号（演示）');
    expect(recognisedByCall).toHaveLength(1);
    // And the platforms recognised in 2026 that the current demo plan's targets count (current-plan-demo.ts).
    expect(cityList.total).toBe(reported + 1 + currentPlanPlatformCount);
    expect(cityList.items).toHaveLength(reported + 1 + currentPlanPlatformCount);
    const byPlace = new Map<string, number>();
    for (const p of cityList.items) byPlace.set(p.regionName, (byPlace.get(p.regionName) ?? 0) + 1);
    expect([...byPlace.keys()].sort()).toEqual([...dazhouPlaces].sort());
    for (const place of dazhouPlaces) expect(byPlace.get(place), place).toBeGreaterThan(0);
    expect(Math.max(...byPlace.values())).toBeLessThan(65 / 2);

    const dingxi = await db
      .select({ name: platformVersions.name, region: regions.name })
      .from(platformVersions)
      .innerJoin(regions, eq(regions.id, platformVersions.regionId))
      .where(and(isNull(platformVersions.validTo), eq(regions.name, '安定区')));
    expect(dingxi.map((p) => p.name)).toEqual(['甘肃省变性淀粉工艺与应用重点实验室']);
    const [all] = await db.select({ n: count() }).from(platforms).where(isNull(platforms.deletedAt));
    expect(all!.n).toBe(68 + currentPlanPlatformCount);
  });

  it('includes the platforms the seeds name, 四川文理学院 as a host, and the 厅市共建 basalt-fibre laboratory', () => {
    const names = cityList.items.map((p) => p.name);
    for (const name of namedPlatforms.slice(0, 7)) expect(names, name).toContain(name);
    expect(cityList.items.filter((p) => p.hostOrganizationName === '四川文理学院').length).toBeGreaterThan(0);
    const basalt = cityList.items.find((p) => p.name === '玄武岩纤维及复合材料四川省重点实验室')!;
    expect(basalt).toMatchObject({ level: 'provincial', hostOrganizationName: '四川文理学院' });
    expect(basalt.remarks).toContain('厅市共建');
    expect(basalt.coBuilders.map((c) => c.name)).toContain('达州高新区管委会');
  });

  it('flags every record as demo data and marks every invented platform name with （演示）', async () => {
    expect(cityList.items.every((p) => p.isDemo)).toBe(true);
    for (const table of [platforms, organizations, regions, users]) {
      const rows = await db.select({ isDemo: table.isDemo }).from(table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => row.isDemo)).toBe(true);
    }
    const current = await db.select({ name: platformVersions.name }).from(platformVersions).where(isNull(platformVersions.validTo));
    const unmarked = current.map((p) => p.name).filter((name) => !name.endsWith('（演示）'));
    expect(unmarked.sort()).toEqual([...namedPlatforms].sort());
    // An unmarked name must be one a seed document really uses.
    const text = seedText();
    for (const name of unmarked) expect(text, name).toContain(name);

    const accounts = await db.select({ displayName: users.displayName }).from(users);
    expect(accounts).toHaveLength(10);
    for (const account of accounts) expect(account.displayName).toContain('（演示）');
  });
});

describe('the demo accounts', () => {
  it('signs in every one of the 10 demo accounts with the shared password, each in its role', async () => {
    for (const [username, role] of demoAccounts) {
      const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: demoPassword } });
      expect(response.statusCode, `${username}: ${response.body}`).toBe(200);
      expect(response.json()).toMatchObject({ username, role });
    }
  });

  it('shows city everything in 达州市 and nothing of 定西市', () => {
    expect(cityList.items.some((p) => p.name === '甘肃省变性淀粉工艺与应用重点实验室')).toBe(false);
    expect(cityList.items.some((p) => p.name.startsWith('陇西'))).toBe(false);
  });

  it('shows xuanhan only 宣汉县’s platforms', async () => {
    const list = await platformList('xuanhan');
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.items.map((p) => p.regionName))).toEqual(new Set(['宣汉县']));
    expect(idsOf(list.items)).toEqual(idsOf(cityList.items.filter((p) => p.regionName === '宣汉县')));
  });

  it('shows dagang only the platforms 达钢集团 hosts or co-builds', async () => {
    const list = await platformList('dagang');
    const isDagang = (p: Platform) =>
      p.hostOrganizationName === '四川达州钢铁集团有限责任公司' || p.coBuilders.some((c) => c.name === '四川达州钢铁集团有限责任公司');
    expect(list.items.map((p) => p.name)).toContain('达钢集团国家企业技术中心');
    expect(list.items.every(isDagang)).toBe(true);
    expect(idsOf(list.items)).toEqual(idsOf(cityList.items.filter(isDagang)));
  });

  it('shows jxj only the types 市经信局 supervises', async () => {
    const types = (await get('city', '/api/platform-types')).json().items as PlatformType[];
    const supervised = new Set(types.filter((type) => type.supervisorOrganizationName === '达州市经济和信息化局').map((type) => type.id));
    expect(supervised.size).toBeGreaterThan(0);
    const list = await platformList('jxj');
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBeLessThan(cityList.total);
    expect(list.items.every((p) => supervised.has(p.typeId))).toBe(true);
    expect(idsOf(list.items)).toEqual(idsOf(cityList.items.filter((p) => supervised.has(p.typeId))));
  });

  it('lets leader read the whole city but refuses its PATCH', async () => {
    const list = await platformList('leader');
    expect(idsOf(list.items)).toEqual(idsOf(cityList.items));
    const target = list.items[0]!;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/platforms/${target.id}`,
      headers: { cookie: await cookieOf('leader') },
      payload: { version: target.version, director: '领导' },
    });
    expect(patch.statusCode).toBe(403);
    expect((await platformList('city')).items.find((p) => p.id === target.id)).toMatchObject({
      director: target.director,
      version: target.version,
    });
  });

  it('shows expert1 and the three administrators no platforms at all', async () => {
    for (const username of ['expert1', 'sysadmin', 'secadmin', 'auditadmin']) {
      const response = await get(username, '/api/platforms');
      expect(response.statusCode, username).toBe(403);
    }
  });
});

describe('stip seed --demo', () => {
  const stip = fileURLToPath(new URL('../../../bin/stip.js', import.meta.url));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'stip-seed-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const runStip = (args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    return spawnSync(process.execPath, [stip, ...args], { env, encoding: 'utf8', timeout: 120_000 });
  };

  it('loads the demo data into an empty database once; a second run creates nothing', async () => {
    const first = runStip(['seed', '--demo']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/已载入演示数据.*在册平台 \d+ 个（不含已撤销、已合并；达州市 \d+ 个.*），10 个演示账号/);
    const second = runStip(['seed', '--demo']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/数据库中已有账号，未载入演示数据/);

    const handle = await createDb({ dataDir });
    try {
      const [platformRows] = await handle.db.select({ n: count() }).from(platforms);
      const [userRows] = await handle.db.select({ n: count() }).from(users);
      const [seedRuns] = await handle.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'system.seed_demo'));
      expect([platformRows!.n, userRows!.n, seedRuns!.n]).toEqual([68 + currentPlanPlatformCount, 10, 1]);
    } finally {
      await handle.close();
    }
  }, 240_000);
});
