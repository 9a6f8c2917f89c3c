import { describe, expect, it } from 'vitest';
import { type Role, rolePermissions } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegion, buildRegionTree } from '../../../test/factories';
import type { Actor } from '../../shared/context';
import { canAssignPlatformType, canPlacePlatformIn, canWritePlatforms, platformScope } from './platforms.policy';
import { findRegistryRows } from './platforms.repository';

const t = await buildTestApp();
const { db } = t.handle;

function actor(role: Role, values: { region?: { id: string; path: string }; organizationId?: string } = {}): Actor {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    username: role,
    role,
    regionId: values.region?.id ?? null,
    regionPath: values.region?.path ?? null,
    organizationId: values.organizationId ?? null,
    permissions: rolePermissions[role],
  };
}

describe('who may write', () => {
  it('lets city, county and department staff write, and leaders, host users, experts and administrators not', () => {
    const writers: Role[] = ['city_staff', 'county_staff', 'department_staff'];
    for (const role of ['city_staff', 'county_staff', 'department_staff', 'leader', 'host_user', 'expert', 'sysadmin'] as Role[]) {
      expect(canWritePlatforms(actor(role)), role).toBe(writers.includes(role));
    }
    expect(canWritePlatforms(null)).toBe(true);
  });

  it('places platforms only inside the actor’s subtree', () => {
    const county = actor('county_staff', { region: { id: 'a', path: '/p/c/a/' } });
    expect(canPlacePlatformIn(county, '/p/c/a/')).toBe(true);
    expect(canPlacePlatformIn(county, '/p/c/a/z/')).toBe(true);
    expect(canPlacePlatformIn(county, '/p/c/b/')).toBe(false);
    expect(canPlacePlatformIn(county, '/p/c/')).toBe(false);
    expect(canPlacePlatformIn(actor('county_staff'), '/p/c/a/')).toBe(false);
    expect(canPlacePlatformIn(actor('leader', { region: { id: 'c', path: '/p/c/' } }), '/p/c/a/')).toBe(false);
    expect(canPlacePlatformIn(null, '/anywhere/')).toBe(true);
  });

  it('lets department staff assign only the types their organisation supervises', () => {
    const department = actor('department_staff', { region: { id: 'c', path: '/p/c/' }, organizationId: 'dept' });
    expect(canAssignPlatformType(department, { supervisorOrganizationId: 'dept' })).toBe(true);
    expect(canAssignPlatformType(department, { supervisorOrganizationId: 'other' })).toBe(false);
    expect(canAssignPlatformType(department, { supervisorOrganizationId: null })).toBe(false);
    expect(canAssignPlatformType(actor('county_staff'), { supervisorOrganizationId: 'other' })).toBe(true);
    expect(canAssignPlatformType(actor('host_user'), { supervisorOrganizationId: null })).toBe(false);
  });
});

describe('the scope condition behind get, list, counts and export', () => {
  it('admits to each role exactly the platforms the rules give it', async () => {
    const tree = await buildRegionTree(db);
    const zone = await buildRegion(db, { parent: tree.countyA, level: 'zone' });
    const department = await buildOrganization(db, { regionId: tree.city.id, kind: 'department' });
    const supervisedType = await buildPlatformType(db, { supervisorOrganizationId: department });
    const hostA = await buildOrganization(db, { regionId: tree.countyA.id });
    const hostB = await buildOrganization(db, { regionId: tree.countyB.id });
    const inA = await buildPlatform(db, { regionId: tree.countyA.id, hostOrganizationId: hostA });
    const inZone = await buildPlatform(db, { regionId: zone.id, typeId: supervisedType });
    const inB = await buildPlatform(db, { regionId: tree.countyB.id, hostOrganizationId: hostB, coBuilderIds: [hostA] });
    const supervisedInB = await buildPlatform(db, { regionId: tree.countyB.id, typeId: supervisedType, hostOrganizationId: hostB });
    const elsewhere = await buildPlatform(db, { typeId: supervisedType });

    const visible = async (who: Actor | null) => {
      const rows = await findRegistryRows(db, { scope: platformScope(who), asOf: null }, { sort: 'name', order: 'asc' });
      const ours = new Set([inA, inZone, inB, supervisedInB, elsewhere]);
      return rows
        .map((row) => row.id)
        .filter((id) => ours.has(id))
        .sort();
    };
    const sorted = (...ids: string[]) => [...ids].sort();

    expect(await visible(actor('city_staff', { region: tree.city }))).toEqual(sorted(inA, inZone, inB, supervisedInB));
    expect(await visible(actor('leader', { region: tree.city }))).toEqual(sorted(inA, inZone, inB, supervisedInB));
    expect(await visible(actor('county_staff', { region: tree.countyA }))).toEqual(sorted(inA, inZone));
    expect(await visible(actor('county_staff', { region: zone }))).toEqual([inZone]);
    expect(await visible(actor('department_staff', { region: tree.city, organizationId: department }))).toEqual(
      sorted(inZone, supervisedInB),
    );
    expect(await visible(actor('department_staff', { region: tree.countyB, organizationId: department }))).toEqual([supervisedInB]);
    expect(await visible(actor('host_user', { organizationId: hostA }))).toEqual(sorted(inA, inB));
    expect(await visible(null)).toEqual(sorted(inA, inZone, inB, supervisedInB, elsewhere));
    // Deny by default: a scoped role without its scope, and roles with no business in the registry.
    expect(await visible(actor('county_staff'))).toEqual([]);
    expect(await visible(actor('department_staff', { region: tree.city }))).toEqual([]);
    expect(await visible(actor('host_user'))).toEqual([]);
    expect(await visible(actor('expert', { region: tree.city }))).toEqual([]);
    expect(await visible(actor('sysadmin', { region: tree.city }))).toEqual([]);
  });
});
