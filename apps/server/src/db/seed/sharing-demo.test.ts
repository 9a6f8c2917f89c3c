import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { achievements, demands } from '../schema/index';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';

describe('the demo achievements and demands', async () => {
  const t = await buildTestApp();
  const { db } = t.handle;
  await seedDemo(db);

  it('seeds a dozen achievements and eight demands, marked demo, most of them published', async () => {
    const allAchievements = await db.select().from(achievements);
    const allDemands = await db.select().from(demands);
    expect(allAchievements.length).toBeGreaterThanOrEqual(12);
    expect(allDemands.length).toBeGreaterThanOrEqual(8);
    expect([...allAchievements, ...allDemands].every((row) => row.isDemo)).toBe(true);
    expect(allAchievements.filter((row) => row.status === 'published').length).toBeGreaterThan(allAchievements.length / 2);
    expect(new Set(allAchievements.map((row) => row.status))).toEqual(new Set(['published', 'submitted', 'draft', 'returned', 'closed']));
  });

  it('has a published 玄武岩纤维 achievement and a published demand it answers, both found by search', async () => {
    const city = await t.login('city', demoPassword);
    const q = encodeURIComponent('玄武岩纤维');
    const found = (await t.app.inject({ url: `/api/achievements?q=${q}&status=published`, headers: { cookie: city } })).json();
    expect(found.items.length).toBeGreaterThanOrEqual(2);
    const wanted = (await t.app.inject({ url: `/api/demands?q=${q}&status=published`, headers: { cookie: city } })).json();
    expect(wanted.items[0].title).toContain('玄武岩纤维');
  });

  it('lets the demo enterprise user dagang post a demand for 达钢集团 and see its own demands', async () => {
    const dagang = await t.login('dagang', demoPassword);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/demands',
      headers: { cookie: dagang },
      payload: { title: '高炉煤气余热发电效率提升', description: '需要提升余热发电效率的技术。' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().enterpriseName).toBe('四川达州钢铁集团有限责任公司');
    const mine = (await t.app.inject({ url: '/api/demands', headers: { cookie: dagang } })).json();
    const [steel] = await db.select().from(demands).where(eq(demands.title, '转炉钢渣稳定化处理与高值化利用技术'));
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([response.json().id, steel!.id]));
  });

  it('gives city staff the submitted records to review in 我的待办', async () => {
    const city = await t.login('city', demoPassword);
    const todos = (await t.app.inject({ url: '/api/todos', headers: { cookie: city } })).json();
    const titles = todos.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('审核科技成果：钢渣微粉制备高性能混凝土掺合料技术');
    expect(titles).toContain('审核技术需求：中药材有效成分提取纯化工艺');
  });
});
