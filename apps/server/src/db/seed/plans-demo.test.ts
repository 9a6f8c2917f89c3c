import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { Plan, Target, TaskDetail } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';
import { auditLog } from '../schema/index';

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
    expect([count('plan.create'), count('target.create'), count('task.create')]).toEqual([2, 31, 12]);
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
});
