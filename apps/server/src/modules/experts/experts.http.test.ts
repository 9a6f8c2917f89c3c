import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rolePermissions } from '@stip/contracts';
import { applications, calls, notifications, panelMembers, panels, regions, users } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildUser,
  changePlatform,
  findAuditRecords,
  unique,
} from '../../../test/factories';
import { todayInChina } from '../../shared/clock';
import { findTodos } from './index';

const { app, handle, login } = await buildTestApp();
const db = handle.db;
const tree = await buildRegionTree(db);
const city = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
const countyA = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
const hostUser = await buildUser(db, { role: 'host_user', organizationId: await buildOrganization(db, { regionId: tree.countyA.id }) });
const cityCookie = await login(city.username);
const countyCookie = await login(countyA.username);

/** A call and an application in it, inserted directly (the calls module owns them). */
async function buildApplication(
  executor: Executor,
  values: Partial<typeof applications.$inferInsert> & { organizationId: string },
): Promise<string> {
  const typeId = values.typeId ?? (await buildPlatformType(executor));
  const [call] = await executor
    .insert(calls)
    .values({
      title: unique('申报通知'),
      year: 2026,
      regionId: tree.city.id,
      typeIds: [typeId],
      opensOn: '2026-01-01',
      closesOn: '2026-12-31',
      status: 'open',
    })
    .returning();
  const [application] = await executor
    .insert(applications)
    .values({
      callId: call!.id,
      typeId,
      regionId: tree.countyA.id,
      platformName: unique('申报平台'),
      technicalFields: ['人工智能'],
      status: 'expert_review',
      ...values,
    })
    .returning();
  return application!.id;
}

async function createExpert(cookie: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/experts', headers: { cookie }, payload });
}

async function expertId(payload: Record<string, unknown>): Promise<string> {
  const response = await createExpert(cityCookie, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().id;
}

describe('the expert pool', () => {
  it('is kept by city staff; county staff read it with phone and ID number masked', async () => {
    const organizationId = await buildOrganization(db, { regionId: tree.countyA.id });
    const created = await createExpert(cityCookie, {
      name: unique('专家'),
      organizationId,
      fields: [' 新材料 ', '新材料', '复合材料'],
      title: '教授',
      phone: '13812341234',
      idNumber: '51010119800101123x',
    });
    expect(created.statusCode, created.body).toBe(200);
    const expert = created.json();
    expect(expert.fields).toEqual(['新材料', '复合材料']);
    expect(expert.phone).toBe('13812341234');
    expect(expert.idNumber).toBe('51010119800101123X');
    expect(await findAuditRecords(db, 'expert.create', expert.id)).toHaveLength(1);

    const asCounty = await app.inject({ method: 'GET', url: `/api/experts/${expert.id}`, headers: { cookie: countyCookie } });
    expect(asCounty.json()).toMatchObject({ phone: '138****1234', idNumber: '5101**********123X', isMasked: true });
    const list = await app.inject({ method: 'GET', url: '/api/experts?field=新 材料&limit=100', headers: { cookie: countyCookie } });
    expect(list.json().items.find((item: { id: string }) => item.id === expert.id)?.phone).toBe('138****1234');

    expect((await createExpert(countyCookie, { name: 'x', organizationId, fields: ['a'], title: 't' })).statusCode).toBe(403);
    const hostCookie = await login(hostUser.username);
    expect((await app.inject({ method: 'GET', url: '/api/experts', headers: { cookie: hostCookie } })).statusCode).toBe(403);
  });

  it('answers bad input with a Chinese 400, never a 500', async () => {
    const organizationId = await buildOrganization(db);
    const noFields = await createExpert(cityCookie, { name: '张三', organizationId, fields: [], title: '教授' });
    expect(noFields.statusCode).toBe(400);
    expect(noFields.json().message).toMatch(/技术领域/);
    const badId = await createExpert(cityCookie, { name: '张三', organizationId, fields: ['a'], title: '教授', idNumber: '123' });
    expect(badId.statusCode).toBe(400);
    const noOrganization = await createExpert(cityCookie, {
      name: '张三',
      organizationId: '00000000-0000-4000-8000-000000000000',
      fields: ['a'],
      title: '教授',
    });
    expect(noOrganization.statusCode).toBe(400);
    expect(noOrganization.json().message).toBe('所在单位不存在');
  });

  it('edits with a version, suspends and reinstates with a reason, and soft-deletes', async () => {
    const id = await expertId({ name: unique('专家'), organizationId: await buildOrganization(db), fields: ['a'], title: '研究员' });
    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/experts/${id}`,
      headers: { cookie: cityCookie },
      payload: { title: '教授', version: 1 },
    });
    expect(edited.json()).toMatchObject({ title: '教授', version: 2 });
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/experts/${id}`,
      headers: { cookie: cityCookie },
      payload: { title: 'x', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const noReason = await app.inject({
      method: 'POST',
      url: `/api/experts/${id}/suspend`,
      headers: { cookie: cityCookie },
      payload: { version: 2 },
    });
    expect(noReason.statusCode).toBe(400);
    const suspended = await app.inject({
      method: 'POST',
      url: `/api/experts/${id}/suspend`,
      headers: { cookie: cityCookie },
      payload: { reason: '评审失信', version: 2 },
    });
    expect(suspended.json()).toMatchObject({ suspended: true, suspendedReason: '评审失信' });
    const onlySuspended = await app.inject({
      method: 'GET',
      url: '/api/experts?suspended=true&limit=500',
      headers: { cookie: cityCookie },
    });
    expect(onlySuspended.json().items.map((item: { id: string }) => item.id)).toContain(id);
    const reinstated = await app.inject({
      method: 'POST',
      url: `/api/experts/${id}/reinstate`,
      headers: { cookie: cityCookie },
      payload: { reason: '核实无误', version: 3 },
    });
    expect(reinstated.json()).toMatchObject({ suspended: false, suspendedReason: null });
    const removed = await app.inject({ method: 'DELETE', url: `/api/experts/${id}?version=4`, headers: { cookie: cityCookie } });
    expect(removed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: `/api/experts/${id}`, headers: { cookie: cityCookie } })).statusCode).toBe(404);
    expect(await findAuditRecords(db, 'expert.suspend', id)).toHaveLength(1);
    expect(await findAuditRecords(db, 'expert.delete', id)).toHaveLength(1);
  });
});

describe('drawing a panel, declaring, scoring and concluding', async () => {
  const applicant = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('申报单位') });
  const coBuilder = await buildOrganization(db, { regionId: tree.countyA.id });
  const partner = await buildOrganization(db, { regionId: tree.countyA.id });
  const oldPartner = await buildOrganization(db, { regionId: tree.countyA.id });
  const elsewhere = await buildOrganization(db, { regionId: tree.countyB.id });
  // The partner hosts a platform the applicant co-builds, in force now.
  await buildPlatform(db, { hostOrganizationId: partner, coBuilderIds: [applicant], validFrom: '2024-01-01', regionId: tree.countyA.id });
  // The old partner's shared platform was revoked more than three years ago.
  const old = await buildPlatform(db, {
    hostOrganizationId: oldPartner,
    coBuilderIds: [applicant],
    validFrom: '2015-01-01',
    regionId: tree.countyA.id,
  });
  await changePlatform(db, old, '2019-01-01', { status: 'revoked' });

  const collaboratorName = unique('合作者');
  const applicationId = await buildApplication(db, {
    organizationId: applicant,
    coBuilderIds: [coBuilder],
    collaborators: [{ name: collaboratorName, organization: '某大学' }],
    technicalFields: ['人工智能', '大数据'],
  });

  const ruledOut = {
    sameOrganization: await expertId({ name: unique('同单位'), organizationId: applicant, fields: ['人工智能'], title: '高工' }),
    coBuilder: await expertId({ name: unique('共建'), organizationId: coBuilder, fields: ['大数据'], title: '高工' }),
    partner: await expertId({ name: unique('合作'), organizationId: partner, fields: ['人工 智能'], title: '高工' }),
    collaborator: await expertId({ name: collaboratorName, organizationId: elsewhere, fields: ['人工智能'], title: '教授' }),
    suspended: await expertId({ name: unique('暂停'), organizationId: elsewhere, fields: ['人工智能'], title: '教授' }),
    capped: await expertId({ name: unique('上限'), organizationId: elsewhere, fields: ['人工智能'], title: '教授' }),
  };
  await app.inject({
    method: 'POST',
    url: `/api/experts/${ruledOut.suspended}/suspend`,
    headers: { cookie: cityCookie },
    payload: { reason: '暂停', version: 1 },
  });
  // The capped expert sits on one panel this year; the cap is set to 1.
  const [otherPanel] = await db.insert(panels).values({ seed: 'x', size: 1 }).returning();
  await db.insert(panelMembers).values({ panelId: otherPanel!.id, expertId: ruledOut.capped, position: 1 });
  const settings = await app.inject({ method: 'GET', url: '/api/experts/settings', headers: { cookie: cityCookie } });
  const capped = await app.inject({
    method: 'PUT',
    url: '/api/experts/settings',
    headers: { cookie: cityCookie },
    payload: { yearlyPanelCap: 1, outlierThreshold: 20, version: settings.json().version },
  });
  expect(capped.statusCode, capped.body).toBe(200);

  const nonMatching = await expertId({ name: unique('不相关'), organizationId: elsewhere, fields: ['钢铁冶金'], title: '教授' });
  const oldPartnerExpert = await expertId({ name: unique('旧合作'), organizationId: oldPartner, fields: ['大数据'], title: '教授' });
  const qualified: { id: string; username: string }[] = [{ id: oldPartnerExpert, username: '' }];
  for (let i = 0; i < 4; i++) {
    const user = await buildUser(db, { role: 'expert' });
    const id = await expertId({ name: unique('专家'), organizationId: elsewhere, fields: ['人工智能'], title: '教授', userId: user.id });
    qualified.push({ id, username: user.username });
  }
  {
    // The old partner's expert gets an account too.
    const user = await buildUser(db, { role: 'expert' });
    await app.inject({
      method: 'PATCH',
      url: `/api/experts/${oldPartnerExpert}`,
      headers: { cookie: cityCookie },
      payload: { userId: user.id, version: 1 },
    });
    qualified[0]!.username = user.username;
  }

  it('refuses with 409 and draws nothing when too few experts qualify', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 6 },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toMatch(/符合条件的专家不足：需要6名.*仅5名/);
    expect(await db.select().from(panels).where(eq(panels.applicationId, applicationId))).toHaveLength(0);
  });

  it('refuses county staff (no expert:write) and bad sizes', async () => {
    const county = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: countyCookie },
      payload: { size: 2 },
    });
    expect(county.statusCode).toBe(403);
    const zero = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 0 },
    });
    expect(zero.statusCode).toBe(400);
  });

  let panelId = '';
  let drawn: { id: string; name: string }[] = [];
  it('draws the panel: {seed, experts, excluded} with every ruled-out matching expert and its reason', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 4 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.seed).toMatch(/^[0-9a-f]{16}$/);
    expect(body.experts).toHaveLength(4);
    drawn = body.experts;
    panelId = body.panelId;
    for (const expert of drawn) expect(qualified.map((q) => q.id)).toContain(expert.id);
    const reasons = Object.fromEntries(body.excluded.map((entry: { expertId: string; reason: string }) => [entry.expertId, entry.reason]));
    expect(reasons).toEqual({
      [ruledOut.sameOrganization]: '同单位',
      [ruledOut.coBuilder]: '共建单位',
      [ruledOut.partner]: '近三年合作',
      [ruledOut.collaborator]: '申报合作者',
      [ruledOut.capped]: '已达年度评审上限',
      [ruledOut.suspended]: '已暂停',
    });
    expect(reasons[nonMatching]).toBeUndefined();
    expect(await findAuditRecords(db, 'panel.draw', panelId)).toHaveLength(1);

    const again = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 1 },
    });
    expect(again.statusCode).toBe(409);
  });

  const cookieOf = async (expertIdValue: string) => login(qualified.find((q) => q.id === expertIdValue)!.username);
  const seatOf = async (cookie: string) => {
    const mine = await app.inject({ method: 'GET', url: '/api/panels/mine', headers: { cookie } });
    expect(mine.statusCode, mine.body).toBe(200);
    return mine.json().items[0];
  };

  it('shows each expert their seat; the application only after a no-conflict declaration', async () => {
    const cookie = await cookieOf(drawn[1]!.id);
    const seat = await seatOf(cookie);
    expect(seat).toMatchObject({ panelId, status: 'pending_declaration', application: { id: applicationId } });
    const before = await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie } });
    expect(before.statusCode).toBe(403);
    const undrawn = qualified.find((q) => !drawn.some((d) => d.id === q.id))!;
    const outsider = await login(undrawn.username);
    expect((await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie: outsider } })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/panel-seats/${seat.seatId}/declaration`,
          headers: { cookie: outsider },
          payload: { hasConflict: false },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/panel-seats/${seat.seatId}/declaration`,
          headers: { cookie },
          payload: { hasConflict: true },
        })
      ).json().message,
    ).toContain('申报存在利益冲突时请说明情况');
  });

  it('replaces an expert who declares a conflict by the next qualified expert of the draw', async () => {
    const cookie = await cookieOf(drawn[0]!.id);
    const seat = await seatOf(cookie);
    const response = await app.inject({
      method: 'POST',
      url: `/api/panel-seats/${seat.seatId}/declaration`,
      headers: { cookie },
      payload: { hasConflict: true, note: '曾指导申报单位项目' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const undrawn = qualified.find((q) => !drawn.some((d) => d.id === q.id))!;
    expect(response.json()).toEqual({ status: 'vacated', replacement: { id: undrawn.id, name: expect.any(String) } });
    expect((await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie } })).statusCode).toBe(403);
    const again = await app.inject({
      method: 'POST',
      url: `/api/panel-seats/${seat.seatId}/declaration`,
      headers: { cookie },
      payload: { hasConflict: false },
    });
    expect(again.statusCode).toBe(409);
    const panel = (await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie: cityCookie } })).json();
    expect(panel.seats.filter((s: { status: string }) => s.status !== 'vacated')).toHaveLength(4);
    // The vacated chair passes to the replacement.
    expect(panel.chairExpertId).toBe(undrawn.id);
    drawn = [...drawn.slice(1), { id: undrawn.id, name: '' }];
  });

  it('scores on the rubric: drafts, low scores need a comment, submission locks', async () => {
    const rubric = (await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie: cityCookie } })).json().rubric;
    const keys: string[] = rubric.criteria.map((c: { key: string }) => c.key);
    expect(rubric.criteria.reduce((sum: number, c: { weight: number }) => sum + c.weight, 0)).toBe(100);
    const totals = [85, 80, 90, 40];
    for (const [index, expert] of drawn.entries()) {
      const cookie = await cookieOf(expert.id);
      const seat = await seatOf(cookie);
      const declared = await app.inject({
        method: 'POST',
        url: `/api/panel-seats/${seat.seatId}/declaration`,
        headers: { cookie },
        payload: { hasConflict: false },
      });
      expect(declared.json().status).toBe('scoring');
      const score = totals[index]!;
      const scores = keys.map((criterionKey) => ({ criterionKey, score }));
      if (index === 0) {
        const draft = await app.inject({
          method: 'PUT',
          url: `/api/panel-seats/${seat.seatId}/scores`,
          headers: { cookie },
          payload: { scores: scores.slice(0, 2) },
        });
        expect(draft.statusCode, draft.body).toBe(200);
        const incomplete = await app.inject({
          method: 'PUT',
          url: `/api/panel-seats/${seat.seatId}/scores`,
          headers: { cookie },
          payload: { scores: scores.slice(0, 2), submit: true },
        });
        expect(incomplete.statusCode).toBe(400);
        expect(incomplete.json().message).toMatch(/尚未评分/);
        const tooHigh = await app.inject({
          method: 'PUT',
          url: `/api/panel-seats/${seat.seatId}/scores`,
          headers: { cookie },
          payload: { scores: [{ criterionKey: keys[0], score: 101 }] },
        });
        expect(tooHigh.statusCode).toBe(400);
      }
      const withComments = scores.map((s) => (s.score < 60 ? { ...s, comment: '基础薄弱' } : s));
      if (score < 60) {
        const noComment = await app.inject({
          method: 'PUT',
          url: `/api/panel-seats/${seat.seatId}/scores`,
          headers: { cookie },
          payload: { scores, submit: true },
        });
        expect(noComment.statusCode).toBe(400);
        expect(noComment.json().message).toMatch(/请填写评分说明/);
      }
      const submitted = await app.inject({
        method: 'PUT',
        url: `/api/panel-seats/${seat.seatId}/scores`,
        headers: { cookie },
        payload: { scores: withComments, opinion: '同意', submit: true },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      const view = submitted.json();
      const mine = view.seats.find((s: { isMe: boolean }) => s.isMe);
      expect(mine).toMatchObject({ status: 'submitted', total: score });
      const isChair = view.chairExpertId === expert.id;
      if (!isChair) {
        for (const other of view.seats.filter((s: { isMe: boolean }) => !s.isMe)) expect(other.scores).toBeNull();
      }
      const locked = await app.inject({
        method: 'PUT',
        url: `/api/panel-seats/${seat.seatId}/scores`,
        headers: { cookie },
        payload: { scores: withComments },
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().message).toBe('评分已提交，不能修改');
    }
  });

  it('computes the result and lets only the chair conclude, once everyone submitted', async () => {
    const panel = (await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie: cityCookie } })).json();
    expect(panel.result).toMatchObject({
      isComplete: true,
      submitted: 4,
      seats: 4,
      mean: 73.75,
      min: 40,
      max: 90,
      range: 50,
      rank: 1,
      rankedAmong: 1,
    });
    expect(panel.result.outliers.map((o: { total: number }) => o.total)).toEqual([40]);
    expect(panel.excluded).toHaveLength(6);

    const todos = await findTodos(db, await actorOf(city.id));
    expect(todos.some((todo) => todo.kind === 'panel_conclude' && todo.subjectId === panelId)).toBe(true);

    const nonChair = drawn.find((d) => d.id !== panel.chairExpertId)!;
    const nonChairCookie = await cookieOf(nonChair.id);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/panels/${panelId}/consensus`,
      headers: { cookie: nonChairCookie },
      payload: { consensus: '同意', version: panel.version },
    });
    expect(refused.statusCode).toBe(403);
    const chairCookie = await cookieOf(panel.chairExpertId);
    const concluded = await app.inject({
      method: 'POST',
      url: `/api/panels/${panelId}/consensus`,
      headers: { cookie: chairCookie },
      payload: { consensus: '专家组一致同意推荐认定', version: panel.version },
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    expect(concluded.json().concludedAt).not.toBeNull();
    const [row] = await db.select().from(panels).where(eq(panels.id, panelId));
    expect(row!.concludedAt).not.toBeNull();

    const workbook = await app.inject({ method: 'GET', url: `/api/panels/${panelId}/results.xlsx`, headers: { cookie: cityCookie } });
    expect(workbook.statusCode).toBe(200);
    expect(workbook.headers['content-type']).toContain('spreadsheetml');
    expect(workbook.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps panels out of reach of staff outside the application region', async () => {
    const otherTree = await buildRegionTree(db);
    const stranger = await buildUser(db, { role: 'city_staff', regionId: otherTree.city.id });
    const cookie = await login(stranger.username);
    expect((await app.inject({ method: 'GET', url: `/api/panels/${panelId}`, headers: { cookie } })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `/api/applications/${applicationId}/panel`, headers: { cookie }, payload: { size: 1 } }))
        .statusCode,
    ).toBe(404);
  });
});

describe('to-dos for experts', () => {
  it('lists a pending declaration with the scoring deadline', async () => {
    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id });
    const user = await buildUser(db, { role: 'expert' });
    await expertId({ name: unique('专家'), organizationId, fields: ['量子'], title: '教授', userId: user.id });
    const applicationId = await buildApplication(db, {
      organizationId: await buildOrganization(db, { regionId: tree.countyA.id }),
      technicalFields: ['量子'],
      status: 'formal_review',
    });
    const drawn = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 1, dueOn: '2030-06-30' },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const todos = await findTodos(db, await actorOf(user.id));
    expect(todos).toEqual([expect.objectContaining({ kind: 'panel_declare', dueOn: '2030-06-30', path: '/my-reviews' })]);
    expect(todayInChina() < '2030-06-30').toBe(true);
    // The drawn expert is also told (消息提醒), once, with the deadline.
    const told = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(told).toEqual([expect.objectContaining({ type: 'panel_assigned', link: '/my-reviews' })]);
    expect(told[0]!.body).toContain('2030-06-30');
  });

  it('refuses a draw for an application not in formal or expert review', async () => {
    const applicationId = await buildApplication(db, { organizationId: await buildOrganization(db), status: 'draft' });
    const response = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 1 },
    });
    expect(response.statusCode).toBe(409);
  });
});

/** The actor a signed-in user acts as, for calling findTodos directly. */
async function actorOf(userId: string): Promise<Actor> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  const role = user!.role!;
  const [region] = user!.regionId ? await db.select().from(regions).where(eq(regions.id, user!.regionId)) : [];
  return {
    userId: user!.id,
    username: user!.username,
    role,
    regionId: user!.regionId,
    regionPath: region?.path ?? null,
    organizationId: user!.organizationId,
    permissions: rolePermissions[role],
  };
}

describe('rubrics per platform type', () => {
  it('keeps a type’s rubric as data, refuses weights not summing to 100, and copies it onto panels at the draw', async () => {
    const typeId = await buildPlatformType(db);
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/rubrics/${typeId}`,
      headers: { cookie: cityCookie },
      payload: { name: '专用指标', lowScorePercent: 50, criteria: [{ key: 'a', name: '甲', weight: 60, maxScore: 10 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('权重之和应为100');
    const byCounty = await app.inject({
      method: 'PUT',
      url: `/api/rubrics/${typeId}`,
      headers: { cookie: countyCookie },
      payload: { name: '专用指标', lowScorePercent: 50, criteria: [{ key: 'a', name: '甲', weight: 100, maxScore: 10 }] },
    });
    expect(byCounty.statusCode).toBe(403);
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/rubrics/${typeId}`,
      headers: { cookie: cityCookie },
      payload: {
        name: '专用指标',
        lowScorePercent: 50,
        criteria: [
          { key: 'a', name: '甲', weight: 70, maxScore: 10 },
          { key: 'b', name: '乙', weight: 30, maxScore: 10 },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const listed = await app.inject({ method: 'GET', url: '/api/rubrics', headers: { cookie: countyCookie } });
    expect(listed.json().items.map((rubric: { typeId: string | null }) => rubric.typeId)).toContain(typeId);

    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id });
    await expertId({ name: unique('专家'), organizationId, fields: ['声学'], title: '教授' });
    const applicationId = await buildApplication(db, {
      organizationId: await buildOrganization(db, { regionId: tree.countyA.id }),
      technicalFields: ['声学'],
      typeId,
    });
    const drawn = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 1 },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    // A later edit of the type's rubric does not move the panel's.
    await app.inject({
      method: 'PUT',
      url: `/api/rubrics/${typeId}`,
      headers: { cookie: cityCookie },
      payload: { name: '改后', lowScorePercent: 50, criteria: [{ key: 'c', name: '丙', weight: 100, maxScore: 10 }], version: 1 },
    });
    const panel = (await app.inject({ method: 'GET', url: `/api/panels/${drawn.json().panelId}`, headers: { cookie: cityCookie } })).json();
    expect(panel.rubric.criteria.map((c: { key: string }) => c.key)).toEqual(['a', 'b']);

    const stale = await app.inject({
      method: 'PUT',
      url: `/api/rubrics/${typeId}`,
      headers: { cookie: cityCookie },
      payload: { name: '再改', lowScorePercent: 50, criteria: [{ key: 'c', name: '丙', weight: 100, maxScore: 10 }], version: 1 },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets staff choose a chair among the seated experts only', async () => {
    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id });
    const first = await expertId({ name: unique('专家'), organizationId, fields: ['海洋'], title: '教授' });
    const second = await expertId({ name: unique('专家'), organizationId, fields: ['海洋'], title: '教授' });
    const applicationId = await buildApplication(db, {
      organizationId: await buildOrganization(db, { regionId: tree.countyA.id }),
      technicalFields: ['海洋'],
    });
    const drawn = (
      await app.inject({
        method: 'POST',
        url: `/api/applications/${applicationId}/panel`,
        headers: { cookie: cityCookie },
        payload: { size: 2 },
      })
    ).json();
    const panel = (await app.inject({ method: 'GET', url: `/api/panels/${drawn.panelId}`, headers: { cookie: cityCookie } })).json();
    const other = [first, second].find((id) => id !== panel.chairExpertId)!;
    const outsider = await expertId({ name: unique('专家'), organizationId, fields: ['其他'], title: '教授' });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/panels/${drawn.panelId}/chair`,
      headers: { cookie: cityCookie },
      payload: { expertId: outsider, version: panel.version },
    });
    expect(refused.statusCode).toBe(400);
    const chosen = await app.inject({
      method: 'POST',
      url: `/api/panels/${drawn.panelId}/chair`,
      headers: { cookie: cityCookie },
      payload: { expertId: other, version: panel.version },
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().chairExpertId).toBe(other);
    expect(await findAuditRecords(db, 'panel.chair', drawn.panelId)).toHaveLength(1);
  });
});

describe('concurrent draws', () => {
  it('never seat an expert beyond the yearly cap (1 here), also when six draws race', async () => {
    const settings = (await app.inject({ method: 'GET', url: '/api/experts/settings', headers: { cookie: cityCookie } })).json();
    expect(settings.yearlyPanelCap).toBe(1);
    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id });
    const pool = [];
    for (let i = 0; i < 3; i++) pool.push(await expertId({ name: unique('专家'), organizationId, fields: ['并发'], title: '教授' }));
    const applicationIds = [];
    for (let i = 0; i < 6; i++) {
      applicationIds.push(
        await buildApplication(db, {
          organizationId: await buildOrganization(db, { regionId: tree.countyA.id }),
          technicalFields: ['并发'],
        }),
      );
    }
    const responses = await Promise.all(
      applicationIds.map((id) =>
        app.inject({ method: 'POST', url: `/api/applications/${id}/panel`, headers: { cookie: cityCookie }, payload: { size: 1 } }),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 409, 409, 409]);
    const seated = responses.filter((response) => response.statusCode === 200).map((response) => response.json().experts[0].id);
    expect(seated.sort()).toEqual([...pool].sort());
  });
});

describe('who may act on a seat, role by role', () => {
  it('lets only the seat’s own expert declare and score; every other role is refused', async () => {
    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id });
    const owner = await buildUser(db, { role: 'expert' });
    await expertId({ name: unique('专家'), organizationId, fields: ['角色'], title: '教授', userId: owner.id });
    const applicationId = await buildApplication(db, {
      organizationId: await buildOrganization(db, { regionId: tree.countyA.id }),
      technicalFields: ['角色'],
    });
    const drawn = await app.inject({
      method: 'POST',
      url: `/api/applications/${applicationId}/panel`,
      headers: { cookie: cityCookie },
      payload: { size: 1 },
    });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const ownerCookie = await login(owner.username);
    const seat = (await app.inject({ method: 'GET', url: '/api/panels/mine', headers: { cookie: ownerCookie } })).json().items[0];

    const department = await buildOrganization(db, { regionId: tree.city.id, kind: 'department' });
    const others: [string, number][] = [
      [city.username, 403],
      [countyA.username, 403],
      [hostUser.username, 403],
      [(await buildUser(db, { role: 'department_staff', regionId: tree.city.id, organizationId: department })).username, 403],
      [(await buildUser(db, { role: 'leader', regionId: tree.city.id })).username, 403],
      [(await buildUser(db, { role: 'expert' })).username, 404],
    ];
    for (const [username, status] of others) {
      const cookie = await login(username);
      const declared = await app.inject({
        method: 'POST',
        url: `/api/panel-seats/${seat.seatId}/declaration`,
        headers: { cookie },
        payload: { hasConflict: false },
      });
      expect(declared.statusCode, `${username} declares`).toBe(status);
      const scored = await app.inject({
        method: 'PUT',
        url: `/api/panel-seats/${seat.seatId}/scores`,
        headers: { cookie },
        payload: { scores: [] },
      });
      expect(scored.statusCode, `${username} scores`).toBe(status);
    }
    // Before declaring, the owner may not score either.
    const early = await app.inject({
      method: 'PUT',
      url: `/api/panel-seats/${seat.seatId}/scores`,
      headers: { cookie: ownerCookie },
      payload: { scores: [] },
    });
    expect(early.statusCode).toBe(409);
    const declared = await app.inject({
      method: 'POST',
      url: `/api/panel-seats/${seat.seatId}/declaration`,
      headers: { cookie: ownerCookie },
      payload: { hasConflict: false },
    });
    expect(declared.json().status).toBe('scoring');
    expect(await findAuditRecords(db, 'panel.declare', seat.seatId)).toHaveLength(1);
  });

  it('exports the results workbook with the summary and each expert’s scores', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const organizationId = await buildOrganization(db, { regionId: tree.countyB.id });
    const owner = await buildUser(db, { role: 'expert' });
    const ownerName = unique('导出专家');
    await expertId({ name: ownerName, organizationId, fields: ['导出'], title: '教授', userId: owner.id });
    const applicationId = await buildApplication(db, {
      organizationId: await buildOrganization(db, { regionId: tree.countyA.id }),
      technicalFields: ['导出'],
    });
    const drawn = (
      await app.inject({
        method: 'POST',
        url: `/api/applications/${applicationId}/panel`,
        headers: { cookie: cityCookie },
        payload: { size: 1 },
      })
    ).json();
    const cookie = await login(owner.username);
    const seat = (await app.inject({ method: 'GET', url: '/api/panels/mine', headers: { cookie } })).json().items[0];
    await app.inject({
      method: 'POST',
      url: `/api/panel-seats/${seat.seatId}/declaration`,
      headers: { cookie },
      payload: { hasConflict: false },
    });
    const panel = (await app.inject({ method: 'GET', url: `/api/panels/${drawn.panelId}`, headers: { cookie } })).json();
    const scores = panel.rubric.criteria.map((c: { key: string }) => ({ criterionKey: c.key, score: 90 }));
    await app.inject({
      method: 'PUT',
      url: `/api/panel-seats/${seat.seatId}/scores`,
      headers: { cookie },
      payload: { scores, submit: true },
    });

    const response = await app.inject({ method: 'GET', url: `/api/panels/${drawn.panelId}/results.xlsx`, headers: { cookie: cityCookie } });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('评审结果')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('专家平均分')).toBe(90);
    expect(values.get('排名')).toBe('1/1');
    const sheet = workbook.getWorksheet('专家评分')!;
    expect(String(sheet.getRow(2).getCell(1).value)).toContain(ownerName);
    expect(sheet.getRow(2).getCell(panel.rubric.criteria.length + 4).value).toBe(90);
    // Someone outside the panel and the region gets nothing.
    const stranger = await login((await buildUser(db, { role: 'expert' })).username);
    expect(
      (await app.inject({ method: 'GET', url: `/api/panels/${drawn.panelId}/results.xlsx`, headers: { cookie: stranger } })).statusCode,
    ).toBe(404);
  });
});
