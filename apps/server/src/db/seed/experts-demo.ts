import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type ApplicationStatus, rolePermissions } from '@stip/contracts';
import type { Database, Executor } from '../client';
import { applications, experts, panelMembers, panels, regions, users } from '../schema/index';
import type { Actor, ActorContext } from '../../shared/context';
import { AppError } from '../../shared/app-error';
import {
  concludeForExpert,
  createExpert,
  declareForExpert,
  drawApplicationPanel,
  ensureDefaultRubric,
  getRubricForType,
  saveScoresForExpert,
  updateExpert,
} from '../../modules/experts';
import { seededRandom } from '../../shared/random';

/** What the lead's demo seed already holds, looked up by the names the documents use. */
export interface DemoExpertMaps {
  regionIds: Map<string, string>;
  organizationIds: Map<string, string>;
}

interface ExpertSeed {
  name: string;
  organization: string;
  region: string;
  title: string;
  fields: string[];
  /** The demo account the expert signs in with. */
  username?: string;
}

/**
 * Demo experts (all names invented, marked 演示): across the fields of the demo registry, some in the
 * same organisations as demo hosts so that draws show conflicts of interest. 刘教授 is `expert1`.
 */
const demoExperts: ExpertSeed[] = [
  {
    name: '刘教授（演示）',
    organization: '四川文理学院',
    region: '通川区',
    title: '教授',
    fields: ['新材料', '玄武岩纤维', '复合材料', '智能制造', '电子信息', '人工智能'],
    username: 'expert1',
  },
  {
    name: '陈工（演示）',
    organization: '达钢集团',
    region: '通川区',
    title: '正高级工程师',
    fields: ['钢铁冶金', '新材料', '钒钛资源综合利用'],
  },
  {
    name: '王研究员（演示）',
    organization: '达州市农业科学研究院',
    region: '通川区',
    title: '研究员',
    fields: ['农产品加工', '富硒茶', '苎麻'],
  },
  {
    name: '李主任医师（演示）',
    organization: '达州市中心医院',
    region: '通川区',
    title: '主任医师',
    fields: ['生物医药', '医疗器械', '中成药'],
  },
  { name: '张教授（演示）', organization: '四川文理学院', region: '通川区', title: '教授', fields: ['电子信息', '光电', '人工智能'] },
  {
    name: '赵高工（演示）',
    organization: '演示·天然气净化技术有限公司',
    region: '宣汉县',
    title: '高级工程师',
    fields: ['能源化工', '天然气综合利用'],
  },
  {
    name: '孙高工（演示）',
    organization: '演示·普光天然气检测有限公司',
    region: '宣汉县',
    title: '高级工程师',
    fields: ['天然气检测', '能源化工'],
  },
  {
    name: '周研究员（演示）',
    organization: '演示·技术转移服务中心',
    region: '达州高新区',
    title: '研究员',
    fields: ['科技服务', '成果转化', '电子信息'],
  },
  { name: '吴教授（演示）', organization: '四川文理学院', region: '通川区', title: '教授', fields: ['化工新材料', '精细化工', '新材料'] },
  {
    name: '郑高工（演示）',
    organization: '演示·智能装备制造有限公司',
    region: '达川区',
    title: '高级工程师',
    fields: ['智能制造', '智能装备', '工业机器人'],
  },
  {
    name: '冯研究员（演示）',
    organization: '达州市农业科学研究院',
    region: '通川区',
    title: '研究员',
    fields: ['农产品加工', '油橄榄', '小龙虾'],
  },
  { name: '蒋教授（演示）', organization: '四川文理学院', region: '通川区', title: '副教授', fields: ['生物医药', '中药饮片'] },
  {
    name: '韩高工（演示）',
    organization: '演示·微玻纤材料有限公司',
    region: '达州高新区',
    title: '高级工程师',
    fields: ['微玻纤', '新材料'],
  },
  {
    name: '杨高工（演示）',
    organization: '演示·光电科技有限公司',
    region: '达州高新区',
    title: '高级工程师',
    fields: ['光电', '电子元器件', '电子信息'],
  },
  {
    name: '朱研究员（演示）',
    organization: '达州市科学技术协会',
    region: '达州市',
    title: '研究员',
    fields: ['科技服务', '智能制造', '农产品加工'],
  },
  { name: '秦教授（演示）', organization: '四川文理学院', region: '通川区', title: '教授', fields: ['锂钾资源', '能源化工', '页岩气'] },
  {
    name: '许高工（演示）',
    organization: '演示·化工新材料有限公司',
    region: '渠县',
    title: '高级工程师',
    fields: ['化工新材料', '不溶性硫磺'],
  },
  { name: '何主任医师（演示）', organization: '达州市中心医院', region: '通川区', title: '主任医师', fields: ['生物医药', '临床医学'] },
  {
    name: '吕高工（演示）',
    organization: '演示·电子信息有限公司',
    region: '开江县',
    title: '高级工程师',
    fields: ['电子信息', '通信导航'],
  },
  {
    name: '施研究员（演示）',
    organization: '达州市经济和信息化局',
    region: '达州市',
    title: '研究员',
    fields: ['智能制造', '新材料', '电子信息'],
  },
];

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
  // The services read and write through the transaction they are given.
  return { actor, sourceIp: null, db: db as Database };
}

/**
 * Seeds the demo expert pool (about 20 experts, `expert1` among them), the default rubric, and — for
 * the demo applications already in 专家评审 / 公示 / 已认定 — panels drawn by the real rules: in 专家评审
 * the other experts have scored and `expert1` still has to declare and score; in 公示 and 已认定 the
 * panel is fully scored and concluded. Without such applications only the pool is seeded.
 */
export async function seedDemoExperts(db: Executor, maps: DemoExpertMaps): Promise<{ experts: number; panels: number }> {
  const cityRegionId = maps.regionIds.get('达州市');
  if (!cityRegionId) throw new Error('demo experts: 达州市 not seeded');
  const [city] = await db.select({ id: regions.id, path: regions.path }).from(regions).where(eq(regions.id, cityRegionId));
  const ctx = seedContext(db, city!);
  await ensureDefaultRubric(db);
  const expertIds = new Map<string, string>();
  for (const seed of demoExperts) {
    const organizationId = maps.organizationIds.get(seed.organization);
    if (!organizationId) throw new Error(`demo experts: organisation ${seed.organization} not seeded`);
    let userId: string | null = null;
    if (seed.username) {
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, seed.username));
      userId = user?.id ?? null;
    }
    const index = expertIds.size + 1;
    const created = await createExpert(ctx, {
      name: seed.name,
      organizationId,
      fields: seed.fields,
      title: seed.title,
      regionId: maps.regionIds.get(seed.region) ?? null,
      phone: `1380000${String(1000 + index).slice(-4)}`,
      idNumber: `51170219700101${String(1000 + index).slice(-4)}`,
      userId,
    });
    await db.update(experts).set({ isDemo: true }).where(eq(experts.id, created.id));
    expertIds.set(seed.name, created.id);
  }

  const { panels: panelCount } = await seedDemoPanels(db, maps);
  return { experts: expertIds.size, panels: panelCount };
}

/**
 * Draws and scores panels for the demo applications in 专家评审 / 公示 / 已认定 that have none yet
 * (see seedDemoExperts). Call it after the demo applications are seeded.
 */
export async function seedDemoPanels(db: Executor, maps: DemoExpertMaps): Promise<{ panels: number }> {
  const [city] = await db
    .select({ id: regions.id, path: regions.path })
    .from(regions)
    .where(eq(regions.id, maps.regionIds.get('达州市')!));
  const ctx = seedContext(db, city!);
  const pool = await db
    .select({ id: experts.id, userId: experts.userId })
    .from(experts)
    .where(and(eq(experts.isDemo, true), isNull(experts.deletedAt)))
    .orderBy(asc(experts.createdAt));
  const [expert1User] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'expert1'));
  const expert1Id = pool.find((expert) => expert1User && expert.userId === expert1User.id)?.id ?? null;
  const stories: ApplicationStatus[] = ['expert_review', 'public_notice', 'recognized'];
  const targets = await db
    .select()
    .from(applications)
    .where(and(inArray(applications.status, stories), isNull(applications.deletedAt)))
    // Those still in review first, so expert1's seats with work to do are drawn before the cap is reached.
    .orderBy(sql`${applications.status} = 'expert_review' desc`, asc(applications.createdAt));
  let panelCount = 0;
  const random = seededRandom(20250415);
  for (const application of targets) {
    const [existing] = await db.select({ id: panels.id }).from(panels).where(eq(panels.applicationId, application.id));
    if (existing) continue;
    const ids = pool.map((expert) => expert.id);
    if (await drawDemoPanel(ctx, db, application, expert1Id, ids, random)) panelCount++;
  }
  return { panels: panelCount };
}

/** Panels of three: the smallest the rules of seed 004's 专家组 allow for a demo. */
const demoPanelSize = 3;

async function drawDemoPanel(
  ctx: ActorContext,
  db: Executor,
  application: typeof applications.$inferSelect,
  expert1Id: string | null,
  pool: string[],
  random: () => number,
): Promise<boolean> {
  if (!application.technicalFields.length) return false;
  // The demo pool knows the registry's fields; an application in another field gets it added to a few
  // demo experts' fields (including 刘教授's), so its panel can be drawn by the real rules.
  const field = application.technicalFields[0]!;
  const candidates = [expert1Id, ...pool.filter((id) => id !== expert1Id)].filter((id): id is string => Boolean(id)).slice(0, 8);
  for (const id of candidates) {
    const [row] = await db.select().from(experts).where(eq(experts.id, id));
    if (row && !row.fields.includes(field)) await updateExpert(ctx, id, { fields: [...row.fields, field], version: row.version });
  }
  const statuses: ApplicationStatus[] = ['expert_review', 'public_notice', 'recognized'];
  let drawn: { panelId: string; experts: { id: string }[] } | null = null;
  // Seeds are tried in order until 刘教授 (expert1) sits on the panel, so expert1 has work to show; when
  // expert1 cannot sit on it (a conflict, or the yearly cap reached), the last try takes the panel as drawn.
  const attempts = 30;
  for (let attempt = 1; attempt <= attempts && !drawn; attempt++) {
    try {
      drawn = await db.transaction(async (savepoint) => {
        const result = await drawApplicationPanel(
          { ...ctx, db: savepoint as unknown as Database },
          application.id,
          { size: demoPanelSize },
          { statuses, seed: `demo-${attempt}` },
        );
        const wanted = attempt < attempts && expert1Id !== null;
        if (wanted && !result.experts.some((expert) => expert.id === expert1Id)) throw new RetryDraw();
        return result;
      });
    } catch (error) {
      if (error instanceof RetryDraw) continue;
      if (error instanceof AppError) return false; // too few qualified or conflicted: the application keeps no panel
      throw error;
    }
  }
  if (!drawn) return false;
  const rubric = await getRubricForType(db, application.typeId);
  const seats = await db.select().from(panelMembers).where(eq(panelMembers.panelId, drawn.panelId)).orderBy(asc(panelMembers.position));
  const stillToScore = application.status === 'expert_review';
  for (const seat of seats) {
    if (stillToScore && seat.expertId === expert1Id) continue;
    await declareForExpert(ctx, seat.expertId, seat.id, { hasConflict: false });
    const low = random() < 0.25;
    const scores = rubric.criteria.map((criterion) => {
      const share = low ? 0.5 + random() * 0.15 : 0.72 + random() * 0.22;
      const score = Math.round(criterion.maxScore * share);
      const isLow = score < (criterion.maxScore * rubric.lowScorePercent) / 100;
      return { criterionKey: criterion.key, score, ...(isLow ? { comment: '该项材料支撑不足，建议补充（演示）' } : {}) };
    });
    await saveScoresForExpert(ctx, seat.expertId, seat.id, {
      scores,
      opinion: low ? '基础条件尚需加强，建议完善后再申报（演示）' : '建设基础较好，同意推荐（演示）',
      submit: true,
    });
  }
  await db.update(panels).set({ isDemo: true }).where(eq(panels.id, drawn.panelId));
  if (!stillToScore) {
    const [panel] = await db.select().from(panels).where(eq(panels.id, drawn.panelId));
    await concludeForExpert(ctx, panel!.chairExpertId!, panel!.id, {
      consensus: '专家组经评审，认为该平台建设方向明确、基础条件较好，同意推荐认定（演示）',
      version: panel!.version,
    });
  }
  return true;
}

class RetryDraw extends Error {}
