import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDb } from '../../../test/test-db';
import { buildPlatform, buildPlatformType, unique } from '../../../test/factories';
import { platformVersions, platforms } from '../../db/schema/index';
import { inForceOn, writePlatformVersion } from './platforms.versions';

const { db } = await createTestDb();
const note = { changeNote: null, recordedBy: null };

async function versionsOf(platformId: string) {
  return db
    .select({
      version: platformVersions.version,
      validFrom: platformVersions.validFrom,
      validTo: platformVersions.validTo,
      name: platformVersions.name,
    })
    .from(platformVersions)
    .where(eq(platformVersions.platformId, platformId))
    .orderBy(asc(platformVersions.version));
}

async function lockVersionOf(platformId: string) {
  const [row] = await db.select({ version: platforms.version }).from(platforms).where(eq(platforms.id, platformId));
  return row!.version;
}

/** The names of the platform's versions in force on `day` (null: the current one). */
async function namesInForce(platformId: string, day: string | null) {
  const rows = await db
    .select({ name: platformVersions.name })
    .from(platformVersions)
    .where(and(eq(platformVersions.platformId, platformId), inForceOn(day)));
  return rows.map((row) => row.name);
}

describe('writePlatformVersion, the one writer of platform versions', () => {
  it('closes the current state on the effective date and opens the next from it, bumping the lock version', async () => {
    const id = await buildPlatform(db, { name: '甲', validFrom: '2022-01-01' });
    const version = await writePlatformVersion(db, id, (current) => ({ ...current, name: '乙' }), '2023-06-01', note);
    expect(version).toBe(2);
    expect(await versionsOf(id)).toEqual([
      { version: 1, validFrom: '2022-01-01', validTo: '2023-06-01', name: '甲' },
      { version: 2, validFrom: '2023-06-01', validTo: null, name: '乙' },
    ]);
    expect(await lockVersionOf(id)).toBe(2);
  });

  it('keeps the other fields of the current state when given a change of it', async () => {
    const typeId = await buildPlatformType(db);
    const id = await buildPlatform(db, { validFrom: '2022-01-01', industry: '天然气化工', director: '张三' });
    await writePlatformVersion(db, id, (current) => ({ ...current, typeId }), '2023-01-01', note);
    const [current] = await db
      .select()
      .from(platformVersions)
      .where(and(eq(platformVersions.platformId, id), inForceOn(null)));
    expect(current).toMatchObject({ typeId, industry: '天然气化工', director: '张三', version: 2 });
  });

  it('refuses a change back-dated before the current state began and writes nothing', async () => {
    const id = await buildPlatform(db, { validFrom: '2022-01-01' });
    await writePlatformVersion(db, id, (current) => ({ ...current, name: unique('改名') }), '2023-01-01', note);
    await expect(writePlatformVersion(db, id, (current) => current, '2022-12-31', note)).rejects.toMatchObject({
      code: 'RULE_VIOLATION',
      message: '生效日期（2022-12-31）不能早于当前状态的生效日期（2023-01-01）',
    });
    expect(await versionsOf(id)).toHaveLength(2);
    expect(await lockVersionOf(id)).toBe(2);
  });

  it('lets a same-day change replace the state for that day while the history keeps the replaced one', async () => {
    const id = await buildPlatform(db, { name: '甲', validFrom: '2022-01-01' });
    await writePlatformVersion(db, id, (current) => ({ ...current, name: '乙' }), '2023-01-01', note);
    await writePlatformVersion(db, id, (current) => ({ ...current, name: '丙' }), '2023-01-01', note);
    expect(await versionsOf(id)).toEqual([
      { version: 1, validFrom: '2022-01-01', validTo: '2023-01-01', name: '甲' },
      { version: 2, validFrom: '2023-01-01', validTo: '2023-01-01', name: '乙' },
      { version: 3, validFrom: '2023-01-01', validTo: null, name: '丙' },
    ]);
    expect(await namesInForce(id, '2022-12-31')).toEqual(['甲']);
    expect(await namesInForce(id, '2023-01-01')).toEqual(['丙']);
    expect(await namesInForce(id, null)).toEqual(['丙']);
  });

  it('answers a version conflict when the platform moved on since the caller read it', async () => {
    const id = await buildPlatform(db, { validFrom: '2022-01-01' });
    await writePlatformVersion(db, id, (current) => current, '2023-01-01', { ...note, expectedVersion: 1 });
    await expect(writePlatformVersion(db, id, (current) => current, '2023-02-01', { ...note, expectedVersion: 1 })).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect(await versionsOf(id)).toHaveLength(2);
  });

  it('answers not found for a deleted or unknown platform', async () => {
    const id = await buildPlatform(db, { validFrom: '2022-01-01' });
    await db.update(platforms).set({ deletedAt: new Date() }).where(eq(platforms.id, id));
    await expect(writePlatformVersion(db, id, (current) => current, '2023-01-01', note)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      writePlatformVersion(db, '00000000-0000-4000-8000-000000000000', (current) => current, '2023-01-01', note),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('inForceOn, the one rule for "in force on day D"', () => {
  it('admits a version from its first day up to, not including, the day it was closed', async () => {
    const id = await buildPlatform(db, { name: '旧', validFrom: '2022-03-01' });
    await writePlatformVersion(db, id, (current) => ({ ...current, name: '新' }), '2023-03-01', note);
    expect(await namesInForce(id, '2022-02-28')).toEqual([]);
    expect(await namesInForce(id, '2022-03-01')).toEqual(['旧']);
    expect(await namesInForce(id, '2023-02-28')).toEqual(['旧']);
    expect(await namesInForce(id, '2023-03-01')).toEqual(['新']);
    expect(await namesInForce(id, '2099-01-01')).toEqual(['新']);
    expect(await namesInForce(id, null)).toEqual(['新']);
  });
});
