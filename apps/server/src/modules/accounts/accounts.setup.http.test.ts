import { describe, expect, it } from 'vitest';
import { count, eq, isNull, sql } from 'drizzle-orm';
import type { Setup } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { auditLog, setupTokens, users } from '../../db/schema/index';
import { seedDemo } from '../../db/seed/demo';
import { issueSetupToken } from './accounts.service';

const empty = await buildTestApp();
const demo = await buildTestApp();
const racing = await buildTestApp();
const guarded = await buildTestApp();
const ruled = await buildTestApp();
await seedDemo(demo.handle.db);
// What `stip serve` does at start while setup is needed.
const emptyToken = await issueSetupToken(empty.handle.db);
const racingToken = await issueSetupToken(racing.handle.db);

/** Three administrators whose usernames differ between calls, so only the setup lock can stop a second set. */
function setupBody(suffix: string, token = emptyToken): Setup {
  const password = 'first-start-pass-1';
  return {
    token,
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
        pending = Promise.all([setup(racing.app, setupBody('e', racingToken)), setup(racing.app, setupBody('f', racingToken))]);
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

describe('the first-start setup token', () => {
  const { db } = guarded.handle;
  const countAudit = async (action: string) =>
    (await db.select({ total: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.total;

  it('refuses an anonymous setup without the token printed at start, audits it, and creates no account', async () => {
    await issueSetupToken(db);
    const response = await setup(guarded.app, setupBody('g', 'guessed-token'));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'SETUP_TOKEN_INVALID', message: expect.stringContaining('setup-token') });
    expect(await userCount(db)).toBe(0);
    expect(await countAudit('system.setup_refused')).toBe(1);
  });

  it('refuses an expired token', async () => {
    const token = await issueSetupToken(db, new Date(Date.now() - 25 * 60 * 60 * 1000));
    expect((await setup(guarded.app, setupBody('h', token))).json().code).toBe('SETUP_TOKEN_INVALID');
    expect(await userCount(db)).toBe(0);
  });

  it('stores only a hash of the token', async () => {
    const token = await issueSetupToken(db);
    const stored = await db.select({ tokenHash: setupTokens.tokenHash }).from(setupTokens);
    expect(stored.some((row) => row.tokenHash.includes(token))).toBe(false);
    expect(stored.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
  });

  it('accepts the token once, then it and every other token are used up', async () => {
    const token = await issueSetupToken(db);
    const other = await issueSetupToken(db);
    expect((await setup(guarded.app, setupBody('i', token))).statusCode).toBe(200);
    expect(await userCount(db)).toBe(3);
    expect(await countAudit('system.setup')).toBe(3);
    const again = await setup(guarded.app, setupBody('j', other));
    expect(again.statusCode).toBe(409);
    expect(await db.select({ usedAt: setupTokens.usedAt }).from(setupTokens).where(isNull(setupTokens.usedAt))).toEqual([]);
  });

  it('refuses an administrator password against the rule (the username inside it)', async () => {
    const token = await issueSetupToken(ruled.handle.db);
    const body = setupBody('k', token);
    body.secadmin.password = `${body.secadmin.username}-Pass-1`;
    const response = await setup(ruled.app, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toContainEqual({ field: 'secadmin.password', message: '密码不能包含用户名' });
    expect(await userCount(ruled.handle.db)).toBe(0);
  });
});
