import { beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationRoundDetail, Notification, Page, PlatformVersion, Rectification, Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildOrganization,
  buildPlatform,
  buildPlatformType,
  buildRegionTree,
  buildUser,
  findAuditRecords,
  unique,
} from '../../../test/factories';
import { annualReports } from '../../db/schema/index';
import { rolePermissions } from '@stip/contracts';
import { findTodos } from './evaluations.todos';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let typeId: string;
let hostA: string; // hosts the failing platform in county A
let hostB: string;
let failing: string; // operating, weak reports → 不合格 → 整改
let excellent: string; // operating, strong reports → 优秀 → 推荐
let repeat: string; // already 整改 → 不合格 → 撤销
let fair: string; // operating → 合格 → 保留
const cookies: Partial<Record<Role | 'otherHost', string>> = {};
const year = new Date().getUTCFullYear() - 1;

const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function report(platformId: string, indicators: Record<string, number>, status: 'accepted' | 'city_review' = 'accepted', y = year) {
  await db.insert(annualReports).values({ platformId, year: y, status, indicators, dueOn: `${y + 1}-03-31` });
}

const strong = {
  rdSpend: 800,
  researchers: 40,
  projects: 15,
  patentsGranted: 20,
  standards: 3,
  achievementsTransferred: 8,
  enterprisesServed: 80,
  sharingHours: 2000,
  income: 1500,
};

beforeAll(async () => {
  tree = await buildRegionTree(db);
  typeId = await buildPlatformType(db, { name: unique('市级重点实验室') });
  hostA = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('甲县企业') });
  hostB = await buildOrganization(db, { regionId: tree.countyB.id, name: unique('乙县企业') });
  failing = await buildPlatform(db, {
    typeId,
    regionId: tree.countyA.id,
    hostOrganizationId: hostA,
    status: 'operating',
    name: unique('甲平台'),
  });
  excellent = await buildPlatform(db, {
    typeId,
    regionId: tree.countyB.id,
    hostOrganizationId: hostB,
    status: 'operating',
    name: unique('乙平台'),
  });
  repeat = await buildPlatform(db, {
    typeId,
    regionId: tree.countyB.id,
    hostOrganizationId: hostB,
    status: 'rectifying',
    name: unique('丙平台'),
  });
  fair = await buildPlatform(db, {
    typeId,
    regionId: tree.countyB.id,
    hostOrganizationId: hostB,
    status: 'operating',
    name: unique('丁平台'),
  });
  // Another type's platform and a revoked one stay out of the round.
  await buildPlatform(db, { regionId: tree.countyA.id, status: 'operating' });
  await buildPlatform(db, { typeId, regionId: tree.countyA.id, status: 'revoked' });

  await report(failing, { rdSpend: 10, patentsGranted: 0 });
  await report(failing, { rdSpend: 99999 }, 'city_review', year - 1); // not accepted: ignored
  await report(excellent, strong);
  await report(repeat, { rdSpend: 20 });
  await report(fair, {
    rdSpend: 400,
    researchers: 24,
    projects: 8,
    patentsGranted: 8,
    standards: 2,
    achievementsTransferred: 4,
    enterprisesServed: 40,
    sharingHours: 800,
    income: 800,
  });

  const login = async (role: Role, values: { regionId?: string; organizationId?: string } = {}) =>
    t.login((await buildUser(db, { role, ...values })).username);
  cookies.city_staff = await login('city_staff', { regionId: tree.city.id });
  cookies.county_staff = await login('county_staff', { regionId: tree.countyA.id });
  cookies.department_staff = await login('department_staff', {
    regionId: tree.city.id,
    organizationId: await buildOrganization(db, { kind: 'department', regionId: tree.city.id }),
  });
  cookies.leader = await login('leader', { regionId: tree.city.id });
  cookies.host_user = await login('host_user', { organizationId: hostA });
  cookies.otherHost = await login('host_user', { organizationId: hostB });
  cookies.expert = await login('expert');
});

let round: EvaluationRoundDetail;

const move = (action: string, extra: object = {}, cookie = cookies.city_staff!) =>
  inject(cookie, 'POST', `/api/evaluation-rounds/${round.id}/transitions`, { action, version: round.version, ...extra });

const resultOf = (platformId: string) => round.results.find((r) => r.platform.id === platformId)!;

describe('evaluation round, from opening to applying', () => {
  it('refuses a round with a bad period or an unknown type, in Chinese', async () => {
    const backwards = await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
      title: '考核',
      typeIds: [typeId],
      periodFrom: year,
      periodTo: year - 1,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toContain('起始年份');
    const unknown = await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
      title: '考核',
      typeIds: [crypto.randomUUID()],
      periodFrom: year,
      periodTo: year,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '平台类型不存在' });
    const future = await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
      title: '考核',
      typeIds: [typeId],
      periodFrom: year,
      periodTo: year + 5,
    });
    expect(future.statusCode).toBe(400);
  });

  it('lets only city staff open a round', async () => {
    for (const role of ['county_staff', 'department_staff', 'leader', 'host_user', 'expert'] as const) {
      const response = await inject(cookies[role]!, 'POST', '/api/evaluation-rounds', {
        title: '考核',
        typeIds: [typeId],
        periodFrom: year,
        periodTo: year,
      });
      expect(response.statusCode, role).toBe(403);
    }
    const response = await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
      title: `${year}年度市级重点实验室评估`,
      typeIds: [typeId],
      periodFrom: year,
      periodTo: year,
    });
    expect(response.statusCode, response.body).toBe(200);
    round = response.json();
    expect(round).toMatchObject({ status: 'draft', results: [], allowedActions: ['startScoring'] });
    expect(await findAuditRecords(db, 'evaluation-round.create', round.id)).toHaveLength(1);
  });

  it('opening scoring computes the indicator score of each live platform of the types in the region from accepted reports', async () => {
    const response = await move('startScoring');
    expect(response.statusCode, response.body).toBe(200);
    round = response.json();
    expect(round.status).toBe('scoring');
    expect(round.results.map((r) => r.platform.id).sort()).toEqual([failing, excellent, repeat, fair].sort());
    expect(resultOf(excellent).indicatorScore).toBe(100);
    const weak = resultOf(failing);
    expect(weak.reportYears).toEqual([year]); // the unaccepted report is not used
    expect(weak.indicatorScore).toBeLessThan(5);
    expect(weak.notes.join()).toContain('按0计');
    expect(round.formulas).toHaveLength(1);
  });

  it('refuses review while expert scores are missing, and other roles any move', async () => {
    const early = await move('submitForReview');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'TRANSITION_NOT_ALLOWED', message: '还有4个平台未录入专家评分' });
    for (const role of ['county_staff', 'department_staff', 'leader', 'host_user', 'expert'] as const) {
      expect((await move('submitForReview', {}, cookies[role]!)).statusCode, role).toBe(403);
    }
    const skip = await move('publish');
    expect(skip.statusCode).toBe(409);
  });

  it('records the experts’ scores: the total and grade follow', async () => {
    const scores: [string, number][] = [
      [failing, 40],
      [excellent, 95],
      [repeat, 50],
      [fair, 75],
    ];
    for (const [platformId, expertScore] of scores) {
      const result = resultOf(platformId);
      const response = await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}/results/${result.id}`, {
        expertScore,
        version: result.version,
      });
      expect(response.statusCode, response.body).toBe(200);
      round = response.json();
    }
    expect(resultOf(excellent)).toMatchObject({ expertScore: 95, score: 98, grade: 'excellent' });
    expect(resultOf(failing).grade).toBe('unqualified');
    expect(resultOf(repeat).grade).toBe('unqualified');
    const outOfRange = await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}/results/${resultOf(fair).id}`, {
      expertScore: 120,
      version: resultOf(fair).version,
    });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().message).toContain('0到100');
    const stale = await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}/results/${resultOf(fair).id}`, {
      expertScore: 70,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('review proposes outcomes by grade; an adjustment needs a reason', async () => {
    const response = await move('submitForReview');
    expect(response.statusCode, response.body).toBe(200);
    round = response.json();
    expect(resultOf(failing)).toMatchObject({ outcome: 'rectify', defaultOutcome: 'rectify' });
    const staff = {
      userId: crypto.randomUUID(),
      username: 'c',
      role: 'city_staff' as const,
      regionId: tree.city.id,
      regionPath: tree.city.path,
      organizationId: null,
      permissions: rolePermissions.city_staff,
    };
    expect(await findTodos(db, staff)).toContainEqual(
      expect.objectContaining({ kind: 'evaluation_review', path: `/evaluations/${round.id}` }),
    );
    const elsewhere = { ...staff, regionPath: `${tree.city.path}nowhere/` };
    expect(await findTodos(db, elsewhere)).toEqual([]);
    expect(resultOf(repeat).outcome).toBe('revoke');
    expect(resultOf(excellent).outcome).toBe('recommend');
    const fairResult = resultOf(fair);
    expect(fairResult.outcome).toBe('keep');
    const url = `/api/evaluation-rounds/${round.id}/results/${fairResult.id}`;
    const noReason = await inject(cookies.city_staff!, 'PATCH', url, { outcome: 'rectify', version: fairResult.version });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toBe('调整考核结果须说明理由');
    const lateScore = await inject(cookies.city_staff!, 'PATCH', url, { expertScore: 10, version: fairResult.version });
    expect(lateScore.statusCode).toBe(422);
    const adjusted = await inject(cookies.city_staff!, 'PATCH', url, {
      outcome: 'rectify',
      outcomeReason: '实地核查发现共享机时数据不实',
      version: fairResult.version,
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    round = adjusted.json();
    expect(resultOf(fair)).toMatchObject({ outcome: 'rectify', outcomeReason: '实地核查发现共享机时数据不实' });
    const back = await inject(cookies.city_staff!, 'PATCH', url, { outcome: 'keep', version: resultOf(fair).version });
    round = back.json();
    expect(resultOf(fair)).toMatchObject({ outcome: 'keep', outcomeReason: null });
  });

  it('hides unpublished rounds from host users, then shows each host only its own results', async () => {
    expect((await inject(cookies.host_user!, 'GET', `/api/evaluation-rounds/${round.id}`)).statusCode).toBe(404);
    expect((await inject(cookies.host_user!, 'GET', '/api/evaluation-rounds')).json().items.map((r: { id: string }) => r.id)).not.toContain(
      round.id,
    );
    const published = await move('publish');
    expect(published.statusCode, published.body).toBe(200);
    round = published.json();
    expect(round.publishedOn).not.toBeNull();
    const mine = await inject(cookies.host_user!, 'GET', `/api/evaluation-rounds/${round.id}`);
    expect(mine.statusCode).toBe(200);
    expect((mine.json() as EvaluationRoundDetail).results.map((r) => r.platform.id)).toEqual([failing]);
    expect((mine.json() as EvaluationRoundDetail).allowedActions).toEqual([]);
    const list = (await inject(cookies.host_user!, 'GET', '/api/evaluation-rounds')).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(round.id);
  });

  it('shows county staff only their county’s results and refuses experts', async () => {
    const county = (await inject(cookies.county_staff!, 'GET', `/api/evaluation-rounds/${round.id}`)).json() as EvaluationRoundDetail;
    expect(county.results.map((r) => r.platform.id)).toEqual([failing]);
    expect((await inject(cookies.expert!, 'GET', '/api/evaluation-rounds')).statusCode).toBe(403);
  });

  it('exports the results as Excel', async () => {
    const response = await inject(cookies.city_staff!, 'GET', `/api/evaluation-rounds/${round.id}/results.xlsx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('applying moves the platforms through their transition table, with the round as reason in history and audit', async () => {
    const badDeadline = await move('apply', { rectificationDeadline: '2020-01-01' });
    expect(badDeadline.statusCode).toBe(400);
    const deadline = `${year + 2}-06-30`;
    const response = await move('apply', { rectificationDeadline: deadline });
    expect(response.statusCode, response.body).toBe(200);
    round = response.json();
    expect(round.status).toBe('applied');
    expect(resultOf(failing)).toMatchObject({ platformStatus: 'rectifying', appliedNote: `已责令整改，整改期限${deadline}` });
    expect(resultOf(repeat).platformStatus).toBe('revoked');
    expect(resultOf(excellent).platformStatus).toBe('operating');
    expect(resultOf(fair).platformStatus).toBe('operating');

    const history = (await inject(cookies.city_staff!, 'GET', `/api/platforms/${failing}/history`)).json() as PlatformVersion[];
    expect(history[0]!.changeNote).toBe(`责令整改：${round.title}（考核等级：不合格）`);
    expect(history[0]!.changes).toEqual([expect.objectContaining({ field: 'status', after: '整改' })]);
    const revoked = (await inject(cookies.city_staff!, 'GET', `/api/platforms/${repeat}/history`)).json() as PlatformVersion[];
    expect(revoked[0]!.changeNote).toContain('撤销');
    const recommended = (await inject(cookies.city_staff!, 'GET', `/api/platforms/${excellent}/history`)).json() as PlatformVersion[];
    expect(recommended[0]!.changeNote).toBe(`推荐省级培育库：${round.title}（考核等级：优秀）`);
    expect(await findAuditRecords(db, 'platform.update', failing)).toHaveLength(1);
    expect(
      (await findAuditRecords(db, 'evaluation-round.transition', round.id)).map((a) => (a.after as { action: string }).action),
    ).toEqual(['startScoring', 'submitForReview', 'publish', 'apply']);

    // The host of the platform put into 整改 is told at once, with the deadline; the other host is not.
    const told = (await inject(cookies.host_user!, 'GET', '/api/notifications?limit=50')).json() as Page<Notification>;
    const notice = told.items.find((n) => n.type === 'rectification_ordered');
    expect(notice?.body).toContain(deadline);
    expect(notice?.link).toMatch(/^\/rectifications\//);
    const other = (await inject(cookies.otherHost!, 'GET', '/api/notifications?limit=50')).json() as Page<Notification>;
    expect(other.items.filter((n) => n.type === 'rectification_ordered')).toEqual([]);

    const again = await move('apply');
    expect(again.statusCode).toBe(409);
  });
});

describe('rectification', () => {
  let rectification: Rectification;

  it('was ordered by the round with its deadline, seen by the host and listed as its todo', async () => {
    const list = (await inject(cookies.host_user!, 'GET', '/api/rectifications')).json();
    expect(list.total).toBe(1);
    rectification = list.items[0];
    expect(rectification).toMatchObject({
      status: 'ordered',
      platform: { id: failing },
      round: { id: round.id },
      allowedActions: ['submit'],
    });
    expect((await inject(cookies.otherHost!, 'GET', '/api/rectifications')).json().total).toBe(0);
    const hostActor = {
      userId: crypto.randomUUID(),
      username: 'h',
      role: 'host_user' as const,
      regionId: null,
      regionPath: null,
      organizationId: hostA,
      permissions: rolePermissions.host_user,
    };
    expect(await findTodos(db, hostActor)).toEqual([
      {
        kind: 'rectification_due',
        title: expect.stringContaining('提交整改报告'),
        path: `/rectifications/${rectification.id}`,
        dueOn: rectification.deadline,
        subjectId: rectification.id,
      },
    ]);
    expect(await findTodos(db, { ...hostActor, organizationId: hostB })).toEqual([]);
    expect((await inject(cookies.otherHost!, 'GET', `/api/rectifications/${rectification.id}`)).statusCode).toBe(404);
  });

  it('refuses a check before the host reports, and a report by anyone but the host', async () => {
    const url = `/api/rectifications/${rectification.id}/transitions`;
    const early = await inject(cookies.city_staff!, 'POST', url, { action: 'pass', note: '通过', version: rectification.version });
    expect(early.statusCode).toBe(409);
    const byStaff = await inject(cookies.city_staff!, 'POST', url, { action: 'submit', note: '整改', version: rectification.version });
    expect(byStaff.statusCode).toBe(409);
    const byLeader = await inject(cookies.leader!, 'POST', url, { action: 'submit', note: '整改', version: rectification.version });
    expect(byLeader.statusCode).toBe(403);
    const empty = await inject(cookies.host_user!, 'POST', url, { action: 'submit', note: '  ', version: rectification.version });
    expect(empty.statusCode).toBe(400);
  });

  it('host submits, staff pass: the platform operates again, through its transition table', async () => {
    const url = `/api/rectifications/${rectification.id}/transitions`;
    const submitted = await inject(cookies.host_user!, 'POST', url, {
      action: 'submit',
      note: '已补充研发投入，新增授权专利3项',
      version: rectification.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    rectification = submitted.json();
    expect(rectification).toMatchObject({ status: 'submitted', report: '已补充研发投入，新增授权专利3项' });
    const cityActor = {
      userId: crypto.randomUUID(),
      username: 'c',
      role: 'city_staff' as const,
      regionId: tree.city.id,
      regionPath: tree.city.path,
      organizationId: null,
      permissions: rolePermissions.city_staff,
    };
    expect((await findTodos(db, cityActor)).map((todo) => todo.path)).toContain(`/rectifications/${rectification.id}`);
    const again = await inject(cookies.host_user!, 'POST', url, { action: 'submit', note: '再次', version: rectification.version });
    expect(again.statusCode).toBe(409);
    const passed = await inject(cookies.city_staff!, 'POST', url, { action: 'pass', note: '整改到位', version: rectification.version });
    expect(passed.statusCode, passed.body).toBe(200);
    rectification = passed.json();
    expect(rectification.status).toBe('passed');
    expect(rectification.history.map((h) => h.action)).toEqual(['submit', 'pass']);
    const history = (await inject(cookies.city_staff!, 'GET', `/api/platforms/${failing}/history`)).json() as PlatformVersion[];
    expect(history[0]!.changes).toEqual([expect.objectContaining({ field: 'status', after: '运行' })]);
    expect(history[0]!.changeNote).toContain('整改完成');
    expect(await findAuditRecords(db, 'rectification.pass', rectification.id)).toHaveLength(1);
  });
});

describe('formulas', () => {
  it('city staff save a type’s formula with audit and version; others may not; bad weights are refused', async () => {
    const listed = (await inject(cookies.city_staff!, 'GET', '/api/evaluation-formulas')).json();
    const base = listed.items[0];
    expect(base.type).toBeNull();
    const { id: _id, type: _type, version: _version, updatedAt: _updatedAt, ...body } = base;
    const saved = await inject(cookies.city_staff!, 'PUT', '/api/evaluation-formulas', { ...body, typeId, indicatorWeight: 0.5 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ type: { id: typeId }, indicatorWeight: 0.5, version: 1 });
    const stale = await inject(cookies.city_staff!, 'PUT', '/api/evaluation-formulas', { ...body, typeId, version: 7 });
    expect(stale.statusCode).toBe(409);
    const bad = await inject(cookies.city_staff!, 'PUT', '/api/evaluation-formulas', {
      ...body,
      typeId,
      version: 1,
      gradeThresholds: { excellent: 50, good: 80, qualified: 60 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('优秀 > 良好 > 合格');
    expect((await inject(cookies.county_staff!, 'PUT', '/api/evaluation-formulas', { ...body, typeId, version: 1 })).statusCode).toBe(403);
    expect(await findAuditRecords(db, 'evaluation-formula.create', saved.json().id)).toHaveLength(1);
  });
});
