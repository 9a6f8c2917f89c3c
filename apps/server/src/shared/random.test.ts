import { describe, expect, it } from 'vitest';
import { seededRandom } from './random';

describe('seededRandom (mulberry32)', () => {
  it('replays: the same seed gives the same sequence, another seed another', () => {
    const a = seededRandom(2025);
    const b = seededRandom(2025);
    const c = seededRandom(2026);
    const first = Array.from({ length: 50 }, () => a());
    expect(Array.from({ length: 50 }, () => b())).toEqual(first);
    expect(Array.from({ length: 50 }, () => c())).not.toEqual(first);
  });

  it('keeps its sequence, so the demo registry is the same on every start', () => {
    const random = seededRandom(2025);
    expect([random(), random(), random()]).toEqual([0.425480789039284, 0.6139415160287172, 0.2061573399696499]);
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = seededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
      buckets[Math.floor(value * 10)]!++;
    }
    for (const bucket of buckets) expect(Math.abs(bucket - 10_000)).toBeLessThan(500);
  });
});
