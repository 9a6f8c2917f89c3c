import { describe, expect, it } from 'vitest';
import type { ChangeFeed } from '../db/change-feed';
import { StampedCache } from './stamped-cache';

/** A feed the test drives by hand: tables written, listening or not. */
function handFeed() {
  const byTable = new Map<string, number>();
  let epoch = 0;
  const feed = {
    listening: true,
    stamp: (tables?: readonly string[]) =>
      epoch + (tables ?? [...byTable.keys()]).reduce((sum, table) => sum + (byTable.get(table) ?? 0), 0),
    changedLocally: () => {
      epoch += 1;
    },
    close: async () => undefined,
    write: (table: string) => byTable.set(table, (byTable.get(table) ?? 0) + 1),
  };
  return feed satisfies ChangeFeed;
}

describe('StampedCache', () => {
  it('serves an entry until one of its tables is written, and not after', () => {
    const feed = handFeed();
    const cache = new StampedCache<{ n: number }>(feed, { tables: ['users'], max: 10 });
    cache.set('a', { n: 1 }, cache.begin());
    expect(cache.get('a')).toEqual({ n: 1 });
    feed.write('plans');
    expect(cache.get('a')).toEqual({ n: 1 });
    feed.write('users');
    expect(cache.get('a')).toBeUndefined();
    // Dropped for good, not revived when the stamp is read again.
    expect(cache.get('a')).toBeUndefined();
  });

  it('stores nothing loaded across a write: what was read may predate it', () => {
    const feed = handFeed();
    const cache = new StampedCache<{ n: number }>(feed, { tables: ['users'], max: 10 });
    const ticket = cache.begin();
    feed.write('users');
    expect(cache.set('a', { n: 1 }, ticket)).toBe(false);
    expect(cache.get('a')).toBeUndefined();
    const local = cache.begin();
    feed.changedLocally();
    expect(cache.set('a', { n: 1 }, local)).toBe(false);
  });

  it('neither serves nor stores while the feed is deaf', () => {
    const feed = handFeed();
    const cache = new StampedCache<{ n: number }>(feed, { max: 10 });
    cache.set('a', { n: 1 }, cache.begin());
    feed.listening = false;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.set('b', { n: 2 }, cache.begin())).toBe(false);
  });

  it('keeps within its size, least recently used first, and serves nothing older than its time to live', async () => {
    const feed = handFeed();
    const cache = new StampedCache<{ body: string }>(feed, { max: 100, maxSize: 10, sizeOf: (v) => v.body.length, ttlMs: 40 });
    cache.set('a', { body: 'aaaa' }, cache.begin());
    cache.set('b', { body: 'bbbb' }, cache.begin());
    cache.get('a');
    cache.set('c', { body: 'cccc' }, cache.begin());
    expect([cache.get('a')?.body, cache.get('b')?.body, cache.get('c')?.body]).toEqual(['aaaa', undefined, 'cccc']);
    expect(cache.set('huge', { body: 'x'.repeat(11) }, cache.begin())).toBe(false);
    expect(cache.get('huge')).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(cache.get('a')).toBeUndefined();
  });
});
