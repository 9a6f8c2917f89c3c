import { and, eq, inArray, isNull } from 'drizzle-orm';
import {
  type CreateTargetInput,
  type CreateTaskInput,
  type OrganizationKind,
  type PlatformLevel,
  rolePermissions,
  type TargetKind,
  targetKindSpec,
  zCreatePlan,
  zCreateTarget,
  zCreateTask,
} from '@stip/contracts';
import type { Database, Executor } from '../client';
import { organizations, plans, platformSystems, platformTypes, regions, targets, tasks } from '../schema/index';
import type { Actor, ActorContext } from '../../shared/context';
import { createPlanInTx } from '../../modules/plans';
import { createTargetInTx } from '../../modules/targets';
import { createTaskInTx } from '../../modules/tasks';
import { insertTargetReport } from '../../modules/targets';
import { insertTaskReport, setTaskStatus } from '../../modules/tasks';
import { seedOrganization } from './organizations';
import { currentPlanPlatformCount, seedCurrentDemoPlan } from './current-plan-demo';

/** What the lead's demo seed already holds, looked up by the names the documents use. */
export interface DemoPlanMaps {
  regionIds: Map<string, string>;
  /** Organisation names and the short forms documents use (市科技局 …). */
  organizationIds: Map<string, string>;
  typeIds: Map<string, string>;
  cityRegionId: string;
}

const systemNames = { laboratory: '实验室体系', innovation_center: '技术创新中心体系', service_platform: '科技服务平台体系' } as const;
type SystemCode = keyof typeof systemNames;

interface TargetSeed {
  key?: string;
  kind: TargetKind;
  subject: string;
  value: number;
  unit: string;
  deadline: string;
  /** Type names as the taxonomy catalogue spells them; the first is created when none exists. */
  types?: { names: string[]; level: PlatformLevel; system: SystemCode };
  levels?: PlatformLevel[];
  systems?: SystemCode[];
  baselineDate?: string;
  coverage?: boolean;
}

const by2025 = '2025-12-31';
const by2021 = '2021-12-31';

/** Seed 000 (达州市科技创新平台体系建设实施方案, 2021-04-15): every numeric goal of 三、发展目标, and the 新建 of item 5. */
const plan000Targets: TargetSeed[] = [
  {
    key: 'provincialLab',
    kind: 'count',
    subject: '建设省级重点实验室（包括省市共建实验室）2家以上',
    value: 2,
    unit: '家',
    deadline: by2025,
    types: { names: ['省级重点实验室'], level: 'provincial', system: 'laboratory' },
  },
  {
    kind: 'count',
    subject: '建设省级工程实验室1家以上',
    value: 1,
    unit: '家',
    deadline: by2025,
    types: { names: ['省级工程实验室'], level: 'provincial', system: 'laboratory' },
  },
  {
    key: 'cityLab',
    kind: 'count',
    subject: '建设市级重点实验室15家以上',
    value: 15,
    unit: '家',
    deadline: by2025,
    types: { names: ['市级重点实验室'], level: 'city', system: 'laboratory' },
  },
  {
    kind: 'first',
    subject: '力争实现国家重点实验室（含分支机构）零的突破',
    value: 1,
    unit: '家',
    deadline: by2025,
    types: { names: ['国家重点实验室'], level: 'national', system: 'laboratory' },
  },
  {
    kind: 'count',
    subject: '建设天府实验室1家',
    value: 1,
    unit: '家',
    deadline: by2025,
    types: { names: ['天府实验室'], level: 'provincial', system: 'laboratory' },
  },
  {
    kind: 'count',
    subject: '建设国家企业技术中心2家以上',
    value: 2,
    unit: '家',
    deadline: by2025,
    types: { names: ['国家企业技术中心'], level: 'national', system: 'innovation_center' },
  },
  {
    key: 'provincialEngineering',
    kind: 'count',
    subject: '建设省级工程技术研究中心3家以上',
    value: 3,
    unit: '家',
    deadline: by2025,
    types: { names: ['省级工程技术研究中心'], level: 'provincial', system: 'innovation_center' },
  },
  {
    key: 'provincialResearch',
    kind: 'count',
    subject: '建设省级工程研究中心1家以上',
    value: 1,
    unit: '家',
    deadline: by2025,
    types: { names: ['省级工程研究中心'], level: 'provincial', system: 'innovation_center' },
  },
  {
    key: 'cityEngineering',
    kind: 'count',
    subject: '建设市级工程技术研究中心25家以上',
    value: 25,
    unit: '家',
    deadline: by2025,
    types: { names: ['市级工程技术研究中心'], level: 'city', system: 'innovation_center' },
  },
  {
    key: 'cityEnterprise',
    kind: 'count',
    subject: '建设市级企业技术中心100家以上',
    value: 100,
    unit: '家',
    deadline: by2025,
    types: { names: ['市级企业技术中心'], level: 'city', system: 'innovation_center' },
  },
  {
    kind: 'first',
    subject: '力争实现国家工程技术研究中心（含分支机构）零的突破',
    value: 1,
    unit: '家',
    deadline: by2025,
    types: { names: ['国家工程技术研究中心'], level: 'national', system: 'innovation_center' },
  },
  {
    key: 'newNationalEnterprise',
    kind: 'count',
    subject: '2025年底前，力争新建2个国家企业技术中心',
    value: 2,
    unit: '家',
    deadline: by2025,
    baselineDate: '2021-04-15',
    types: { names: ['国家企业技术中心'], level: 'national', system: 'innovation_center' },
  },
  {
    kind: 'count',
    subject: '引进和培育5家省级专业性技术转移示范机构',
    value: 5,
    unit: '家',
    deadline: by2025,
    types: { names: ['技术转移示范机构（省级）'], level: 'provincial', system: 'service_platform' },
  },
  {
    kind: 'count',
    subject: '15家省级及以上科技企业孵化器（众创空间、星创天地）',
    value: 15,
    unit: '家',
    deadline: by2025,
    levels: ['provincial', 'national'],
    types: {
      names: [
        '科技企业孵化器（省级）',
        '科技企业孵化器（国家级）',
        '众创空间（省级）',
        '众创空间（国家级）',
        '星创天地（省级）',
        '星创天地（国家级）',
      ],
      level: 'provincial',
      system: 'service_platform',
    },
  },
  {
    kind: 'count',
    subject: '搭建市、县（市、区）及达州高新区上下联动的科技成果信息共享发布平台',
    value: 1,
    unit: '个',
    deadline: by2025,
    types: { names: ['科技成果信息共享发布平台'], level: 'city', system: 'service_platform' },
  },
  {
    kind: 'coverage',
    subject: '实现各县（市、区）及达州高新区科技创新服务平台全覆盖',
    value: 100,
    unit: '%',
    deadline: by2025,
    systems: ['service_platform'],
    coverage: true,
  },
];

const incubatorTypes = {
  names: [
    '科技企业孵化器（市级）',
    '科技企业孵化器（省级）',
    '科技企业孵化器（国家级）',
    '众创空间（市级）',
    '众创空间（省级）',
    '众创空间（国家级）',
    '星创天地（省级）',
    '星创天地（国家级）',
    '大学科技园（省级）',
  ],
  level: 'city' as const,
  system: 'service_platform' as const,
};

/** Seed 001 (2021年全市科技创新工作要点, 达市科〔2021〕28号): the annual goals of 二、主要目标 and item 8. */
const plan001Targets: TargetSeed[] = [
  { kind: 'amount', subject: '实施“6+3”、“9+3”产业关键技术攻关项目50项', value: 50, unit: '项', deadline: by2021 },
  { kind: 'amount', subject: '实施科技成果转化项目10项', value: 10, unit: '项', deadline: by2021 },
  { kind: 'amount', subject: '开发工业新产品20个', value: 20, unit: '个', deadline: by2021 },
  { kind: 'amount', subject: '推广应用农业新品种、新技术10项', value: 10, unit: '项', deadline: by2021 },
  { kind: 'amount', subject: '全年力争新培育高新技术企业30家以上', value: 30, unit: '家', deadline: by2021 },
  { kind: 'amount', subject: '科技型中小企业入库备案达到300家', value: 300, unit: '家', deadline: by2021 },
  { kind: 'amount', subject: '高新技术产业营业收入达到450亿元', value: 450, unit: '亿元', deadline: by2021 },
  { kind: 'amount', subject: '科技服务业营业收入7.97亿元', value: 7.97, unit: '亿元', deadline: by2021 },
  {
    kind: 'count',
    subject: '新建市级以上创新创业平台10家以上',
    value: 10,
    unit: '家',
    deadline: by2021,
    baselineDate: '2020-12-31',
    levels: ['city', 'provincial', 'national'],
    types: incubatorTypes,
  },
  {
    kind: 'count',
    subject: '力争全年新建国家级平台1家',
    value: 1,
    unit: '家',
    deadline: by2021,
    baselineDate: '2020-12-31',
    levels: ['national'],
  },
  {
    kind: 'count',
    subject: '力争全年新建省级平台2家',
    value: 2,
    unit: '家',
    deadline: by2021,
    baselineDate: '2020-12-31',
    levels: ['provincial'],
  },
  { kind: 'amount', subject: '实施对外科技合作专项10项', value: 10, unit: '项', deadline: by2021 },
  { key: 'contracts', kind: 'amount', subject: '全市技术合同登记额突破1.3亿元', value: 1.3, unit: '亿元', deadline: by2021 },
  { kind: 'amount', subject: '力争全社会R&D经费投入总量达到15亿元', value: 15, unit: '亿元', deadline: by2021 },
  { key: 'innovationIndex', kind: 'index', subject: '科技创新水平指数达到48', value: 48, unit: '', deadline: by2021 },
];

/** Stands for the seven county governments where the annex writes 各县（市、区）人民政府. */
const eachCountyGovernment = Symbol('各县（市、区）人民政府');
type UnitName = string | typeof eachCountyGovernment;

interface TaskSeed {
  title: string;
  content: string;
  /** 责任单位 as the annex lists them: the units before the first comma lead (逗号前为牵头单位), the rest take part. */
  leads: UnitName[];
  participants: UnitName[];
  deadline: string;
  /** The annex's own words for the deadline. */
  deadlineText: string;
  /** "并动态更新": the task recurs after its deadline. */
  recurrenceText?: string;
  targets: string[];
}

/** Seed 000's annex: 达州市科技创新平台体系建设重点任务分解表, row by row. */
const annexTasks: TaskSeed[] = [
  {
    title: '布局建设市级重点实验室',
    content: '围绕全市“6+3”重点产业发展科技需求，择优组建市级重点实验室15家以上。',
    leads: ['市科技局'],
    participants: [eachCountyGovernment, '达州高新区管委会'],
    deadline: '2025-12-31',
    deadlineText: '2025年12月前',
    targets: ['cityLab'],
  },
  {
    title: '积极培育省级重点实验室',
    content: '结合各行业领域基础研究和应用基础研究现状，建立省级重点实验室梯度培育库。',
    leads: ['市科技局'],
    participants: ['市经信局', '市农业农村局', '市商务局', '市卫生健康委', '市教育局', eachCountyGovernment, '达州高新区管委会'],
    deadline: '2021-12-31',
    deadlineText: '2021年12月前完成，并动态更新',
    recurrenceText: '并动态更新',
    targets: ['provincialLab'],
  },
  {
    title: '积极培育省级重点实验室',
    content:
      '厅市共建玄武岩纤维及复合材料四川省重点实验室挂牌运行，并持续开展玄纤原丝综合利用科技攻关，在油气管道、轨道交通等领域广泛应用实现重大突破。',
    leads: ['达州高新区管委会'],
    participants: ['市经信局', '市科技局'],
    deadline: '2022-12-31',
    deadlineText: '2022年12月前',
    targets: ['provincialLab'],
  },
  {
    title: '积极培育省级重点实验室',
    content: '四川文理学院结合自身学科优势，建设1—2家省级学科重点实验室。',
    leads: ['四川文理学院'],
    participants: ['市教育局', '市科技局'],
    deadline: '2023-12-31',
    deadlineText: '2023年12月前',
    targets: ['provincialLab'],
  },
  {
    title: '积极培育省级重点实验室',
    content: '围绕苎麻、锂钾、不溶性硫磺等优势产业，指导和支持相关龙头企业建成1—2家省级企业重点实验室。',
    leads: ['市科技局'],
    participants: ['宣汉县人民政府', '大竹县人民政府'],
    deadline: '2025-12-31',
    deadlineText: '2025年12月前',
    targets: ['provincialLab'],
  },
  {
    title: '加快市级技术创新平台布局',
    content: '围绕“6+3”重点产业发展、产业链培育和传统产业升级的创新需求，布局建设市级工程技术研究中心25家以上、市级企业技术中心100家以上。',
    leads: ['市经信局', '市科技局'],
    participants: [eachCountyGovernment, '达州高新区管委会'],
    deadline: '2025-12-31',
    deadlineText: '2025年12月前',
    targets: ['cityEngineering', 'cityEnterprise'],
  },
  {
    title: '支持建设省级技术创新平台',
    content:
      '结合各行业领域共性关键技术和工程化技术研究现状，择优选择一批市级技术创新平台，建立省级工程技术研究中心、省级企业技术中心、省级企业技术中心等省级技术创新平台培育库。',
    leads: ['市发展改革委', '市经信局', '市科技局'],
    participants: ['市农业农村局', '市商务局', '市卫生健康委', '市教育局', eachCountyGovernment, '达州高新区管委会'],
    deadline: '2021-12-31',
    deadlineText: '2021年12月前完成，并动态更新',
    recurrenceText: '并动态更新',
    targets: ['provincialEngineering', 'provincialResearch'],
  },
  {
    title: '支持建设省级技术创新平台',
    content:
      '围绕天然气、锂钾等特色资源开发与利用等领域，加快建成集资源综合开发、检测检验于一体的省级工程技术研究中心、省级企业技术中心、省级工程研究中心、省级检验检测中心等平台。',
    leads: ['宣汉县人民政府'],
    participants: ['市发展改革委', '市经信局', '市科技局', '市市场监管局'],
    deadline: '2024-12-31',
    deadlineText: '2024年12月前',
    targets: ['provincialEngineering', 'provincialResearch'],
  },
  {
    title: '支持建设省级技术创新平台',
    content: '围绕富硒农产品开发等领域，建设省级工程技术研究中心、省级企业技术中心、省级工程实验室、省级检验检测中心等平台。',
    leads: ['万源市人民政府'],
    participants: ['市发展改革委', '市经信局', '市科技局', '市市场监管局'],
    deadline: '2024-12-31',
    deadlineText: '2024年12月前',
    targets: ['provincialEngineering'],
  },
  {
    title: '支持建设省级技术创新平台',
    content: '围绕小龙虾选育繁育等特色农业建设省级工程技术研究中心。',
    leads: ['大竹县人民政府'],
    participants: ['市科技局'],
    deadline: '2024-12-31',
    deadlineText: '2024年12月前',
    targets: ['provincialEngineering'],
  },
  {
    title: '支持建设省级技术创新平台',
    content: '围绕光电产业等领域，建设省级工程技术研究中心。',
    leads: ['高新区管委会'],
    participants: ['市科技局'],
    deadline: '2024-12-31',
    deadlineText: '2024年12月前',
    targets: ['provincialEngineering'],
  },
  {
    title: '支持创建国家企业技术中心',
    content: '围绕特色优势产业，培育新建2个国家企业技术中心。',
    leads: ['市发展改革委', '市经信局'],
    participants: [eachCountyGovernment, '达州高新区管委会'],
    deadline: '2025-12-31',
    deadlineText: '2025年12月前',
    targets: ['newNationalEnterprise'],
  },
];

function organizationKindOf(name: string): OrganizationKind {
  if (name.endsWith('人民政府')) return 'county_government';
  if (name.endsWith('管委会')) return 'zone_committee';
  if (/(学院|大学)$/.test(name)) return 'university';
  return 'department';
}

/**
 * The system acting as the city bureau to seed the demo plans: the plans, targets and tasks go through
 * the services' create functions (their rules and audit records apply as to user input), audited as
 * `system`.
 */
function seedContext(db: Executor, city: { id: string; path: string }): ActorContext {
  const actor: Actor = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    role: 'city_staff',
    regionId: city.id,
    regionPath: city.path,
    organizationId: null,
    permissions: rolePermissions.city_staff,
  };
  // The services' *InTx functions read and write through the transaction they are given.
  return { actor, sourceIp: null, db: db as Database };
}

/**
 * Seeds the demo plans: seed 000's plan with all its targets and its annex task table, and seed 001's
 * 2021 annual goals with amount / index / count targets, through the plans, targets and tasks services
 * (validated by the same contracts as user input), then flags them as demo data. Units missing from
 * `organizationIds` are created in the city (county governments in their county, so county staff act
 * for them). The demo progress (dated reports and the statuses they led to) is history the services
 * would stamp with today, so it is written by the repositories with its own dates.
 */
export async function seedDemoPlans(
  db: Executor,
  maps: DemoPlanMaps,
): Promise<{ planIds: string[]; targets: number; tasks: number; platforms: number }> {
  return db.transaction(async (tx) => {
    const organizationIds = new Map(maps.organizationIds);
    const typeIds = new Map(maps.typeIds);
    const [city] = await tx.select({ id: regions.id, path: regions.path }).from(regions).where(eq(regions.id, maps.cityRegionId));
    const ctx = seedContext(tx, city!);
    const counties = await tx
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(and(eq(regions.parentId, maps.cityRegionId), eq(regions.level, 'county')))
      .orderBy(regions.sortOrder);
    const countyGovernments = counties.map((county) => `${county.name}人民政府`);

    const systemIds = new Map<SystemCode, string>();
    const systemId = async (code: SystemCode) => {
      if (!systemIds.has(code)) {
        const [found] = await tx
          .select({ id: platformSystems.id })
          .from(platformSystems)
          .where(inArray(platformSystems.name, [systemNames[code]]));
        const id =
          found?.id ??
          (await tx.insert(platformSystems).values({ code, name: systemNames[code] }).returning({ id: platformSystems.id }))[0]!.id;
        systemIds.set(code, id);
      }
      return systemIds.get(code)!;
    };
    const resolveTypes = async (spec: NonNullable<TargetSeed['types']>) => {
      const missing = spec.names.filter((name) => !typeIds.has(name));
      if (missing.length) {
        const found = await tx
          .select({ id: platformTypes.id, name: platformTypes.name })
          .from(platformTypes)
          .where(inArray(platformTypes.name, missing));
        for (const row of found) typeIds.set(row.name, row.id);
      }
      const ids = spec.names.flatMap((name) => (typeIds.has(name) ? [typeIds.get(name)!] : []));
      if (ids.length) return ids;
      const [created] = await tx
        .insert(platformTypes)
        .values({ name: spec.names[0]!, level: spec.level, systemId: await systemId(spec.system), isDemo: true })
        .returning({ id: platformTypes.id });
      typeIds.set(spec.names[0]!, created!.id);
      return [created!.id];
    };
    const unitId = async (name: string) => {
      let id = organizationIds.get(name);
      if (!id) {
        const [found] = await tx
          .select({ id: organizations.id })
          .from(organizations)
          .where(and(eq(organizations.name, name), isNull(organizations.deletedAt)));
        id = found?.id;
      }
      if (!id) {
        const kind = organizationKindOf(name);
        const county = kind === 'county_government' ? counties.find((c) => `${c.name}人民政府` === name) : undefined;
        id = await seedOrganization(tx, { name, kind, regionId: county?.id ?? maps.cityRegionId, isDemo: true });
      }
      organizationIds.set(name, id);
      return id;
    };
    /** The distinct organisations a list of annex names stands for, leaving out those in `taken`. */
    const unitIds = async (names: UnitName[], taken: string[] = []) => {
      const ids: string[] = [];
      for (const name of names.flatMap((unit) => (unit === eachCountyGovernment ? countyGovernments : [unit]))) {
        const id = await unitId(name);
        if (!taken.includes(id) && !ids.includes(id)) ids.push(id);
      }
      return ids;
    };
    const seedTargets = async (planId: string, seeds: TargetSeed[]) => {
      const keys = new Map<string, string>();
      for (const [index, seed] of seeds.entries()) {
        const isComputed = targetKindSpec(seed.kind).isComputed;
        const input = zCreateTarget.parse({
          kind: seed.kind,
          subject: seed.subject,
          comparator: '>=',
          value: seed.value,
          unit: seed.unit,
          deadline: seed.deadline,
          baselineDate: seed.baselineDate ?? null,
          filter: isComputed
            ? {
                typeIds: seed.types ? await resolveTypes(seed.types) : [],
                levels: seed.levels ?? [],
                systemIds: seed.systems ? await Promise.all(seed.systems.map(systemId)) : [],
              }
            : null,
          coverageRegionId: seed.coverage ? maps.cityRegionId : null,
          sortOrder: index + 1,
        } satisfies CreateTargetInput);
        const id = await createTargetInTx(tx, ctx, planId, input);
        if (seed.key) keys.set(seed.key, id);
      }
      return keys;
    };

    const plan000 = await createPlanInTx(
      tx,
      ctx,
      zCreatePlan.parse({
        title: '达州市科技创新平台体系建设实施方案',
        issuingBody: '达州市人民政府办公室',
        documentNo: null,
        issuedOn: '2021-04-15',
        periodStart: '2021-04-15',
        periodEnd: '2025-12-31',
        regionId: maps.cityRegionId,
        sourceText: plan000Source,
      }),
    );
    const targets000 = await seedTargets(plan000, plan000Targets);
    const taskIds: string[] = [];
    for (const [index, row] of annexTasks.entries()) {
      const leadUnitIds = await unitIds(row.leads);
      const input = zCreateTask.parse({
        title: row.title,
        content: row.content,
        leadUnitIds,
        participantUnitIds: await unitIds(row.participants, leadUnitIds),
        deadline: row.deadline,
        deadlineText: row.deadlineText,
        isRecurring: row.recurrenceText !== undefined,
        recurrenceText: row.recurrenceText ?? null,
        targetIds: row.targets.map((key) => targets000.get(key)!),
        sortOrder: index + 1,
      } satisfies CreateTaskInput);
      taskIds.push(await createTaskInTx(tx, ctx, plan000, input));
    }
    // Demo progress: the 玄武岩纤维 laboratory opened (the registry holds it since 2022-11-30); a county reports on the city labs.
    await insertTaskReport(tx, {
      taskId: taskIds[2]!,
      organizationId: await unitId('达州高新区管委会'),
      text: '玄武岩纤维及复合材料四川省重点实验室已于2022年11月挂牌运行，玄纤原丝综合利用攻关持续推进。（演示数据）',
      percent: 100,
      reportedAt: new Date('2022-12-05T09:00:00+08:00'),
      isDemo: true,
    });
    await insertTaskReport(tx, {
      taskId: taskIds[0]!,
      organizationId: await unitId('宣汉县人民政府'),
      text: '围绕天然气综合利用和锂钾资源组建市级重点实验室2家，另有1家正在培育。（演示数据）',
      percent: 40,
      reportedAt: new Date('2024-06-20T10:00:00+08:00'),
      isDemo: true,
    });
    await setTaskStatus(tx, taskIds[2]!, 'not_started', 'done');
    await setTaskStatus(tx, taskIds[0]!, 'not_started', 'in_progress');

    const plan001 = await createPlanInTx(
      tx,
      ctx,
      zCreatePlan.parse({
        title: '2021年全市科技创新工作要点',
        issuingBody: '达州市科学技术局',
        documentNo: '达市科〔2021〕28号',
        issuedOn: null,
        periodStart: '2021-01-01',
        periodEnd: '2021-12-31',
        regionId: maps.cityRegionId,
        sourceText: plan001Source,
      }),
    );
    const targets001 = await seedTargets(plan001, plan001Targets);
    const demoSource = '演示数据（非真实统计）';
    const reports = [
      { key: 'contracts', period: '2021年1—6月', periodEnd: '2021-06-30', value: 0.62 },
      { key: 'contracts', period: '2021年', periodEnd: '2021-12-31', value: 1.41 },
      { key: 'innovationIndex', period: '2020年', periodEnd: '2020-12-31', value: 46.3 },
      { key: 'innovationIndex', period: '2021年', periodEnd: '2021-12-31', value: 47.6 },
    ];
    for (const report of reports) {
      const { key, ...figure } = report;
      await insertTargetReport(tx, { targetId: targets001.get(key)!, ...figure, source: demoSource, isDemo: true });
    }
    // Issue 11: a current plan (2026—2028, 演示) whose targets show every status on today's date.
    const currentPlan = await seedCurrentDemoPlan(tx, ctx, {
      cityRegionId: maps.cityRegionId,
      regionIds: maps.regionIds,
      typeIdsOf: (names, level, system) => resolveTypes({ names, level, system }),
      unitId,
    });
    await markPlansAsDemo(tx, [plan000, plan001, currentPlan]);

    return {
      planIds: [plan000, plan001, currentPlan],
      targets: plan000Targets.length + plan001Targets.length,
      tasks: annexTasks.length,
      platforms: currentPlanPlatformCount,
    };
  });
}

/** Flags the demo plans and their targets and tasks as demo data (the services create real records). */
async function markPlansAsDemo(tx: Executor, planIds: string[]): Promise<void> {
  await tx.update(plans).set({ isDemo: true }).where(inArray(plans.id, planIds));
  await tx.update(targets).set({ isDemo: true }).where(inArray(targets.planId, planIds));
  await tx.update(tasks).set({ isDemo: true }).where(inArray(tasks.planId, planIds));
}

const plan000Source = `三、发展目标
到2025年，基本形成布局合理、定位清晰、管理科学、开放共享、多元投入、动态调整且具有达州特色和优势的科技创新平台体系。
——聚焦基础研究和应用基础研究，建设由省级学科重点实验室、企业重点实验室、省市共建重点实验室、市级重点实验室等共同构成的多层次、特色化明显的实验室体系。建设省级重点实验室（包括省市共建实验室）2家以上、省级工程实验室1家以上，市级重点实验室15家以上；力争实现国家重点实验室（含分支机构）零的突破、建设天府实验室1家。
——聚焦共性关键技术和工程化技术研究，形成以国家企业技术中心、省级工程技术研究中心、省级企业技术中心、省级工程研究中心、市级工程技术研究中心、市级企业技术中心梯次发展的技术创新中心体系。建设国家企业技术中心2家以上、省级工程技术研究中心3家以上、省级工程研究中心1家以上、市级工程技术研究中心25家以上、市级企业技术中心100家以上；力争实现国家工程技术研究中心（含分支机构）零的突破。
——聚焦公益性、共享性、开放性基础支撑和科技资源共享服务，加强优质科技资源有机融合，构建以技术转移转化平台、创新创业平台及科技成果资源共享平台等为主要内容的科技创新服务平台体系。引进和培育5家省级专业性技术转移示范机构，15家省级及以上科技企业孵化器（众创空间、星创天地），搭建市、县（市、区）及达州高新区上下联动的科技成果信息共享发布平台，实现各县（市、区）及达州高新区科技创新服务平台全覆盖。`;

const plan001Source = `二、主要目标
创新布局更加优化，制定出台全市“十四五”科技创新规划；创新能力持续提升，实施“6+3”、“9+3”产业关键技术攻关项目 50 项、科技成果转化项目 10 项；开发工业新产品 20 个，推广应用农业新品种、新技术 10 项；创新主体不断壮大，全年力争新培育高新技术企业 30 家以上，科技型中小企业入库备案达到 300 家，高新技术产业营业收入达到 450 亿元目标，科技服务业营业收入 7.97 亿元；创新平台加速构建，新建市级以上创新创业平台 10 家以上；进一步加大与高等院校、科研机构和成渝双城经济圈、浙江舟山等区域科技合作力度，大力推进万达开区域科技创新中心建设，实施对外科技合作专项 10 项；创新人才加速集聚，深化院士达州行活动，加大柔性引智力度；创新动能显著增强，全市技术合同登记额突破 1.3 亿元，力争全社会 R&D 经费投入总量达到 15 亿元，科技创新水平指数达到 48。`;
