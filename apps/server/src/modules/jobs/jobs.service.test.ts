import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { NotificationPage } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlan, buildRegionTree, buildTask, buildUser, unique } from '../../../test/factories';
import { jobRuns, notifications, tasks } from '../../db/schema/index';
import { runDailyJobs } from './jobs.service';
import { startJobScheduler } from './jobs.scheduler';
import { findJobByKey } from './jobs.repository';

const t = await buildTestApp();
const { db } = t.handle;

let planId: string;
let department: string;
let countyGovernment: string;
let departmentUser: { id: string; username: string };
let countyUser: { id: string; username: string };
let bystander: { id: string; username: string };

beforeAll(async () => {
  const tree = await buildRegionTree(db);
  department = await buildOrganization(db, { name: unique('市经信局'), kind: 'department', regionId: tree.city.id });
  countyGovernment = await buildOrganization(db, { name: unique('甲县人民政府'), kind: 'county_government', regionId: tree.countyA.id });
  planId = await buildPlan(db, { regionId: tree.city.id });
  departmentUser = await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId: department });
  countyUser = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
  bystander = await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id });
});

const notificationsOf = async (username: string) => {
  const cookie = await t.login(username);
  const response = await t.app.inject({ url: '/api/notifications', headers: { cookie } });
  expect(response.statusCode).toBe(200);
  return { cookie, page: response.json() as NotificationPage };
};

describe('the daily job', () => {
  it('reminds the responsible units’ users 7 days before the deadline, not 8, and again 1 day before', async () => {
    const taskId = await buildTask(db, {
      planId,
      title: '布局建设市级重点实验室',
      leadUnitIds: [department],
      participantUnitIds: [countyGovernment],
      deadline: '2030-03-08',
    });
    expect(await runDailyJobs(db, '2030-02-28')).toMatchObject({ ran: true, remindersRaised: 0 });
    const sevenDays = await runDailyJobs(db, '2030-03-01');
    expect(sevenDays).toMatchObject({ ran: true, remindersRaised: 2 });

    const { page } = await notificationsOf(departmentUser.username);
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({
      type: 'task_due_soon',
      title: '任务即将到期：布局建设市级重点实验室',
      link: `/tasks/${taskId}`,
      readAt: null,
    });
    expect(page.items[0]!.body).toContain('还有7天');
    expect((await notificationsOf(countyUser.username)).page.unread).toBe(1);
    expect((await notificationsOf(bystander.username)).page.total).toBe(0);

    // Inside the 7-day window nothing new until the 1-day window opens.
    expect((await runDailyJobs(db, '2030-03-04')).remindersRaised).toBe(0);
    expect((await runDailyJobs(db, '2030-03-07')).remindersRaised).toBe(2);
  });

  it('does nothing on a second run the same day, even when two start at once', async () => {
    const taskId = await buildTask(db, { planId, leadUnitIds: [department], deadline: '2031-01-08' });
    const [first, second] = await Promise.all([runDailyJobs(db, '2031-01-01'), runDailyJobs(db, '2031-01-01')]);
    expect([first.ran, second.ran].sort()).toEqual([false, true]);
    const loser = first.ran ? second : first;
    expect(loser).toMatchObject({ remindersRaised: 0, tasksMarkedOverdue: 0 });
    expect(await runDailyJobs(db, '2031-01-01')).toMatchObject({ ran: false, remindersRaised: 0, tasksMarkedOverdue: 0 });
    const raised = await db
      .select()
      .from(notifications)
      .where(eq(notifications.link, `/tasks/${taskId}`));
    expect(raised.map((n) => n.userId)).toEqual([departmentUser.id]);
  });

  it('marks open tasks past their deadline overdue and tells their units, leaving finished ones alone', async () => {
    const open = await buildTask(db, {
      planId,
      title: '逾期任务',
      leadUnitIds: [department],
      deadline: '2032-02-15',
      status: 'in_progress',
    });
    const finished = await buildTask(db, { planId, leadUnitIds: [department], deadline: '2032-02-15', status: 'done' });
    const recurring = await buildTask(db, {
      planId,
      leadUnitIds: [department],
      deadline: '2032-02-15',
      isRecurring: true,
      status: 'ongoing',
    });
    const dueToday = await buildTask(db, { planId, leadUnitIds: [department], deadline: '2032-03-01' });

    const result = await runDailyJobs(db, '2032-03-01');
    expect(result.tasksMarkedOverdue).toBeGreaterThanOrEqual(1);
    const statusOf = async (id: string) => (await db.select({ status: tasks.status }).from(tasks).where(eq(tasks.id, id)))[0]!.status;
    expect(await statusOf(open)).toBe('overdue');
    expect(await statusOf(finished)).toBe('done');
    expect(await statusOf(recurring)).toBe('ongoing');
    expect(await statusOf(dueToday)).toBe('not_started');

    const { page } = await notificationsOf(departmentUser.username);
    const overdue = page.items.filter((n) => n.type === 'task_overdue').map((n) => n.link);
    expect(overdue).toContain(`/tasks/${open}`);
    expect(overdue).not.toContain(`/tasks/${finished}`);
  });
});

describe('the scheduler', () => {
  it('runs the day’s jobs once, however often it checks, and schedules the next day’s run', async () => {
    const scheduler = startJobScheduler(t.app, { firstCheckMs: 60_000, now: () => new Date('2033-01-01T00:10:00+08:00') });
    await Promise.all([scheduler.check(), scheduler.check()]);
    await scheduler.check();
    scheduler.stop();
    const runs = await db.select().from(jobRuns).where(eq(jobRuns.runDate, '2033-01-01'));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.finishedAt).not.toBeNull();
    expect(await findJobByKey(db, 'daily:2033-01-01')).toMatchObject({ status: 'done', attempts: 1, result: { ran: true } });
    expect(await findJobByKey(db, 'daily:2033-01-02')).toMatchObject({
      status: 'pending',
      runAt: new Date('2033-01-02T00:00:00+08:00'),
    });
  });
});

describe('notifications', () => {
  it('marks one read, refuses another user’s, then marks all read', async () => {
    const { cookie, page } = await notificationsOf(departmentUser.username);
    expect(page.unread).toBeGreaterThan(1);
    const first = page.items[0]!;
    const marked = await t.app.inject({ method: 'POST', url: `/api/notifications/${first.id}/read`, headers: { cookie } });
    expect(marked.json()).toEqual({ marked: 1, unread: page.unread - 1 });

    const otherCookie = await t.login(countyUser.username);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${page.items[1]!.id}/read`,
      headers: { cookie: otherCookie },
    });
    expect(foreign.statusCode).toBe(404);

    const all = await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: { cookie } });
    expect(all.json()).toMatchObject({ unread: 0 });
    const unreadOnly = await t.app.inject({ url: '/api/notifications?unreadOnly=true', headers: { cookie } });
    expect(unreadOnly.json()).toMatchObject({ items: [], total: 0, unread: 0 });
  });
});
