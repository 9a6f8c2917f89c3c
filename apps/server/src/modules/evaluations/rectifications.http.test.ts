import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type EvaluationRoundDetail, type Rectification, type Role, rolePermissions } from '@stip/contracts';
import { findTodos } from './evaluations.todos';
import { defaultFormula } from './evaluations.score';
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
import { rectifications } from '../../db/schema/index';
import { todayInChina } from '../../shared/clock';

const t = await buildTestApp();
const { db } = t.handle;
const year = new Date().getUTCFullYear() - 1;
const deadline = `${year + 3}-01-31`;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let host: string;
const cookies: Partial<Record<Role | 'otherCity', string>> = {};

const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  tree = await buildRegionTree(db);
  host = await buildOrganization(db, { regionId: tree.countyA.id });
  const login = async (role: Role, values: { regionId?: string; organizationId?: string } = {}) =>
    t.login((await buildUser(db, { role, ...values })).username);
  cookies.city_staff = await login('city_staff', { regionId: tree.city.id });
  cookies.county_staff = await login('county_staff', { regionId: tree.countyA.id });
  cookies.department_staff = await login('department_staff', {
    regionId: tree.city.id,
    organizationId: await buildOrganization(db, { kind: 'department', regionId: tree.city.id }),
  });
  cookies.leader = await login('leader', { regionId: tree.city.id });
  cookies.host_user = await login('host_user', { organizationId: host });
  cookies.expert = await login('expert');
  const otherTree = await buildRegionTree(db);
  cookies.otherCity = await login('city_staff', { regionId: otherTree.city.id });
});

/** A round over a fresh type holding these platforms, scored so each gets the given expert score, reviewed. */
async function reviewedRound(platformIds: string[], typeId: string, expertScores: number[]): Promise<EvaluationRoundDetail> {
  let response = await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
    title: unique('考核'),
    typeIds: [typeId],
    periodFrom: year,
    periodTo: year,
  });
  let round = response.json() as EvaluationRoundDetail;
  round = (
    await inject(cookies.city_staff!, 'POST', `/api/evaluation-rounds/${round.id}/transitions`, {
      action: 'startScoring',
      version: round.version,
    })
  ).json();
  for (const [index, platformId] of platformIds.entries()) {
    const result = round.results.find((r) => r.platform.id === platformId)!;
    response = await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}/results/${result.id}`, {
      expertScore: expertScores[index],
      version: result.version,
    });
    round = response.json();
  }
  response = await inject(cookies.city_staff!, 'POST', `/api/evaluation-rounds/${round.id}/transitions`, {
    action: 'submitForReview',
    version: round.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const transition = (round: EvaluationRoundDetail, action: string, extra: object = {}, cookie = cookies.city_staff!) =>
  inject(cookie, 'POST', `/api/evaluation-rounds/${round.id}/transitions`, { action, version: round.version, ...extra });

async function rectificationOf(platformId: string): Promise<Rectification> {
  const list = (await inject(cookies.city_staff!, 'GET', '/api/rectifications?limit=500')).json();
  return list.items.find((r: Rectification) => r.platform.id === platformId);
}

describe('applying a round', () => {
  it('refuses, changing nothing, when an outcome is not a move the platform table allows (整改 of a platform under construction)', async () => {
    const typeId = await buildPlatformType(db);
    const building = await buildPlatform(db, { typeId, regionId: tree.countyA.id, status: 'constructing' });
    let round = await reviewedRound([building], typeId, [0]);
    expect(round.results[0]).toMatchObject({ grade: 'unqualified', outcome: 'rectify' });
    round = (await transition(round, 'publish')).json();
    const refused = await transition(round, 'apply', { rectificationDeadline: deadline });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain('不能责令整改');
    const after = (await inject(cookies.city_staff!, 'GET', `/api/evaluation-rounds/${round.id}`)).json() as EvaluationRoundDetail;
    expect(after).toMatchObject({ status: 'published', results: [{ platformStatus: 'constructing' }] });
    expect(await rectificationOf(building)).toBeUndefined();

    // Withdrawn to review, the outcome is adjusted with a reason, and the round applies.
    round = (await transition(after, 'withdraw')).json();
    expect(round).toMatchObject({ status: 'reviewing', publishedOn: null });
    const result = round.results[0]!;
    round = (
      await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}/results/${result.id}`, {
        outcome: 'keep',
        outcomeReason: '建设期内，待建设期满验收时一并考核',
        version: result.version,
      })
    ).json();
    round = (await transition(round, 'publish')).json();
    const applied = await transition(round, 'apply', { rectificationDeadline: deadline });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({
      status: 'applied',
      results: [{ platformStatus: 'constructing', appliedNote: '保留，不作调整' }],
    });
  });

  it('scores a type by its own formula, copied into the round when scoring opens', async () => {
    const typeId = await buildPlatformType(db);
    const platform = await buildPlatform(db, { typeId, regionId: tree.countyA.id, status: 'operating' });
    const saved = await inject(cookies.city_staff!, 'PUT', '/api/evaluation-formulas', {
      ...defaultFormula,
      indicatorWeight: 0,
      gradeThresholds: { excellent: 95, good: 85, qualified: 50 },
      typeId,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const round = await reviewedRound([platform], typeId, [90]);
    expect(round.formulas).toEqual([
      expect.objectContaining({ type: expect.objectContaining({ id: typeId }), formula: expect.objectContaining({ indicatorWeight: 0 }) }),
    ]);
    // By the default formula 90 would be 优秀; by this type's own it is 良好.
    expect(round.results[0]).toMatchObject({ score: 90, grade: 'good', outcome: 'keep' });
  });

  it('leaves alone a platform revoked since the review', async () => {
    const typeId = await buildPlatformType(db);
    const platform = await buildPlatform(db, { typeId, regionId: tree.countyA.id, status: 'operating' });
    let round = await reviewedRound([platform], typeId, [0]);
    round = (await transition(round, 'publish')).json();
    await changePlatform(db, platform, todayInChina(), { status: 'revoked' });
    const applied = await transition(round, 'apply', { rectificationDeadline: deadline });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({
      results: [{ outcome: 'rectify', platformStatus: 'revoked', appliedNote: '平台已为“撤销”，未作调整' }],
    });
    expect(await rectificationOf(platform)).toBeUndefined();
  });

  it('refuses staff of another city, and every role but city staff', async () => {
    const typeId = await buildPlatformType(db);
    const platform = await buildPlatform(db, { typeId, regionId: tree.countyA.id, status: 'operating' });
    const round = await reviewedRound([platform], typeId, [80]);
    const other = await transition(round, 'returnToScoring', {}, cookies.otherCity!);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe('该考核轮次不在您的管辖范围内');
    for (const role of ['county_staff', 'department_staff', 'leader', 'host_user', 'expert'] as const) {
      expect((await transition(round, 'returnToScoring', {}, cookies[role]!)).statusCode, role).toBe(403);
    }
    const back = await transition(round, 'returnToScoring');
    expect(back.statusCode).toBe(200);
    expect((back.json() as EvaluationRoundDetail).status).toBe('scoring');
  });

  it('lets a draft be edited, and only a draft', async () => {
    const typeId = await buildPlatformType(db);
    await buildPlatform(db, { typeId, regionId: tree.countyA.id, status: 'operating' });
    let round = (
      await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
        title: '草稿',
        typeIds: [typeId],
        periodFrom: year,
        periodTo: year,
      })
    ).json() as EvaluationRoundDetail;
    const edited = await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}`, {
      title: '改后',
      typeIds: [typeId],
      periodFrom: year - 1,
      periodTo: year,
      version: round.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    round = edited.json();
    expect(round).toMatchObject({ title: '改后', periodFrom: year - 1 });
    round = (await transition(round, 'startScoring')).json();
    const late = await inject(cookies.city_staff!, 'PATCH', `/api/evaluation-rounds/${round.id}`, {
      title: '再改',
      typeIds: [typeId],
      periodFrom: year,
      periodTo: year,
      version: round.version,
    });
    expect(late.statusCode).toBe(422);
  });

  it('refuses to open scoring when no platform is in scope', async () => {
    const typeId = await buildPlatformType(db);
    const round = (
      await inject(cookies.city_staff!, 'POST', '/api/evaluation-rounds', {
        title: '空',
        typeIds: [typeId],
        periodFrom: year,
        periodTo: year,
      })
    ).json();
    const response = await transition(round, 'startScoring');
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toContain('没有建设期、运行或整改中的平台');
  });
});

describe('rectification checks', () => {
  let typeId: string;
  let failed: string;
  let extended: string;

  beforeAll(async () => {
    typeId = await buildPlatformType(db);
    failed = await buildPlatform(db, {
      typeId,
      regionId: tree.countyA.id,
      hostOrganizationId: host,
      status: 'operating',
      name: unique('不通过'),
    });
    extended = await buildPlatform(db, {
      typeId,
      regionId: tree.countyA.id,
      hostOrganizationId: host,
      status: 'operating',
      name: unique('延期'),
    });
    let round = await reviewedRound([failed, extended], typeId, [0, 0]);
    round = (await transition(round, 'publish')).json();
    const applied = await transition(round, 'apply', { rectificationDeadline: deadline });
    expect(applied.statusCode, applied.body).toBe(200);
  });

  it('lists the overdue ones: ordered and past the deadline', async () => {
    const late = await rectificationOf(failed);
    expect(late).toMatchObject({ status: 'ordered', deadline, isOverdue: false });
    await db.update(rectifications).set({ deadline: '2020-01-31' }).where(eq(rectifications.id, late.id));
    const overdue = (await inject(cookies.city_staff!, 'GET', '/api/rectifications?overdue=true')).json();
    expect(overdue.items.map((r: Rectification) => r.id)).toEqual([late.id]);
    expect(overdue.items[0].isOverdue).toBe(true);
    expect(overdue.items[0].allowedActions.sort()).toEqual(['extend', 'fail']);
    const staff = {
      userId: crypto.randomUUID(),
      username: 'c',
      role: 'city_staff' as const,
      regionId: tree.city.id,
      regionPath: tree.city.path,
      organizationId: null,
      permissions: rolePermissions.city_staff,
    };
    const todos = await findTodos(db, staff);
    expect(todos).toContainEqual(
      expect.objectContaining({ kind: 'rectification_due', path: `/rectifications/${late.id}`, dueOn: '2020-01-31' }),
    );
    expect(todos.find((todo) => todo.title.startsWith('逾期未提交整改报告'))).toBeTruthy();
    // One not yet due is not the staff's work.
    const notDue = await rectificationOf(extended);
    expect(todos.map((todo) => todo.subjectId)).not.toContain(notDue.id);
    expect((await inject(cookies.county_staff!, 'GET', '/api/rectifications?overdue=true')).json().total).toBe(1);
    expect((await inject(cookies.expert!, 'GET', '/api/rectifications')).statusCode).toBe(403);
  });

  it('lets staff fail an overdue rectification: the platform is revoked through its table', async () => {
    const late = await rectificationOf(failed);
    // County staff and leaders see the platform but may not check; the department does not supervise its type (404).
    const expected = { county_staff: 403, leader: 403, department_staff: 404, expert: 403 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const response = await inject(cookies[role as Role]!, 'POST', `/api/rectifications/${late.id}/transitions`, {
        action: 'fail',
        note: '逾期',
        version: late.version,
      });
      expect(response.statusCode, role).toBe(status);
    }
    const byHost = await inject(cookies.host_user!, 'POST', `/api/rectifications/${late.id}/transitions`, {
      action: 'fail',
      note: '逾期',
      version: late.version,
    });
    expect(byHost.statusCode).toBe(409);
    const response = await inject(cookies.city_staff!, 'POST', `/api/rectifications/${late.id}/transitions`, {
      action: 'fail',
      note: '逾期未提交整改报告',
      version: late.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'revoked', checkComment: '逾期未提交整改报告', allowedActions: [] });
    const platform = (await inject(cookies.city_staff!, 'GET', `/api/platforms/${failed}`)).json();
    expect(platform.status).toBe('revoked');
    expect(await findAuditRecords(db, 'rectification.fail', late.id)).toHaveLength(1);
  });

  it('refuses failing before the deadline without a report, and extends to a later deadline', async () => {
    let open = await rectificationOf(extended);
    expect(open.allowedActions).toEqual(['extend']); // not yet due and not reported: nothing to fail
    const url = `/api/rectifications/${open.id}/transitions`;
    const early = await inject(cookies.city_staff!, 'POST', url, { action: 'fail', note: '不通过', version: open.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('期限未到');
    const noDate = await inject(cookies.city_staff!, 'POST', url, { action: 'extend', note: '疫情影响', version: open.version });
    expect(noDate.statusCode).toBe(400);
    const earlier = await inject(cookies.city_staff!, 'POST', url, {
      action: 'extend',
      note: '疫情影响',
      deadline: `${year + 2}-01-01`,
      version: open.version,
    });
    expect(earlier.statusCode).toBe(409);
    const later = `${year + 4}-01-31`;
    const response = await inject(cookies.city_staff!, 'POST', url, {
      action: 'extend',
      note: '疫情影响',
      deadline: later,
      version: open.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    open = response.json();
    expect(open).toMatchObject({ status: 'ordered', deadline: later });
    const stale = await inject(cookies.host_user!, 'POST', url, { action: 'submit', note: '已整改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
  });
});
