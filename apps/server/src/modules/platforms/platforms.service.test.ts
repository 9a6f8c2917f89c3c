import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type CreatePlatform, rolePermissions } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { auditLog, platforms } from '../../db/schema/index';
import type { ActorContext } from '../../shared/context';
import { systemContext } from '../../shared/context';
import { createPlatformInTx, deletePlatform, updatePlatformInTx } from './platforms.service';
import { findCurrentPlatformByNameAndHost } from './platforms.repository';

const t = await buildTestApp();
const { db } = t.handle;

/** What the import module does: many rows through the service's in-transaction functions. */
async function importWorld() {
  const tree = await buildRegionTree(db);
  const hostOrganizationId = await buildOrganization(db, { regionId: tree.countyA.id });
  const typeId = await buildPlatformType(db);
  const user = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
  const ctx: ActorContext = {
    db,
    sourceIp: null,
    actor: {
      userId: user.id,
      username: user.username,
      role: 'county_staff',
      regionId: tree.countyA.id,
      regionPath: tree.countyA.path,
      organizationId: null,
      permissions: rolePermissions.county_staff,
    },
  };
  const input: CreatePlatform = {
    name: unique('导入平台'),
    typeId,
    hostOrganizationId,
    coBuilderIds: [],
    regionId: tree.countyA.id,
    technicalFields: ['天然气'],
    status: 'operating',
    recognizedOn: '2021-04-01',
  };
  return { tree, ctx, input, hostOrganizationId };
}

describe('the functions the import module calls inside its own transaction', () => {
  it('creates, finds by name and host, and reports whether an update changed anything', async () => {
    const { ctx, input, hostOrganizationId } = await importWorld();
    const id = await db.transaction((tx) => createPlatformInTx(tx, ctx, input));
    const found = await findCurrentPlatformByNameAndHost(db, input.name, hostOrganizationId);
    expect(found).toMatchObject({ id, version: 1, name: input.name, validFrom: '2021-04-01' });
    expect(await findCurrentPlatformByNameAndHost(db, input.name, null)).toMatchObject({ id });
    expect(await findCurrentPlatformByNameAndHost(db, input.name, '00000000-0000-4000-8000-000000000000')).toBeUndefined();

    const { effectiveDate: _none, ...fields } = input;
    const same = await db.transaction((tx) => updatePlatformInTx(tx, ctx, id, { ...fields, version: 1, changeNote: '数据导入' }));
    expect(same).toBe(false);
    const changed = await db.transaction((tx) =>
      updatePlatformInTx(tx, ctx, id, { ...fields, director: '周九', version: 1, changeNote: '数据导入' }),
    );
    expect(changed).toBe(true);
    expect(await findCurrentPlatformByNameAndHost(db, input.name, hostOrganizationId)).toMatchObject({ version: 2, director: '周九' });

    await deletePlatform(ctx, id, 2);
    expect(await findCurrentPlatformByNameAndHost(db, input.name, hostOrganizationId)).toBeUndefined();
  });

  it('leaves nothing behind, audit included, when the caller’s transaction fails later', async () => {
    const { ctx, input } = await importWorld();
    let createdId: string | undefined;
    await expect(
      db.transaction(async (tx) => {
        createdId = await createPlatformInTx(tx, ctx, input);
        throw new Error('a later row failed');
      }),
    ).rejects.toThrow('a later row failed');
    expect(createdId).toBeDefined();
    expect(await db.select().from(platforms).where(eq(platforms.id, createdId!))).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.objectId, createdId!))).toEqual([]);
  });

  it('applies the actor’s scope to imported rows as to the form', async () => {
    const { tree, ctx, input } = await importWorld();
    await expect(db.transaction((tx) => createPlatformInTx(tx, ctx, { ...input, regionId: tree.countyB.id }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'regionId' }],
    });
    // The system itself (seeding, CLI) is bounded by no scope.
    const id = await db.transaction((tx) => createPlatformInTx(tx, systemContext(db), { ...input, regionId: tree.countyB.id }));
    const [record] = await db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(record).toMatchObject({ action: 'platform.create', actorUsername: 'system' });
  });
});
