import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Platform, PlatformStatus, PlatformVersion, Role } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildOrganization, buildPlatform, buildPlatformType, buildRegionTree, buildUser, unique } from '../../../test/factories';
import { auditLog } from '../../db/schema/index';
import { todayInChina } from '../../shared/clock';

const t = await buildTestApp();
const { db } = t.handle;

async function signIn(role: Role, values: { regionId?: string; organizationId?: string } = {}) {
  const user = await buildUser(db, { role, ...values });
  const cookie = await t.login(user.username);
  return (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

/** A city with two counties and a platform in county A of the given status, recognised on 2022-01-01. */
async function world(status: PlatformStatus = 'operating') {
  const tree = await buildRegionTree(db);
  const hostOrganizationId = await buildOrganization(db, { regionId: tree.countyA.id });
  const typeId = await buildPlatformType(db);
  const platformId = await buildPlatform(db, { regionId: tree.countyA.id, hostOrganizationId, typeId, status, validFrom: '2022-01-01' });
  const city = await signIn('city_staff', { regionId: tree.city.id });
  return { tree, hostOrganizationId, typeId, platformId, city };
}

const move = (action: string, values: Record<string, unknown> = {}) => ({
  action,
  reason: '年度评估结果',
  effectiveDate: '2024-03-01',
  version: 1,
  ...values,
});

describe('POST /api/platforms/:id/transitions', () => {
  it('moves a platform along its lifecycle as a new version from the effective date, with the reason in its history and the audit', async () => {
    const { platformId, city } = await world('operating');
    const response = await city('POST', `/api/platforms/${platformId}/transitions`, move('orderRectification'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'rectifying', version: 2, validFrom: '2024-03-01' });

    const history = (await city('GET', `/api/platforms/${platformId}/history`)).json() as PlatformVersion[];
    expect(history[0]).toMatchObject({ version: 2, validFrom: '2024-03-01', changeNote: '责令整改：年度评估结果' });
    expect(history[0]!.changes).toEqual([{ field: 'status', before: '运行', after: '整改' }]);
    expect(history[1]).toMatchObject({ validTo: '2024-03-01' });

    const asOf = (await city('GET', `/api/platforms?asOf=2024-02-29&keyword=${encodeURIComponent(history[0]!.snapshot.name)}`)).json();
    expect(asOf.items[0].status).toBe('operating');

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'platform.transition'), eq(auditLog.objectId, platformId)));
    expect(audit).toMatchObject({
      before: { status: 'operating', version: 1 },
      after: { action: 'orderRectification', status: 'rectifying', reason: '年度评估结果', effectiveDate: '2024-03-01', version: 2 },
    });

    const back = await city(
      'POST',
      `/api/platforms/${platformId}/transitions`,
      move('completeRectification', { version: 2, effectiveDate: '2024-09-01' }),
    );
    expect(back.json()).toMatchObject({ status: 'operating', version: 3 });
  });

  it('walks 培育 → 建设期 → 运行 → 整改 → 撤销', async () => {
    const { platformId, city } = await world('cultivating');
    const steps: [string, PlatformStatus][] = [
      ['startConstruction', 'constructing'],
      ['startOperation', 'operating'],
      ['orderRectification', 'rectifying'],
      ['revoke', 'revoked'],
    ];
    for (const [index, [action, status]] of steps.entries()) {
      const response = await city(
        'POST',
        `/api/platforms/${platformId}/transitions`,
        move(action, { version: index + 1, effectiveDate: `202${3 + index}-01-01` }),
      );
      expect(response.statusCode, response.body).toBe(200);
      expect((response.json() as Platform).status).toBe(status);
    }
    expect((await city('GET', `/api/platforms/${platformId}/transitions`)).json()).toEqual([]);
  });

  it('refuses a move the current status does not allow with 409 and a Chinese message, writing nothing', async () => {
    const { platformId, city } = await world('revoked');
    const response = await city('POST', `/api/platforms/${platformId}/transitions`, move('startOperation'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'TRANSITION_NOT_ALLOWED', message: '状态为“撤销”的平台不能“建成运行”' });
    expect((await city('GET', `/api/platforms/${platformId}`)).json()).toMatchObject({ status: 'revoked', version: 1 });
  });

  it('refuses 转并 by hand: it only follows a type conversion', async () => {
    const { platformId, city } = await world('operating');
    const response = await city('POST', `/api/platforms/${platformId}/transitions`, move('merge'));
    expect(response.statusCode).toBe(409);
    expect(response.json().message).toBe('“转并”只能通过平台类型撤并转办理，不能直接操作');
  });

  it('requires a reason and a date, and refuses a future, back-dated or stale move', async () => {
    const { platformId, city } = await world('operating');
    const url = `/api/platforms/${platformId}/transitions`;
    expect((await city('POST', url, move('revoke', { reason: '' }))).statusCode).toBe(400);
    expect((await city('POST', url, { action: 'revoke', reason: '撤销', version: 1 })).statusCode).toBe(400);
    const future = await city('POST', url, move('revoke', { effectiveDate: '2199-01-01' }));
    expect(future.statusCode).toBe(422);
    const backDated = await city('POST', url, move('revoke', { effectiveDate: '2021-12-31' }));
    expect(backDated.statusCode).toBe(422);
    expect(backDated.json().message).toBe('生效日期（2021-12-31）不能早于当前状态的生效日期（2022-01-01）');
    const stale = await city('POST', url, move('revoke', { version: 7 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await city('GET', `/api/platforms/${platformId}`)).json()).toMatchObject({ status: 'operating', version: 1 });
  });

  it('lets county staff move their own county’s platforms but not another county’s (404)', async () => {
    const { tree, platformId } = await world('operating');
    const own = await signIn('county_staff', { regionId: tree.countyA.id });
    const other = await signIn('county_staff', { regionId: tree.countyB.id });
    expect((await other('POST', `/api/platforms/${platformId}/transitions`, move('revoke'))).statusCode).toBe(404);
    const response = await own('POST', `/api/platforms/${platformId}/transitions`, move('revoke'));
    expect(response.statusCode, response.body).toBe(200);
  });

  it('refuses leaders and host organisations (403): they only read', async () => {
    const { tree, platformId, hostOrganizationId } = await world('operating');
    const leader = await signIn('leader', { regionId: tree.city.id });
    const host = await signIn('host_user', { organizationId: hostOrganizationId });
    for (const caller of [leader, host]) {
      const response = await caller('POST', `/api/platforms/${platformId}/transitions`, move('revoke'));
      expect(response.statusCode).toBe(403);
      expect((await caller('GET', `/api/platforms/${platformId}/transitions`)).json()).toEqual([]);
    }
  });

  it('lets department staff move only platforms of the types their organisation supervises', async () => {
    const tree = await buildRegionTree(db);
    const department = await buildOrganization(db, { regionId: tree.city.id, kind: 'department' });
    const supervised = await buildPlatformType(db, { supervisorOrganizationId: department });
    const other = await buildPlatformType(db);
    const mine = await buildPlatform(db, { regionId: tree.countyA.id, typeId: supervised, validFrom: '2022-01-01' });
    const notMine = await buildPlatform(db, { regionId: tree.countyA.id, typeId: other, validFrom: '2022-01-01' });
    const staff = await signIn('department_staff', { regionId: tree.city.id, organizationId: department });
    expect((await staff('POST', `/api/platforms/${notMine}/transitions`, move('revoke'))).statusCode).toBe(404);
    expect((await staff('POST', `/api/platforms/${mine}/transitions`, move('revoke'))).statusCode).toBe(200);
  });

  it('offers the actions the lifecycle allows from the current status', async () => {
    const { platformId, city } = await world('operating');
    expect((await city('GET', `/api/platforms/${platformId}/transitions`)).json()).toEqual([
      { action: 'orderRectification', to: 'rectifying' },
      { action: 'revoke', to: 'revoked' },
    ]);
  });
});

describe('PATCH /api/platforms/:id no longer changes the status', () => {
  it('keeps the status when an edit sends one', async () => {
    const { platformId, city } = await world('operating');
    const response = await city('PATCH', `/api/platforms/${platformId}`, {
      version: 1,
      status: 'revoked',
      director: unique('负责人'),
      effectiveDate: todayInChina(),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ status: 'operating', version: 2 });
  });
});
