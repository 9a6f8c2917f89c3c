import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Plan, Target, TaskDetail } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';
import { auditLog } from '../schema/index';
import { currentDemoPlanTitle, demoContractTargetSubject } from './current-plan-demo';

describe('the demo plans', async () => {
  const t = await buildTestApp();
  const { db } = t.handle;
  // The demo seed loads the plans through seedDemoPlans.
  await seedDemo(db);
  const city = await t.login('city', demoPassword);
  const plans = (await t.app.inject({ url: '/api/plans', headers: { cookie: city } })).json().items as Plan[];
  const plan000 = plans.find((plan) => plan.title === '达州市科技创新平台体系建设实施方案')!;

  it('holds seed 000’s plan with all its targets and its annex table, and seed 001’s annual goals', async () => {
    expect(plans.map((p) => [p.title, p.targetCount, p.taskCount]).sort()).toEqual(
      [
        ['2021年全市科技创新工作要点', 15, 0],
        ['达州市科技创新平台体系建设实施方案', 16, 12],
        [currentDemoPlanTitle, 7, 3],
      ].sort(),
    );
  });

  it('creates the plans, targets and tasks through the services, audited as the system, and flags them as demo data', async () => {
    expect(plans.every((plan) => plan.isDemo)).toBe(true);
    const created = await db
      .select({ action: auditLog.action, actor: auditLog.actorUsername })
      .from(auditLog)
      .where(inArray(auditLog.action, ['plan.create', 'target.create', 'task.create']));
    const count = (action: string) => created.filter((record) => record.action === action && record.actor === 'system').length;
    expect([count('plan.create'), count('target.create'), count('task.create')]).toEqual([3, 38, 15]);
    const [plan] = await db.select({ objectId: auditLog.objectId }).from(auditLog).where(eq(auditLog.action, 'plan.create'));
    expect(plans.map((p) => p.id)).toContain(plan!.objectId);
  });

  it('computes the demo targets from the demo registry', async () => {
    const page = (
      await t.app.inject({ url: `/api/targets?planId=${plan000.id}&asOf=2025-06-30&limit=100`, headers: { cookie: city } })
    ).json();
    const bySubject = new Map<string, Target>(page.items.map((target: Target) => [target.subject, target]));
    expect(bySubject.get('建设市级重点实验室15家以上')!.progress.current).toBeGreaterThan(0);
    const coverage = bySubject.get('实现各县（市、区）及达州高新区科技创新服务平台全覆盖')!.progress;
    expect(coverage.required).toBe(8);
    expect(coverage.current! + coverage.emptyRegions!.length).toBe(8);
    expect(bySubject.get('建设省级重点实验室（包括省市共建实验室）2家以上')!.progress.current).toBe(1);
  });

  it('lets the 宣汉 county user report on the tasks its county government shares', async () => {
    const xuanhan = await t.login('xuanhan', demoPassword);
    const mine = (await t.app.inject({ url: '/api/tasks?mine=true&limit=100', headers: { cookie: xuanhan } })).json();
    const task = mine.items.find((item: { content: string }) => item.content.startsWith('围绕天然气、锂钾'));
    expect(task.leadUnits.map((u: { name: string }) => u.name)).toEqual(['宣汉县人民政府']);
    expect(task.myUnits).toEqual([expect.objectContaining({ role: 'lead' })]);
    // The first row's participants are the seven county governments and the zone committee.
    const first = (await t.app.inject({ url: `/api/tasks?planId=${plan000.id}&limit=1`, headers: { cookie: city } })).json().items[0];
    expect(first.leadUnits.map((u: { name: string }) => u.name)).toEqual(['达州市科学技术局']);
    expect(first.participantUnits).toHaveLength(8);
    expect(first.participantUnits.map((u: { name: string }) => u.name)).toContain('达州高新区管委会');
    const report = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/reports`,
      headers: { cookie: xuanhan },
      payload: { text: '省级工程技术研究中心已获批1家', percent: 60 },
    });
    expect(report.statusCode, report.body).toBe(200);
    const cityView = (await t.app.inject({ url: `/api/tasks/${task.id}`, headers: { cookie: city } })).json() as TaskDetail;
    expect(cityView.reports[0]).toMatchObject({ text: '省级工程技术研究中心已获批1家', unit: { name: '宣汉县人民政府' } });
  });

  it('holds a current plan (2026—2028, 演示) whose targets show every status, computed by the engine', async () => {
    const current = plans.find((plan) => plan.title === currentDemoPlanTitle)!;
    expect(current).toMatchObject({ isDemo: true, periodStart: '2026-01-01', periodEnd: '2028-12-31' });
    const page = (
      await t.app.inject({ url: `/api/targets?planId=${current.id}&asOf=2026-12-01&limit=100`, headers: { cookie: city } })
    ).json();
    const bySubject = new Map<string, Target>(page.items.map((target: Target) => [target.subject, target]));
    const progress = (subject: string) => bySubject.get(subject)!.progress;

    expect(progress('新建市级重点实验室6家以上')).toMatchObject({
      current: 2,
      required: 6,
      status: 'on_track',
      additionsSince: '2026-01-01',
      forecast: { onPace: true },
    });
    const behind = progress('新建市级工程技术研究中心10家以上');
    expect(behind).toMatchObject({ status: 'at_risk', forecast: { onPace: false } });
    expect(behind.current).toBeGreaterThan(0);
    expect(progress('新建省级工程研究中心1家以上')).toMatchObject({ current: 1, status: 'achieved' });
    const spending = bySubject.get('全社会研究与试验发展（R&D）经费投入总量达到20亿元')!;
    expect(spending.progress).toMatchObject({ current: null, status: 'no_data' });
    expect(spending.reportingUnits.map((unit) => unit.name)).toEqual(['达州市统计局']);
    expect(progress('每年认定市级企业技术中心5家以上')).toMatchObject({
      status: 'on_track',
      series: [
        { year: 2026, current: 5, required: 5, status: 'achieved' },
        { year: 2027, current: null, status: null },
        { year: 2028, current: null, status: null },
      ],
    });
    // One 技术合同登记额 target, summed from the registered contracts (no hand-reported duplicate).
    const contractTargets = page.items.filter((target: Target) => target.subject.includes('技术合同登记额'));
    expect(contractTargets.map((target: Target) => target.subject)).toEqual([demoContractTargetSubject]);
    const contracts = bySubject.get(demoContractTargetSubject)!;
    expect(contracts).toMatchObject({
      metric: 'technology_contract_amount',
      canReport: false,
      reportingUnits: [{ name: '达州市科学技术局' }],
    });
    expect(contracts.progress).toMatchObject({ current: 2100, contracts: { count: 2, from: '2026-01-01', to: '2026-12-01' } });
    const perCounty = progress('推动每个县（市、区）至少建成1家市级科技企业孵化器或众创空间');
    expect(perCounty.laggingRegions!.length).toBeGreaterThan(0);
    expect(perCounty.current! + perCounty.laggingRegions!.length).toBe(perCounty.required);
    expect(perCounty.status).not.toBe('achieved');
    expect(new Set(page.items.map((target: Target) => target.progress.status))).toEqual(
      new Set(['on_track', 'at_risk', 'achieved', 'no_data']),
    );
  });

  it('shows the 宣汉 county user the city’s figure of a current city target with its own contribution', async () => {
    const current = plans.find((plan) => plan.title === currentDemoPlanTitle)!;
    const xuanhan = await t.login('xuanhan', demoPassword);
    const page = (
      await t.app.inject({ url: `/api/targets?planId=${current.id}&asOf=2026-12-01&limit=100`, headers: { cookie: xuanhan } })
    ).json();
    const labs = page.items.find((target: Target) => target.subject === '新建市级重点实验室6家以上') as Target;
    expect(labs.progress).toMatchObject({ current: 2, status: 'on_track', contribution: { region: { name: '宣汉县' }, current: 1 } });
  });
});
