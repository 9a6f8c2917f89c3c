import { describe, expect, it } from 'vitest';
import type { DictionaryChange, DictionaryTerm, PublicAchievementPage, PublicDemandPage, Role } from '@stip/contracts';
import { publicationStatuses } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildRegionTree, buildUser, findAuditRecords, unique } from '../../../test/factories';
import { achievements, demands } from '../../db/schema/index';
import { refreshSearchVectors } from './index';

const t = await buildTestApp();
const { db } = t.handle;
const tree = await buildRegionTree(db);

async function signIn(role: Role, regionId = tree.city.id): Promise<string> {
  const user = await buildUser(db, { role, regionId });
  return t.login(user.username);
}

function request(cookie: string | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url: `/api${url}`, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
}

async function addAchievement(values: Partial<typeof achievements.$inferInsert> & { title: string }) {
  const [row] = await db
    .insert(achievements)
    .values({ status: 'published', publishedAt: new Date(), ...values })
    .returning({ id: achievements.id });
  await refreshSearchVectors(db, 'achievement', [row!.id]);
  return row!.id;
}

const searchAchievements = async (query: string) =>
  (await request(null, 'GET', `/public/achievements?${query}`)).json() as PublicAchievementPage;

describe('the public achievement search', () => {
  it('answers published achievements best first with snippet, score, marks, card fields and facets — and no contact data', async () => {
    const marker = unique('玄武岩纤维');
    const best = await addAchievement({
      title: `${marker}连续拉丝工艺`,
      abstract: '本成果通过改进漏板结构，显著提高了玄武岩纤维的拉伸强度。',
      maturity: 'pilot',
      ownerType: 'university',
      technicalField: '新材料',
      regionId: tree.countyA.id,
      contactPhone: '13800000000',
      contactEmail: 'secret@example.com',
      publishedContact: [],
    });
    await addAchievement({ title: '页岩气压裂返排液处理', abstract: `一种处理工艺，顺带提到${marker}。`, technicalField: '能源' });
    const page = await searchAchievements(`q=${encodeURIComponent(marker)}&limit=10`);
    expect(page.items[0]).toMatchObject({ id: best, maturity: 'pilot', ownerType: 'university', regionName: tree.countyA.name });
    expect(page.items[0]!.score).toBeGreaterThan(page.items[1]!.score);
    expect(page.items[0]!.highlightedTitle).toContain('<mark>');
    expect(page.total).toBe(2);
    expect(page.facets.maturity).toContainEqual({ value: 'pilot', label: '中试', count: 1 });
    expect(page.facets.ownerType).toContainEqual({ value: 'university', label: '高校', count: 1 });
    expect(page.facets.region).toContainEqual({ value: tree.countyA.id, label: tree.countyA.name, count: 1 });
    expect(JSON.stringify(page)).not.toMatch(/13800000000|secret@example.com|contact/i);
  });

  it('never shows an achievement in any status but published, nor a deleted one', async () => {
    const marker = unique('不溶性硫磺');
    for (const status of publicationStatuses) await addAchievement({ title: `${marker} ${status}`, status });
    await addAchievement({ title: `${marker} deleted`, deletedAt: new Date() });
    const page = await searchAchievements(`q=${encodeURIComponent(marker)}`);
    expect(page.items.map((item) => item.title)).toEqual([`${marker} published`]);
    expect(page.total).toBe(1);
  });

  it('finds a whole sentence by its content words', async () => {
    const marker = unique('锂钾资源');
    const id = await addAchievement({ title: `${marker}综合利用`, abstract: '从卤水中提取锂和钾的低能耗分离工艺。' });
    const page = await searchAchievements(`q=${encodeURIComponent(`我们需要一种从卤水中提取锂的分离工艺，有没有${marker}方面的成果？`)}`);
    expect(page.items[0]?.id).toBe(id);
    expect(page.items[0]?.highlighted).toContain('<mark>');
  });

  it('finds a patent number however it is written, and a unified social credit code of the owner', async () => {
    const creditCode = `91511700${String(Date.now()).slice(-9)}X`;
    const organizationId = await buildOrganization(db, { name: unique('达州某企业'), creditCode });
    const id = await addAchievement({
      title: unique('天然气净化脱硫剂'),
      patents: [{ number: 'ZL 2021 1 0123456.X' }],
      ownerOrganizationId: organizationId,
    });
    for (const typed of ['CN202110123456.X', 'zl202110123456x', '2021101234565'.slice(0, 12) + 'X'])
      expect((await searchAchievements(`q=${encodeURIComponent(typed)}`)).items.map((item) => item.id)).toContain(id);
    expect((await searchAchievements(`q=${creditCode.toLowerCase()}`)).items.map((item) => item.id)).toEqual([id]);
  });

  it('narrows by facet filters and pages through the results', async () => {
    const marker = unique('石墨烯');
    for (const maturity of ['lab', 'pilot', 'pilot'] as const) await addAchievement({ title: `${marker} ${maturity}`, maturity });
    const pilot = await searchAchievements(`q=${encodeURIComponent(marker)}&maturity=pilot`);
    expect(pilot.total).toBe(2);
    const second = await searchAchievements(`q=${encodeURIComponent(marker)}&limit=1&offset=1`);
    expect(second.items).toHaveLength(1);
    expect(second.total).toBe(3);
  });

  it('answers bad input with 400 and a code, never 500', async () => {
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'maturity=space', 'regionId=not-a-uuid', `q=${'长'.repeat(201)}`]) {
      const response = await request(null, 'GET', `/public/achievements?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json()).toHaveProperty('code');
    }
    const odd = await request(null, 'GET', `/public/achievements?q=${encodeURIComponent("'&|!():*<>\\ 的")}`);
    expect(odd.statusCode).toBe(200);
  });
});

describe('the public demand search', () => {
  it('answers published demands only, with the enterprise and budget but no contact', async () => {
    const marker = unique('苎麻');
    const [published] = await db
      .insert(demands)
      .values({
        title: `${marker}脱胶技术需求`,
        description: '求生物脱胶工艺。',
        status: 'published',
        budget: 50,
        contactPhone: '13900000000',
        enterpriseName: '某纺织企业',
      })
      .returning({ id: demands.id });
    const [draft] = await db
      .insert(demands)
      .values({ title: `${marker}草稿需求`, status: 'submitted' })
      .returning({ id: demands.id });
    await refreshSearchVectors(db, 'demand', [published!.id, draft!.id]);
    const page = (await request(null, 'GET', `/public/demands?q=${encodeURIComponent(marker)}`)).json() as PublicDemandPage;
    expect(page.items.map((item) => item.id)).toEqual([published!.id]);
    expect(page.items[0]).toMatchObject({ budget: 50, enterpriseName: '某纺织企业' });
    expect(JSON.stringify(page)).not.toContain('13900000000');
  });
});

const city = await signIn('city_staff');

describe('the domain dictionary', () => {
  it('is seeded with domain words and refused to everyone but city staff', async () => {
    const list = (await request(city, 'GET', '/search/dictionary')).json() as { items: DictionaryTerm[] };
    expect(list.items.map((item) => item.term)).toEqual(expect.arrayContaining(['玄武岩纤维', '不溶性硫磺', '科技型中小企业']));
    for (const role of ['county_staff', 'host_user', 'leader'] as const) {
      const cookie = await signIn(role, tree.countyA.id);
      expect((await request(cookie, 'GET', '/search/dictionary')).statusCode, role).toBe(403);
    }
    expect((await request(null, 'GET', '/search/dictionary')).statusCode).toBe(401);
  });

  it('re-indexes the records containing a new word, so the word then finds them whole; audited and versioned', async () => {
    const id = await addAchievement({ title: '硫化氢选择性吸收剂', abstract: '面向高含硫气田的净化工艺。' });
    const word = '硫化氢选择性吸收';
    expect((await searchAchievements(`q=${encodeURIComponent(word)}`)).items[0]?.matchedTerms ?? []).not.toContain(word.toLowerCase());
    const added = await request(city, 'POST', '/search/dictionary', { term: word, tag: '产业技术' });
    expect(added.statusCode, added.body).toBe(200);
    const change = added.json() as DictionaryChange;
    expect(change.reindexed.achievements).toBeGreaterThanOrEqual(1);
    const found = await searchAchievements(`q=${encodeURIComponent(word)}`);
    expect(found.items[0]).toMatchObject({ id });
    expect(found.items[0]!.matchedTerms).toContain(word);
    expect(await findAuditRecords(db, 'search-dictionary.create', change.term!.id)).toHaveLength(1);

    const duplicate = await request(city, 'POST', '/search/dictionary', { term: word });
    expect(duplicate.statusCode).toBe(409);
    const edited = await request(city, 'PATCH', `/search/dictionary/${change.term!.id}`, {
      frequency: 5000,
      version: change.term!.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await request(city, 'PATCH', `/search/dictionary/${change.term!.id}`, { frequency: 6000, version: change.term!.version });
    expect(stale.statusCode).toBe(409);
    const removed = await request(city, 'DELETE', `/search/dictionary/${change.term!.id}?version=${change.term!.version + 1}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await findAuditRecords(db, 'search-dictionary.delete', change.term!.id)).toHaveLength(1);
    const list = (await request(city, 'GET', '/search/dictionary')).json() as { items: DictionaryTerm[] };
    expect(list.items.map((item) => item.term)).not.toContain(word);
  });

  it('refuses a word with spaces or quotes with 400', async () => {
    for (const term of ['两个 词', "it's", '']) {
      const response = await request(city, 'POST', '/search/dictionary', { term });
      expect(response.statusCode, term).toBe(400);
    }
  });
});
