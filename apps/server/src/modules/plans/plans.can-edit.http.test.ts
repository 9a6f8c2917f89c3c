import { beforeAll, describe, expect, it } from 'vitest';
import type { Page, Plan } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildPlan, buildRegionTree, buildUser } from '../../../test/factories';

// The web app shows the edit buttons of a plan, its targets and tasks from `canEdit`; the plan policy decides it.
const t = await buildTestApp();
const { db } = t.handle;

let cityPlan: string;
let countyPlan: string;
const cookies: Record<'city' | 'county' | 'leader', string> = { city: '', county: '', leader: '' };

beforeAll(async () => {
  const tree = await buildRegionTree(db);
  cityPlan = await buildPlan(db, { regionId: tree.city.id });
  countyPlan = await buildPlan(db, { regionId: tree.countyA.id });
  cookies.city = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  cookies.county = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);
  cookies.leader = await t.login((await buildUser(db, { role: 'leader', regionId: tree.city.id })).username);
});

async function canEdit(who: keyof typeof cookies, planId: string): Promise<boolean> {
  const response = await t.app.inject({ url: `/api/plans/${planId}`, headers: { cookie: cookies[who] } });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Plan).canEdit;
}

describe('a plan’s canEdit', () => {
  it('is true for the city staff on the city’s and a county’s plan', async () => {
    expect(await canEdit('city', cityPlan)).toBe(true);
    expect(await canEdit('city', countyPlan)).toBe(true);
  });

  it('is false for a county’s staff on the city’s plan they see, true on their own county’s', async () => {
    expect(await canEdit('county', cityPlan)).toBe(false);
    expect(await canEdit('county', countyPlan)).toBe(true);
  });

  it('is false for a leader, who oversees but does not write', async () => {
    expect(await canEdit('leader', cityPlan)).toBe(false);
  });

  it('is sent with each plan of the list too, and matches what a change is answered', async () => {
    const list = await t.app.inject({ url: '/api/plans?limit=500', headers: { cookie: cookies.county } });
    const flags = new Map((list.json() as Page<Plan>).items.map((plan) => [plan.id, plan]));
    expect(flags.get(cityPlan)?.canEdit).toBe(false);
    expect(flags.get(countyPlan)?.canEdit).toBe(true);
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/plans/${cityPlan}`,
      headers: { cookie: cookies.county },
      payload: { title: '改名', version: flags.get(cityPlan)!.version },
    });
    expect(refused.statusCode).toBe(403);
  });
});
