import { beforeAll, describe, expect, it } from 'vitest';
import type { TodoList } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlan, buildRegionTree, buildTask, buildUser, unique } from '../../../test/factories';
import { addDays, todayInChina } from '../../shared/clock';
import { byUrgency } from './todos.service';

const t = await buildTestApp();
const { db } = t.handle;

const daysFromToday = (days: number) => addDays(todayInChina(), days);

let hostCookie: string;
let otherCookie: string;
let ours: Record<'late' | 'soon' | 'far' | 'done' | 'participating', string>;
let theirs: string;

beforeAll(async () => {
  const tree = await buildRegionTree(db);
  const host = await buildOrganization(db, { name: unique('依托单位'), regionId: tree.countyA.id });
  const other = await buildOrganization(db, { name: unique('其他单位'), regionId: tree.countyA.id });
  const planId = await buildPlan(db, { regionId: tree.city.id });
  const task = (title: string, deadline: string, extra: object = {}) =>
    buildTask(db, { planId, title: unique(title), deadline, leadUnitIds: [host], ...extra });
  ours = {
    late: await task('逾期任务', daysFromToday(-3)),
    soon: await task('近期任务', daysFromToday(10)),
    far: await task('远期任务', daysFromToday(90)),
    done: await task('已完成任务', daysFromToday(5), { status: 'done' }),
    participating: await task('参与任务', daysFromToday(5), { leadUnitIds: [other], participantUnitIds: [host] }),
  };
  theirs = await task('他人任务', daysFromToday(5), { leadUnitIds: [other] });
  hostCookie = await t.login((await buildUser(db, { role: 'host_user', organizationId: host, regionId: tree.countyA.id })).username);
  otherCookie = await t.login((await buildUser(db, { role: 'expert' })).username);
});

describe('GET /api/todos', () => {
  it("lists the open tasks the actor's unit leads that are late or due within a month, most urgent first", async () => {
    const response = await t.app.inject({ url: '/api/todos', headers: { cookie: hostCookie } });
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<TodoList>();
    const ids = list.items.map((item) => item.subjectId);
    expect(ids).toEqual([ours.late, ours.soon]);
    expect(ids).not.toContain(theirs);
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({ kind: 'task_report', path: `/tasks/${ours.late}`, dueOn: daysFromToday(-3) });
    expect(list.items[0]!.title).toContain('逾期任务');
  });

  it('answers an empty list to a user with nothing to do, and 401 without a session', async () => {
    const response = await t.app.inject({ url: '/api/todos', headers: { cookie: otherCookie } });
    expect(response.json()).toEqual({ items: [], total: 0 });
    expect((await t.app.inject({ url: '/api/todos' })).statusCode).toBe(401);
  });
});

describe('byUrgency', () => {
  it('puts passed and near deadlines first, undated items last, then orders by title', () => {
    const item = (title: string, dueOn: string | null) => ({ kind: 'task_report' as const, title, path: '/', dueOn, subjectId: title });
    const sorted = [item('乙', null), item('丙', '2026-03-01'), item('甲', null), item('丁', '2026-01-01'), item('戊', '2026-01-01')].sort(
      byUrgency,
    );
    // Same day: by title in pinyin order (丁 ding < 戊 wu; 甲 jia < 乙 yi).
    expect(sorted.map((i) => i.title)).toEqual(['丁', '戊', '丙', '甲', '乙']);
  });
});
