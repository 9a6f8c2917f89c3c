import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { ErrorCode } from '@stip/contracts';
import { buildTestApp } from '../../test/build-test-app';
import { buildRegionTree, buildUser, unique } from '../../test/factories';
import { platformSystems } from '../db/schema/index';
import { isUniqueViolation } from '../shared/database-errors';
import { errorHandlerPlugin } from './error-handler';

// Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set: the two wrap the error differently.
const t = await buildTestApp();
const { db } = t.handle;

const systemValues = () => ({ code: unique('race').replace(/-/g, '_'), name: unique('竞态体系') });

describe('a unique violation', () => {
  it('is recognised under the wrapping of this database driver', async () => {
    const values = systemValues();
    await db.insert(platformSystems).values(values);
    const error = await db
      .insert(platformSystems)
      .values(values)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });

  it('answers 409 ALREADY_EXISTS with a Chinese message, not a 500', async () => {
    const app = Fastify({ logger: false });
    await app.register(errorHandlerPlugin);
    const values = systemValues();
    app.post('/duplicate', async () => {
      await db.insert(platformSystems).values(values);
      await db.insert(platformSystems).values(values);
      return { ok: true };
    });
    const response = await app.inject({ method: 'POST', url: '/duplicate' });
    await app.close();
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: ErrorCode.AlreadyExists, message: expect.stringMatching(/已存在/) });
  });
});

describe('racing creates', () => {
  it('create one platform system and answer the others 409', async () => {
    const tree = await buildRegionTree(db);
    const staff = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
    const cookie = await t.login(staff.username);
    const payload = systemValues();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => t.app.inject({ method: 'POST', url: '/api/platform-systems', headers: { cookie }, payload })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json()).toMatchObject({ code: ErrorCode.AlreadyExists });
    }
  });

  it('create one account and answer the others 409', async () => {
    const admin = await buildUser(db, { role: 'sysadmin' });
    const cookie = await t.login(admin.username);
    const payload = { username: unique('racer').replace(/[^a-zA-Z0-9_.-]/g, ''), displayName: '竞态账号', password: 'Race-password-2026' };
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => t.app.inject({ method: 'POST', url: '/api/users', headers: { cookie }, payload })),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json()).toMatchObject({ code: ErrorCode.AlreadyExists });
    }
  });
});
