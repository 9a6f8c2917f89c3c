import { beforeAll, describe, expect, it } from 'vitest';
import type { Lead, MatchResult } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildAchievement,
  buildDemand,
  buildOrganization,
  buildPlatform,
  buildRegionTree,
  buildUser,
  findAuditRecords,
  unique,
} from '../../../test/factories';
import { experts } from '../../db/schema/index';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let cityCookie: string;
let countyACookie: string;
let countyBCookie: string;
let hostCookie: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  countyACookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);
  countyBCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id })).username);
  const organizationId = await buildOrganization(db, { regionId: tree.countyA.id });
  hostCookie = await t.login((await buildUser(db, { role: 'host_user', organizationId })).username);
});

async function get<T>(url: string, cookie = cityCookie, status = 200): Promise<T> {
  const response = await t.app.inject({ url, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function send<T>(method: 'POST' | 'PATCH', url: string, payload: object, cookie = cityCookie, status = 200): Promise<T> {
  const response = await t.app.inject({ method, url, payload, headers: { cookie } });
  expect(response.statusCode, response.body).toBe(status);
  return response.json();
}

async function basaltWorld() {
  const { id: demandId } = await buildDemand(db, {
    title: '提高玄武岩纤维拉伸强度的工艺',
    description: '我们需要一种提高玄武岩纤维强度的浸润剂配方与拉丝工艺，用于复合材料增强。',
    keywords: ['玄武岩纤维', '浸润剂'],
    technicalField: '新材料',
    industry: '新材料产业',
    regionId: tree.countyA.id,
    enterpriseName: unique('达州某复合材料公司'),
  });
  const fitting = await buildAchievement(db, {
    title: '高强度玄武岩纤维浸润剂及拉丝工艺',
    abstract: '研制了一种玄武岩纤维专用浸润剂，拉伸强度提高百分之二十，适用于复合材料增强。',
    keywords: ['玄武岩纤维', '浸润剂', '拉丝'],
    technicalField: '新材料',
    industry: '新材料产业',
    regionId: tree.countyB.id,
    ownerName: unique('某大学'),
  });
  const unrelated = await buildAchievement(db, {
    title: '川产道地中药材规范化种植技术',
    abstract: '中药材种植与采收加工规范。',
    keywords: ['中药材'],
    technicalField: '现代农业',
    regionId: tree.countyB.id,
  });
  const draft = await buildAchievement(db, {
    title: '玄武岩纤维浸润剂配方（草稿）',
    abstract: '玄武岩纤维浸润剂，拉伸强度提高。',
    keywords: ['玄武岩纤维', '浸润剂'],
    technicalField: '新材料',
    status: 'draft',
    regionId: tree.countyA.id,
  });
  return { demandId, fitting, unrelated, draft };
}

describe('matching a demand', () => {
  it('lists the fitting published achievement first with a shared-term reason, and never a draft', async () => {
    const world = await basaltWorld();
    const result = await get<MatchResult>(`/api/matching/demands/${world.demandId}`);
    expect(result.subject).toMatchObject({ kind: 'demand', id: world.demandId, technicalField: '新材料' });
    const achievementsFound = result.items.filter((item) => item.kind === 'achievement');
    expect(achievementsFound[0]).toMatchObject({ id: world.fitting, title: '高强度玄武岩纤维浸润剂及拉丝工艺', leadId: null });
    const shared = achievementsFound[0]!.reasons.find((reason) => reason.kind === 'shared_terms');
    expect(shared?.terms?.[0]).toBe('玄武岩纤维');
    expect(achievementsFound[0]!.reasons.map((reason) => reason.kind)).toEqual(expect.arrayContaining(['technical_field', 'industry']));
    const ids = result.items.map((item) => item.id);
    expect(ids).not.toContain(world.draft);
    expect(ids).not.toContain(world.unrelated);
  });

  it('proposes experts by their fields and platforms by their fields, with the platform type as a reason', async () => {
    const world = await basaltWorld();
    const organizationId = await buildOrganization(db, { regionId: tree.countyA.id, kind: 'university' });
    const [expert] = await db
      .insert(experts)
      .values({ name: unique('专家'), organizationId, regionId: tree.countyA.id, fields: ['玄武岩纤维', '复合材料'], title: '教授' })
      .returning({ id: experts.id });
    const [farExpert] = await db
      .insert(experts)
      .values({ name: unique('专家'), organizationId, regionId: tree.countyA.id, fields: ['口腔医学'], title: '主任医师' })
      .returning({ id: experts.id });
    const platformId = await buildPlatform(db, {
      name: unique('达州玄武岩纤维工程技术研究中心'),
      regionId: tree.countyA.id,
      technicalFields: ['新材料'],
    });
    const result = await get<MatchResult>(`/api/matching/demands/${world.demandId}?limit=50`);
    const expertItem = result.items.find((item) => item.id === expert!.id);
    expect(expertItem?.reasons.find((reason) => reason.kind === 'expert_field')?.label).toContain('玄武岩纤维');
    expect(result.items.some((item) => item.id === farExpert!.id)).toBe(false);
    const platformItem = result.items.find((item) => item.id === platformId);
    expect(platformItem?.kind).toBe('platform');
    expect(platformItem?.reasons.map((reason) => reason.kind)).toEqual(expect.arrayContaining(['shared_terms', 'platform_type']));
  });

  it('shows a county only the experts of its own subtree', async () => {
    const world = await basaltWorld();
    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id, kind: 'university' });
    const [other] = await db
      .insert(experts)
      .values({ name: unique('乙县专家'), organizationId, regionId: tree.countyB.id, fields: ['玄武岩纤维'], title: '研究员' })
      .returning({ id: experts.id });
    const seenByA = await get<MatchResult>(`/api/matching/demands/${world.demandId}?limit=50`, countyACookie);
    expect(seenByA.items.some((item) => item.id === other!.id)).toBe(false);
    const seenByCity = await get<MatchResult>(`/api/matching/demands/${world.demandId}?limit=50`);
    expect(seenByCity.items.some((item) => item.id === other!.id)).toBe(true);
  });

  it('refuses an unpublished demand of another county (404) and users without the permission (403)', async () => {
    const draftDemand = (await buildDemand(db, { title: '玄武岩纤维需求（草稿）', status: 'draft', regionId: tree.countyA.id })).id;
    await get(`/api/matching/demands/${draftDemand}`, countyBCookie, 404);
    await get(`/api/matching/demands/${draftDemand}`, countyACookie, 200);
    await get(`/api/matching/demands/${draftDemand}`, hostCookie, 403);
    const published = (await buildDemand(db, { title: '玄武岩纤维需求', regionId: tree.countyA.id })).id;
    await get(`/api/matching/demands/${published}`, countyBCookie, 200);
    await get(`/api/matching/demands/not-a-uuid`, cityCookie, 400);
  });
});

describe('matching an achievement', () => {
  it('lists the published demands and the enterprises whose platforms fit, with reasons', async () => {
    const world = await basaltWorld();
    const enterpriseId = await buildOrganization(db, { regionId: tree.countyA.id, kind: 'enterprise', name: unique('玄武岩企业') });
    await buildPlatform(db, {
      name: unique('玄武岩纤维复合材料企业技术中心'),
      regionId: tree.countyA.id,
      hostOrganizationId: enterpriseId,
      technicalFields: ['新材料'],
    });
    const result = await get<MatchResult>(`/api/matching/achievements/${world.fitting}?limit=50`);
    const demand = result.items.find((item) => item.id === world.demandId);
    expect(demand).toMatchObject({ kind: 'demand' });
    expect(demand!.reasons[0]!.kind).toBe('shared_terms');
    const enterprise = result.items.find((item) => item.id === enterpriseId);
    expect(enterprise?.kind).toBe('enterprise');
    expect(enterprise?.reasons.some((reason) => reason.kind === 'enterprise_platform')).toBe(true);
  });
});

describe('leads (对接记录)', () => {
  it('records a match with its reasons, shows it beside the candidate, and refuses the same pair twice', async () => {
    const world = await basaltWorld();
    const lead = await send<Lead>('POST', '/api/leads', { demandId: world.demandId, achievementId: world.fitting, note: '首次推荐' });
    expect(lead).toMatchObject({
      status: 'new',
      region: { id: tree.countyA.id },
      demand: { id: world.demandId },
      achievement: { id: world.fitting },
    });
    expect(lead.reasons[0]!.kind).toBe('shared_terms');
    expect(lead.events).toHaveLength(1);
    expect(await findAuditRecords(db, 'lead.create', lead.id)).toHaveLength(1);
    const result = await get<MatchResult>(`/api/matching/demands/${world.demandId}`);
    expect(result.items.find((item) => item.id === world.fitting)?.leadId).toBe(lead.id);
    const again = await send<{ code: string; message: string }>(
      'POST',
      '/api/leads',
      { demandId: world.demandId, achievementId: world.fitting },
      cityCookie,
      409,
    );
    expect(again.message).toContain('已有对接记录');
  });

  it('refuses a lead to a draft achievement or with two counterparts', async () => {
    const world = await basaltWorld();
    await send('POST', '/api/leads', { demandId: world.demandId, achievementId: world.draft }, cityCookie, 422);
    await send(
      'POST',
      '/api/leads',
      { demandId: world.demandId, achievementId: world.fitting, platformId: world.fitting },
      cityCookie,
      400,
    );
  });

  it('follows a lead through its lifecycle, refusing moves it does not allow and stale versions', async () => {
    const world = await basaltWorld();
    const lead = await send<Lead>('POST', '/api/leads', { demandId: world.demandId, achievementId: world.fitting });
    const contacted = await send<Lead>('POST', `/api/leads/${lead.id}/follow-ups`, {
      action: 'contact',
      note: '电话联系双方',
      version: lead.version,
    });
    expect(contacted.status).toBe('contacted');
    expect(contacted.events.map((event) => event.status)).toEqual(['new', 'contacted']);
    const refused = await send<{ message: string }>(
      'POST',
      `/api/leads/${lead.id}/follow-ups`,
      { action: 'contact', note: '再次联系', version: contacted.version },
      cityCookie,
      409,
    );
    expect(refused.message).toBe('状态为“已联系”的对接记录不能“联系”');
    await send('POST', `/api/leads/${lead.id}/follow-ups`, { action: 'negotiate', note: '洽谈', version: lead.version }, cityCookie, 409);
    await send('POST', `/api/leads/${lead.id}/follow-ups`, { action: 'sign', note: '签约', version: contacted.version }, cityCookie, 400);
    const dropped = await send<Lead>('POST', `/api/leads/${lead.id}/follow-ups`, {
      action: 'drop',
      note: '企业放弃',
      version: contacted.version,
    });
    expect(dropped.status).toBe('dropped');
    expect(await findAuditRecords(db, 'lead.drop', lead.id)).toHaveLength(1);
  });

  it('keeps a county lead out of another county’s list and detail', async () => {
    const world = await basaltWorld();
    const lead = await send<Lead>('POST', '/api/leads', { demandId: world.demandId, achievementId: world.fitting }, countyACookie);
    await get(`/api/leads/${lead.id}`, countyBCookie, 404);
    const listB = await get<{ items: Lead[] }>(`/api/leads?demandId=${world.demandId}`, countyBCookie);
    expect(listB.items).toHaveLength(0);
    const listA = await get<{ items: Lead[]; total: number }>(`/api/leads?demandId=${world.demandId}&status=new`, countyACookie);
    expect(listA.items.map((item) => item.id)).toEqual([lead.id]);
  });
});
