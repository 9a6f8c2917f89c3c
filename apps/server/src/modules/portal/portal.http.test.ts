import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type {
  Page,
  PublicCall,
  PublicChallenge,
  PublicChallengeListItem,
  PublicDemand,
  PublicOverview,
  PublicPlatformPage,
  PortalSearchPage,
} from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { achievements, calls, challengeApplications, challengeMilestones, challenges, demands } from '../../db/schema/index';
import { addDays, todayInChina } from '../../shared/clock';
import { findOpenChallengesForPublic, getPublicChallenge } from '../challenges';
import { refreshSearchVectors } from '../search';

const t = await buildTestApp({ anonymousRateLimits: { signInPerMinute: 100_000, publicPerMinute: 100_000, searchPerMinute: 3 } });
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let achievementId: string;
let challengeId: string;
let expiredDemandId: string;
let expiredChallengeId: string;
let cityTypeId: string;
let staffCookie: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  await buildOrganization(db, { name: unique('达州玄武岩公司'), regionId: tree.countyA.id });
  const team = await buildOrganization(db, { name: '四川轻化工大学玄武岩团队', kind: 'university', regionId: tree.countyB.id });
  staffCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  const [achievement] = await db
    .insert(achievements)
    .values({
      title: '玄武岩纤维连续拉丝新工艺',
      abstract: '通过改进漏板温度场，提高玄武岩纤维强度与成品率。',
      keywords: ['玄武岩纤维'],
      technicalField: '新材料',
      maturity: 'pilot',
      ownerName: '达州玄武岩公司',
      ownerType: 'enterprise',
      regionId: tree.countyA.id,
      status: 'published',
      publishedAt: new Date(),
      isDemo: true,
    })
    .returning({ id: achievements.id });
  achievementId = achievement!.id;
  await refreshSearchVectors(db, 'achievement', [achievementId]);
  const [demand] = await db
    .insert(demands)
    .values({ title: '玄武岩纤维拉丝漏板寿命提升', regionId: tree.countyA.id, status: 'published', publishedAt: new Date() })
    .returning({ id: demands.id });
  const [challenge] = await db
    .insert(challenges)
    .values({
      demandId: demand!.id,
      title: '揭榜挂帅：玄武岩纤维漏板',
      reward: 300,
      applicationDeadline: '2026-10-31',
      regionId: tree.countyA.id,
      status: 'selected',
      publishedAt: new Date(),
    })
    .returning({ id: challenges.id });
  challengeId = challenge!.id;
  const [winner] = await db
    .insert(challengeApplications)
    .values({ challengeId, organizationId: team, teamLeader: '李教授', proposal: '铂铑合金漏板', status: 'selected' })
    .returning({ id: challengeApplications.id });
  await db
    .update(challenges)
    .set({ selectedApplicationId: winner!.id, selectionReason: '团队有量产经验', selectedAt: new Date() })
    .where(eq(challenges.id, challengeId));
  await db.insert(challengeMilestones).values([
    { challengeId, title: '完成样机', dueOn: '2027-03-31', sortOrder: 1 },
    { challengeId, title: '完成中试', dueOn: '2027-09-30', sortOrder: 2 },
  ]);

  // A call still stored as 揭榜中 whose application deadline passed yesterday (no write has stored its expiry yet).
  const [expiredDemand] = await db
    .insert(demands)
    .values({ title: '玄武岩纤维表面浸润剂配方', regionId: tree.countyA.id, status: 'published', publishedAt: new Date() })
    .returning({ id: demands.id });
  expiredDemandId = expiredDemand!.id;
  const [expired] = await db
    .insert(challenges)
    .values({
      demandId: expiredDemandId,
      title: '揭榜挂帅：玄武岩纤维浸润剂',
      reward: 80,
      applicationDeadline: addDays(todayInChina(), -1),
      regionId: tree.countyA.id,
      status: 'open',
      publishedAt: new Date(),
    })
    .returning({ id: challenges.id });
  expiredChallengeId = expired!.id;

  cityTypeId = await buildPlatformType(db, { name: unique('市级工程技术研究中心'), level: 'city', sortOrder: 2 });
  const provincialTypeId = await buildPlatformType(db, { name: unique('省级重点实验室'), level: 'provincial', sortOrder: 1 });
  await buildPlatform(db, {
    name: '达州市玄武岩纤维工程技术研究中心',
    typeId: cityTypeId,
    regionId: tree.countyA.id,
    recognizedOn: '2021-06-01',
  });
  await buildPlatform(db, { name: '四川省天然气化工重点实验室', typeId: provincialTypeId, regionId: tree.countyB.id });
  await db.insert(calls).values({
    title: '市级工程技术研究中心申报通知',
    year: 2026,
    regionId: tree.city.id,
    typeIds: [cityTypeId, provincialTypeId],
    opensOn: todayInChina(),
    closesOn: '2099-12-31',
    status: 'open',
    materials: [
      { code: 'construction_plan', name: '建设方案', required: true },
      { code: 'other', name: '其他证明材料', required: false },
    ],
  });
});

describe('the public portal', () => {
  it('finds a published achievement by a Chinese term, with the term highlighted and the demo mark', async () => {
    const page = (await t.app.inject('/api/public/achievements?q=玄武岩纤维')).json<PortalSearchPage>();
    expect(page.items.map((item) => item.id)).toContain(achievementId);
    const item = page.items.find((i) => i.id === achievementId)!;
    // The marks are the search module's (its segmentation decides their bounds); the text itself is the snippet.
    expect(item.highlighted).toMatch(/<mark>[^<]*(玄武|纤维)/);
    expect(item.highlighted?.replace(/<\/?mark>/g, '')).toBe(item.snippet);
    expect(item.isDemo).toBe(true);
    expect(item.regionName).toBe(tree.countyA.name);
    expect(page.facets?.maturity).toEqual([{ value: 'pilot', label: '中试', count: expect.any(Number) }]);
  });

  it('shows a chosen team with the reason and the milestones in order', async () => {
    const challenge = (await t.app.inject(`/api/public/challenges/${challengeId}`)).json<PublicChallenge>();
    expect(challenge.selection).toMatchObject({ organizationName: '四川轻化工大学玄武岩团队', reason: '团队有量产经验' });
    expect(challenge.milestones.map((m) => m.title)).toEqual(['完成样机', '完成中试']);
    expect(challenge.applicationCount).toBe(1);
    expect(challenge.demand?.title).toBe('玄武岩纤维拉丝漏板寿命提升');
  });

  it("shows an open call past its application deadline as 评选中 on the list, the detail and its demand's page, as the challenges module answers it", async () => {
    const detail = await t.app.inject(`/api/public/challenges/${expiredChallengeId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json<PublicChallenge>().status).toBe('reviewing');
    expect(detail.json()).toEqual(await getPublicChallenge(db, expiredChallengeId));

    const list = (await t.app.inject('/api/public/challenges')).json<Page<PublicChallengeListItem>>();
    const item = list.items.find((i) => i.id === expiredChallengeId);
    expect(item?.status).toBe('reviewing');
    const fromModule = await findOpenChallengesForPublic(db, { statuses: ['reviewing'], limit: 100, offset: 0 });
    expect(item).toEqual(fromModule.items.find((i) => i.id === expiredChallengeId));

    const listed = async (status: string) =>
      (await t.app.inject(`/api/public/challenges?status=${status}`)).json<Page<PublicChallengeListItem>>().items.map((i) => i.id);
    expect(await listed('open')).not.toContain(expiredChallengeId);
    expect(await listed('reviewing')).toContain(expiredChallengeId);

    const demand = (await t.app.inject(`/api/public/demands/${expiredDemandId}`)).json<PublicDemand>();
    expect(demand.challenge).toEqual({ id: expiredChallengeId, status: 'reviewing' });
  });

  it('lists open calls with their platform types and materials, without internal codes', async () => {
    const page = (await t.app.inject('/api/public/calls')).json<{ items: PublicCall[]; total: number }>();
    expect(page.total).toBe(1);
    expect(page.items[0]!.types.map((type) => type.level)).toEqual(['provincial', 'city']);
    expect(page.items[0]!.materials).toEqual([
      { name: '建设方案', required: true },
      { name: '其他证明材料', required: false },
    ]);
    expect(JSON.stringify(page)).not.toContain('construction_plan');
  });

  it('lists recognised platforms national first, and filters them by level and by region subtree', async () => {
    const all = (await t.app.inject('/api/public/platforms')).json<PublicPlatformPage>();
    expect(all.items.map((p) => p.level)).toEqual(['provincial', 'city']);
    expect(all.items[1]).toMatchObject({ recognizedYear: 2021, regionName: tree.countyA.name });
    expect(all.options.level.map((o) => o.label).sort()).toEqual(['市级', '省级']);
    const city = (await t.app.inject('/api/public/platforms?level=city')).json<PublicPlatformPage>();
    expect(city.items.map((p) => p.name)).toEqual(['达州市玄武岩纤维工程技术研究中心']);
    const inCountyB = (await t.app.inject(`/api/public/platforms?regionId=${tree.countyB.id}`)).json<PublicPlatformPage>();
    expect(inCountyB.items.map((p) => p.name)).toEqual(['四川省天然气化工重点实验室']);
    const inCity = (await t.app.inject(`/api/public/platforms?regionId=${tree.city.id}`)).json<PublicPlatformPage>();
    expect(inCity.total).toBe(2);
  });

  it('counts what the portal offers on its home page', async () => {
    const overview = (await t.app.inject('/api/public/overview')).json<PublicOverview>();
    // Two published demands; no 揭榜挂帅 call takes applications (the one stored as open is past its deadline).
    expect(overview.counts).toEqual({ achievements: 1, demands: 2, challenges: 0, calls: 1, platforms: 2 });
    expect(overview.regionName).toBe(tree.city.name);
    expect(overview.latestAchievements[0]!.id).toBe(achievementId);
    expect(overview.latestChallenges[0]!.publisherName).toBe(`${tree.countyA.name}科技主管部门`);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await t.app.inject('/api/public/achievements/not-an-id')).statusCode).toBe(400);
    expect((await t.app.inject('/api/public/achievements/00000000-0000-4000-8000-000000000000')).json()).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  // Last: it spends this address's search allowance.
  it('limits anonymous searches per address across the portal routes, in Chinese, but not browsing or signed-in users', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    const remote = { remoteAddress: '198.51.100.7' };
    const search = (url: string, cookie?: string) =>
      t.app.inject({ method: 'GET', url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...remote });
    expect((await search('/api/public/achievements?q=玄武岩')).statusCode).toBe(200);
    expect((await search('/api/public/demands?q=玄武岩')).statusCode).toBe(200);
    expect((await search('/api/public/challenges?q=玄武岩')).statusCode).toBe(200);
    const refused = await search('/api/public/achievements?q=纤维');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^搜索过于频繁，请\d+秒后再试$/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Browsing without a search text, and a signed-in user's searches, are not held to it.
    expect((await search('/api/public/achievements')).statusCode).toBe(200);
    expect((await search('/api/public/achievements?q=纤维', staffCookie)).statusCode).toBe(200);
    // Another address has its own allowance.
    const other = await t.app.inject({ method: 'GET', url: '/api/public/achievements?q=纤维', remoteAddress: '198.51.100.8' });
    expect(other.statusCode).toBe(200);
  });
});
