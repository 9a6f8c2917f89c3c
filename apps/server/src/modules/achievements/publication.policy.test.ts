import { describe, expect, it } from 'vitest';
import { rolePermissions } from '@stip/contracts';
import type { Actor } from '../../shared/context';
import { canSeePublication, isInOwnScope, listScope, moversOf } from './publication.policy';

const actor = (role: Actor['role'], values: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  role,
  regionId: null,
  regionPath: null,
  organizationId: null,
  permissions: rolePermissions[role],
  ...values,
});
const countyA = actor('county_staff', { regionPath: '/p/c/a/' });
const city = actor('city_staff', { regionPath: '/p/c/' });
const host = actor('host_user', { organizationId: 'org-1' });
const draftInB = { status: 'draft' as const, organizationId: 'org-2', regionPath: '/p/c/b/' };
const draftOfOrg1 = { status: 'draft' as const, organizationId: 'org-1', regionPath: '/p/c/a/' };

describe('who sees and moves achievements and demands', () => {
  it('keeps another county’s unpublished record out of a county’s scope, but not out of the city’s', () => {
    expect(canSeePublication(countyA, draftInB)).toBe(false);
    expect(canSeePublication(city, draftInB)).toBe(true);
  });

  it('shows every published record to every reader, without making them its owner or reviewer', () => {
    const published = { ...draftInB, status: 'published' as const };
    expect(canSeePublication(host, published)).toBe(true);
    expect(isInOwnScope(host, published)).toBe(false);
    expect(moversOf(host, published, 'achievement:review')).toEqual([]);
  });

  it('makes a host user the owner of its organisation’s records, and staff in scope their reviewers', () => {
    expect(moversOf(host, draftOfOrg1, 'achievement:review')).toEqual(['owner']);
    expect(moversOf(countyA, draftOfOrg1, 'achievement:review')).toEqual(['staff']);
    expect(moversOf(actor('leader', { regionPath: '/p/c/' }), draftOfOrg1, 'achievement:review')).toEqual([]);
  });

  it('keeps region-less records (loaded from outside) for the city, not the counties', () => {
    const outside = { status: 'submitted' as const, organizationId: null, regionPath: null };
    expect(isInOwnScope(city, outside)).toBe(true);
    expect(isInOwnScope(countyA, outside)).toBe(false);
  });

  it('bounds a list by scope unless it asks for published records only', () => {
    expect(listScope(countyA, undefined, undefined)).toEqual({ regionPath: '/p/c/a/' });
    expect(listScope(host, ['draft'], undefined)).toEqual({ organizationId: 'org-1' });
    expect(listScope(host, ['published'], undefined)).toEqual({});
    expect(listScope(host, ['published'], true)).toEqual({ organizationId: 'org-1' });
    expect(listScope(actor('county_staff'), undefined, undefined)).toBe('nothing');
    expect(listScope(actor('expert'), undefined, undefined)).toBe('nothing');
  });
});
