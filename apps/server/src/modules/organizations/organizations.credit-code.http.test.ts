import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '@stip/contracts';
import { buildTestApp } from '../../../test/build-test-app';
import { buildRegionTree, buildUser, unique } from '../../../test/factories';

const t = await buildTestApp();
const { db } = t.handle;

const { city, countyA } = await buildRegionTree(db);
const staff = await buildUser(db, { role: 'city_staff', regionId: city.id });
const cookie = await t.login(staff.username);

function register(creditCode: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/organizations',
    headers: { cookie },
    payload: { name: unique('单位'), kind: 'agency', creditCode, regionId: countyA.id },
  });
}

describe('credit codes of every registration authority', () => {
  it.each([
    ['a law firm (司法行政, 3)', '31511700MD0123456'],
    ['a farmers’ co-operative (农业, N)', 'N3511722MA6B7C8D9'],
  ])('registers %s', async (_who, first17) => {
    const creditCode = first17 + creditCodeCheckCharacter(first17)!;
    const response = await register(creditCode);
    expect(response.statusCode).toBe(200);
    expect(response.json().creditCode).toBe(creditCode);
  });

  it('refuses an unknown authority, listing the valid ones', async () => {
    const first17 = 'B1511700MA62A0B1X';
    const response = await register(first17 + creditCodeCheckCharacter(first17)!);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('第1位（登记管理部门代码）“B”无效，应为1至9、A、N或Y');
  });
});
