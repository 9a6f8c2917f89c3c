import { describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import type { Setup } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { users } from '../../db/schema/index';
import { seedDemo } from '../../db/seed/demo';

const empty = await buildTestApp();
const demo = await buildTestApp();
const racing = await buildTestApp();
await seedDemo(demo.handle.db);

/** Three administrators whose usernames differ between calls, so only the setup lock can stop a second set. */
function setupBody(suffix: string): Setup {
  const password = 'first-start-pass-1';
  return {
    sysadmin: { username: `sys${suffix}`, password },
    secadmin: { username: `sec${suffix}`, password },
    auditadmin: { username: `audit${suffix}`, password },
  };
}

function setup(app: typeof empty.app, body: Setup) {
  return app.inject({ method: 'POST', url: '/api/setup', payload: body });
}

/** Polls until `condition` holds (10 s at most). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (const started = Date.now(); !(await condition());) {
    if (Date.now() - started > 10_000) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function userCount(db: typeof empty.handle.db): Promise<number> {
  const [row] = await db.select({ total: count() }).from(users);
  return row!.total;
}

describe('the first-start setup', () => {
  it('creates one set of administrators when two setups run at once, refusing the other', async () => {
    expect((await empty.app.inject({ url: '/api/setup' })).json().needsSetup).toBe(true);
    const responses = await Promise.all([setup(empty.app, setupBody('a')), setup(empty.app, setupBody('b'))]);
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([200, 409]);
    expect(responses.find((response) => response.statusCode === 409)!.json().code).toBe('SETUP_ALREADY_DONE');
    expect(await userCount(empty.handle.db)).toBe(3);
    expect((await empty.app.inject({ url: '/api/setup' })).json().needsSetup).toBe(false);
  });

  it('refuses a setup once accounts exist', async () => {
    const response = await setup(empty.app, setupBody('c'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'SETUP_ALREADY_DONE', message: '系统已完成初始化' });
    expect(await userCount(empty.handle.db)).toBe(3);
  });

  it('refuses a setup on a database with the demo data', async () => {
    const before = await userCount(demo.handle.db);
    const response = await setup(demo.app, setupBody('d'));
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('SETUP_ALREADY_DONE');
    expect(await userCount(demo.handle.db)).toBe(before);
  });

  // On PostgreSQL the two transactions really overlap: the test holds the audit table, so each setup
  // stops at its first audit record, after counting and inserting. Only the setup lock keeps the
  // second from counting before the first commits. (PGlite runs one transaction at a time.)
  it.runIf(racing.handle.kind === 'postgres')(
    'creates one set of administrators when both setups are inside their transactions at once',
    async () => {
      const { db } = racing.handle;
      let pending: Promise<{ statusCode: number }[]> = Promise.resolve([]);
      await db.transaction(async (tx) => {
        await tx.execute(sql`lock table audit_log in exclusive mode`);
        pending = Promise.all([setup(racing.app, setupBody('e')), setup(racing.app, setupBody('f'))]);
        await waitFor(async () => {
          const rows = await db.execute<{ waiting: number }>(
            sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return (rows as unknown as { rows: { waiting: number }[] }).rows[0]!.waiting >= 2;
        });
      });
      const statuses = (await pending).map((response) => response.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      expect(await userCount(db)).toBe(3);
    },
  );
});
