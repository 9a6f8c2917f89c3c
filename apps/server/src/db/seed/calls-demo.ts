import { eq } from 'drizzle-orm';
import { type Role, rolePermissions } from '@stip/contracts';
import type { Database, Executor } from '../client';
import { applications, platforms, regions } from '../schema/index';
import type { Actor, ActorContext } from '../../shared/context';
import { addDays, todayInChina } from '../../shared/clock';
import {
  addMaterial,
  addObjection,
  applicantAction,
  createApplication,
  createCall,
  recordDemoPublicNotice,
  reviewApplication,
  transitionCall,
} from '../../modules/calls';

/** What the demo seed already holds, looked up by name. */
export interface DemoCallMaps {
  regionIds: Map<string, string>;
  organizationIds: Map<string, string>;
  typeIds: Map<string, string>;
}

const systemUserId = '00000000-0000-0000-0000-000000000000';

function need(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`calls demo: unknown ${what} “${key}”`);
  return id;
}

/** A minimal PDF standing in for a construction plan (the demo's bytes, hashed like any upload). */
const demoPdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}（演示）\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

const sixHaves = { site: true, equipment: true, staff: true, funding: true, direction: true, rules: true };

/**
 * The demo story of issue 10's first half: one open call (2026年度市级科技创新平台认定) with applications in
 * every state of the chain — draft, county review, returned with comments, formal review, expert review
 * (the experts module's demo draws and scores its panel), public notice with one objection, and recognised
 * (which created its platform in the registry). 达钢集团 (`dagang`) owns the draft and the returned one; the
 * 宣汉县 bureau (`xuanhan`) has one to recommend. Everything goes through the calls services as the system
 * acting in each role, audited as `system`, and is marked demo.
 *
 * Two steps are written as history instead: the public notice of the last two applications starts only after
 * a concluded panel (the experts module's table), so their notice is recorded with its own dates here, and the
 * recognised one's notice lies in the past so that recognition (through the service) is allowed today.
 */
export async function seedCallsDemo(
  db: Executor,
  maps: DemoCallMaps,
): Promise<{ callId: string; applicationIds: Record<string, string>; platformIds: string[] }> {
  const today = todayInChina();
  const cityId = need(maps.regionIds, '达州市', 'region');
  const regionPaths = new Map((await db.select({ id: regions.id, path: regions.path }).from(regions)).map((r) => [r.id, r.path]));
  const context = (role: Role, options: { regionId?: string; organizationId?: string } = {}): ActorContext => {
    const actor: Actor = {
      userId: systemUserId,
      username: 'system',
      role,
      regionId: options.regionId ?? null,
      regionPath: options.regionId ? (regionPaths.get(options.regionId) ?? null) : null,
      organizationId: options.organizationId ?? null,
      permissions: rolePermissions[role],
    };
    return { actor, sourceIp: null, db: db as Database };
  };
  const city = context('city_staff', { regionId: cityId });
  const county = (name: string) => context('county_staff', { regionId: need(maps.regionIds, name, 'region') });
  const host = (organization: string) => context('host_user', { organizationId: need(maps.organizationIds, organization, 'organization') });

  const laboratory = need(maps.typeIds, '市级重点实验室', 'type');
  const engineeringCentre = need(maps.typeIds, '市级工程技术研究中心', 'type');
  const call = await createCall(
    city,
    {
      title: '2026年度市级科技创新平台认定申报通知（演示）',
      year: 2026,
      regionId: cityId,
      typeIds: [laboratory, engineeringCentre],
      opensOn: addDays(today, -30),
      closesOn: addDays(today, 30),
      materials: [
        { code: 'construction_plan', name: '平台建设方案', required: true },
        { code: 'audit_report', name: '上年度财务审计报告', required: false },
        { code: 'qualification_proof', name: '资质证明材料', required: false },
      ],
      eligibilityRules: [
        { code: 'host_in_region' },
        { code: 'qualification', kinds: ['high_tech', 'tech_sme'] },
        { code: 'rd_spend_min', minAmount: 300 },
        { code: 'no_same_type_platform' },
        { code: 'six_haves_answered' },
        { code: 'construction_plan_attached' },
      ],
      description: '依据《达州市科技创新平台体系建设实施方案》，受理市级重点实验室、市级工程技术研究中心认定申报。（演示数据）',
    },
    { isDemo: true },
  );
  await transitionCall(city, call.id, { action: 'open', version: call.version });

  const ids: Record<string, string> = {};
  const start = async (
    organization: string,
    name: string,
    typeId: string,
    form: { rdSpendLastYear: number; summary: string; director: string },
  ) => {
    const ctx = host(organization);
    const application = await createApplication(
      ctx,
      {
        callId: call.id,
        typeId,
        platformName: name,
        technicalFields: [form.summary.slice(0, 8)],
        coBuilderIds: [],
        collaborators: [{ name: '王教授（演示）', organization: '四川文理学院' }],
        form: { rdSpendLastYear: form.rdSpendLastYear, researchStaff: 25, director: form.director, summary: form.summary, sixHaves },
      },
      { isDemo: true },
    );
    await addMaterial(ctx, application.id, {
      code: 'construction_plan',
      fileName: `${name}建设方案.pdf`,
      mimeType: 'application/pdf',
      content: demoPdf(name),
    });
    return { ctx, id: application.id };
  };
  const submit = async (ctx: ActorContext, id: string) =>
    (await applicantAction(ctx, id, 'submit', { version: await versionOf(id) })).version;
  const versionOf = async (id: string) =>
    (await db.select({ v: applications.version }).from(applications).where(eq(applications.id, id)))[0]!.v;
  const step = async (ctx: ActorContext, id: string, action: 'recommend' | 'return' | 'pass' | 'recognize', extra: object = {}) =>
    reviewApplication(ctx, id, { action, version: await versionOf(id), ...extra });

  // 草稿: 达钢集团 is still filling it in.
  ids.draft = (
    await start('达钢集团', '钒钛钢铁新材料市级重点实验室（演示）', laboratory, {
      rdSpendLastYear: 4200,
      summary: '钒钛微合金化高强钢研发',
      director: '陈工（演示）',
    })
  ).id;

  // 县级推荐: waits for the 宣汉县 bureau (`xuanhan`).
  const countyReview = await start('演示·天然气净化技术有限公司', '天然气净化工程技术研究中心（演示）', engineeringCentre, {
    rdSpendLastYear: 680,
    summary: '高含硫天然气净化工艺',
    director: '赵工（演示）',
  });
  await submit(countyReview.ctx, countyReview.id);
  ids.countyReview = countyReview.id;

  // 已退回: 通川区 returned 达钢集团's second application with comments.
  const returned = await start('达钢集团', '高强度建筑用钢工程技术研究中心（演示）', engineeringCentre, {
    rdSpendLastYear: 260,
    summary: '高强度抗震建筑用钢',
    director: '刘工（演示）',
  });
  await submit(returned.ctx, returned.id);
  await step(county('通川区'), returned.id, 'return', {
    reason: '上年度研发投入低于300万元的申报条件，请核实后补充财务审计报告；建设方案缺少三年建设目标。',
  });
  ids.returned = returned.id;

  // 形式审查: recommended by 宣汉县, waiting for the city.
  const formal = await start('演示·锂钾资源开发有限公司', '锂钾资源综合利用市级重点实验室（演示）', laboratory, {
    rdSpendLastYear: 920,
    summary: '卤水锂钾提取工艺',
    director: '孙工（演示）',
  });
  await submit(formal.ctx, formal.id);
  await step(county('宣汉县'), formal.id, 'recommend', { reason: '材料齐全，同意推荐。' });
  ids.formalReview = formal.id;

  // 专家评审: passed formal review; the experts module's demo draws and scores its panel.
  const atExperts = async (
    organization: string,
    name: string,
    typeId: string,
    form: { rdSpendLastYear: number; summary: string; director: string },
  ) => {
    const started = await start(organization, name, typeId, form);
    await submit(started.ctx, started.id);
    // 达州高新区 has no county bureau of its own in the demo: the city takes the first step.
    await step(city, started.id, 'recommend', { reason: '高新区企业，由市科技局直接受理推荐。' });
    await step(city, started.id, 'pass', { reason: '形式审查合格。' });
    return started.id;
  };
  ids.expertReview = await atExperts('演示·微玻纤材料有限公司', '微纤维玻璃棉工程技术研究中心（演示）', engineeringCentre, {
    rdSpendLastYear: 540,
    summary: '微纤维玻璃棉制备',
    director: '周工（演示）',
  });

  // 公示中（一条异议）and 已认定: their panels' conclusions are the experts module's; the notice is written as history.
  const toNotice = (id: string, startsOn: string, endsOn: string) => recordDemoPublicNotice(db, id, startsOn, endsOn);
  const notice = await atExperts('演示·玄武岩纤维科技有限公司', '连续玄武岩纤维市级重点实验室（演示）', laboratory, {
    rdSpendLastYear: 760,
    summary: '连续玄武岩纤维制备',
    director: '吴工（演示）',
  });
  await toNotice(notice, today, addDays(today, 7));
  await addObjection(city, notice, {
    raisedBy: '匿名来信（演示）',
    text: '反映该单位研发场地为临时租用，与“有固定的研发场所”不符，请核实。',
  });
  ids.publicNotice = notice;

  const recognized = await atExperts('演示·光电科技有限公司', '光电显示材料工程技术研究中心（演示）', engineeringCentre, {
    rdSpendLastYear: 1150,
    summary: '光电显示用功能材料',
    director: '郑工（演示）',
  });
  await toNotice(recognized, addDays(today, -20), addDays(today, -13));
  const { platformId } = await step(city, recognized, 'recognize', {
    documentNo: '达市科〔2026〕88号（演示）',
    recognizedOn: addDays(today, -7),
  });
  ids.recognized = recognized;
  // The platform recognition created is demo data like the rest of the registry's demo rows (the seed flags it, as seedPlatform does).
  await db.update(platforms).set({ isDemo: true }).where(eq(platforms.id, platformId!));

  return { callId: call.id, applicationIds: ids, platformIds: [platformId!] };
}
