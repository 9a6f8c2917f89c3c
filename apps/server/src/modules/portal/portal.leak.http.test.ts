import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ChallengeStatus, type PublicationStatus, publicationStatuses } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildUser,
  changePlatform,
  unique,
} from '../../../test/factories';
import { achievements, calls, challengeApplications, challengeMilestones, challenges, demands, organizations } from '../../db/schema/index';
import { todayInChina } from '../../shared/clock';
import { refreshSearchVectors } from '../search';

/**
 * The portal never shows an unpublished record or an unpublished field. Records of every kind are planted in
 * every state, each carrying secret tokens where a visitor must not look (titles of unpublished records,
 * unchosen contact fields, review notes, applicants' proposals, milestone evidence, internal user ids …);
 * then every public route the app declares under /api/public/ is called — lists with and without a search
 * text, details with every planted id — and no answer may contain any secret.
 */
const t = await buildTestApp();
const { db } = t.handle;

/** Every value a visitor must never read, with where it was planted. */
const secrets = new Map<string, string>();
const secret = (where: string) => {
  const token = `zq${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  secrets.set(token, where);
  return token;
};

const ids = {
  achievement: { public: [] as string[], hidden: [] as string[] },
  demand: { public: [] as string[], hidden: [] as string[] },
  challenge: { public: [] as string[], hidden: [] as string[] },
  call: { public: [] as string[], hidden: [] as string[] },
  platform: { public: [] as string[], hidden: [] as string[] },
};
const publishedAchievementTitle = `玄武岩纤维增强复合材料 ${unique('pub')}`;
let publicAchievementId: string;

beforeAll(async () => {
  const tree = await buildRegionTree(db);
  const enterprise = await buildOrganization(db, { name: unique('四川玄武岩科技有限公司'), regionId: tree.countyA.id });
  await db
    .update(organizations)
    .set({ contactPhone: secret('organisation phone'), contactPerson: secret('organisation contact') })
    .where(eq(organizations.id, enterprise));
  const author = await buildUser(db, { role: 'host_user', organizationId: enterprise });
  const reviewer = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
  secrets.set(author.id, 'creator user id');
  secrets.set(reviewer.id, 'reviewer user id');
  const now = new Date();

  // Achievements and demands: every publication state, a deleted published one, contacts partly published.
  const states: { status: PublicationStatus; deleted: boolean }[] = [
    ...publicationStatuses.map((status) => ({ status, deleted: false })),
    { status: 'published', deleted: true },
  ];
  for (const { status, deleted } of states) {
    const isPublic = status === 'published' && !deleted;
    const where = `${status}${deleted ? ' deleted' : ''}`;
    const [achievement] = await db
      .insert(achievements)
      .values({
        title: isPublic ? publishedAchievementTitle : `玄武岩纤维 ${secret(`achievement title (${where})`)}`,
        abstract: `一种提高玄武岩纤维强度的工艺。${isPublic ? '' : secret(`achievement abstract (${where})`)}`,
        keywords: ['玄武岩纤维'],
        technicalField: '新材料',
        maturity: 'pilot',
        ownerOrganizationId: enterprise,
        ownerName: isPublic ? '四川玄武岩科技有限公司' : secret(`achievement owner (${where})`),
        ownerType: 'enterprise',
        patents: [{ number: isPublic ? 'ZL202310000001.1' : secret(`achievement patent (${where})`) }],
        contactName: isPublic ? '王工' : secret(`achievement contact name (${where})`),
        contactPhone: secret(`achievement phone not chosen (${where})`),
        contactEmail: secret(`achievement email not chosen (${where})`),
        publishedContact: ['name'],
        regionId: tree.countyA.id,
        status,
        reviewNote: secret(`achievement review note (${where})`),
        reviewedBy: reviewer.id,
        createdBy: author.id,
        publishedAt: status === 'published' ? now : null,
        deletedAt: deleted ? now : null,
      })
      .returning({ id: achievements.id });
    ids.achievement[isPublic ? 'public' : 'hidden'].push(achievement!.id);
    if (isPublic) publicAchievementId = achievement!.id;

    const [demand] = await db
      .insert(demands)
      .values({
        title: isPublic ? `玄武岩纤维拉丝工艺需求 ${unique('pub')}` : `玄武岩纤维 ${secret(`demand title (${where})`)}`,
        description: `需要提高玄武岩纤维强度。${isPublic ? '' : secret(`demand description (${where})`)}`,
        keywords: ['玄武岩纤维'],
        technicalField: '新材料',
        enterpriseOrganizationId: enterprise,
        enterpriseName: isPublic ? '四川玄武岩科技有限公司' : secret(`demand enterprise (${where})`),
        contactName: secret(`demand contact name not chosen (${where})`),
        contactPhone: isPublic ? '0818-1234567' : secret(`demand phone (${where})`),
        contactEmail: secret(`demand email not chosen (${where})`),
        publishedContact: ['phone'],
        regionId: tree.countyA.id,
        status,
        reviewNote: secret(`demand review note (${where})`),
        reviewedBy: reviewer.id,
        createdBy: author.id,
        publishedAt: status === 'published' ? now : null,
        deletedAt: deleted ? now : null,
      })
      .returning({ id: demands.id });
    ids.demand[isPublic ? 'public' : 'hidden'].push(demand!.id);
  }
  await refreshSearchVectors(db, 'achievement', [...ids.achievement.public, ...ids.achievement.hidden]);
  await refreshSearchVectors(db, 'demand', [...ids.demand.public, ...ids.demand.hidden]);

  // 揭榜挂帅: every state, a deleted open one; one visible call on an unpublished demand (its text stays hidden).
  const publicDemandId = ids.demand.public[0]!;
  const hiddenDemandId = ids.demand.hidden[0]!;
  const challengeStates: { status: ChallengeStatus; deleted: boolean; demandId: string }[] = [
    ...(['draft', 'open', 'reviewing', 'selected', 'completed', 'cancelled'] as const).map((status) => ({
      status,
      deleted: false,
      demandId: publicDemandId,
    })),
    { status: 'open', deleted: true, demandId: publicDemandId },
    { status: 'open', deleted: false, demandId: hiddenDemandId },
  ];
  const applicantOrg = await buildOrganization(db, {
    name: `落选团队${secret('unselected applicant organisation')}`,
    regionId: tree.countyB.id,
  });
  const winnerOrg = await buildOrganization(db, { name: unique('达州玄武岩研究院'), regionId: tree.countyB.id });
  for (const { status, deleted, demandId } of challengeStates) {
    const isPublic = ['open', 'reviewing', 'selected', 'completed'].includes(status) && !deleted;
    const where = `${status}${deleted ? ' deleted' : ''}`;
    const [challenge] = await db
      .insert(challenges)
      .values({
        demandId,
        title: isPublic ? `揭榜挂帅：玄武岩纤维连续拉丝 ${unique('pub')}` : `揭榜挂帅 ${secret(`challenge title (${where})`)}`,
        reward: 200,
        applicationDeadline: '2099-12-31',
        requirements: isPublic ? '三年内实现量产' : secret(`challenge requirements (${where})`),
        publisherOrganizationId: enterprise,
        regionId: tree.countyA.id,
        status,
        createdBy: author.id,
        publishedAt: status === 'draft' ? null : now,
        deletedAt: deleted ? now : null,
      })
      .returning({ id: challenges.id });
    const challengeId = challenge!.id;
    ids.challenge[isPublic ? 'public' : 'hidden'].push(challengeId);
    await db.insert(challengeApplications).values({
      challengeId,
      organizationId: applicantOrg,
      teamLeader: secret(`applicant team leader (${where})`),
      teamMembers: secret(`applicant team members (${where})`),
      proposal: secret(`applicant proposal (${where})`),
      plan: secret(`applicant plan (${where})`),
      status: status === 'selected' || status === 'completed' ? 'not_selected' : 'submitted',
      submittedBy: author.id,
    });
    if (status === 'selected' || status === 'completed') {
      const [winner] = await db
        .insert(challengeApplications)
        .values({
          challengeId,
          organizationId: winnerOrg,
          teamLeader: secret(`selected team leader (${where})`),
          proposal: secret(`selected proposal (${where})`),
          status: 'selected',
        })
        .returning({ id: challengeApplications.id });
      await db
        .update(challenges)
        .set({ selectedApplicationId: winner!.id, selectionReason: '方案成熟、团队有量产经验', selectedAt: now })
        .where(eq(challenges.id, challengeId));
      await db.insert(challengeMilestones).values({
        challengeId,
        title: '完成中试',
        dueOn: '2099-06-30',
        evidence: secret(`milestone evidence (${where})`),
        completedBy: author.id,
        completedAt: status === 'completed' ? now : null,
      });
    }
  }

  // Calls for platform applications: every state, a deleted open one.
  const typeId = await buildPlatformType(db, { name: unique('市级重点实验室') });
  const callStates = [
    { status: 'draft', deleted: false },
    { status: 'open', deleted: false },
    { status: 'closed', deleted: false },
    { status: 'archived', deleted: false },
    { status: 'open', deleted: true },
  ] as const;
  for (const { status, deleted } of callStates) {
    const isPublic = status === 'open' && !deleted;
    const where = `${status}${deleted ? ' deleted' : ''}`;
    const [call] = await db
      .insert(calls)
      .values({
        title: isPublic ? `${new Date().getFullYear()}年市级重点实验室申报通知` : `申报通知 ${secret(`call title (${where})`)}`,
        year: 2026,
        regionId: tree.city.id,
        typeIds: [typeId],
        opensOn: todayInChina(),
        closesOn: '2099-12-31',
        status,
        materials: [{ code: 'construction_plan', name: '建设方案', required: true }],
        eligibilityRules: [{ check: secret(`call eligibility rule (${where})`) }],
        description: isPublic ? '请符合条件的单位申报' : secret(`call description (${where})`),
        createdBy: reviewer.id,
        deletedAt: deleted ? now : null,
      })
      .returning({ id: calls.id });
    ids.call[isPublic ? 'public' : 'hidden'].push(call!.id);
  }

  // Platforms: recognised ones (with internal remarks), a revoked, a merged and a deleted one.
  for (const status of ['operating', 'constructing', 'revoked', 'merged', 'deleted'] as const) {
    const isPublic = status === 'operating' || status === 'constructing';
    const platformId = await buildPlatform(db, {
      name: isPublic ? unique('达州市玄武岩纤维工程技术研究中心') : `平台${secret(`platform name (${status})`)}`,
      status: 'operating',
      regionId: tree.countyA.id,
      typeId,
      recognizedOn: '2022-05-01',
      director: secret(`platform director (${status})`),
      remarks: secret(`platform remarks (${status})`),
    });
    if (status === 'revoked' || status === 'merged') await changePlatform(db, platformId, todayInChina(), { status });
    if (status === 'deleted') {
      const { platforms } = await import('../../db/schema/index');
      await db.update(platforms).set({ deletedAt: now }).where(eq(platforms.id, platformId));
    }
    ids.platform[isPublic ? 'public' : 'hidden'].push(platformId);
  }
});

/** The public routes the app declares under /api/public/ (so a new route is covered the day it is added). */
function publicRoutes() {
  return t.app.routePermissions.filter(
    (route) => route.permission === 'public' && route.method === 'GET' && route.url.startsWith('/api/public/'),
  );
}

const allIds = () => Object.values(ids).flatMap((kind) => [...kind.public, ...kind.hidden]);
const hiddenIds = () => Object.values(ids).flatMap((kind) => kind.hidden);
const searchTexts = () => ['玄武岩纤维', '我们需要一种提高玄武岩纤维强度的工艺', ...[...secrets.keys()].filter((s) => s.startsWith('zq'))];

/** Every URL the leak check calls: each list plain, with each search text and filters; each detail with every planted id. */
function urlsFor(url: string): string[] {
  const params = url.match(/:[A-Za-z]+/g) ?? [];
  if (params.length === 0) {
    return [url, `${url}?limit=100`, ...searchTexts().map((q) => `${url}?limit=100&q=${encodeURIComponent(q)}`)];
  }
  if (params.length === 1 && params[0] === ':id') return allIds().map((id) => url.replace(':id', id));
  throw new Error(`the leak test does not know how to call ${url}: teach urlsFor its parameters`);
}

describe('the public portal never shows what is not published', () => {
  it('discovers the portal routes from the app', () => {
    const urls = publicRoutes().map((route) => route.url);
    for (const expected of [
      '/api/public/overview',
      '/api/public/achievements',
      '/api/public/achievements/:id',
      '/api/public/demands',
      '/api/public/demands/:id',
      '/api/public/challenges',
      '/api/public/challenges/:id',
      '/api/public/calls',
      '/api/public/platforms',
    ])
      expect(urls).toContain(expected);
  });

  it('answers no secret and no unpublished record on any public route, for any record in any state', async () => {
    const bodies: { url: string; status: number; body: string }[] = [];
    for (const route of publicRoutes()) {
      for (const url of urlsFor(route.url)) {
        const response = await t.app.inject({ method: 'GET', url });
        expect([200, 404], `${url} answered ${response.statusCode}: ${response.body}`).toContain(response.statusCode);
        bodies.push({ url, status: response.statusCode, body: response.body });
      }
    }
    expect(bodies.length).toBeGreaterThan(100);
    for (const { url, body } of bodies) {
      for (const [token, where] of secrets) expect(body.includes(token), `${url} leaks the ${where}`).toBe(false);
      for (const id of hiddenIds()) expect(body.includes(id), `${url} names the unpublished record ${id}`).toBe(false);
      for (const field of ['reviewNote', 'createdBy', 'reviewedBy', 'version', 'deletedAt', 'publishedContact', 'searchVector'])
        expect(body.includes(`"${field}"`), `${url} carries the internal field ${field}`).toBe(false);
    }
    // The check must be able to fail: the public records themselves are there.
    const published = bodies
      .filter((b) => b.status === 200)
      .map((b) => b.body)
      .join('\n');
    for (const id of Object.values(ids).flatMap((kind) => kind.public)) expect(published).toContain(id);
    expect(published).toContain(publishedAchievementTitle);
  });

  it('answers 404 for the detail of every record that is not public, 200 for the public ones', async () => {
    for (const [kind, route] of [
      ['achievement', 'achievements'],
      ['demand', 'demands'],
      ['challenge', 'challenges'],
    ] as const) {
      for (const id of ids[kind].hidden) expect((await t.app.inject(`/api/public/${route}/${id}`)).statusCode, `${kind} ${id}`).toBe(404);
      for (const id of ids[kind].public) expect((await t.app.inject(`/api/public/${route}/${id}`)).statusCode, `${kind} ${id}`).toBe(200);
    }
  });

  it('shows of the contact only the fields the owner chose to publish', async () => {
    const achievement = (await t.app.inject(`/api/public/achievements/${publicAchievementId}`)).json();
    expect(achievement.contact).toEqual({ name: '王工' });
    const demand = (await t.app.inject(`/api/public/demands/${ids.demand.public[0]}`)).json();
    expect(demand.contact).toEqual({ phone: '0818-1234567' });
  });
});
