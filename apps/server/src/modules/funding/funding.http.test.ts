import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Budget, GrantDetail } from '@stip/contracts';
import type { Actor } from '../../shared/context';
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
import { evaluationResults, evaluationRounds, fundingBudgets, grants } from '../../db/schema/index';
import { findTodos } from './index';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let cookies: Record<'city' | 'county' | 'leader' | 'host' | 'otherHost' | 'department', string>;
let hostOrganization: string;
let platformA: string;
let platformB: string;
let labType: string;
let year: number;
let budget: Budget;

const inject = (cookie: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  tree = await buildRegionTree(db);
  labType = await buildPlatformType(db, { level: 'city', name: unique('市级重点实验室') });
  hostOrganization = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('达钢') });
  const otherOrganization = await buildOrganization(db, { regionId: tree.countyB.id });
  platformA = await buildPlatform(db, {
    regionId: tree.countyA.id,
    hostOrganizationId: hostOrganization,
    typeId: labType,
    name: unique('甲平台'),
  });
  platformB = await buildPlatform(db, {
    regionId: tree.countyB.id,
    hostOrganizationId: otherOrganization,
    typeId: labType,
    name: unique('乙平台'),
  });
  const login = async (role: Parameters<typeof buildUser>[1]) => t.login((await buildUser(db, role)).username);
  cookies = {
    city: await login({ role: 'city_staff', regionId: tree.city.id }),
    county: await login({ role: 'county_staff', regionId: tree.countyA.id }),
    leader: await login({ role: 'leader', regionId: tree.city.id }),
    host: await login({ role: 'host_user', organizationId: hostOrganization }),
    otherHost: await login({ role: 'host_user', organizationId: otherOrganization }),
    department: await login({ role: 'department_staff', regionId: tree.city.id, organizationId: otherOrganization }),
  };
  // Each test file has its own database, but the years are unique per file anyway.
  year = 2031;
  const response = await inject(cookies.city, 'POST', '/api/funding/budgets', {
    year,
    amount: '1000000.00',
    remarks: '市级科技创新平台后补助',
  });
  expect(response.statusCode, response.body).toBe(200);
  budget = response.json();
});

async function createGrant(platformId: string, amount: string | number, extra: object = {}): Promise<GrantDetail> {
  const response = await inject(cookies.city, 'POST', '/api/funding/grants', {
    platformId,
    year,
    kind: 'post_subsidy',
    amount,
    basis: '2030年度绩效评价良好',
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function approve(grant: GrantDetail): Promise<GrantDetail> {
  const response = await inject(cookies.city, 'POST', `/api/funding/grants/${grant.id}/transitions`, {
    action: 'approve',
    version: grant.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const pay = (grantId: string, amount: string | number, voucherNo = unique('凭证')) =>
  inject(cookies.city, 'POST', `/api/funding/grants/${grantId}/payments`, { paidOn: `${year}-06-30`, amount, voucherNo });

describe('budgets', () => {
  it('keeps one budget a year, in exact 元, audited', async () => {
    expect(budget).toMatchObject({ year, amount: '1000000.00', paid: '0.00', remaining: '1000000.00', granted: '0.00' });
    expect(await findAuditRecords(db, 'funding.budget.create', budget.id)).toHaveLength(1);
    const again = await inject(cookies.city, 'POST', '/api/funding/budgets', { year, amount: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`${year}年度预算已存在，请修改该预算`);
  });

  it('refuses amounts that are not 元 with at most two decimals, in Chinese', async () => {
    for (const amount of ['-5', '1.005', 'abc', '1e9']) {
      const response = await inject(cookies.city, 'POST', '/api/funding/budgets', { year: 2040, amount });
      expect(response.statusCode, amount).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.body).toContain('最多两位小数');
    }
  });

  it('lets county staff and leaders read budgets, not hosts; only city staff write', async () => {
    for (const who of ['county', 'leader'] as const) {
      const response = await inject(cookies[who], 'GET', '/api/funding/budgets');
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((b: Budget) => b.year)).toContain(year);
    }
    expect((await inject(cookies.host, 'GET', '/api/funding/budgets')).statusCode).toBe(403);
    expect((await inject(cookies.county, 'POST', '/api/funding/budgets', { year: 2041, amount: 1 })).statusCode).toBe(403);
    expect((await inject(cookies.department, 'GET', '/api/funding/budgets')).statusCode).toBe(403);
  });

  it('changes a budget under an optimistic lock', async () => {
    const { id } = (await (await inject(cookies.city, 'POST', '/api/funding/budgets', { year: 2042, amount: 100 })).json()) as Budget;
    const changed = await inject(cookies.city, 'PATCH', `/api/funding/budgets/${id}`, { amount: '250.50', version: 1 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ amount: '250.50', version: 2 });
    expect((await inject(cookies.city, 'PATCH', `/api/funding/budgets/${id}`, { amount: 1, version: 1 })).statusCode).toBe(409);
  });
});

describe('subsidy rules', () => {
  it('keeps rules per level and grade, type rules winning, editable and audited', async () => {
    const created = await inject(cookies.city, 'POST', '/api/funding/rules', {
      level: 'city',
      grade: 'excellent',
      kind: 'award',
      amount: 500000,
    });
    expect(created.statusCode, created.body).toBe(200);
    const rule = created.json();
    expect(rule).toMatchObject({ level: 'city', typeId: null, grade: 'excellent', amount: '500000.00' });
    const duplicate = await inject(cookies.city, 'POST', '/api/funding/rules', {
      level: 'city',
      grade: 'excellent',
      kind: 'award',
      amount: 1,
    });
    expect(duplicate.statusCode).toBe(409);
    const edited = await inject(cookies.city, 'PATCH', `/api/funding/rules/${rule.id}`, { amount: '450000', version: rule.version });
    expect(edited.json()).toMatchObject({ amount: '450000.00', version: 2 });
    expect(await findAuditRecords(db, 'funding.rule.update', rule.id)).toHaveLength(1);
    expect((await inject(cookies.city, 'PATCH', `/api/funding/rules/${rule.id}`, { amount: 1, version: 1 })).statusCode).toBe(409);
    const typeRule = await inject(cookies.city, 'POST', '/api/funding/rules', {
      level: 'county',
      typeId: labType,
      grade: 'good',
      kind: 'post_subsidy',
      amount: 300000,
    });
    expect(typeRule.json()).toMatchObject({ level: 'city', typeId: labType, grade: 'good' });
    expect(
      (await inject(cookies.county, 'POST', '/api/funding/rules', { level: 'city', grade: 'good', kind: 'award', amount: 1 })).statusCode,
    ).toBe(403);
    expect((await inject(cookies.host, 'GET', '/api/funding/rules')).statusCode).toBe(200);
  });
});

describe('grants, payments and the lifecycle', () => {
  it('makes a grant, approves it, pays it in parts and settles it on the last payment', async () => {
    let grant = await createGrant(platformA, '300000.10');
    expect(grant).toMatchObject({
      status: 'proposed',
      amount: '300000.10',
      paid: '0.00',
      balance: '300000.10',
      allowedActions: ['approve', 'cancel'],
    });
    expect((await pay(grant.id, 1)).statusCode).toBe(409); // not approved yet
    grant = await approve(grant);
    expect(grant.status).toBe('approved');
    let response = await pay(grant.id, '100000.05');
    expect(response.statusCode, response.body).toBe(200);
    grant = response.json();
    expect(grant).toMatchObject({ status: 'approved', paid: '100000.05', balance: '200000.05' });
    response = await pay(grant.id, '200000.06');
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toBe('拨付金额超过该资助的未拨付余额（余额200000.05元）');
    const cancel = await inject(cookies.city, 'POST', `/api/funding/grants/${grant.id}/transitions`, {
      action: 'cancel',
      version: grant.version,
      reason: '错误',
    });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().message).toBe('已有拨付记录的资助不能取消');
    response = await pay(grant.id, '200000.05');
    grant = response.json();
    expect(grant).toMatchObject({ status: 'paid', paid: '300000.10', balance: '0.00' });
    const budgets = (await inject(cookies.city, 'GET', '/api/funding/budgets')).json().items as Budget[];
    const thisYear = budgets.find((b) => b.year === year)!;
    expect(thisYear.paid).toBe('300000.10');
    expect(thisYear.granted).toBe(thisYear.paid); // the only grant of the year so far is this one, paid in full
    expect(grant.payments.map((p) => p.amount)).toEqual(['100000.05', '200000.05']);
    expect(await findAuditRecords(db, 'funding.grant.settle', grant.id)).toHaveLength(1);
    expect(await findAuditRecords(db, 'funding.payment.create', grant.id)).toHaveLength(2);
    expect((await pay(grant.id, 1)).statusCode).toBe(409);
  });

  it('changes a proposed grant under an optimistic lock, and no grant once approved', async () => {
    const grant = await createGrant(platformA, 1000);
    const edited = await inject(cookies.city, 'PATCH', `/api/funding/grants/${grant.id}`, {
      amount: '1200.30',
      basis: '复核后调整',
      version: grant.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ amount: '1200.30', basis: '复核后调整', version: grant.version + 1 });
    expect(await findAuditRecords(db, 'funding.grant.update', grant.id)).toHaveLength(1);
    expect((await inject(cookies.city, 'PATCH', `/api/funding/grants/${grant.id}`, { amount: 1, version: grant.version })).statusCode).toBe(
      409,
    );
    const approved = await approve(edited.json());
    const late = await inject(cookies.city, 'PATCH', `/api/funding/grants/${grant.id}`, { amount: 1, version: approved.version });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('状态为“已批准”的资助不能修改');
    expect(
      (await inject(cookies.host, 'PATCH', `/api/funding/grants/${grant.id}`, { amount: 1, version: approved.version })).statusCode,
    ).toBe(403);
  });

  it('refuses the transitions the table does not allow and stale versions', async () => {
    const grant = await createGrant(platformA, 1000);
    const settle = await inject(cookies.city, 'POST', `/api/funding/grants/${grant.id}/transitions`, {
      action: 'settle',
      version: grant.version,
    });
    expect(settle.statusCode).toBe(409);
    expect(settle.json().message).toBe('“拨付完毕”由拨付登记自动办理，不能直接操作');
    const noReason = await inject(cookies.city, 'POST', `/api/funding/grants/${grant.id}/transitions`, {
      action: 'cancel',
      version: grant.version,
    });
    expect(noReason.statusCode).toBe(400);
    const cancelled = await inject(cookies.city, 'POST', `/api/funding/grants/${grant.id}/transitions`, {
      action: 'cancel',
      version: grant.version,
      reason: '平台已申请撤销',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: '平台已申请撤销', allowedActions: [] });
    const stale = await inject(cookies.city, 'POST', `/api/funding/grants/${grant.id}/transitions`, {
      action: 'approve',
      version: grant.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    for (const who of ['county', 'leader', 'host'] as const) {
      const response = await inject(cookies[who], 'POST', `/api/funding/grants/${grant.id}/transitions`, { action: 'approve', version: 2 });
      expect(response.statusCode, who).toBe(403);
    }
  });

  it('refuses a grant without a budget for its year, or for a platform out of reach', async () => {
    const noBudget = await inject(cookies.city, 'POST', '/api/funding/grants', {
      platformId: platformA,
      year: 2099,
      kind: 'award',
      amount: 1,
      basis: 'x',
    });
    expect(noBudget.statusCode).toBe(400);
    expect(noBudget.json().message).toBe('2099年度尚未设定资金预算，请先设定预算');
    const unknown = await inject(cookies.city, 'POST', '/api/funding/grants', {
      platformId: '00000000-0000-4000-8000-000000000000',
      year,
      kind: 'award',
      amount: 1,
      basis: 'x',
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('never lets the budget go negative: a payment beyond it is refused with the balance', async () => {
    const { id: budgetId } = (await (
      await inject(cookies.city, 'POST', '/api/funding/budgets', { year: 2043, amount: '500.00' })
    ).json()) as Budget;
    let grant = await createGrant(platformA, 800, { year: 2043 });
    grant = await approve(grant);
    expect((await pay(grant.id, 300)).statusCode).toBe(200);
    const over = await pay(grant.id, '200.01');
    expect(over.statusCode).toBe(422);
    expect(over.json().message).toBe('拨付金额超过本年度预算余额（余额200.00元）');
    const lowered = await inject(cookies.city, 'PATCH', `/api/funding/budgets/${budgetId}`, { amount: 299, version: 1 });
    expect(lowered.statusCode).toBe(400);
    expect(lowered.json().message).toBe('预算金额不能低于已拨付金额300.00元');
    // The database itself refuses an overdraft, whatever the code does.
    await expect(db.update(fundingBudgets).set({ paidFen: 50_001 }).where(eq(fundingBudgets.id, budgetId))).rejects.toThrow();
    await expect(db.update(grants).set({ paidFen: 80_001 }).where(eq(grants.id, grant.id))).rejects.toThrow();
  });
});

describe('scope', () => {
  let grantA: GrantDetail;
  let grantB: GrantDetail;
  beforeAll(async () => {
    grantA = await createGrant(platformA, 10);
    grantB = await createGrant(platformB, 20);
  });

  it('shows county staff the grants of their region only, hosts their own platforms’, leaders all', async () => {
    const list = async (who: keyof typeof cookies) => {
      const response = await inject(cookies[who], 'GET', `/api/funding/grants?year=${year}&limit=500`);
      expect(response.statusCode, who).toBe(200);
      return (response.json().items as { id: string }[]).map((g) => g.id);
    };
    expect(await list('county')).toContain(grantA.id);
    expect(await list('county')).not.toContain(grantB.id);
    expect(await list('host')).toContain(grantA.id);
    expect(await list('host')).not.toContain(grantB.id);
    expect(await list('otherHost')).toContain(grantB.id);
    expect(await list('leader')).toEqual(expect.arrayContaining([grantA.id, grantB.id]));
    expect((await inject(cookies.county, 'GET', `/api/funding/grants/${grantB.id}`)).statusCode).toBe(404);
    expect((await inject(cookies.host, 'GET', `/api/funding/grants/${grantB.id}`)).statusCode).toBe(404);
    expect((await inject(cookies.department, 'GET', '/api/funding/grants')).statusCode).toBe(403);
  });

  it('answers {items, total} with paging and filters', async () => {
    const response = await inject(cookies.city, 'GET', `/api/funding/grants?year=${year}&status=proposed&limit=1&offset=0`);
    const page = response.json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items[0].status).toBe('proposed');
    expect((await inject(cookies.city, 'GET', '/api/funding/grants?status=nonsense')).statusCode).toBe(400);
  });
});

describe('expenditure lines', () => {
  let grant: GrantDetail;
  beforeAll(async () => {
    grant = await approve(await createGrant(platformA, 5000));
    expect((await pay(grant.id, 3000)).statusCode).toBe(200);
  });
  const file = (cookie: string, body: object) =>
    inject(cookie, 'POST', `/api/funding/grants/${grant.id}/expenditures`, {
      category: 'equipment',
      amount: 1000,
      spentOn: `${year}-08-01`,
      description: '购置金相显微镜',
      ...body,
    });

  it('lets the host file lines up to the paid amount, and no more', async () => {
    let response = await file(cookies.host, {});
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ spent: '1000.00', canFileExpenditure: true });
    response = await file(cookies.host, { category: 'testing', amount: '1999.99', description: '材料性能检测' });
    expect(response.json().spent).toBe('2999.99');
    response = await file(cookies.host, { amount: '0.02' });
    expect(response.statusCode).toBe(422);
    expect(response.json().message).toBe('支出合计不能超过已拨付金额（已拨付3000.00元，尚可填报0.01元）');
    expect(await findAuditRecords(db, 'funding.expenditure.create', grant.id)).toHaveLength(2);
  });

  it('refuses the forbidden uses of seed 004 by category and by description, naming the rule', async () => {
    const byCategory = await file(cookies.host, { category: 'sponsorship', amount: '0.01', description: '学术会议' });
    expect(byCategory.statusCode).toBe(422);
    expect(byCategory.json().message).toMatch(
      /^支出类别“赞助”属于禁止用途：财政支持资金不得用于基本建设、赞助、捐赠、投资、支付各种罚款、偿还债务等/,
    );
    const byText = await file(cookies.host, { category: 'materials', amount: '0.01', description: '缴纳环保罚款' });
    expect(byText.statusCode).toBe(422);
    expect(byText.json().message).toMatch(/^支出说明含“罚款”，属于禁止用途“支付各种罚款”/);
    expect(byText.json().details).toEqual([expect.objectContaining({ field: 'description' })]);
  });

  it('refuses lines from other hosts, county staff and leaders', async () => {
    expect((await file(cookies.otherHost, { amount: '0.01' })).statusCode).toBe(404);
    expect((await file(cookies.county, { amount: '0.01' })).statusCode).toBe(403);
    expect((await file(cookies.leader, { amount: '0.01' })).statusCode).toBe(403);
  });
});

describe('grants from an evaluation round', () => {
  it('previews and then makes all the rule grants of a published round at once, never twice', async () => {
    const platformC = await buildPlatform(db, { regionId: tree.countyA.id, typeId: labType, name: unique('丙平台') });
    const [draft] = await db
      .insert(evaluationRounds)
      .values({ title: '草稿轮次', typeIds: [labType], periodFrom: 2028, periodTo: 2030 })
      .returning();
    const draftPreview = await inject(cookies.city, 'POST', '/api/funding/grants/from-round/preview', { roundId: draft!.id, year });
    expect(draftPreview.statusCode).toBe(422);
    const [round] = await db
      .insert(evaluationRounds)
      .values({ title: '2030年度市级平台评估', typeIds: [labType], periodFrom: 2028, periodTo: 2030, status: 'published' })
      .returning();
    await db.insert(evaluationResults).values([
      { roundId: round!.id, platformId: platformA, grade: 'excellent', score: '92.50' },
      { roundId: round!.id, platformId: platformB, grade: 'qualified', score: '71.00' },
      { roundId: round!.id, platformId: platformC, grade: 'good', score: '81.00' },
    ]);
    const preview = await inject(cookies.city, 'POST', '/api/funding/grants/from-round/preview', { roundId: round!.id, year });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().lines).toEqual([
      expect.objectContaining({ platformId: platformA, grade: 'excellent', kind: 'award', amount: '450000.00', skippedReason: null }),
      // The type's own rule for 良好 (there is no level rule for it).
      expect.objectContaining({ platformId: platformC, grade: 'good', kind: 'post_subsidy', amount: '300000.00', skippedReason: null }),
      expect.objectContaining({ platformId: platformB, grade: 'qualified', amount: null, skippedReason: '市级“合格”等次无资助标准' }),
    ]);
    expect(preview.json().total).toBe('750000.00');
    const created = await inject(cookies.city, 'POST', '/api/funding/grants/from-round', { roundId: round!.id, year });
    expect(created.json()).toEqual({ created: 2, total: '750000.00' });
    const again = await inject(cookies.city, 'POST', '/api/funding/grants/from-round', { roundId: round!.id, year });
    expect(again.statusCode).toBe(422);
    const made = (await inject(cookies.city, 'GET', `/api/funding/grants?platformId=${platformA}&kind=award`)).json();
    expect(made.items[0]).toMatchObject({ grade: 'excellent', evaluationRoundId: round!.id, status: 'proposed' });
    expect(made.items[0].basis).toContain('2030年度市级平台评估：优秀');
    expect((await inject(cookies.county, 'POST', '/api/funding/grants/from-round/preview', { roundId: round!.id, year })).statusCode).toBe(
      403,
    );
  });
});

describe('to-do and export', () => {
  it('lists approved grants to pay for city staff and paid grants without lines for the host', async () => {
    const grant = await approve(await createGrant(platformA, 40));
    const [cityUser] = await db.query.users.findMany({ where: (u, { eq: is }) => is(u.role, 'city_staff'), limit: 1 });
    const cityActor: Actor = {
      userId: cityUser!.id,
      username: cityUser!.username,
      role: 'city_staff',
      regionId: tree.city.id,
      regionPath: tree.city.path,
      organizationId: null,
      permissions: [],
    };
    const cityTodos = await findTodos(db, cityActor);
    expect(cityTodos).toContainEqual(expect.objectContaining({ kind: 'grant_payment', subjectId: grant.id, dueOn: `${year}-12-31` }));
    await pay(grant.id, 10);
    const hostActor: Actor = { ...cityActor, role: 'host_user', regionId: null, regionPath: null, organizationId: hostOrganization };
    const hostTodos = await findTodos(db, hostActor);
    expect(hostTodos).toContainEqual(
      expect.objectContaining({ kind: 'expenditure_report', subjectId: grant.id, path: `/funding/grants/${grant.id}` }),
    );
    expect(hostTodos.every((todo) => todo.kind === 'expenditure_report')).toBe(true);
    expect(await findTodos(db, { ...cityActor, role: 'leader' })).toEqual([]);
  });

  it('exports grants, payments and balances as Excel, in the reader’s scope', async () => {
    const response = await inject(cookies.county, 'GET', `/api/funding/grants.xlsx?year=${year}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['资助', '拨付记录', '支出明细', '预算']);
    const names: string[] = [];
    workbook.getWorksheet('资助')!.eachRow((row, index) => {
      if (index > 2) names.push(String(row.getCell(2).value));
    });
    expect(names.length).toBeGreaterThan(0);
    expect(names.some((name) => name.includes('甲平台'))).toBe(true);
    expect(names.some((name) => name.includes('乙平台'))).toBe(false); // 乙平台 lies in the other county
    const budgetRow = workbook.getWorksheet('预算')!.getRow(3);
    expect(budgetRow.getCell(1).value).toBe(year);
    expect((await inject(cookies.host, 'GET', '/api/funding/grants.xlsx')).statusCode).toBe(200);
  });
});
