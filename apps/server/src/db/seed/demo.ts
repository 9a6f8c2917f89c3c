import type { OrganizationKind, PlatformStatus, Role } from '@stip/contracts';
import type { Database, Transaction } from '../client';
import { insertRegion } from '../../modules/regions';
import { recordAudit } from '../../modules/audit';
import { systemContext } from '../../shared/context';
import { demoRegionTree, type RegionSeed } from './demo-regions';
import { seedCallsDemo } from './calls-demo';
import { seedOrganization } from './organizations';
import { seedPlatform } from './platforms';
import { seedUser } from './accounts';
import { seedTaxonomyCatalogue } from './taxonomy-catalogue';
import { seedAnnualReportsDemo } from './annual-reports-demo';
import { seedDemoPlans } from './plans-demo';
import { seedDemoFunding } from './funding-demo';
import { seedDemoExperts } from './experts-demo';
import { seedDemoEvaluations } from './evaluations-demo';
import { dazhouIndustries, seedCatalogue } from './catalogues';
import { seedDemoSharing } from './sharing-demo';
import { seededRandom } from '../../shared/random';

/** The password every demo account shares. Demo data only: a production start (STIP_DEMO=off) has none. */
export const demoPassword = 'stip-demo-2025';

/** Seed 002 reports 65 platforms built in 达州 by 2025; the demo registry has that many there. */
export const demoDazhouPlatformCount = 65;

interface OrganizationSeed {
  name: string;
  /** The short forms documents use for it (市科技局 …), for matching unit names. */
  aliases: string[];
  kind: OrganizationKind;
  region: string;
}

const departments: OrganizationSeed[] = [
  { name: '达州市科学技术局', aliases: ['市科技局'], kind: 'department', region: '达州市' },
  { name: '达州市经济和信息化局', aliases: ['市经信局'], kind: 'department', region: '达州市' },
  { name: '达州市发展和改革委员会', aliases: ['市发展改革委', '市发改委'], kind: 'department', region: '达州市' },
  { name: '达州市市场监督管理局', aliases: ['市市场监管局'], kind: 'department', region: '达州市' },
  { name: '达州市卫生健康委员会', aliases: ['市卫生健康委', '市卫健委'], kind: 'department', region: '达州市' },
  { name: '达州市教育局', aliases: ['市教育局'], kind: 'department', region: '达州市' },
  { name: '达州市农业农村局', aliases: ['市农业农村局'], kind: 'department', region: '达州市' },
  { name: '达州市商务局', aliases: ['市商务局'], kind: 'department', region: '达州市' },
  { name: '达州市人力资源和社会保障局', aliases: ['市人力资源社会保障局', '市人社局'], kind: 'department', region: '达州市' },
  { name: '达州市科学技术协会', aliases: ['市科协'], kind: 'department', region: '达州市' },
  { name: '定西市科学技术局', aliases: [], kind: 'department', region: '定西市' },
];

const dazhouCounties = ['通川区', '达川区', '宣汉县', '开江县', '大竹县', '渠县', '万源市'];

const governments: OrganizationSeed[] = [
  ...dazhouCounties.map((county) => ({ name: `${county}人民政府`, aliases: [], kind: 'county_government' as const, region: county })),
  { name: '达州高新区管委会', aliases: ['高新区管委会'], kind: 'zone_committee', region: '达州高新区' },
];

/** Hosts the seeds name, and demo enterprises (marked 演示) standing in for the ones they do not. */
const hosts: OrganizationSeed[] = [
  { name: '四川达州钢铁集团有限责任公司', aliases: ['达钢集团'], kind: 'enterprise', region: '通川区' },
  { name: '四川文理学院', aliases: [], kind: 'university', region: '通川区' },
  { name: '达州市农业科学研究院', aliases: ['达州市农科院'], kind: 'institute', region: '通川区' },
  { name: '达州市中心医院', aliases: [], kind: 'hospital', region: '通川区' },
  { name: '演示·天然气净化技术有限公司', aliases: [], kind: 'enterprise', region: '宣汉县' },
  { name: '演示·普光天然气检测有限公司', aliases: [], kind: 'enterprise', region: '宣汉县' },
  { name: '演示·锂钾资源开发有限公司', aliases: [], kind: 'enterprise', region: '宣汉县' },
  { name: '演示·微玻纤材料有限公司', aliases: [], kind: 'enterprise', region: '达州高新区' },
  { name: '演示·玄武岩纤维科技有限公司', aliases: [], kind: 'enterprise', region: '达州高新区' },
  { name: '演示·技术转移服务中心', aliases: [], kind: 'agency', region: '达州高新区' },
  { name: '演示·富硒农业科技有限公司', aliases: [], kind: 'enterprise', region: '万源市' },
  { name: '演示·苎麻纺织有限公司', aliases: [], kind: 'enterprise', region: '大竹县' },
  { name: '演示·小龙虾良种繁育有限公司', aliases: [], kind: 'enterprise', region: '大竹县' },
  { name: '演示·光电科技有限公司', aliases: [], kind: 'enterprise', region: '达州高新区' },
  { name: '演示·智能装备制造有限公司', aliases: [], kind: 'enterprise', region: '达川区' },
  { name: '演示·生物医药有限公司', aliases: [], kind: 'enterprise', region: '达川区' },
  { name: '演示·电子信息有限公司', aliases: [], kind: 'enterprise', region: '开江县' },
  { name: '演示·农产品加工有限公司', aliases: [], kind: 'enterprise', region: '渠县' },
  { name: '演示·化工新材料有限公司', aliases: [], kind: 'enterprise', region: '渠县' },
  { name: '演示·茶叶科技有限公司', aliases: [], kind: 'enterprise', region: '万源市' },
  { name: '演示·油橄榄科技有限公司', aliases: [], kind: 'enterprise', region: '开江县' },
  { name: '演示·马铃薯变性淀粉有限公司', aliases: [], kind: 'enterprise', region: '安定区' },
  { name: '演示·中药材种植有限公司', aliases: [], kind: 'enterprise', region: '陇西县' },
];

interface PlatformSeed {
  name: string;
  type: string;
  host: string;
  region: string;
  status: PlatformStatus;
  recognizedOn: string | null;
  industry: string | null;
  coBuilders?: string[];
  fields?: string[];
  remarks?: string;
}

/** The platforms seeds 000–002 name. Their names are real; dates, hosts and details are demo values. */
const namedPlatforms: PlatformSeed[] = [
  {
    name: '达钢集团国家企业技术中心',
    type: '国家企业技术中心',
    host: '四川达州钢铁集团有限责任公司',
    region: '通川区',
    status: 'operating',
    recognizedOn: '2012-12-20',
    industry: '新材料',
    fields: ['钢铁冶金', '钒钛资源综合利用'],
  },
  {
    name: '国家天然气产品质量监督检验中心（四川）',
    type: '国家质量监督检验中心',
    host: '演示·普光天然气检测有限公司',
    region: '宣汉县',
    status: 'operating',
    recognizedOn: '2016-08-15',
    industry: '能源化工',
    fields: ['天然气检测'],
  },
  {
    name: '玄武岩纤维及复合材料四川省重点实验室',
    type: '省级重点实验室',
    host: '四川文理学院',
    region: '达州高新区',
    status: 'constructing',
    recognizedOn: '2022-11-30',
    industry: '新材料',
    coBuilders: ['达州高新区管委会', '演示·玄武岩纤维科技有限公司'],
    fields: ['玄武岩纤维', '复合材料'],
    remarks: '厅市共建（四川省科学技术厅与达州市共建）',
  },
  {
    name: '微玻纤工程技术研究中心',
    type: '省级工程技术研究中心',
    host: '演示·微玻纤材料有限公司',
    region: '达州高新区',
    status: 'constructing',
    recognizedOn: '2024-06-18',
    industry: '新材料',
    fields: ['微玻纤'],
  },
  {
    name: '天然气净化中试研发平台',
    type: '省级中试研发平台',
    host: '演示·天然气净化技术有限公司',
    region: '宣汉县',
    status: 'constructing',
    recognizedOn: '2024-10-10',
    industry: '能源化工',
    fields: ['天然气净化', '中试熟化'],
  },
  {
    name: '国家技术转移西南中心达州分中心',
    type: '技术转移分中心',
    host: '演示·技术转移服务中心',
    region: '达州高新区',
    status: 'operating',
    recognizedOn: '2019-05-20',
    industry: null,
    fields: ['技术转移'],
  },
  {
    name: '万达开技术创新中心',
    type: '区域技术创新中心',
    host: '四川文理学院',
    region: '达州高新区',
    status: 'constructing',
    recognizedOn: '2023-09-01',
    industry: '电子信息',
    coBuilders: ['达州高新区管委会'],
    fields: ['人工智能', '先进碳材料', '新能源材料'],
  },
];

const generatedKinds: { type: string; suffix: string; weight: number }[] = [
  { type: '市级重点实验室', suffix: '市级重点实验室', weight: 6 },
  { type: '市级工程技术研究中心', suffix: '市级工程技术研究中心', weight: 9 },
  { type: '市级企业技术中心', suffix: '市级企业技术中心', weight: 14 },
  { type: '省级工程技术研究中心', suffix: '四川省工程技术研究中心', weight: 4 },
  { type: '省级企业技术中心', suffix: '省级企业技术中心', weight: 3 },
  { type: '众创空间（市级）', suffix: '众创空间', weight: 4 },
  { type: '科技企业孵化器（市级）', suffix: '科技企业孵化器', weight: 3 },
  { type: '星创天地（省级）', suffix: '星创天地', weight: 3 },
  { type: '院士（专家）工作站（市级）', suffix: '专家工作站', weight: 3 },
  { type: '市级临床医学研究中心', suffix: '市级临床医学研究中心', weight: 2 },
  { type: '科技资源共享平台', suffix: '科技资源共享平台', weight: 2 },
];

const topics: Record<string, string[]> = {
  新材料: ['玄武岩纤维', '微玻纤', '苎麻纤维', '化工新材料', '不溶性硫磺'],
  能源化工: ['天然气综合利用', '锂钾资源', '页岩气', '精细化工'],
  智能制造: ['智能装备', '工业机器人', '数控机床'],
  农产品加工: ['富硒茶', '油橄榄', '小龙虾', '苎麻', '黄花'],
  电子信息: ['光电', '电子元器件', '通信导航'],
  生物医药: ['中药饮片', '中成药', '医疗器械'],
};

export interface DemoSeedResult {
  regionIds: Map<string, string>;
  organizationIds: Map<string, string>;
  typeIds: Map<string, string>;
  platformCount: number;
  userCount: number;
}

/** Loads the demo story of the seeds into an empty database, in one transaction, and audits it. */
export async function seedDemo(db: Database): Promise<DemoSeedResult> {
  return db.transaction(async (tx) => {
    const regionIds = await seedRegionTree(tx, demoRegionTree, null, null);
    const organizationIds = new Map<string, string>();
    for (const org of [...departments, ...governments, ...hosts]) {
      const id = await seedOrganization(tx, { name: org.name, kind: org.kind, regionId: regionIds.get(org.region)!, isDemo: true });
      organizationIds.set(org.name, id);
      for (const alias of org.aliases) organizationIds.set(alias, id);
    }
    const typeIds = await seedTaxonomyCatalogue(tx, {
      supervisors: {
        科技局: organizationIds.get('市科技局'),
        经信局: organizationIds.get('市经信局'),
        发改委: organizationIds.get('市发展改革委'),
        卫健委: organizationIds.get('市卫生健康委'),
        市场监管局: organizationIds.get('市市场监管局'),
      },
    });
    await seedCatalogue(tx, db, 'industry', dazhouIndustries);
    const registryPlatformCount = await seedDemoPlatforms(tx, regionIds, organizationIds, typeIds);
    const userCount = await seedDemoUsers(tx, regionIds, organizationIds);
    // The current demo plan registers the platforms recognised in 2026 that its targets count.
    const demoPlans = await seedDemoPlans(tx, {
      regionIds,
      organizationIds,
      typeIds,
      cityRegionId: requireId(regionIds, '达州市', 'region'),
    });
    // The demo call's recognised application adds its platform to the registry.
    const callsDemo = await seedCallsDemo(tx, { regionIds, organizationIds, typeIds });
    const platformCount = registryPlatformCount + demoPlans.platforms + callsDemo.platformIds.length;
    // After the demo applications: panels are drawn (and scored) for those in review.
    await seedDemoExperts(tx, { regionIds, organizationIds });
    await seedAnnualReportsDemo(tx, { organizationIds });
    // After the annual reports: last year's round scores the accepted ones; funding follows its grades.
    await seedDemoEvaluations(tx);
    await seedDemoFunding(tx);
    await seedDemoSharing(tx, { organizationIds });
    await recordAudit(tx, systemContext(db), {
      action: 'system.seed_demo',
      objectType: 'system',
      objectId: null,
      after: {
        regions: regionIds.size,
        organizations: new Set(organizationIds.values()).size,
        types: typeIds.size,
        platforms: platformCount,
        users: userCount,
      },
    });
    return { regionIds, organizationIds, typeIds, platformCount, userCount };
  });
}

async function seedRegionTree(
  tx: Transaction,
  nodes: RegionSeed[],
  parent: { id: string; path: string } | null,
  ids: Map<string, string> | null,
) {
  const regionIds = ids ?? new Map<string, string>();
  for (const [index, node] of nodes.entries()) {
    const row = await insertRegion(tx, {
      parentId: parent?.id ?? null,
      parentPath: parent?.path ?? null,
      name: node.name,
      level: node.level,
      code: node.code,
      sortOrder: index,
      isDemo: true,
    });
    regionIds.set(node.name, row.id);
    if (node.children) await seedRegionTree(tx, node.children, row, regionIds);
  }
  return regionIds;
}

function requireId(map: Map<string, string>, name: string, what: string): string {
  const id = map.get(name);
  if (!id) throw new Error(`demo seed: unknown ${what} “${name}”`);
  return id;
}

async function seedDemoPlatforms(
  tx: Transaction,
  regionIds: Map<string, string>,
  organizationIds: Map<string, string>,
  typeIds: Map<string, string>,
): Promise<number> {
  const random = seededRandom(2025);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const all: PlatformSeed[] = [...namedPlatforms];

  const weighted = generatedKinds.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
  const dazhouPlaces = [...dazhouCounties, '达州高新区'];
  const enterpriseHosts = hosts.filter((h) => h.kind === 'enterprise' && regionIds.has(h.region) && dazhouPlaces.includes(h.region));
  const usedNames = new Set(all.map((p) => p.name));
  // Every county-level node gets at least one platform first, then the rest spread at random.
  for (let i = 0; all.length < demoDazhouPlatformCount; i++) {
    const region = i < dazhouPlaces.length ? dazhouPlaces[i]! : pick(dazhouPlaces);
    const kind = pick(weighted);
    const industry = pick(Object.keys(topics));
    const topic = pick(topics[industry]!);
    const name = `${region.replace(/(区|县|市)$/, '')}${topic}${kind.suffix}（演示）`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const localHosts = enterpriseHosts.filter((h) => h.region === region);
    const host = localHosts.length && random() < 0.6 ? pick(localHosts).name : pick(enterpriseHosts).name;
    const year = 2015 + Math.floor(random() * 11);
    const month = 1 + Math.floor(random() * 12);
    const roll = random();
    const status: PlatformStatus =
      roll < 0.06 ? 'revoked' : roll < 0.12 ? 'rectifying' : roll < 0.2 ? 'cultivating' : year >= 2023 ? 'constructing' : 'operating';
    all.push({
      name,
      type: kind.type,
      host,
      region,
      status,
      recognizedOn: status === 'cultivating' ? null : `${year}-${String(month).padStart(2, '0')}-15`,
      industry,
      fields: [topic],
    });
  }
  // Two of 定西's platforms, so the second city is not empty: the laboratory seed 003 names (a real name, so
  // unmarked, like the named ones above; its host stands in for the real one), and a generated one, marked （演示）.
  all.push({
    name: '甘肃省变性淀粉工艺与应用重点实验室',
    type: '省级重点实验室',
    host: '演示·马铃薯变性淀粉有限公司',
    region: '安定区',
    status: 'operating',
    recognizedOn: '2015-09-01',
    industry: '农产品加工',
  });
  all.push({
    name: '陇西中药材种质资源库共享平台（演示）',
    type: '科技资源共享平台',
    host: '演示·中药材种植有限公司',
    region: '陇西县',
    status: 'operating',
    recognizedOn: '2019-04-01',
    industry: '生物医药',
  });

  for (const platform of all) {
    const recognitionYear = platform.recognizedOn?.slice(0, 4);
    await seedPlatform(tx, {
      name: platform.name,
      typeId: requireId(typeIds, platform.type, 'platform type'),
      hostOrganizationId: requireId(organizationIds, platform.host, 'organisation'),
      coBuilderIds: (platform.coBuilders ?? []).map((name) => requireId(organizationIds, name, 'organisation')),
      regionId: requireId(regionIds, platform.region, 'region'),
      status: platform.status,
      recognizedOn: platform.recognizedOn,
      recognitionDocNo: recognitionYear ? `演示文号〔${recognitionYear}〕${10 + Math.floor(random() * 90)}号` : null,
      constructionEndsOn:
        platform.recognizedOn && platform.status === 'constructing'
          ? `${Number(recognitionYear) + 3}${platform.recognizedOn.slice(4)}`
          : null,
      validFrom: platform.recognizedOn ?? '2025-01-01',
      industry: platform.industry,
      technicalFields: platform.fields ?? [],
      director: null,
      remarks: platform.remarks ?? null,
      isDemo: true,
    });
  }
  return all.length;
}

async function seedDemoUsers(tx: Transaction, regionIds: Map<string, string>, organizationIds: Map<string, string>): Promise<number> {
  const accounts: { username: string; displayName: string; role: Role; region?: string; organization?: string }[] = [
    { username: 'sysadmin', displayName: '系统管理员（演示）', role: 'sysadmin' },
    { username: 'secadmin', displayName: '安全管理员（演示）', role: 'secadmin' },
    { username: 'auditadmin', displayName: '审计管理员（演示）', role: 'auditadmin' },
    { username: 'city', displayName: '市科技局 张科长（演示）', role: 'city_staff', region: '达州市', organization: '市科技局' },
    { username: 'jxj', displayName: '市经信局 李科长（演示）', role: 'department_staff', region: '达州市', organization: '市经信局' },
    { username: 'xuanhan', displayName: '宣汉县科技局 王股长（演示）', role: 'county_staff', region: '宣汉县' },
    { username: 'tongchuan', displayName: '通川区科技局 赵股长（演示）', role: 'county_staff', region: '通川区' },
    { username: 'dagang', displayName: '达钢集团 科技部（演示）', role: 'host_user', organization: '达钢集团' },
    { username: 'expert1', displayName: '专家 刘教授（演示）', role: 'expert' },
    { username: 'leader', displayName: '市政府 分管领导（演示）', role: 'leader', region: '达州市' },
  ];
  for (const account of accounts) {
    await seedUser(tx, {
      username: account.username,
      displayName: account.displayName,
      password: demoPassword,
      role: account.role,
      regionId: account.region ? requireId(regionIds, account.region, 'region') : null,
      organizationId: account.organization ? requireId(organizationIds, account.organization, 'organisation') : null,
      isDemo: true,
    });
  }
  return accounts.length;
}
