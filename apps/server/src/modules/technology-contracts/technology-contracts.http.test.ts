import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Lead, Target, TechnologyContract, TechnologyContractPage } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import {
  buildAchievement,
  buildDemand,
  buildOrganization,
  buildPlan,
  buildRegionTree,
  buildTarget,
  buildUser,
  findAuditRecords,
  unique,
} from '../../../test/factories';

const t = await buildTestApp();
const { db } = t.handle;

let tree: Awaited<ReturnType<typeof buildRegionTree>>;
let cityCookie: string;
let countyACookie: string;
let countyBCookie: string;
let leaderCookie: string;

beforeAll(async () => {
  tree = await buildRegionTree(db);
  cityCookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: tree.city.id })).username);
  countyACookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyA.id })).username);
  countyBCookie = await t.login((await buildUser(db, { role: 'county_staff', regionId: tree.countyB.id })).username);
  leaderCookie = await t.login((await buildUser(db, { role: 'leader', regionId: tree.city.id })).username);
});

async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, cookie = cityCookie, status = 200) {
  const response = await t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie } });
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

const contract = (values: Record<string, unknown> = {}) => ({
  registrationNumber: unique('5117012026'),
  title: '玄武岩纤维浸润剂技术转让合同',
  amount: 120,
  sellerName: '某大学',
  buyerName: '某复合材料公司',
  signedOn: '2026-03-01',
  registeredOn: '2026-03-10',
  regionId: tree.countyA.id,
  ...values,
});

describe('registering technology contracts', () => {
  it('registers a contract from a lead, moving the lead to 已签约 in the same step', async () => {
    const demandId = (await buildDemand(db, { title: '玄武岩纤维增强需求', keywords: ['玄武岩纤维'], regionId: tree.countyA.id })).id;
    const achievementId = await buildAchievement(db, { title: '玄武岩纤维增强技术', keywords: ['玄武岩纤维'], regionId: tree.countyB.id });
    const lead = await request<Lead>('POST', '/api/leads', { demandId, achievementId });
    const { regionId: _regionId, ...rest } = contract();
    const created = await request<TechnologyContract>('POST', '/api/technology-contracts', { ...rest, leadId: lead.id });
    expect(created).toMatchObject({
      amount: 120,
      region: { id: tree.countyA.id },
      lead: { id: lead.id },
      demand: { id: demandId },
      achievement: { id: achievementId },
    });
    const signed = await request<Lead>('GET', `/api/leads/${lead.id}`);
    expect(signed.status).toBe('signed');
    expect(signed.contracts).toEqual([{ id: created.id, registrationNumber: created.registrationNumber, amount: 120 }]);
    expect(signed.events.at(-1)).toMatchObject({ status: 'signed' });
    expect(await findAuditRecords(db, 'technology-contract.create', created.id)).toHaveLength(1);
    expect(await findAuditRecords(db, 'lead.sign', lead.id)).toHaveLength(1);
  });

  it('refuses a contract from a dropped lead, and leaves nothing behind', async () => {
    const demandId = (await buildDemand(db, { title: '硫磺需求', keywords: ['不溶性硫磺'], regionId: tree.countyA.id })).id;
    const achievementId = await buildAchievement(db, { title: '不溶性硫磺制备', keywords: ['不溶性硫磺'] });
    const lead = await request<Lead>('POST', '/api/leads', { demandId, achievementId });
    await request('POST', `/api/leads/${lead.id}/follow-ups`, { action: 'drop', note: '放弃', version: lead.version });
    const body = contract({ leadId: lead.id });
    await request('POST', '/api/technology-contracts', body, cityCookie, 409);
    const listed = await request<TechnologyContractPage>('GET', `/api/technology-contracts?q=${body.registrationNumber}`);
    expect(listed.total).toBe(0);
  });

  it('answers 409 with a Chinese message for a registration number already registered, and frees it once deleted', async () => {
    const first = await request<TechnologyContract>('POST', '/api/technology-contracts', contract());
    const duplicate = await request<{ code: string; message: string }>(
      'POST',
      '/api/technology-contracts',
      contract({ registrationNumber: first.registrationNumber }),
      cityCookie,
      409,
    );
    expect(duplicate).toMatchObject({ code: 'ALREADY_EXISTS', message: `技术合同登记号“${first.registrationNumber}”已登记，请核对` });
    await request('DELETE', `/api/technology-contracts/${first.id}?version=${first.version}`);
    await request('GET', `/api/technology-contracts/${first.id}`, undefined, cityCookie, 404);
    await request('POST', '/api/technology-contracts', contract({ registrationNumber: first.registrationNumber }));
  });

  it('refuses bad input with 400: a zero amount, a registration before signing, no buyer', async () => {
    await request('POST', '/api/technology-contracts', contract({ amount: 0 }), cityCookie, 400);
    await request('POST', '/api/technology-contracts', contract({ registeredOn: '2026-02-01' }), cityCookie, 400);
    await request('POST', '/api/technology-contracts', contract({ buyerName: '' }), cityCookie, 400);
    await request('POST', '/api/technology-contracts', contract({ signedOn: '2026-02-30' }), cityCookie, 400);
  });

  it('names a party after its organisation, and changes a contract under its version', async () => {
    const buyerId = await buildOrganization(db, { regionId: tree.countyA.id, name: unique('达州玄武岩企业') });
    const created = await request<TechnologyContract>(
      'POST',
      '/api/technology-contracts',
      contract({ buyerName: undefined, buyerOrganizationId: buyerId }),
    );
    expect(created.buyer.organization?.id).toBe(buyerId);
    expect(created.buyer.name).toContain('达州玄武岩企业');
    const changed = await request<TechnologyContract>('PATCH', `/api/technology-contracts/${created.id}`, {
      amount: 150,
      version: created.version,
    });
    expect(changed.amount).toBe(150);
    await request('PATCH', `/api/technology-contracts/${created.id}`, { amount: 160, version: created.version }, cityCookie, 409);
  });

  it('scopes contracts to the region subtree: a county neither sees nor registers another county’s', async () => {
    const inA = await request<TechnologyContract>('POST', '/api/technology-contracts', contract(), countyACookie);
    await request('GET', `/api/technology-contracts/${inA.id}`, undefined, countyBCookie, 404);
    await request('POST', '/api/technology-contracts', contract({ regionId: tree.countyA.id }), countyBCookie, 400);
    const listB = await request<TechnologyContractPage>(
      'GET',
      `/api/technology-contracts?q=${inA.registrationNumber}`,
      undefined,
      countyBCookie,
    );
    expect(listB.total).toBe(0);
    await request('POST', '/api/technology-contracts', contract(), leaderCookie, 403);
    const listLeader = await request<TechnologyContractPage>(
      'GET',
      `/api/technology-contracts?q=${inA.registrationNumber}`,
      undefined,
      leaderCookie,
    );
    expect(listLeader.total).toBe(1);
  });

  it('exports the filtered list as a workbook with the total', async () => {
    const created = await request<TechnologyContract>(
      'POST',
      '/api/technology-contracts',
      contract({ title: '导出测试合同', amount: 33.5 }),
    );
    const response = await t.app.inject({
      url: `/api/technology-contracts/export.xlsx?q=${created.registrationNumber}`,
      headers: { cookie: cityCookie },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('技术合同')!;
    expect(sheet.getRow(3).getCell(1).value).toBe(created.registrationNumber);
    expect(sheet.getRow(3).getCell(3).value).toBe(33.5);
    expect(sheet.getRow(4).getCell(3).value).toBe(33.5);
  });
});

describe('the 技术合同登记额 target', () => {
  /** A city of its own (the other tests' contracts stay out of its sums), with its staff signed in. */
  async function localCity() {
    const local = await buildRegionTree(db);
    const cookie = await t.login((await buildUser(db, { role: 'city_staff', regionId: local.city.id })).username);
    return { ...local, cookie };
  }

  it('sums the contracts registered in the plan region subtree from the plan start, and refuses hand-reported figures', async () => {
    const local = await localCity();
    const targetOf = (id: string, asOf: string) => request<Target>('GET', `/api/targets/${id}?asOf=${asOf}`, undefined, local.cookie);
    const planId = await buildPlan(db, { regionId: local.city.id, periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    const targetId = await buildTarget(db, {
      planId,
      kind: 'amount',
      value: 1000,
      unit: '万元',
      deadline: '2027-12-31',
      metric: 'technology_contract_amount',
      statuses: [],
    });
    expect((await targetOf(targetId, '2026-06-30')).progress).toMatchObject({ current: 0, contracts: { count: 0 } });
    await request(
      'POST',
      '/api/technology-contracts',
      contract({ regionId: local.countyA.id, amount: 300, registeredOn: '2026-03-10' }),
      local.cookie,
    );
    await request(
      'POST',
      '/api/technology-contracts',
      contract({ regionId: local.countyB.id, amount: 200.5, registeredOn: '2026-05-10' }),
      local.cookie,
    );
    await request('POST', '/api/technology-contracts', contract({ regionId: tree.countyA.id, amount: 999, registeredOn: '2026-05-10' }));
    const target = await targetOf(targetId, '2026-06-30');
    expect(target.metric).toBe('technology_contract_amount');
    expect(target.canReport).toBe(false);
    expect(target.progress).toMatchObject({ current: 500.5, contracts: { count: 2, from: '2026-01-01', to: '2026-06-30' } });
    expect(target.link).toMatchObject({ to: '/technology-contracts', query: { regionId: local.city.id } });
    expect((await targetOf(targetId, '2026-04-01')).progress.current).toBe(300);
    const refused = await request<{ message: string }>(
      'POST',
      `/api/targets/${targetId}/reports`,
      { period: '2026年', periodEnd: '2026-06-30', value: 5, source: '手工' },
      local.cookie,
      422,
    );
    expect(refused.message).toContain('由技术合同登记自动汇总');
  });

  it('judges a yearly target on each year’s registered amount', async () => {
    const local = await localCity();
    const targetOf = (id: string, asOf: string) => request<Target>('GET', `/api/targets/${id}?asOf=${asOf}`, undefined, local.cookie);
    const planId = await buildPlan(db, { regionId: local.city.id, periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    const targetId = await buildTarget(db, {
      planId,
      kind: 'amount',
      value: 100,
      unit: '万元',
      deadline: '2027-12-31',
      perYear: true,
      metric: 'technology_contract_amount',
      statuses: [],
    });
    await request(
      'POST',
      '/api/technology-contracts',
      contract({ regionId: local.countyA.id, amount: 150, registeredOn: '2026-06-01' }),
      local.cookie,
    );
    await request(
      'POST',
      '/api/technology-contracts',
      contract({ regionId: local.countyA.id, amount: 40, signedOn: '2027-01-05', registeredOn: '2027-02-01' }),
      local.cookie,
    );
    const progress = (await targetOf(targetId, '2028-01-01')).progress;
    expect(progress.series).toEqual([
      { year: 2026, current: 150, required: 100, status: 'achieved' },
      { year: 2027, current: 40, required: 100, status: 'missed' },
    ]);
    expect(progress.status).toBe('missed');
    expect(progress.current).toBe(40);
  });

  it('states the sum in the target’s own unit (亿元), and refuses a unit that is not an amount of money', async () => {
    const local = await localCity();
    const planId = await buildPlan(db, { regionId: local.city.id, periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    const created = await request<Target>(
      'POST',
      `/api/plans/${planId}/targets`,
      {
        kind: 'amount',
        subject: '技术合同登记额突破1.3亿元',
        value: 1.3,
        unit: '亿元',
        deadline: '2027-12-31',
        metric: 'technology_contract_amount',
      },
      local.cookie,
    );
    await request(
      'POST',
      '/api/technology-contracts',
      contract({ regionId: local.countyA.id, amount: 2500, registeredOn: '2026-03-10' }),
      local.cookie,
    );
    const target = await request<Target>('GET', `/api/targets/${created.id}?asOf=2026-06-30`, undefined, local.cookie);
    expect(target.progress.current).toBe(0.25);
    await request(
      'POST',
      `/api/plans/${planId}/targets`,
      { kind: 'amount', subject: '技术合同登记项数', value: 10, unit: '项', deadline: '2027-12-31', metric: 'technology_contract_amount' },
      local.cookie,
      400,
    );
  });

  it('lets staff pick the source on an amount target only', async () => {
    const planId = await buildPlan(db, { regionId: tree.city.id, periodStart: '2026-01-01', periodEnd: '2027-12-31' });
    const created = await request<Target>('POST', `/api/plans/${planId}/targets`, {
      kind: 'amount',
      subject: '技术合同登记额',
      value: 5000,
      unit: '万元',
      deadline: '2027-12-31',
      metric: 'technology_contract_amount',
    });
    expect(created.metric).toBe('technology_contract_amount');
    await request(
      'POST',
      `/api/plans/${planId}/targets`,
      { kind: 'ratio', subject: '比率', value: 5, unit: '%', deadline: '2027-12-31', metric: 'technology_contract_amount' },
      cityCookie,
      400,
    );
  });
});
