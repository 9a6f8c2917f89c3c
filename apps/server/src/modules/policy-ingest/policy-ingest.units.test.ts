import { describe, expect, it } from 'vitest';
import {
  abbreviateUnitName,
  type OrganizationFact,
  type RegionFact,
  similarity,
  UnitMatcher,
  UnitNameContext,
} from './policy-ingest.units';

const regions: RegionFact[] = [
  { id: 'sc', name: '四川省', level: 'province', path: '/sc/', parentId: null },
  { id: 'dz', name: '达州市', level: 'city', path: '/sc/dz/', parentId: 'sc' },
  { id: 'xh', name: '宣汉县', level: 'county', path: '/sc/dz/xh/', parentId: 'dz' },
  { id: 'dzh', name: '大竹县', level: 'county', path: '/sc/dz/dzh/', parentId: 'dz' },
  { id: 'gx', name: '达州高新区', level: 'zone', path: '/sc/dz/gx/', parentId: 'dz' },
  { id: 'ga', name: '广安市', level: 'city', path: '/sc/ga/', parentId: 'sc' },
];

let sequence = 0;
function organization(name: string, regionId: string, kind: OrganizationFact['kind'] = 'department'): OrganizationFact {
  const region = regions.find((candidate) => candidate.id === regionId)!;
  return { id: `org-${++sequence}`, name, kind, regionId, regionPath: region.path };
}

const register = [
  organization('达州市科学技术局', 'dz'),
  organization('达州市发展和改革委员会', 'dz'),
  organization('达州市经济和信息化局', 'dz'),
  organization('达州市人力资源和社会保障局', 'dz'),
  organization('达州市市场监督管理局', 'dz'),
  organization('达州市卫生健康委员会', 'dz'),
  organization('达州市科学技术协会', 'dz'),
  organization('宣汉县人民政府', 'xh', 'county_government'),
  organization('大竹县人民政府', 'dzh', 'county_government'),
  organization('宣汉县科学技术局', 'xh'),
  organization('达州高新区管委会', 'gx', 'zone_committee'),
  organization('广安市科学技术局', 'ga'),
  organization('四川省科学技术厅', 'sc'),
];

const matcher = (planRegionId: string | null, organizations = register) =>
  new UnitMatcher(organizations, new UnitNameContext(regions, planRegionId));
const nameOf = (planRegionId: string | null, unit: string) => matcher(planRegionId).match(unit).organization?.name ?? null;

describe('the unit-name normaliser', () => {
  it('maps the common full forms to the short forms documents use', () => {
    expect(abbreviateUnitName('达州市科学技术局')).toBe('达州市科技局');
    expect(abbreviateUnitName('达州市发展和改革委员会')).toBe('达州市发展改革委');
    expect(abbreviateUnitName('市发改委')).toBe('市发展改革委');
    expect(abbreviateUnitName('达州市经济和信息化局')).toBe('达州市经信局');
    expect(abbreviateUnitName('达州市卫生健康委员会')).toBe('达州市卫生健康委');
    expect(abbreviateUnitName('达州市人力资源和社会保障局')).toBe('达州市人力资源社会保障局');
    expect(abbreviateUnitName('达州市市场监督管理局')).toBe('达州市市场监管局');
    expect(abbreviateUnitName('中共 达州市委组织部 ')).toBe('达州市委组织部');
    expect(abbreviateUnitName('宣汉县人民政府')).toBe('宣汉县政府');
  });

  it('reads a bare level character as the plan’s region of that level', () => {
    const context = new UnitNameContext(regions, 'xh');
    expect(context.impliedRegion('县')).toBe('xh');
    expect(context.impliedRegion('市')).toBe('dz');
    expect(context.impliedRegion('省')).toBe('sc');
    expect(context.keysOf('市科技局')).toContainEqual({ regionId: 'dz', stem: '科技局' });
    expect(context.keysOf('达州市科学技术局')).toContainEqual({ regionId: 'dz', stem: '科技局' });
  });

  it('scores similar names between 0 and 1', () => {
    expect(similarity('科技局', '科技局')).toBe(1);
    expect(similarity('科技局', '财政局')).toBe(0);
    expect(similarity('市科技局', '市科技信息局')).toBeGreaterThan(0.3);
  });
});

describe('matching unit names to organisations', () => {
  it('finds the registered body behind each short form in a city plan', () => {
    expect(nameOf('dz', '市科技局')).toBe('达州市科学技术局');
    expect(nameOf('dz', '市发展改革委')).toBe('达州市发展和改革委员会');
    expect(nameOf('dz', '市发改委')).toBe('达州市发展和改革委员会');
    expect(nameOf('dz', '市经信局')).toBe('达州市经济和信息化局');
    expect(nameOf('dz', '市人社局')).toBe('达州市人力资源和社会保障局');
    expect(nameOf('dz', '市人力资源社会保障局')).toBe('达州市人力资源和社会保障局');
    expect(nameOf('dz', '市市场监管局')).toBe('达州市市场监督管理局');
    expect(nameOf('dz', '市卫健委')).toBe('达州市卫生健康委员会');
    expect(nameOf('dz', '市科协')).toBe('达州市科学技术协会');
    expect(nameOf('dz', '高新区管委会')).toBe('达州高新区管委会');
    expect(nameOf('dz', '达州市科学技术局')).toBe('达州市科学技术局');
    expect(nameOf('dz', '省科技厅')).toBe('四川省科学技术厅');
  });

  it('gives an exact name full confidence and an alias form a little less', () => {
    expect(matcher('dz').match('宣汉县人民政府')).toMatchObject({ organization: { name: '宣汉县人民政府' }, confidence: 1 });
    expect(matcher('dz').match('市科技局').confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('tells one county’s government from another’s', () => {
    expect(nameOf('dz', '大竹县人民政府')).toBe('大竹县人民政府');
    expect(nameOf('dz', '大竹县政府')).toBe('大竹县人民政府');
  });

  it('reads 县科技局 in a county plan as that county’s bureau, 市科技局 as the city’s', () => {
    expect(nameOf('xh', '县科技局')).toBe('宣汉县科学技术局');
    expect(nameOf('xh', '市科技局')).toBe('达州市科学技术局');
  });

  it('expands a collective name into one unit per county-level region of the plan', () => {
    const suggestion = matcher('dz').match('各县（市、区）人民政府');
    expect(suggestion.organization).toBeNull();
    expect(suggestion.expandsTo.map((unit) => unit.name)).toEqual(['大竹县人民政府', '宣汉县人民政府']);
  });

  it('leaves a name that two cities’ offices fit equally to a person, offering both', () => {
    const suggestion = matcher(null).match('科技局');
    expect(suggestion.organization).toBeNull();
    expect(suggestion.candidates.map((candidate) => candidate.name)).toEqual(
      expect.arrayContaining(['达州市科学技术局', '广安市科学技术局']),
    );
  });

  it('prefers the office of the plan’s own city when the name says which city only by 市', () => {
    expect(nameOf('ga', '市科技局')).toBe('广安市科学技术局');
  });

  it('answers null with candidates for a unit not in the register', () => {
    const suggestion = matcher('dz').match('市科技信息研究所');
    expect(suggestion.organization).toBeNull();
    expect(suggestion.confidence).toBe(0);
    expect(suggestion.expandsTo).toEqual([]);
  });
});
