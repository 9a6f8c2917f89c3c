import { describe, expect, it } from 'vitest';
import type { EvaluationRound, EvaluationRoundDetail, PlatformVersion, Rectification } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';

describe('the demo evaluation round', async () => {
  const t = await buildTestApp();
  const { db } = t.handle;
  await seedDemo(db);
  const city = await t.login('city', demoPassword);
  const get = (url: string) => t.app.inject({ url, headers: { cookie: city } }).then((r) => r.json());
  const rounds = (await get('/api/evaluation-rounds')).items as EvaluationRound[];

  it('is one applied demo round over last year', () => {
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ status: 'applied', isDemo: true, periodFrom: new Date().getUTCFullYear() - 1 });
  });

  it('rectified, revoked and recommended one platform each, through the registry with the round as reason', async () => {
    const round = (await get(`/api/evaluation-rounds/${rounds[0]!.id}`)) as EvaluationRoundDetail;
    const byOutcome = (outcome: string) => round.results.filter((r) => r.outcome === outcome);
    expect(byOutcome('rectify')).toHaveLength(1);
    expect(byOutcome('revoke')).toHaveLength(1);
    expect(byOutcome('recommend')).toHaveLength(1);
    expect(byOutcome('rectify')[0]!.platformStatus).toBe('rectifying');
    expect(byOutcome('revoke')[0]!.platformStatus).toBe('revoked');
    expect(byOutcome('revoke')[0]!.outcomeReason).toBeTruthy();
    for (const outcome of ['rectify', 'revoke', 'recommend']) {
      const history = (await get(`/api/platforms/${byOutcome(outcome)[0]!.platform.id}/history`)) as PlatformVersion[];
      expect(history[0]!.changeNote, outcome).toContain(round.title);
    }
    const rectifications = (await get('/api/rectifications')).items as Rectification[];
    expect(rectifications).toEqual([
      expect.objectContaining({ status: 'ordered', isDemo: true, platform: byOutcome('rectify')[0]!.platform }),
    ]);
  });
});
