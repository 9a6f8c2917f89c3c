import { describe, expect, it } from 'vitest';
import { childOf, countMatching, countMatchingByChild, resolveCriteria, type SnapshotGroup } from './targets.arithmetic';

const types = [
  { id: 'lab-city', systemId: 'labs', level: 'city' as const },
  { id: 'lab-prov', systemId: 'labs', level: 'provincial' as const },
  { id: 'incubator', systemId: 'services', level: 'city' as const },
];
const regions = [
  { id: 'city', path: '/p/city/' },
  { id: 'a', path: '/p/city/a/' },
  { id: 'a1', path: '/p/city/a/a1/' },
  { id: 'b', path: '/p/city/b/' },
  { id: 'elsewhere', path: '/p/other/' },
];
const regionPaths = new Map(regions.map((r) => [r.id, r.path]));
const groups: SnapshotGroup[] = [
  { typeId: 'lab-city', regionId: 'a', status: 'operating', count: 3 },
  { typeId: 'lab-city', regionId: 'a1', status: 'constructing', count: 2 },
  { typeId: 'lab-city', regionId: 'b', status: 'revoked', count: 4 },
  { typeId: 'lab-prov', regionId: 'b', status: 'operating', count: 1 },
  { typeId: 'incubator', regionId: 'city', status: 'operating', count: 5 },
  { typeId: 'lab-city', regionId: 'elsewhere', status: 'operating', count: 7 },
];
const live = ['constructing', 'operating', 'rectifying'] as const;
const criteria = (values: Partial<Parameters<typeof resolveCriteria>[0]>) =>
  resolveCriteria({ typeIds: [], levels: [], systemIds: [], statuses: live, regionPath: '/p/city/', ...values }, types, regions);

describe('target arithmetic over a snapshot', () => {
  it('counts live platforms of a type in the region subtree, sub-regions included', () => {
    expect(countMatching(groups, criteria({ typeIds: ['lab-city'] }))).toBe(5);
  });

  it('selects types by level and system when the filter names none', () => {
    expect(countMatching(groups, criteria({ systemIds: ['labs'] }))).toBe(6);
    expect(countMatching(groups, criteria({ levels: ['provincial'] }))).toBe(1);
    expect(countMatching(groups, criteria({ systemIds: ['services'], levels: ['provincial'] }))).toBe(0);
  });

  it('counts revoked platforms only when the filter asks for that status', () => {
    expect(countMatching(groups, criteria({ typeIds: ['lab-city'], statuses: ['revoked'] }))).toBe(4);
  });

  it('counts per child region, those at the root itself apart', () => {
    const byChild = countMatchingByChild(groups, criteria({}), '/p/city/', regionPaths);
    expect(Object.fromEntries(byChild)).toEqual({ a: 5, b: 1, '': 5 });
  });

  it('finds the child region a path lies in', () => {
    expect(childOf('/p/city/', '/p/city/a/a1/')).toBe('a');
    expect(childOf('/p/city/', '/p/city/')).toBe('');
    expect(childOf('/p/city/', '/p/other/')).toBeNull();
  });

  it('narrows to one region exactly and to an industry', () => {
    expect(countMatching(groups, criteria({ exactRegionId: 'a' }))).toBe(3);
    const withIndustry: SnapshotGroup[] = [
      { typeId: 'lab-city', regionId: 'a', status: 'operating', industry: '新材料', count: 2 },
      { typeId: 'lab-city', regionId: 'a', status: 'operating', industry: null, count: 1 },
    ];
    expect(countMatching(withIndustry, criteria({ industry: '新材料' }))).toBe(2);
    expect(countMatching(withIndustry, criteria({ industry: null }))).toBe(1);
  });
});
