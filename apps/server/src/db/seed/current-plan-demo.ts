import { type CreateTargetInput, zCreatePlan, zCreateTarget, zCreateTask } from '@stip/contracts';
import type { Transaction } from '../client';
import type { ActorContext } from '../../shared/context';
import { createPlanInTx } from '../../modules/plans';
import { createTargetInTx } from '../../modules/targets';
import { createTaskInTx } from '../../modules/tasks';
import { seedOrganization } from './organizations';
import { seedPlatform } from './platforms';
import { technologyContracts } from '../schema/index';

/** The demo's current plan (issue 11): its title, for the tests and the cockpit's default plan. */
export const currentDemoPlanTitle = '达州市科技创新平台提质增效三年行动方案（2026—2028年）（演示）';

/** What the current plan's seed needs from the demo plans' seed. */
export interface CurrentPlanHelpers {
  cityRegionId: string;
  regionIds: Map<string, string>;
  /** Platform type ids by catalogue name (created when missing). */
  typeIdsOf: (
    names: string[],
    level: 'city' | 'provincial',
    system: 'laboratory' | 'innovation_center' | 'service_platform',
  ) => Promise<string[]>;
  /** An organisation by name (created as a department in the city when missing). */
  unitId: (name: string) => Promise<string>;
}

/**
 * The platforms recognised in 2026 that make the current plan's statuses true (演示): the engine computes
 * every status from them — 2 new city laboratories (one in 宣汉县: its contribution), 1 new city engineering
 * centre (behind), 1 provincial engineering research centre (achieved), 5 city enterprise technology
 * centres (the first year of a yearly target met).
 */
const newPlatforms: { name: string; type: string; region: string; recognizedOn: string }[] = [
  { name: '宣汉天然气化工市级重点实验室（演示）', type: '市级重点实验室', region: '宣汉县', recognizedOn: '2026-05-15' },
  { name: '通川智能制造市级重点实验室（演示）', type: '市级重点实验室', region: '通川区', recognizedOn: '2026-09-15' },
  { name: '达川特色农产品加工市级工程技术研究中心（演示）', type: '市级工程技术研究中心', region: '达川区', recognizedOn: '2026-06-15' },
  { name: '达州锂钾综合利用省级工程研究中心（演示）', type: '省级工程研究中心', region: '宣汉县', recognizedOn: '2026-06-15' },
  ...['大竹', '渠县', '开江', '万源', '达川'].map((place, index) => ({
    name: `${place}新材料市级企业技术中心${index + 1}号（演示）`,
    type: '市级企业技术中心',
    region: place === '大竹' ? '大竹县' : place === '渠县' ? '渠县' : place === '开江' ? '开江县' : place === '万源' ? '万源市' : '达川区',
    recognizedOn: `2026-0${3 + index}-20`,
  })),
];

/** How many platforms the current plan's seed registers (the demo registry's tests count them). */
export const currentPlanPlatformCount = newPlatforms.length;

const by2028 = '2028-12-31';

/** The current plan's 技术合同登记额 target, whose figure the registered contracts make (never typed in). */
export const demoContractTargetSubject = '技术合同登记额累计达到4.5亿元（由技术合同登记自动汇总）';

/** Registered technology contracts (演示, not real registrations): the 技术合同登记额 target's figure is their sum. */
const demoContracts = [
  {
    registrationNumber: '演示5117012026000101',
    title: '玄武岩纤维连续拉丝工艺技术转让合同（演示）',
    amount: 860,
    technologyAmount: 800,
    sellerName: '四川文理学院（演示）',
    buyerName: '达州玄武岩纤维制品有限公司（演示）',
    signedOn: '2026-04-18',
    registeredOn: '2026-04-28',
    region: '达川区',
  },
  {
    registrationNumber: '演示5117012026000102',
    title: '天然气化工副产品综合利用技术开发合同（演示）',
    amount: 1240,
    technologyAmount: 1100,
    sellerName: '达州天然气化工研究院（演示）',
    buyerName: '宣汉天然气化工有限公司（演示）',
    signedOn: '2026-07-02',
    registeredOn: '2026-07-15',
    region: '宣汉县',
  },
] as const;

/**
 * Seeds the current demo plan 2026–2028 (seed 000's style, clearly 演示) whose targets show every status on
 * 2026-12: 新增 on track and behind, achieved, 未报送 (no report from the unit that owes it), a yearly
 * target with its series, a per-county target with lagging counties, and its one 技术合同登记额 target,
 * summed from the registered contracts. Only the registry history and the contracts are seeded (no
 * report); the statuses are the engine's.
 */
export async function seedCurrentDemoPlan(tx: Transaction, ctx: ActorContext, helpers: CurrentPlanHelpers): Promise<string> {
  const regionId = (name: string) => {
    const id = helpers.regionIds.get(name);
    if (!id) throw new Error(`demo seed: unknown region “${name}”`);
    return id;
  };
  const host = await seedOrganization(tx, {
    name: '演示·达州新型研发有限公司',
    kind: 'enterprise',
    regionId: helpers.cityRegionId,
    isDemo: true,
  });
  const levels = {
    市级重点实验室: 'city',
    市级工程技术研究中心: 'city',
    市级企业技术中心: 'city',
    省级工程研究中心: 'provincial',
  } as const;
  const systems = {
    市级重点实验室: 'laboratory',
    市级工程技术研究中心: 'innovation_center',
    市级企业技术中心: 'innovation_center',
    省级工程研究中心: 'innovation_center',
  } as const;
  const typeOf = async (name: keyof typeof levels) => (await helpers.typeIdsOf([name], levels[name], systems[name]))[0]!;
  for (const platform of newPlatforms) {
    const name = platform.type as keyof typeof levels;
    await seedPlatform(tx, {
      name: platform.name,
      typeId: await typeOf(name),
      hostOrganizationId: host,
      regionId: regionId(platform.region),
      status: 'constructing',
      recognizedOn: platform.recognizedOn,
      recognitionDocNo: `演示文号〔2026〕${10 + newPlatforms.indexOf(platform)}号`,
      constructionEndsOn: `2029${platform.recognizedOn.slice(4)}`,
      industry: null,
      isDemo: true,
    });
  }

  const planId = await createPlanInTx(
    tx,
    ctx,
    zCreatePlan.parse({
      title: currentDemoPlanTitle,
      issuingBody: '达州市人民政府办公室（演示）',
      documentNo: null,
      issuedOn: '2026-01-10',
      periodStart: '2026-01-01',
      periodEnd: by2028,
      regionId: helpers.cityRegionId,
      sourceText: currentPlanSource,
    }),
  );
  const incubators = await helpers.typeIdsOf(['科技企业孵化器（市级）', '众创空间（市级）'], 'city', 'service_platform');
  const seeds: (CreateTargetInput & { key: string })[] = [
    {
      key: 'newCityLabs',
      kind: 'count',
      subject: '新建市级重点实验室6家以上',
      value: 6,
      unit: '家',
      deadline: by2028,
      basis: 'added',
      filter: { typeIds: [await typeOf('市级重点实验室')] },
    },
    {
      key: 'newEngineeringCentres',
      kind: 'count',
      subject: '新建市级工程技术研究中心10家以上',
      value: 10,
      unit: '家',
      deadline: by2028,
      basis: 'added',
      filter: { typeIds: [await typeOf('市级工程技术研究中心')] },
    },
    {
      key: 'newResearchCentre',
      kind: 'count',
      subject: '新建省级工程研究中心1家以上',
      value: 1,
      unit: '家',
      deadline: by2028,
      basis: 'added',
      filter: { typeIds: [await typeOf('省级工程研究中心')] },
    },
    {
      key: 'yearlyEnterpriseCentres',
      kind: 'count',
      subject: '每年认定市级企业技术中心5家以上',
      value: 5,
      unit: '家',
      deadline: by2028,
      perYear: true,
      filter: { typeIds: [await typeOf('市级企业技术中心')] },
    },
    {
      key: 'incubatorPerCounty',
      kind: 'count',
      subject: '推动每个县（市、区）至少建成1家市级科技企业孵化器或众创空间',
      value: 1,
      unit: '家',
      deadline: by2028,
      perRegion: true,
      filter: { typeIds: incubators },
    },
    {
      key: 'researchSpending',
      kind: 'amount',
      subject: '全社会研究与试验发展（R&D）经费投入总量达到20亿元',
      value: 20,
      unit: '亿元',
      deadline: by2028,
    },
    {
      key: 'contractAmount',
      kind: 'amount',
      subject: demoContractTargetSubject,
      value: 45000,
      unit: '万元',
      deadline: by2028,
      metric: 'technology_contract_amount',
    },
  ];
  const ids = new Map<string, string>();
  for (const [index, { key, ...seed }] of seeds.entries()) {
    ids.set(key, await createTargetInTx(tx, ctx, planId, zCreateTarget.parse({ ...seed, comparator: '>=', sortOrder: index + 1 })));
  }
  const tasks = [
    {
      title: '布局建设市级重点实验室（演示）',
      content: '围绕全市重点产业，新建市级重点实验室6家以上，各县（市、区）每年至少推荐1家。',
      lead: '达州市科学技术局',
      targets: ['newCityLabs', 'newEngineeringCentres'],
    },
    {
      title: '加大全社会研发投入（演示）',
      content: '按年度统计并报送全社会研究与试验发展（R&D）经费投入情况。',
      lead: '达州市统计局',
      targets: ['researchSpending'],
    },
    {
      title: '促进技术转移转化（演示）',
      content: '做好技术合同认定登记，登记额由技术合同登记自动汇总。',
      lead: '达州市科学技术局',
      targets: ['contractAmount'],
    },
  ];
  for (const [index, task] of tasks.entries()) {
    await createTaskInTx(
      tx,
      ctx,
      planId,
      zCreateTask.parse({
        title: task.title,
        content: task.content,
        leadUnitIds: [await helpers.unitId(task.lead)],
        participantUnitIds: [],
        deadline: by2028,
        targetIds: task.targets.map((key) => ids.get(key)!),
        sortOrder: index + 1,
      }),
    );
  }
  for (const contract of demoContracts) {
    await tx.insert(technologyContracts).values({ ...contract, regionId: regionId(contract.region), isDemo: true });
  }
  return planId;
}

const currentPlanSource = `（演示文件，非真实文件）
三、发展目标
到2028年，科技创新平台体系提质增效。新建市级重点实验室6家以上、市级工程技术研究中心10家以上、省级工程研究中心1家以上；每年认定市级企业技术中心5家以上；推动每个县（市、区）至少建成1家市级科技企业孵化器或众创空间；全社会研究与试验发展（R&D）经费投入总量达到20亿元，技术合同登记额累计达到4.5亿元。`;
