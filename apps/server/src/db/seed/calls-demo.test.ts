import { describe, expect, it } from 'vitest';
import type { ApplicationDetail, ApplicationListItem, Platform } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';

describe('the demo calls and applications', async () => {
  const t = await buildTestApp();
  const { db } = t.handle;
  await seedDemo(db);
  const get = async (username: string, url: string) =>
    (await t.app.inject({ url, headers: { cookie: await t.login(username, demoPassword) } })).json();

  it('holds one open call with applications in every state of the chain', async () => {
    const calls = await get('city', '/api/calls');
    expect(calls.items).toEqual([expect.objectContaining({ status: 'open', isDemo: true })]);
    const list = (await get('city', '/api/applications?limit=100')).items as ApplicationListItem[];
    expect(list.map((a) => a.status).sort()).toEqual(
      ['county_review', 'expert_review', 'formal_review', 'public_notice', 'recognized', 'returned'].sort(),
    );
    expect(list.every((a) => a.isDemo)).toBe(true);
  });

  it('gives dagang its draft and its returned application with the comments', async () => {
    const mine = (await get('dagang', '/api/applications')).items as ApplicationListItem[];
    expect(mine.map((a) => a.status).sort()).toEqual(['draft', 'returned']);
    const returned = (await get('dagang', `/api/applications/${mine.find((a) => a.status === 'returned')!.id}`)) as ApplicationDetail;
    expect(returned.reviews.at(-1)!.comment).toContain('研发投入');
  });

  it('gives xuanhan one application to recommend', async () => {
    const waiting = (await get('xuanhan', '/api/applications?waiting=true')).items as ApplicationListItem[];
    expect(waiting.map((a) => a.status)).toEqual(['county_review']);
  });

  it('recognised one application into a platform under construction, and has one objection on notice', async () => {
    const list = (await get('city', '/api/applications?limit=100')).items as ApplicationListItem[];
    const recognized = list.find((a) => a.status === 'recognized')!;
    const platform = (await get('city', `/api/platforms/${recognized.platformId}`)) as Platform;
    expect(platform).toMatchObject({ status: 'constructing', recognitionDocNo: '达市科〔2026〕88号（演示）' });
    const notice = (await get('city', `/api/applications/${list.find((a) => a.status === 'public_notice')!.id}`)) as ApplicationDetail;
    expect(notice.objections).toHaveLength(1);
  });
});
