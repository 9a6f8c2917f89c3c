import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AnnualReport, AnnualReportDetail, Todo } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { demoPassword, seedDemo } from './demo';
import { annualReportReviews, annualReports, auditLog } from '../schema/index';

describe('the demo annual reports', async () => {
  const t = await buildTestApp();
  const { db } = t.handle;
  await seedDemo(db);
  const cookieOf = (username: string) => t.login(username, demoPassword);
  const list = async (username: string, query: string) =>
    (await t.app.inject({ url: `/api/annual-reports?limit=500&${query}`, headers: { cookie: await cookieOf(username) } })).json() as {
      items: AnnualReport[];
      total: number;
    };

  it('tells the 2025 story: most accepted, some never submitted, some submitted late, some returned', async () => {
    const last = await list('city', 'year=2025');
    const count = (test: (report: AnnualReport) => boolean) => last.items.filter(test).length;
    expect(last.total).toBeGreaterThan(20);
    expect(count((r) => r.status === 'accepted')).toBeGreaterThan(last.total / 2);
    expect(count((r) => r.isLate)).toBeGreaterThanOrEqual(3);
    expect(count((r) => r.submittedLate)).toBeGreaterThanOrEqual(2);
    expect(count((r) => r.status === 'returned')).toBeGreaterThanOrEqual(2);
    const late = await list('city', 'year=2025&late=true');
    expect(late.total).toBe(count((r) => r.isLate || r.submittedLate));
  });

  it('gives dagang its 2026 reports to file, with last year’s accepted figures alongside, and xuanhan pre-reviews to do', async () => {
    const dagang = await cookieOf('dagang');
    const mine = await list('dagang', 'year=2026');
    expect(mine.items.map((r) => r.platform.name)).toContain('达钢集团国家企业技术中心');
    expect(mine.items.every((r) => r.status === 'draft' && r.dueOn === '2027-03-31')).toBe(true);
    const report = mine.items.find((r) => r.platform.name === '达钢集团国家企业技术中心')!;
    const detail = (
      await t.app.inject({ url: `/api/annual-reports/${report.id}`, headers: { cookie: dagang } })
    ).json() as AnnualReportDetail;
    expect(detail.lastYear).toMatchObject({ status: 'accepted' });
    expect(detail.hasCountyReview).toBe(true);
    expect((await list('xuanhan', 'mine=true')).total).toBeGreaterThanOrEqual(1);
  });

  it('marks every row demo and goes through the services, audited as the system', async () => {
    const rows = await db.select({ isDemo: annualReports.isDemo }).from(annualReports);
    expect(rows.every((row) => row.isDemo)).toBe(true);
    const reviews = await db.select({ isDemo: annualReportReviews.isDemo }).from(annualReportReviews);
    expect(reviews.length).toBeGreaterThan(20);
    expect(reviews.every((row) => row.isDemo)).toBe(true);
    const audits = await db.select({ actor: auditLog.actorUsername }).from(auditLog).where(eq(auditLog.action, 'annual-report.cityAccept'));
    expect(audits.length).toBeGreaterThan(10);
    expect(audits.every((record) => record.actor === 'system')).toBe(true);
  });

  it('lists dagang’s reports in its to-dos', async () => {
    const { findTodos } = await import('../../modules/annual-reports');
    const { users } = await import('../schema/index');
    const [user] = await db.select().from(users).where(eq(users.username, 'dagang'));
    const todos: Todo[] = await findTodos(db, {
      userId: user!.id,
      username: 'dagang',
      role: 'host_user',
      regionId: null,
      regionPath: null,
      organizationId: user!.organizationId,
      permissions: ['annual-report:file'],
    });
    expect(todos.some((todo) => todo.kind === 'annual_report_file' && todo.dueOn === '2027-03-31')).toBe(true);
  });
});
