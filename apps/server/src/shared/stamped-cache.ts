import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from '../db/change-feed';

export interface StampedCacheOptions<V> {
  /** The tables what is cached is read from; omitted: every table but sessions (db/change-feed.ts). */
  tables?: readonly string[];
  /** At most this many entries (least recently used go first). */
  max: number;
  /** With `sizeOf`: at most this much in all (e.g. bytes of JSON). */
  maxSize?: number;
  /** An entry's size, its key included (a key can be a long URL). */
  sizeOf?: (value: V, key: string) => number;
  /**
   * Longest an entry is served, whatever the feed says (default a minute): a bound on how stale an answer could be
   * if notices were ever lost without the feed noticing, which its heartbeat is there to prevent.
   */
  ttlMs?: number;
}

/** What `begin` hands out and `set` takes back: the feed's stamp when the load began. */
export type LoadTicket = number;

/**
 * A bounded in-process cache whose entries are good only while the database has not changed what they were read
 * from, as the change feed hears it. Nothing lives only here: an entry is a copy of what a read would answer, dropped
 * on the first notice of a write to its tables, and never served while the feed is not listening.
 *
 * Load protocol: `begin()` before reading the database, `set(key, value, ticket)` after; a write heard in between
 * moves the stamp, and `set` then stores nothing (what was read may predate the write).
 */
export class StampedCache<V extends object> {
  private readonly entries: LRUCache<string, { value: V; stamp: number }>;
  private readonly tables: readonly string[] | undefined;

  constructor(
    private readonly feed: ChangeFeed,
    options: StampedCacheOptions<V>,
  ) {
    this.tables = options.tables;
    const sizeOf = options.sizeOf;
    this.entries = new LRUCache<string, { value: V; stamp: number }>({
      max: options.max,
      ttl: options.ttlMs ?? 60_000,
      ...(options.maxSize && sizeOf
        ? {
            maxSize: options.maxSize,
            sizeCalculation: (entry: { value: V; stamp: number }, key: string) => Math.max(1, sizeOf(entry.value, key)),
          }
        : {}),
    });
  }

  get(key: string): V | undefined {
    if (!this.feed.listening) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.stamp !== this.feed.stamp(this.tables)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  begin(): LoadTicket {
    return this.feed.stamp(this.tables);
  }

  /** Stores `value` unless the feed is deaf or heard a change since `ticket`; answers whether it stored it. */
  set(key: string, value: V, ticket: LoadTicket): boolean {
    if (!this.feed.listening || ticket !== this.feed.stamp(this.tables)) return false;
    this.entries.set(key, { value, stamp: ticket });
    // lru-cache refuses, without a word, an entry larger than the whole cache may hold.
    return this.entries.has(key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
