import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from './client';

/** The channel migration 0029's triggers notify, with the written table's name as the payload. */
export const changeChannel = 'stip_changes';

/**
 * What this process has heard of the database's changes, for caches that answer without asking it. PostgreSQL
 * notifies every listening process of each committed write (migration 0029: one notice per table and statement,
 * delivered at commit, in commit order); the feed counts them per table.
 *
 * A cache reads a stamp before it loads, stores the stamp with what it loaded, and serves an entry only while the
 * stamp is unchanged and the feed is listening. A process that cannot hear (its listening connection lost, not
 * yet back) serves nothing from a cache, and every stamp moves when it hears again: it may have missed notices.
 */
export interface ChangeFeed {
  /** Whether notices arrive now; while false, no cache may answer. */
  readonly listening: boolean;
  /**
   * A number that grows whenever one of `tables` is written, the process writes anything itself, or the feed
   * reconnects; equal readings mean none of that happened in between. Without `tables`: any table but sessions.
   */
  stamp(tables?: readonly string[]): number;
  /**
   * This process has just written (a write request ends): moves every stamp at once, so this process's next read
   * never waits on PostgreSQL's notice to see its own write. Other processes see it when their notice arrives.
   */
  changedLocally(): void;
  close(): Promise<void>;
}

export interface ChangeFeedOptions {
  /** PostgreSQL: how often the listening connection is asked whether it is alive, and how long it has to answer. */
  heartbeat?: { everyMs: number; timeoutMs: number };
  /** PostgreSQL: settings of the listening connection that differ from the pool's (tests reach it through a proxy). */
  connection?: pg.ClientConfig;
}

/** The feed for `db`'s database: LISTEN on PGlite or on a dedicated PostgreSQL connection (reconnecting). */
export async function startChangeFeed(db: Database, options: ChangeFeedOptions = {}): Promise<ChangeFeed> {
  const client = (db as unknown as { $client: unknown }).$client;
  const feed = new Feed(options.heartbeat ?? { everyMs: 5_000, timeoutMs: 3_000 });
  if (client instanceof pg.Pool) await feed.listenOnPostgres({ ...client.options, ...options.connection });
  else if (client instanceof PGlite) await feed.listenOnPglite(client);
  return feed;
}

/** A feed that never listens: every cache built on it stays empty (READ_CACHE_MB=0). */
export const deafChangeFeed: ChangeFeed = {
  listening: false,
  stamp: () => 0,
  changedLocally: () => undefined,
  close: async () => undefined,
};

const reconnectDelaysMs = [200, 1_000, 5_000, 15_000];

class Feed implements ChangeFeed {
  listening = false;
  /** Moves on a local write and on every (re)connect: it is part of every stamp. */
  private epoch = 0;
  /** Notices heard of tables other than sessions. */
  private anyTable = 0;
  private readonly byTable = new Map<string, number>();
  private closed = false;
  private stop: (() => Promise<void>) | null = null;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly heartbeat: { everyMs: number; timeoutMs: number }) {}

  stamp(tables?: readonly string[]): number {
    if (!tables) return this.epoch + this.anyTable;
    let sum = this.epoch;
    for (const table of tables) sum += this.byTable.get(table) ?? 0;
    return sum;
  }

  changedLocally(): void {
    this.epoch += 1;
  }

  private heard(table: string): void {
    this.byTable.set(table, (this.byTable.get(table) ?? 0) + 1);
    if (table !== 'sessions') this.anyTable += 1;
  }

  private nowListening(stop: () => Promise<void>): void {
    this.stop = stop;
    this.epoch += 1;
    this.listening = true;
  }

  async listenOnPglite(client: PGlite): Promise<void> {
    // PGlite runs in this process and hands over a statement's notices before the statement's promise settles.
    const unlisten = await client.listen(changeChannel, (payload) => this.heard(payload));
    this.nowListening(unlisten);
  }

  async listenOnPostgres(options: pg.ClientConfig, attempt = 0): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      ...options,
      keepAlive: true,
      connectionTimeoutMillis: Math.max(5_000, this.heartbeat.timeoutMs),
      query_timeout: this.heartbeat.timeoutMs,
    });
    const lost = () => {
      if (!this.listening && this.stop === null) return;
      this.listening = false;
      this.epoch += 1;
      const stop = this.stop;
      this.stop = null;
      void stop?.();
      this.reconnect(options, 0);
    };
    client.on('notification', (message) => {
      if (message.channel === changeChannel && message.payload) this.heard(message.payload);
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${changeChannel}`);
    } catch {
      await dispose(client);
      this.reconnect(options, attempt + 1);
      return;
    }
    // A connection can die without a word (a cable, a firewall's idle timeout): TCP keepalive aside, ask it
    // something every few seconds; no answer within query_timeout counts it lost.
    const heartbeat = setInterval(() => {
      client.query('select 1').catch(lost);
    }, this.heartbeat.everyMs);
    heartbeat.unref();
    this.nowListening(async () => {
      clearInterval(heartbeat);
      await dispose(client);
    });
  }

  private reconnect(options: pg.ClientConfig, attempt: number): void {
    if (this.closed || this.retry) return;
    const delay = reconnectDelaysMs[Math.min(attempt, reconnectDelaysMs.length - 1)]!;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listenOnPostgres(options, attempt);
    }, delay);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const stop = this.stop;
    this.stop = null;
    await stop?.();
  }
}

/** Ends a listening connection quietly: its end and errors no longer count as a loss. */
async function dispose(client: pg.Client): Promise<void> {
  client.removeAllListeners('end');
  client.removeAllListeners('error');
  client.on('error', () => undefined);
  await client.end().catch(() => undefined);
}
