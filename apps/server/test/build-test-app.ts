import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { type BuildAppOptions, buildApp } from '../src/app';
import type { DbHandle } from '../src/db/client';
import { createTestDb } from './test-db';

export interface TestApp {
  app: FastifyInstance;
  handle: DbHandle;
  /** Logs in and returns the Cookie header value of the new session. */
  login(username: string, password?: string): Promise<string>;
}

export const testPassword = 'test-password-1';

/** Tests sign in far more often than people do: the per-address limits stay out of the way unless a test sets them. */
const testRateLimits = { signInPerMinute: 100_000, publicPerMinute: 100_000, searchPerMinute: 100_000 };

/**
 * The app on a fresh database for this test file (with any settings `options` gives); closed after the file's tests.
 * Administrators sign in with the password alone unless `options` says otherwise: pass
 * `{ requireAdministratorTwoFactor: undefined }` for an instance's real defaults.
 */
export async function buildTestApp(options: Omit<Partial<BuildAppOptions>, 'db'> = {}): Promise<TestApp> {
  const handle = await createTestDb();
  const app = await buildApp({
    db: handle.db,
    webRoot: null,
    logger: process.env.STIP_TEST_LOG ? { level: 'error' } : false,
    requireAdministratorTwoFactor: false,
    anonymousRateLimits: testRateLimits,
    ...options,
  });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  return {
    app,
    handle,
    async login(username, password = testPassword) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (response.statusCode !== 200) throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'stip_session');
      return `stip_session=${cookie!.value}`;
    },
  };
}
