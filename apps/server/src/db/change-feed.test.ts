import { afterAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import net from 'node:net';
import pg from 'pg';
import { createTestDb } from '../../test/test-db';
import { buildRegion, buildUser } from '../../test/factories';
import { startChangeFeed } from './change-feed';
import { regions, sessions, users } from './schema/index';

/**
 * The change feed on the database the suite runs on (PGlite, or PostgreSQL with TEST_DATABASE_URL): which tables
 * notify, that a write anywhere moves the stamps of the caches that read it and no other, and (PostgreSQL) that a lost
 * listening connection stops every cache until it is back.
 */
const handle = await createTestDb();
const { db } = handle;
const feed = await startChangeFeed(db);
afterAll(() => feed.close());

/** The tables without the generic trigger, each for the reason migration 0029 gives. */
const unwatched = ['audit_log', 'job_runs', 'login_challenges', 'login_throttles', 'scheduled_jobs'];

/** Waits for PostgreSQL's notice (PGlite hands it over before the write's promise settles). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('change feed', () => {
  it('listens, and every table but the documented ones notifies on every kind of write', async () => {
    expect(feed.listening).toBe(true);
    const result = await db.execute<{ table: string; events: number; statement: boolean; fn: string }>(sql`
      select c.relname as "table", t.tgtype::int as events, (t.tgtype::int & 1) = 0 as statement, p.proname as fn
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      left join pg_trigger t on t.tgrelid = c.oid and not t.tgisinternal
        and t.tgfoid = 'stip_notify_change'::regproc
      left join pg_proc p on p.oid = t.tgfoid
      where c.relkind in ('r', 'p')
      order by 1`);
    const rows = (result as unknown as { rows: { table: string; events: number | null; statement: boolean | null; fn: string | null }[] })
      .rows;
    expect(rows.length).toBeGreaterThan(50);
    const missing = rows.filter((row) => row.fn === null).map((row) => row.table);
    expect(missing).toEqual(unwatched);
    // tgtype bits: 4 insert, 8 delete, 16 update, 32 truncate; sessions: update (of revoked_at) and delete, and truncate.
    const events = new Map<string, number>();
    for (const row of rows) if (row.events !== null) events.set(row.table, (events.get(row.table) ?? 0) | row.events);
    for (const [table, mask] of events) {
      const expected = table === 'sessions' ? 8 | 16 | 32 : 4 | 8 | 16 | 32;
      expect({ table, kinds: mask & 60 }).toEqual({ table, kinds: expected });
    }
    // Statement-level (one notice per bulk write), but for the row updates of sessions and users: a condition on
    // the row tells whether the session's life was cut short, or whether more than the user's sign-in time changed.
    expect([...new Set(rows.filter((row) => row.statement === false).map((row) => row.table))]).toEqual(['sessions', 'users']);
  });

  it('moves the stamp of the tables written, of the whole database, and not of tables untouched', async () => {
    const allBefore = feed.stamp();
    const regionsBefore = feed.stamp(['regions']);
    const plansBefore = feed.stamp(['plans']);
    await buildRegion(db);
    await until(() => feed.stamp(['regions']) !== regionsBefore, 'the regions notice');
    expect(feed.stamp()).toBeGreaterThan(allBefore);
    expect(feed.stamp(['plans'])).toBe(plansBefore);
  });

  it('hears a write from another connection, a rolled-back one never', async () => {
    const before = feed.stamp(['regions']);
    await db
      .transaction(async (tx) => {
        await tx.update(regions).set({ name: '回滚的名称' });
        tx.rollback();
      })
      .catch(() => undefined);
    const [one] = await db.select({ id: regions.id }).from(regions).limit(1);
    if (process.env.TEST_DATABASE_URL) {
      // A write by a client this process does not own (another app process, psql).
      const other = new pg.Client({ connectionString: (db as unknown as { $client: pg.Pool }).$client.options.connectionString });
      await other.connect();
      await other.query(`update regions set name = name where id = $1`, [one!.id]);
      await other.end();
    } else {
      await db
        .update(regions)
        .set({ name: sql`name` })
        .where(eq(regions.id, one!.id));
    }
    await until(() => feed.stamp(['regions']) !== before, "the other connection's notice");
    expect(feed.stamp(['regions'])).toBe(before + 1);
  });

  it('moves the sessions stamp when a session is shortened or ends, not when one opens or is extended', async () => {
    const { id: userId } = await buildUser(db, { role: 'city_staff' });
    const tokenHash = `hash-${crypto.randomUUID()}`;
    const regionsBefore = feed.stamp(['regions']);
    const before = feed.stamp(['sessions']);
    const anyBefore = feed.stamp();
    const [session] = await db
      .insert(sessions)
      .values({ userId, tokenHash, expiresAt: new Date(Date.now() + 60_000) })
      .returning({ id: sessions.id });
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + 120_000) })
      .where(eq(sessions.id, session!.id));
    // A marker write after them: once its notice is in, any notice of the two writes above would be in too.
    await buildRegion(db);
    await until(() => feed.stamp(['regions']) !== regionsBefore, 'the marker');
    expect(feed.stamp(['sessions'])).toBe(before);
    const anyAfterMarker = feed.stamp();
    expect(anyAfterMarker).toBeGreaterThan(anyBefore);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 30_000) })
      .where(eq(sessions.id, session!.id));
    await until(() => feed.stamp(['sessions']) !== before, 'the shortening');
    const shortened = feed.stamp(['sessions']);
    await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, session!.id));
    await until(() => feed.stamp(['sessions']) !== shortened, 'the revocation');
    // A session's end concerns the session caches, not every read.
    expect(feed.stamp()).toBe(anyAfterMarker);
  });

  it('moves the users stamp when a user changes, not when a sign-in records its time', async () => {
    // A marker write after a write: once the marker's notice is in, any notice of the write before it is in too.
    const marked = async () => {
      const regionsBefore = feed.stamp(['regions']);
      await buildRegion(db);
      await until(() => feed.stamp(['regions']) !== regionsBefore, 'the marker');
    };
    const { id: userId } = await buildUser(db, { role: 'city_staff' });
    await marked();
    const before = feed.stamp(['users']);
    await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
    await marked();
    expect(feed.stamp(['users'])).toBe(before);
    await db.update(users).set({ displayName: '改过的名字', lastLoginAt: new Date() }).where(eq(users.id, userId));
    await until(() => feed.stamp(['users']) !== before, 'the change of name');
    const renamed = feed.stamp(['users']);
    await db.update(users).set({ isActive: false }).where(eq(users.id, userId));
    await until(() => feed.stamp(['users']) !== renamed, 'the deactivation');
  });

  it('moves every stamp on a local write', () => {
    const before = [feed.stamp(), feed.stamp(['sessions']), feed.stamp(['plans'])];
    feed.changedLocally();
    expect([feed.stamp(), feed.stamp(['sessions']), feed.stamp(['plans'])]).toEqual(before.map((stamp) => stamp + 1));
  });

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'stops caching while its connection is lost and hears again after it reconnects',
    async () => {
      const before = feed.stamp();
      const result = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from (
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'
      ) terminated`);
      expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
      await until(() => !feed.listening, 'the loss');
      await until(() => feed.listening, 'the reconnection');
      // Notices sent while it was away are lost: reconnecting moves every stamp.
      expect(feed.stamp()).toBeGreaterThan(before);
      const regionsBefore = feed.stamp(['regions']);
      await buildRegion(db);
      await until(() => feed.stamp(['regions']) !== regionsBefore, 'a notice after reconnecting');
    },
  );

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'counts a connection that falls silent as lost, and listens again once it answers',
    async () => {
      // A proxy between the feed and PostgreSQL that can drop every byte both ways without closing anything: what a
      // dead cable or a firewall's idle timeout does to a connection.
      const target = new URL((db as unknown as { $client: pg.Pool }).$client.options.connectionString!);
      let silent = false;
      const sockets: net.Socket[] = [];
      const proxy = net.createServer((downstream) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.push(downstream, upstream);
        downstream.on('data', (chunk) => silent || upstream.write(chunk));
        upstream.on('data', (chunk) => silent || downstream.write(chunk));
        for (const socket of [downstream, upstream]) socket.on('error', () => undefined);
        downstream.on('close', () => upstream.destroy());
        upstream.on('close', () => downstream.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const through = new URL(target);
      through.hostname = '127.0.0.1';
      through.port = String((proxy.address() as net.AddressInfo).port);
      const watched = await startChangeFeed(db, {
        heartbeat: { everyMs: 100, timeoutMs: 300 },
        connection: { connectionString: through.toString() },
      });
      try {
        expect(watched.listening).toBe(true);
        const before = watched.stamp(['regions']);
        silent = true;
        await buildRegion(db); // its notice is lost on the way
        await until(() => !watched.listening, 'the heartbeat to notice the silence');
        silent = false;
        await until(() => watched.listening, 'listening again');
        // The lost notice is made up for: the stamps moved on the loss and on the reconnection.
        expect(watched.stamp(['regions'])).toBeGreaterThan(before);
      } finally {
        await watched.close();
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => proxy.close(resolve));
      }
    },
  );

  it('stops listening when closed', async () => {
    const other = await startChangeFeed(db);
    expect(other.listening).toBe(true);
    await other.close();
    expect(other.listening).toBe(false);
    const before = other.stamp(['regions']);
    await buildRegion(db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(other.stamp(['regions'])).toBe(before);
  });
});
