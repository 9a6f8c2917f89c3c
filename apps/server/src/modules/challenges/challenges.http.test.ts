import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { type Challenge, type ChallengeApplication, type ChallengeListItem, challengeStatuses, type TodoList } from '@stip/contracts';
import { challenges, demands, notifications } from '../../db/schema/index';
import { buildTestApp } from '../../../test/build-test-app';
import { buildDemand, buildOrganization, buildRegionTree, buildUser, findAuditRecords, unique } from '../../../test/factories';
import { addDays, todayInChina } from '../../shared/clock';
import { findOpenChallengesForPublic, findPublicChallengeOfDemand, getPublicChallenge } from './index';

const { app, handle, login } = await buildTestApp();
const db = handle.db;
const tree = await buildRegionTree(db);
const today = todayInChina();
const enterprise = await buildOrganization(db, { regionId: tree.countyA.id, kind: 'enterprise', name: unique('发榜企业') });
const universityA = await buildOrganization(db, { regionId: tree.countyB.id, kind: 'university', name: unique('甲大学') });
const universityB = await buildOrganization(db, { regionId: tree.countyB.id, kind: 'institute', name: unique('乙研究院') });
const outsider = await buildOrganization(db, { regionId: tree.countyB.id, name: unique('无关单位') });

const enterpriseUser = await buildUser(db, { role: 'host_user', organizationId: enterprise, regionId: tree.countyA.id });
const teamA = await buildUser(db, { role: 'host_user', organizationId: universityA, regionId: tree.countyB.id });
const teamB = await buildUser(db, { role: 'host_user', organizationId: universityB, regionId: tree.countyB.id });
const outsiderUser = await buildUser(db, { role: 'host_user', organizationId: outsider, regionId: tree.countyB.id });
const cityStaff = await buildUser(db, { role: 'city_staff', regionId: tree.city.id });
const countyAStaff = await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id });
const countyBStaff = await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id });

const cookies = {
  enterprise: await login(enterpriseUser.username),
  teamA: await login(teamA.username),
  teamB: await login(teamB.username),
  outsider: await login(outsiderUser.username),
  city: await login(cityStaff.username),
  countyA: await login(countyAStaff.username),
  countyB: await login(countyBStaff.username),
};
type Who = keyof typeof cookies;

async function call(who: Who, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) {
  return app.inject({ method, url: `/api${url}`, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });
}
async function get<T>(who: Who, url: string): Promise<T> {
  const response = await call(who, 'GET', url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}
async function post<T>(who: Who, url: string, payload: object): Promise<T> {
  const response = await call(who, 'POST', url, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

const demand = await buildDemand(db, {
  enterpriseOrganizationId: enterprise,
  regionId: tree.countyA.id,
  title: unique('玄武岩纤维增强需求'),
});

/** An enterprise's list taken through review to 揭榜中. */
async function openEnterpriseChallenge(overrides: object = {}): Promise<Challenge> {
  const draft = await post<Challenge>('enterprise', '/challenges', {
    demandId: demand.id,
    title: unique('玄武岩纤维拉伸强度提升'),
    reward: 200,
    applicationDeadline: addDays(today, 20),
    completionDeadline: addDays(today, 365),
    requirements: '拉伸强度提高20%以上',
    ...overrides,
  });
  const submitted = await post<Challenge>('enterprise', `/challenges/${draft.id}/transitions`, {
    action: 'submit',
    version: draft.version,
  });
  return post<Challenge>('countyA', `/challenges/${draft.id}/transitions`, { action: 'publish', version: submitted.version });
}

const proposal = (leader: string) => ({
  teamLeader: leader,
  teamMembers: '张三、李四',
  proposal: `${leader}团队的技术方案`,
  plan: '12个月',
});

/** Moves a list's application deadline into the past, as the calendar would. */
async function passDeadline(id: string) {
  await db
    .update(challenges)
    .set({ applicationDeadline: addDays(today, -1) })
    .where(eq(challenges.id, id));
}

describe('publishing a list (发榜)', () => {
  it("keeps an enterprise's list from the public until the bureau reviews and releases it", async () => {
    const draft = await post<Challenge>('enterprise', '/challenges', {
      demandId: demand.id,
      title: unique('榜单'),
      reward: 50,
      applicationDeadline: addDays(today, 10),
    });
    expect(draft).toMatchObject({ status: 'draft', isOwner: true, publisherName: expect.stringContaining('发榜企业') });
    expect(draft.allowedActions).toEqual(expect.arrayContaining(['submit', 'cancel']));
    expect(draft.allowedActions).not.toContain('publish');
    // Unsent drafts: not for the bureau, not for other organisations, not for the portal.
    expect((await call('countyA', 'GET', `/challenges/${draft.id}`)).statusCode).toBe(404);
    expect((await call('teamA', 'GET', `/challenges/${draft.id}`)).statusCode).toBe(404);
    await expect(getPublicChallenge(db, draft.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const submitted = await post<Challenge>('enterprise', `/challenges/${draft.id}/transitions`, {
      action: 'submit',
      version: draft.version,
    });
    expect(submitted.status).toBe('submitted');
    const asReviewer = await get<Challenge>('countyA', `/challenges/${draft.id}`);
    expect(asReviewer).toMatchObject({ isOwner: false, allowedActions: expect.arrayContaining(['publish', 'return', 'cancel']) });
    expect((await call('countyB', 'GET', `/challenges/${draft.id}`)).statusCode).toBe(404);
    expect((await call('teamA', 'GET', `/challenges/${draft.id}`)).statusCode).toBe(404);
    // The enterprise cannot release its own list.
    const selfRelease = await call('enterprise', 'POST', `/challenges/${draft.id}/transitions`, {
      action: 'publish',
      version: submitted.version,
    });
    expect(selfRelease.statusCode).toBe(409);

    const returned = await post<Challenge>('countyA', `/challenges/${draft.id}/transitions`, {
      action: 'return',
      version: submitted.version,
      note: '请补充验收指标',
    });
    expect(returned).toMatchObject({ status: 'draft', reviewNote: '请补充验收指标' });
    const edited = await call('enterprise', 'PATCH', `/challenges/${draft.id}`, {
      requirements: '验收指标：强度+20%',
      version: returned.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const resubmitted = await post<Challenge>('enterprise', `/challenges/${draft.id}/transitions`, {
      action: 'submit',
      version: edited.json<Challenge>().version,
    });
    const released = await post<Challenge>('countyA', `/challenges/${draft.id}/transitions`, {
      action: 'publish',
      version: resubmitted.version,
    });
    expect(released).toMatchObject({ status: 'open', requirements: '验收指标：强度+20%' });
    expect(released.publishedAt).not.toBeNull();
    const seen = await get<Challenge>('teamA', `/challenges/${draft.id}`);
    expect(seen).toMatchObject({ status: 'open', canApply: true, isOwner: false });
    expect((await findAuditRecords(db, 'challenge.publish', draft.id)).length).toBe(1);
    expect((await findAuditRecords(db, 'challenge.return', draft.id)).length).toBe(1);
  });

  it('lets the bureau release its own list directly, and refuses a demand outside the actor’s reach', async () => {
    const draft = await post<Challenge>('city', '/challenges', {
      demandId: demand.id,
      title: unique('市局榜单'),
      reward: 500,
      applicationDeadline: addDays(today, 30),
    });
    expect(draft).toMatchObject({ publisherOrganizationId: null, isOwner: true });
    expect(draft.publisherName).toContain('科技局');
    const open = await post<Challenge>('city', `/challenges/${draft.id}/transitions`, { action: 'publish', version: draft.version });
    expect(open.status).toBe('open');

    const otherDemand = await buildDemand(db, { regionId: tree.countyA.id });
    const foreign = await call('teamA', 'POST', '/challenges', {
      demandId: otherDemand.id,
      title: '他人需求',
      reward: 10,
      applicationDeadline: addDays(today, 5),
    });
    expect(foreign.statusCode).toBe(400);
    const outOfCounty = await call('countyB', 'POST', '/challenges', {
      demandId: otherDemand.id,
      title: '越界',
      reward: 10,
      applicationDeadline: addDays(today, 5),
    });
    expect(outOfCounty.statusCode).toBe(400);
  });

  it('refuses bad input with 400 and a stale version with 409', async () => {
    const bad = await call('enterprise', 'POST', '/challenges', {
      demandId: demand.id,
      title: '',
      reward: -1,
      applicationDeadline: '2026-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    const inverted = await call('enterprise', 'POST', '/challenges', {
      demandId: demand.id,
      title: '期限颠倒',
      reward: 10,
      applicationDeadline: addDays(today, 10),
      completionDeadline: addDays(today, 5),
    });
    expect(inverted.statusCode).toBe(400);
    const draft = await post<Challenge>('enterprise', '/challenges', {
      demandId: demand.id,
      title: unique('版本'),
      reward: 10,
      applicationDeadline: addDays(today, 10),
    });
    await post('enterprise', `/challenges/${draft.id}/transitions`, { action: 'submit', version: draft.version });
    const stale = await call('enterprise', 'POST', `/challenges/${draft.id}/transitions`, {
      action: 'cancel',
      version: draft.version,
      note: '重复',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('refuses to release a list built on a demand that is not published', async () => {
    const hidden = await buildDemand(db, {
      enterpriseOrganizationId: enterprise,
      regionId: tree.countyA.id,
      status: 'draft',
      publishedAt: null,
    });
    const draft = await post<Challenge>('enterprise', '/challenges', {
      demandId: hidden.id,
      title: unique('未发布需求'),
      reward: 10,
      applicationDeadline: addDays(today, 10),
    });
    const submitted = await post<Challenge>('enterprise', `/challenges/${draft.id}/transitions`, {
      action: 'submit',
      version: draft.version,
    });
    const refused = await call('countyA', 'POST', `/challenges/${draft.id}/transitions`, { action: 'publish', version: submitted.version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('需求尚未发布');
  });
});

describe('applying (揭榜)', () => {
  it('takes one live application per organisation and refuses a second with 409', async () => {
    const list = await openEnterpriseChallenge();
    const first = await post<ChallengeApplication>('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    expect(first).toMatchObject({ status: 'submitted', organization: { id: universityA } });
    const second = await call('teamA', 'POST', `/challenges/${list.id}/applications`, proposal('王教授'));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'ALREADY_EXISTS' });
    // Withdrawn before the deadline, the organisation may apply again.
    await post('teamA', `/challenges/${list.id}/applications/${first.id}/withdraw`, { version: first.version });
    const again = await post<ChallengeApplication>('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    expect(again.status).toBe('submitted');
    expect((await get<Challenge>('teamA', `/challenges/${list.id}`)).canApply).toBe(false);
  });

  it('refuses an application after the deadline with 409, and the list shows as under review', async () => {
    const list = await openEnterpriseChallenge();
    await passDeadline(list.id);
    const late = await call('teamA', 'POST', `/challenges/${list.id}/applications`, proposal('迟到'));
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toContain('截止');
    const seen = await get<Challenge>('teamA', `/challenges/${list.id}`);
    expect(seen).toMatchObject({ status: 'reviewing', canApply: false });
    const reviewing = await get<{ items: ChallengeListItem[] }>('enterprise', '/challenges?status=reviewing&relation=published');
    expect(reviewing.items.map((i) => i.id)).toContain(list.id);
  });

  it('lets the publisher select after the deadline with the version it read (the deadline’s move keeps the version)', async () => {
    const list = await openEnterpriseChallenge();
    const a = await post<ChallengeApplication>('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    await passDeadline(list.id);
    const read = await get<Challenge>('enterprise', `/challenges/${list.id}`);
    expect(read).toMatchObject({ status: 'reviewing', allowedActions: expect.arrayContaining(['select', 'cancel']) });
    const selected = await post<Challenge>('enterprise', `/challenges/${list.id}/selection`, {
      applicationId: a.id,
      reason: '唯一揭榜团队，方案可行',
      version: read.version,
    });
    expect(selected.status).toBe('selected');
    expect((await findAuditRecords(db, 'challenge.expire', list.id)).length).toBe(1);
  });

  it("refuses an application to one's own organisation's list and from a role that cannot apply", async () => {
    const list = await openEnterpriseChallenge();
    expect((await call('enterprise', 'POST', `/challenges/${list.id}/applications`, proposal('自己'))).statusCode).toBe(422);
    expect((await call('city', 'POST', `/challenges/${list.id}/applications`, proposal('局里'))).statusCode).toBe(403);
  });
});

describe('selecting a team (选定揭榜方)', () => {
  it('lets only the publisher select, with a reason every applicant sees but not the other proposals', async () => {
    const list = await openEnterpriseChallenge();
    const a = await post<ChallengeApplication>('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    const b = await post<ChallengeApplication>('teamB', `/challenges/${list.id}/applications`, proposal('李研究员'));
    const early = await call('enterprise', 'POST', `/challenges/${list.id}/selection`, {
      applicationId: a.id,
      reason: '还在揭榜期',
      version: list.version,
    });
    expect(early.statusCode).toBe(409);
    const closed = await post<Challenge>('enterprise', `/challenges/${list.id}/transitions`, { action: 'close', version: list.version });
    expect(closed.status).toBe('reviewing');

    const owner = await get<{ items: ChallengeApplication[] }>('enterprise', `/challenges/${list.id}/applications`);
    expect(owner.items.map((i) => i.id)).toEqual([a.id, b.id]);
    for (const who of ['teamA', 'countyA'] as const) {
      const refused = await call(who, 'POST', `/challenges/${list.id}/selection`, {
        applicationId: a.id,
        reason: '越权',
        version: closed.version,
      });
      expect(refused.statusCode, who).toBe(403);
    }
    const missingReason = await call('enterprise', 'POST', `/challenges/${list.id}/selection`, {
      applicationId: a.id,
      reason: '  ',
      version: closed.version,
    });
    expect(missingReason.statusCode).toBe(400);

    const reason = '王教授团队已有中试线，工艺路线成熟';
    const selected = await post<Challenge>('enterprise', `/challenges/${list.id}/selection`, {
      applicationId: a.id,
      reason,
      version: closed.version,
    });
    expect(selected).toMatchObject({ status: 'selected', selectionReason: reason, selectedTeam: { teamLeader: '王教授' } });

    // The rejected applicant sees the reason and the selected team, and only its own proposal.
    const asRejected = await get<Challenge>('teamB', `/challenges/${list.id}`);
    expect(asRejected).toMatchObject({
      selectionReason: reason,
      selectedTeam: { teamLeader: '王教授' },
      myApplication: { id: b.id, status: 'not_selected' },
    });
    const theirs = await get<{ items: ChallengeApplication[] }>('teamB', `/challenges/${list.id}/applications`);
    expect(theirs.items.map((i) => i.id)).toEqual([b.id]);
    expect(JSON.stringify(asRejected)).not.toContain('王教授团队的技术方案');
    // Every applicant was told.
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, teamB.id), eq(notifications.type, 'challenge_result')));
    expect(told.length).toBe(1);
    expect(told[0]!.body).toContain(reason);
    const audit = await findAuditRecords(db, 'challenge.select', list.id);
    expect(audit.length).toBe(1);

    // The portal shows the result (the selected organisation and the reason), never a proposal or a team leader.
    const publicView = await getPublicChallenge(db, list.id);
    expect(publicView).toMatchObject({
      status: 'selected',
      selection: { organizationName: selected.selectedTeam!.organizationName, reason },
    });
    expect(JSON.stringify(publicView)).not.toContain('技术方案');
    expect(Object.keys(publicView.selection!).sort()).toEqual(['organizationName', 'reason', 'selectedAt']);
  });

  it('hides a list and its applications from organisations and counties outside it (404)', async () => {
    const list = await openEnterpriseChallenge();
    await post('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    await post<Challenge>('enterprise', `/challenges/${list.id}/transitions`, { action: 'close', version: list.version });
    // Under review, the list is still visible to applicants, but not to the bureau of another county.
    expect((await call('countyB', 'GET', `/challenges/${list.id}`)).statusCode).toBe(404);
    expect((await call('countyB', 'GET', `/challenges/${list.id}/applications`)).statusCode).toBe(404);
    const outsiderApps = await get<{ items: ChallengeApplication[] }>('outsider', `/challenges/${list.id}/applications`);
    expect(outsiderApps.items).toEqual([]);
  });

  it('withdraws a list with a reason (撤榜) and marks its live applications not selected', async () => {
    const list = await openEnterpriseChallenge();
    const a = await post<ChallengeApplication>('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    const noReason = await call('countyA', 'POST', `/challenges/${list.id}/transitions`, { action: 'cancel', version: list.version });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await post<Challenge>('countyA', `/challenges/${list.id}/transitions`, {
      action: 'cancel',
      version: list.version,
      note: '需求已由企业自行解决',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '需求已由企业自行解决' });
    const seen = await get<Challenge>('teamA', `/challenges/${list.id}`);
    expect(seen.myApplication).toMatchObject({ id: a.id, status: 'not_selected' });
    await expect(getPublicChallenge(db, list.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('milestones (项目节点)', () => {
  it('tracks the selected project to completion, and shows overdue milestones in 我的待办', async () => {
    const list = await openEnterpriseChallenge();
    const a = await post<ChallengeApplication>('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    await post<ChallengeApplication>('teamB', `/challenges/${list.id}/applications`, proposal('李研究员'));
    const closed = await post<Challenge>('enterprise', `/challenges/${list.id}/transitions`, { action: 'close', version: list.version });
    const selected = await post<Challenge>('enterprise', `/challenges/${list.id}/selection`, {
      applicationId: a.id,
      reason: '方案最优',
      version: closed.version,
    });
    expect(selected.allowedActions).not.toContain('complete');
    const tooEarly = await call('enterprise', 'POST', `/challenges/${list.id}/transitions`, {
      action: 'complete',
      version: selected.version,
    });
    expect(tooEarly.statusCode).toBe(409);

    expect((await call('teamA', 'POST', `/challenges/${list.id}/milestones`, { title: '越权', dueOn: today })).statusCode).toBe(403);
    await post('enterprise', `/challenges/${list.id}/milestones`, { title: '小试完成', dueOn: addDays(today, -2) });
    const withTwo = await post<Challenge>('enterprise', `/challenges/${list.id}/milestones`, {
      title: '中试验收',
      dueOn: addDays(today, 90),
    });
    expect(withTwo.milestones.map((m) => [m.title, m.isOverdue])).toEqual([
      ['小试完成', true],
      ['中试验收', false],
    ]);
    const [overdue, later] = withTwo.milestones;

    const ownerTodos = await get<TodoList>('enterprise', '/todos');
    expect(ownerTodos.items).toContainEqual(expect.objectContaining({ kind: 'challenge_milestone', subjectId: overdue!.id }));
    const staffTodos = await get<TodoList>('countyA', '/todos');
    expect(staffTodos.items).toContainEqual(expect.objectContaining({ kind: 'challenge_milestone', subjectId: overdue!.id }));
    const otherTodos = await get<TodoList>('countyB', '/todos');
    expect(otherTodos.items.map((i) => i.subjectId)).not.toContain(overdue!.id);

    // The selected team records completion; a rejected team may not.
    const foreign = await call('teamB', 'POST', `/challenges/${list.id}/milestones/${overdue!.id}/complete`, {
      evidence: '冒名',
      version: overdue!.version,
    });
    expect(foreign.statusCode).toBe(403);
    const done = await post<Challenge>('teamA', `/challenges/${list.id}/milestones/${overdue!.id}/complete`, {
      evidence: '小试报告已提交',
      version: overdue!.version,
    });
    expect(done.milestones[0]).toMatchObject({ evidence: '小试报告已提交', isOverdue: false });
    expect(done.milestones[0]!.completedAt).not.toBeNull();
    expect((await get<TodoList>('enterprise', '/todos')).items.map((i) => i.subjectId)).not.toContain(overdue!.id);

    const finished = await post<Challenge>('enterprise', `/challenges/${list.id}/milestones/${later!.id}/complete`, {
      evidence: '中试验收通过',
      version: later!.version,
    });
    expect(finished.allowedActions).toContain('complete');
    const completed = await post<Challenge>('enterprise', `/challenges/${list.id}/transitions`, {
      action: 'complete',
      version: finished.version,
    });
    expect(completed.status).toBe('completed');
    expect((await getPublicChallenge(db, list.id)).milestones).toEqual([
      { title: '小试完成', dueOn: addDays(today, -2), completedAt: expect.any(String) },
      { title: '中试验收', dueOn: addDays(today, 90), completedAt: expect.any(String) },
    ]);
    expect((await findAuditRecords(db, 'challenge.milestone.complete', overdue!.id)).length).toBe(1);
  });

  it("lists the bureau's review and the publisher's selection in 我的待办", async () => {
    const draft = await post<Challenge>('enterprise', '/challenges', {
      demandId: demand.id,
      title: unique('待审核'),
      reward: 10,
      applicationDeadline: addDays(today, 10),
    });
    await post('enterprise', `/challenges/${draft.id}/transitions`, { action: 'submit', version: draft.version });
    expect((await get<TodoList>('countyA', '/todos')).items).toContainEqual(
      expect.objectContaining({ kind: 'challenge_review', subjectId: draft.id }),
    );
    expect((await get<TodoList>('countyB', '/todos')).items.map((i) => i.subjectId)).not.toContain(draft.id);

    const list = await openEnterpriseChallenge();
    await post('teamA', `/challenges/${list.id}/applications`, proposal('王教授'));
    await passDeadline(list.id);
    expect((await get<TodoList>('enterprise', '/todos')).items).toContainEqual(
      expect.objectContaining({ kind: 'challenge_select', subjectId: list.id }),
    );
  });
});

describe('public read functions (for the portal)', () => {
  it('answers a list in every released state and 404 in every other, and never lists an unreleased one', async () => {
    const list = await openEnterpriseChallenge();
    const released = new Set(['open', 'reviewing', 'selected', 'completed']);
    for (const status of challengeStatuses) {
      await db.update(challenges).set({ status }).where(eq(challenges.id, list.id));
      const page = await findOpenChallengesForPublic(db, {
        limit: 500,
        offset: 0,
        statuses: ['open', 'reviewing', 'selected', 'completed'],
      });
      if (released.has(status)) {
        expect((await getPublicChallenge(db, list.id)).status, status).toBe(status);
        expect(
          page.items.map((i) => i.id),
          status,
        ).toContain(list.id);
      } else {
        await expect(getPublicChallenge(db, list.id), status).rejects.toMatchObject({ code: 'NOT_FOUND' });
        expect(
          page.items.map((i) => i.id),
          status,
        ).not.toContain(list.id);
      }
      const openOnly = await findOpenChallengesForPublic(db, { limit: 500, offset: 0 });
      expect(
        openOnly.items.some((i) => i.id === list.id),
        status,
      ).toBe(status === 'open');
    }
  });

  it('lists only lists taking applications, and hides the demand when it is no longer published', async () => {
    const list = await openEnterpriseChallenge();
    const page = await findOpenChallengesForPublic(db, { limit: 500, offset: 0 });
    const ids = page.items.map((i) => i.id);
    expect(ids).toContain(list.id);
    const drafts = await db.select({ id: challenges.id }).from(challenges).where(eq(challenges.status, 'draft'));
    for (const draft of drafts) expect(ids).not.toContain(draft.id);
    const entry = page.items.find((i) => i.id === list.id)!;
    expect(Object.keys(entry)).not.toContain('publisherOrganizationId');
    expect((await getPublicChallenge(db, list.id)).demand?.title).toContain('玄武岩纤维增强需求');

    const closedDemand = await buildDemand(db, { enterpriseOrganizationId: enterprise, regionId: tree.countyA.id });
    const second = await openEnterpriseChallenge({ demandId: closedDemand.id });
    await db.update(demands).set({ status: 'closed' }).where(eq(demands.id, closedDemand.id));
    expect((await getPublicChallenge(db, second.id)).demand).toBeNull();
  });

  it('shows a list past its application deadline as under review (评选中) before any write stores it', async () => {
    const list = await openEnterpriseChallenge();
    await passDeadline(list.id);
    const [stored] = await db.select({ status: challenges.status }).from(challenges).where(eq(challenges.id, list.id));
    expect(stored!.status).toBe('open');
    expect((await getPublicChallenge(db, list.id)).status).toBe('reviewing');
    const taking = await findOpenChallengesForPublic(db, { limit: 500, offset: 0 });
    expect(taking.items.map((i) => i.id)).not.toContain(list.id);
    const reviewing = await findOpenChallengesForPublic(db, { limit: 500, offset: 0, statuses: ['reviewing'] });
    expect(reviewing.items.find((i) => i.id === list.id)?.status).toBe('reviewing');
    // The demand's page links its latest list with the same status.
    expect(await findPublicChallengeOfDemand(db, demand.id)).toEqual({ id: list.id, status: 'reviewing' });
  });
});

describe('demand choices (发榜的需求)', () => {
  it("offers an enterprise its own demands and the bureau those in its subtree, never another county's", async () => {
    const choices = await get<{ items: { id: string; title: string }[] }>('enterprise', `/challenges/demand-choices?id=${demand.id}`);
    expect(choices.items.map((i) => i.id)).toEqual([demand.id]);
    const asTeam = await get<{ items: { id: string }[] }>('teamA', `/challenges/demand-choices?id=${demand.id}`);
    expect(asTeam.items).toEqual([]);
    expect((await get<{ items: { id: string }[] }>('countyA', `/challenges/demand-choices?id=${demand.id}`)).items.length).toBe(1);
    expect((await get<{ items: { id: string }[] }>('countyB', `/challenges/demand-choices?id=${demand.id}`)).items).toEqual([]);
  });
});
