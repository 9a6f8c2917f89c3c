import type { AchievementMaturity, CreateAchievementInput, CreateDemandInput, PublicationStatus, TransferMode } from '@stip/contracts';
import { zCreateAchievement, zCreateDemand } from '@stip/contracts';
import type { Database, Transaction } from '../client';
import { systemContext } from '../../shared/context';
import { createAchievementInTx } from '../../modules/achievements';
import { createDemandInTx } from '../../modules/demands';

/**
 * Demo achievements (科技成果) and demands (技术需求) of the 达州 demo world (all marked 演示): the city's industries —
 * 玄武岩纤维, 天然气化工, 锂钾综合开发, 苎麻, 富硒茶, 中药材, 钢铁 — mostly published, a few in other states so the review
 * work and the owners' to-dos show. The published 玄武岩纤维 demand of the 高新区 fibre company is what the first
 * achievement (四川文理学院) answers, so matching and the portal have a pair to show. Owners are the demo hosts.
 */

interface AchievementSeed {
  owner: string;
  title: string;
  abstract: string;
  keywords: string[];
  technicalField: string;
  industry: string;
  maturity: AchievementMaturity;
  patents?: { number: string; title: string; kind: string }[];
  transferModes: TransferMode[];
  price?: [number, number];
  contact: [name: string, phone: string, email?: string];
  status: PublicationStatus;
  reviewNote?: string;
}

const achievementSeeds: AchievementSeed[] = [
  {
    owner: '四川文理学院',
    title: '连续玄武岩纤维高强度拉丝及专用浸润剂技术',
    abstract:
      '针对国产连续玄武岩纤维单丝强度偏低、离散大的问题，研制多组分复合浸润剂并优化漏板温度场与拉丝速度，使纤维拉伸强度提高15%以上，耐碱性能明显改善，可用于玄武岩纤维复合材料、土工格栅和短切纱生产。',
    keywords: ['玄武岩纤维', '浸润剂', '拉丝工艺', '复合材料'],
    technicalField: '新材料',
    industry: '新材料',
    maturity: 'pilot',
    patents: [
      { number: 'ZL202110456789.1', title: '一种连续玄武岩纤维用浸润剂及其制备方法', kind: '发明专利' },
      { number: 'ZL202220123456.7', title: '一种玄武岩纤维拉丝漏板', kind: '实用新型' },
    ],
    transferModes: ['license', 'cooperation'],
    price: [80, 300],
    contact: ['刘老师', '0818-2790001', 'basalt@example.edu.cn'],
    status: 'published',
  },
  {
    owner: '演示·玄武岩纤维科技有限公司',
    title: '玄武岩纤维复合筋材及桥梁加固应用技术',
    abstract:
      '以连续玄武岩纤维和环氧树脂拉挤成型制备复合筋材，替代钢筋用于腐蚀环境下的桥梁、隧道加固，重量轻、耐腐蚀，已在本地桥梁维修中应用。',
    keywords: ['玄武岩纤维', '复合筋材', '桥梁加固'],
    technicalField: '新材料',
    industry: '新材料',
    maturity: 'industrial',
    patents: [{ number: 'ZL201910234567.8', title: '一种玄武岩纤维复合筋拉挤成型装置', kind: '发明专利' }],
    transferModes: ['cooperation'],
    contact: ['陈经理', '0818-2790002'],
    status: 'published',
  },
  {
    owner: '演示·天然气净化技术有限公司',
    title: '高含硫天然气净化尾气硫回收与达标排放技术',
    abstract:
      '采用改良克劳斯工艺与尾气加氢还原吸收组合流程，硫回收率达到99.8%以上，尾气二氧化硫排放满足最新标准，适用于高含硫气田净化厂改造。',
    keywords: ['天然气净化', '硫回收', '尾气处理'],
    technicalField: '能源化工',
    industry: '能源化工',
    maturity: 'industrial',
    transferModes: ['license', 'transfer'],
    price: [200, 800],
    contact: ['王工', '0818-5120003'],
    status: 'published',
  },
  {
    owner: '演示·化工新材料有限公司',
    title: '不溶性硫磺连续化生产工艺',
    abstract:
      '以天然气净化副产硫磺为原料，采用高温汽化—急冷—稳定化连续工艺生产橡胶用不溶性硫磺，产品热稳定性高，不溶物含量大于90%，实现硫资源高值化利用。',
    keywords: ['不溶性硫磺', '硫资源', '橡胶助剂'],
    technicalField: '能源化工',
    industry: '能源化工',
    maturity: 'small_trial',
    transferModes: ['cooperation', 'equity'],
    contact: ['赵工', '0818-7320004'],
    status: 'published',
  },
  {
    owner: '演示·锂钾资源开发有限公司',
    title: '富钾锂卤水锂钾综合提取技术',
    abstract: '针对达州地区深层富钾锂卤水，采用吸附—膜分离耦合工艺同步提取锂、钾，碳酸锂纯度达到电池级，氯化钾符合农用标准，综合回收率高。',
    keywords: ['锂钾综合开发', '卤水提锂', '膜分离'],
    technicalField: '新材料',
    industry: '能源化工',
    maturity: 'pilot',
    transferModes: ['cooperation'],
    price: [500, 2000],
    contact: ['孙博士', '0818-5120005'],
    status: 'published',
  },
  {
    owner: '演示·苎麻纺织有限公司',
    title: '苎麻生物脱胶及高支纱纺纱技术',
    abstract: '以复合菌剂替代传统化学脱胶，脱胶时间缩短40%，废水化学需氧量大幅降低；配合改进的精梳工艺纺制高支苎麻纱，适合高档面料。',
    keywords: ['苎麻', '生物脱胶', '纺纱'],
    technicalField: '轻工纺织',
    industry: '农产品加工',
    maturity: 'industrial',
    transferModes: ['license'],
    contact: ['周厂长', '0818-6220006'],
    status: 'published',
  },
  {
    owner: '达州市农业科学研究院',
    title: '富硒茶加工与硒含量稳定控制技术',
    abstract: '建立富硒茶鲜叶分级、杀青和干燥参数与硒保留率的关系模型，加工后有机硒保留率提高到85%以上，形成万源富硒茶加工技术规程。',
    keywords: ['富硒茶', '茶叶加工', '有机硒'],
    technicalField: '现代农业',
    industry: '农产品加工',
    maturity: 'industrial',
    transferModes: ['license', 'cooperation'],
    price: [10, 50],
    contact: ['吴研究员', '0818-2650007'],
    status: 'published',
  },
  {
    owner: '达州市农业科学研究院',
    title: '川明参等道地中药材规范化种植与初加工技术',
    abstract: '集成川明参、乌梅、黄精等道地中药材的良种选育、测土配方施肥、病虫害绿色防控及产地初加工技术，亩产提高20%，有效成分含量稳定。',
    keywords: ['中药材', '规范化种植', '道地药材'],
    technicalField: '现代农业',
    industry: '生物医药',
    maturity: 'industrial',
    transferModes: ['cooperation'],
    contact: ['郑研究员', '0818-2650008'],
    status: 'published',
  },
  {
    owner: '达钢集团',
    title: '钢渣微粉制备高性能混凝土掺合料技术',
    abstract:
      '对转炉钢渣进行稳定化处理和超细粉磨，制备比表面积大于450平方米每千克的钢渣微粉，作为混凝土掺合料替代部分水泥，实现冶金固废资源化利用。',
    keywords: ['钢渣', '固废资源化', '混凝土掺合料'],
    technicalField: '钢铁冶金',
    industry: '新材料',
    maturity: 'pilot',
    transferModes: ['transfer', 'license'],
    contact: ['陈工', '0818-2360009'],
    status: 'submitted',
  },
  {
    owner: '演示·微玻纤材料有限公司',
    title: '电池用超细玻璃纤维隔板材料',
    abstract: '采用火焰喷吹法制备平均直径小于1微米的超细玻璃纤维，湿法成型制备蓄电池隔板，孔隙率高、吸酸量大。',
    keywords: ['微玻纤', '电池隔板'],
    technicalField: '新材料',
    industry: '新材料',
    maturity: 'small_trial',
    transferModes: ['cooperation'],
    contact: ['黄工', '0818-2790010'],
    status: 'draft',
  },
  {
    owner: '演示·智能装备制造有限公司',
    title: '天然气场站智能巡检机器人',
    abstract: '集成激光甲烷检测、红外测温和视觉识别的轮式巡检机器人，可在天然气场站自主导航巡检并自动上报泄漏与异常温升。',
    keywords: ['智能巡检', '机器人', '天然气场站'],
    technicalField: '智能制造',
    industry: '装备制造',
    maturity: 'pilot',
    transferModes: ['transfer'],
    contact: ['何经理', '0818-3260011'],
    status: 'returned',
    reviewNote: '请补充样机在场站的试运行报告和检测证书编号。',
  },
  {
    owner: '演示·小龙虾良种繁育有限公司',
    title: '稻田小龙虾生态综合种养技术',
    abstract: '稻虾共作模式下的小龙虾良种选育、水位调控和病害防控技术，每亩增收显著，已在大竹县推广。',
    keywords: ['小龙虾', '稻虾共作', '生态养殖'],
    technicalField: '现代农业',
    industry: '农产品加工',
    maturity: 'industrial',
    transferModes: ['cooperation'],
    contact: ['杨技术员', '0818-6220012'],
    status: 'closed',
  },
];

interface DemandSeed {
  enterprise: string;
  title: string;
  description: string;
  keywords: string[];
  technicalField: string;
  industry: string;
  budget: number;
  deadline: string;
  contact: [name: string, phone: string];
  status: PublicationStatus;
}

const demandSeeds: DemandSeed[] = [
  {
    enterprise: '演示·玄武岩纤维科技有限公司',
    title: '提高玄武岩纤维拉伸强度的浸润剂与拉丝工艺',
    description:
      '我公司玄武岩纤维单丝强度波动大、毛丝多，需要一种提高玄武岩纤维强度并改善与树脂界面结合的浸润剂配方及配套拉丝工艺，用于复合筋材生产。',
    keywords: ['玄武岩纤维', '浸润剂', '拉丝工艺'],
    technicalField: '新材料',
    industry: '新材料',
    budget: 150,
    deadline: '2027-06-30',
    contact: ['陈经理', '0818-2790002'],
    status: 'published',
  },
  {
    enterprise: '达钢集团',
    title: '转炉钢渣稳定化处理与高值化利用技术',
    description: '每年产生钢渣数十万吨，需要钢渣游离氧化钙快速消解和高值化利用技术，用于建材或道路材料。',
    keywords: ['钢渣', '固废资源化', '游离氧化钙'],
    technicalField: '钢铁冶金',
    industry: '新材料',
    budget: 300,
    deadline: '2027-03-31',
    contact: ['陈工', '0818-2360009'],
    status: 'published',
  },
  {
    enterprise: '演示·天然气净化技术有限公司',
    title: '净化装置设备腐蚀在线监测技术',
    description: '高含硫天然气净化装置管线和设备腐蚀风险高，需要可在线监测腐蚀速率并预警的传感与数据分析系统。',
    keywords: ['天然气净化', '腐蚀监测', '在线监测'],
    technicalField: '能源化工',
    industry: '能源化工',
    budget: 200,
    deadline: '2027-05-31',
    contact: ['王工', '0818-5120003'],
    status: 'published',
  },
  {
    enterprise: '演示·富硒农业科技有限公司',
    title: '富硒茶深加工产品开发',
    description: '希望与科研单位合作开发富硒茶饮料、茶多酚提取等深加工产品，提高富硒茶附加值。',
    keywords: ['富硒茶', '深加工', '茶多酚'],
    technicalField: '现代农业',
    industry: '农产品加工',
    budget: 60,
    deadline: '2026-12-31',
    contact: ['蒋总', '0818-8620013'],
    status: 'published',
  },
  {
    enterprise: '演示·苎麻纺织有限公司',
    title: '苎麻织物节水染色工艺',
    description: '苎麻织物染色耗水量大、上染率低，需要节水节能的低浴比或无水染色工艺。',
    keywords: ['苎麻', '染色', '节水'],
    technicalField: '轻工纺织',
    industry: '农产品加工',
    budget: 80,
    deadline: '2027-02-28',
    contact: ['周厂长', '0818-6220006'],
    status: 'published',
  },
  {
    enterprise: '演示·锂钾资源开发有限公司',
    title: '低品位卤水锂钾分离膜材料',
    description: '需要耐高盐、选择性高的锂钾分离膜材料及组件，用于低品位卤水的锂钾综合开发。',
    keywords: ['锂钾综合开发', '膜分离', '卤水'],
    technicalField: '新材料',
    industry: '能源化工',
    budget: 500,
    deadline: '2027-09-30',
    contact: ['孙博士', '0818-5120005'],
    status: 'published',
  },
  {
    enterprise: '演示·生物医药有限公司',
    title: '中药材有效成分提取纯化工艺',
    description: '需要川明参、黄精等中药材多糖和皂苷类有效成分的高效提取与纯化工艺。',
    keywords: ['中药材', '提取纯化', '多糖'],
    technicalField: '生物医药',
    industry: '生物医药',
    budget: 120,
    deadline: '2027-04-30',
    contact: ['林主任', '0818-3260014'],
    status: 'submitted',
  },
  {
    enterprise: '演示·电子信息有限公司',
    title: '电子元器件表面缺陷视觉检测算法',
    description: '产线上元器件表面划痕、缺角等缺陷依靠人工目检，需要基于机器视觉的自动检测算法。',
    keywords: ['机器视觉', '缺陷检测'],
    technicalField: '电子信息',
    industry: '电子信息',
    budget: 40,
    deadline: '2027-01-31',
    contact: ['许工', '0818-4220015'],
    status: 'draft',
  },
];

/** Seeds the demo achievements and demands (after the demo organisations). */
export async function seedDemoSharing(
  tx: Transaction,
  maps: { organizationIds: Map<string, string> },
): Promise<{ achievements: number; demands: number }> {
  // The services write through the transaction they are given; the system (no actor) reaches every organisation.
  const ctx = systemContext(tx as unknown as Database);
  const organizationId = (name: string) => {
    const id = maps.organizationIds.get(name);
    if (!id) throw new Error(`demo sharing: organisation ${name} not seeded`);
    return id;
  };
  for (const seed of achievementSeeds) {
    const input: CreateAchievementInput = {
      title: seed.title,
      abstract: seed.abstract,
      keywords: seed.keywords,
      technicalField: seed.technicalField,
      industry: seed.industry,
      maturity: seed.maturity,
      patents: seed.patents ?? [],
      ownerOrganizationId: organizationId(seed.owner),
      transferModes: seed.transferModes,
      priceMin: seed.price?.[0] ?? null,
      priceMax: seed.price?.[1] ?? null,
      contactName: `${seed.contact[0]}（演示）`,
      contactPhone: seed.contact[1],
      contactEmail: seed.contact[2] ?? null,
      publishedContact: ['name', 'phone'],
    };
    await createAchievementInTx(tx, ctx, zCreateAchievement.parse(input), {
      status: seed.status,
      reviewNote: seed.reviewNote ?? null,
      isDemo: true,
    });
  }
  for (const seed of demandSeeds) {
    const input: CreateDemandInput = {
      title: seed.title,
      description: seed.description,
      keywords: seed.keywords,
      technicalField: seed.technicalField,
      industry: seed.industry,
      budget: seed.budget,
      deadline: seed.deadline,
      enterpriseOrganizationId: organizationId(seed.enterprise),
      contactName: `${seed.contact[0]}（演示）`,
      contactPhone: seed.contact[1],
      publishedContact: ['name'],
    };
    await createDemandInTx(tx, ctx, zCreateDemand.parse(input), { status: seed.status, isDemo: true });
  }
  return { achievements: achievementSeeds.length, demands: demandSeeds.length };
}
