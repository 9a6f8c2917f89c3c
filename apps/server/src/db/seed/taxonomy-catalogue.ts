import { inArray } from 'drizzle-orm';
import type { PlatformLevel } from '@stip/contracts';
import type { Executor } from '../client';
import { platformSystems, platformTypes } from '../schema/index';

/** The departments that supervise platform types (DOMAIN.md §2), as the seed documents name them. */
export type SupervisorKey = '科技局' | '经信局' | '发改委' | '卫健委' | '市场监管局';

export interface CatalogueSystem {
  code: 'laboratory' | 'innovation_center' | 'service_platform';
  name: string;
  description: string;
}

export interface CatalogueType {
  system: CatalogueSystem['code'];
  name: string;
  level: PlatformLevel;
  /** The organisation record that stands for the supervising department, when the caller has one. */
  supervisor: SupervisorKey;
  /** The supervising department as text (clinical centres are supervised jointly). */
  supervisingDepartment: string;
  recognitionStandard: string | null;
  constructionPeriodMonths: number | null;
}

export const catalogueSystems: readonly CatalogueSystem[] = [
  { code: 'laboratory', name: '实验室体系', description: '面向基础研究和应用基础研究的各级重点实验室' },
  { code: 'innovation_center', name: '技术创新中心体系', description: '面向共性关键技术和工程化技术研究的各类技术创新平台' },
  { code: 'service_platform', name: '科技服务平台体系', description: '技术转移转化、创新创业、科技资源共享等公益性服务平台' },
];

const sixHaves =
  '“六有”标准：有实验条件、有应用研究能力、有产学研合作、有研发投入、有创新团队、有管理制度；择优组建，并可纳入省级重点实验室后备库培育';

const provincialInnovationCentre =
  '由行业龙头企业或科技领军企业牵头组建；报送建设意向→专家咨询论证→启动建设（建设期3年）→每年书面报告建设情况→期满总结评估，据结果整改、撤销或后续支持；建设期内省级科研经费最高500万元，专账核算';

type TypeSpec = Omit<CatalogueType, 'system' | 'supervisingDepartment' | 'recognitionStandard' | 'constructionPeriodMonths'> &
  Partial<Pick<CatalogueType, 'supervisingDepartment' | 'recognitionStandard' | 'constructionPeriodMonths'>>;

function types(system: CatalogueSystem['code'], specs: TypeSpec[]): CatalogueType[] {
  return specs.map((spec) => ({
    system,
    supervisingDepartment: spec.supervisor,
    recognitionStandard: null,
    constructionPeriodMonths: null,
    ...spec,
  }));
}

const clinical = { supervisor: '卫健委', supervisingDepartment: '卫健委、科技局' } as const;

/**
 * Every platform type the seed documents name (DOMAIN.md §2), grouped by system in catalogue order.
 * Laboratories and innovation centres carry the names the documents use; service platforms that the
 * documents name as a category at several levels are “category（level）”.
 */
export const catalogueTypes: readonly CatalogueType[] = [
  ...types('laboratory', [
    { name: '国家重点实验室', level: 'national', supervisor: '科技局' },
    { name: '天府实验室', level: 'provincial', supervisor: '科技局' },
    {
      name: '省级重点实验室',
      level: 'provincial',
      supervisor: '科技局',
      recognitionStandard: '含学科重点实验室、企业重点实验室和省市（厅市）共建重点实验室',
    },
    { name: '省级工程实验室', level: 'provincial', supervisor: '发改委' },
    { name: '市级重点实验室', level: 'city', supervisor: '科技局', recognitionStandard: sixHaves },
  ]),
  ...types('innovation_center', [
    { name: '国家企业技术中心', level: 'national', supervisor: '经信局' },
    { name: '国家工程技术研究中心', level: 'national', supervisor: '科技局' },
    {
      name: '省技术创新中心',
      level: 'provincial',
      supervisor: '科技局',
      recognitionStandard: provincialInnovationCentre,
      constructionPeriodMonths: 36,
    },
    { name: '区域技术创新中心', level: 'provincial', supervisor: '科技局' },
    { name: '省级工程技术研究中心', level: 'provincial', supervisor: '科技局' },
    { name: '省级企业技术中心', level: 'provincial', supervisor: '经信局' },
    { name: '省级工程研究中心', level: 'provincial', supervisor: '发改委' },
    { name: '省级临床医学研究中心', level: 'provincial', ...clinical },
    { name: '省级中试研发平台', level: 'provincial', supervisor: '科技局' },
    { name: '省级检验检测中心', level: 'provincial', supervisor: '市场监管局' },
    { name: '国家质量监督检验中心', level: 'national', supervisor: '市场监管局' },
    {
      name: '市级技术创新中心',
      level: 'city',
      supervisor: '科技局',
      recognitionStandard: '依托科研单位、企业建设；现有市级工程技术研究中心经评估整合，符合条件的纳入管理',
    },
    { name: '市级工程技术研究中心', level: 'city', supervisor: '科技局' },
    { name: '市级企业技术中心', level: 'city', supervisor: '经信局' },
    {
      name: '市级临床医学研究中心',
      level: 'city',
      ...clinical,
      recognitionStandard: '依托市内医疗机构，按疾病领域和区域布局建设',
    },
  ]),
  ...types('service_platform', [
    { name: '技术转移示范机构（国家级）', level: 'national', supervisor: '科技局' },
    { name: '技术转移示范机构（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '技术转移分中心', level: 'national', supervisor: '科技局' },
    { name: '科技企业孵化器（国家级）', level: 'national', supervisor: '科技局' },
    { name: '科技企业孵化器（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '科技企业孵化器（市级）', level: 'city', supervisor: '科技局' },
    { name: '众创空间（国家级）', level: 'national', supervisor: '科技局' },
    { name: '众创空间（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '众创空间（市级）', level: 'city', supervisor: '科技局' },
    { name: '星创天地（国家级）', level: 'national', supervisor: '科技局' },
    { name: '星创天地（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '大学科技园（省级）', level: 'provincial', supervisor: '科技局' },
    {
      name: '科技资源共享平台',
      level: 'city',
      supervisor: '科技局',
      recognitionStandard: '依托龙头企业或科研单位收集、保藏和共享科技资源（如生物种质资源库）；运行服务考核与后补助，奖优罚劣、有进有出',
    },
    { name: '科技成果信息共享发布平台', level: 'city', supervisor: '科技局' },
    { name: '院士（专家）工作站（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '院士（专家）工作站（市级）', level: 'city', supervisor: '科技局' },
    { name: '新型研发机构（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '国际科技合作基地（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '技术创新战略联盟（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '农业科技园区（国家级）', level: 'national', supervisor: '科技局' },
    { name: '农业科技园区（省级）', level: 'provincial', supervisor: '科技局' },
    { name: '农业科技园区（市级）', level: 'city', supervisor: '科技局' },
  ]),
];

/** The names of every seeded type (tests check DOMAIN.md §2 against it; seeds look types up by them). */
export const catalogueTypeNames: readonly string[] = catalogueTypes.map((type) => type.name);

export interface SeedTaxonomyCatalogueOptions {
  /** Organisation ids standing for the supervising departments; a type whose department is absent gets text only. */
  supervisors: Partial<Record<SupervisorKey, string>>;
  isDemo?: boolean;
}

/**
 * Inserts the three systems and every catalogue type (skipping any that already exist by code or
 * name, so running it twice is harmless) and returns type name → id for the whole catalogue.
 */
export async function seedTaxonomyCatalogue(db: Executor, options: SeedTaxonomyCatalogueOptions): Promise<Map<string, string>> {
  await db
    .insert(platformSystems)
    .values(catalogueSystems.map((system, index) => ({ ...system, sortOrder: (index + 1) * 10 })))
    .onConflictDoNothing();
  const systems = await db
    .select({ id: platformSystems.id, code: platformSystems.code })
    .from(platformSystems)
    .where(
      inArray(
        platformSystems.code,
        catalogueSystems.map((system) => system.code),
      ),
    );
  const systemIds = new Map(systems.map((system) => [system.code, system.id]));

  await db
    .insert(platformTypes)
    .values(
      catalogueTypes.map((type, index) => ({
        systemId: systemIds.get(type.system)!,
        name: type.name,
        level: type.level,
        supervisorOrganizationId: options.supervisors[type.supervisor] ?? null,
        supervisingDepartment: type.supervisingDepartment,
        recognitionStandard: type.recognitionStandard,
        constructionPeriodMonths: type.constructionPeriodMonths,
        sortOrder: (index + 1) * 10,
        isDemo: options.isDemo ?? false,
      })),
    )
    .onConflictDoNothing();
  const rows = await db
    .select({ id: platformTypes.id, name: platformTypes.name })
    .from(platformTypes)
    .where(inArray(platformTypes.name, [...catalogueTypeNames]));
  return new Map(rows.map((row) => [row.name, row.id]));
}
