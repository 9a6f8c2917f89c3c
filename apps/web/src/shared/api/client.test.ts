import { afterEach, describe, expect, it, vi } from 'vitest';
import { zNamedRef, zPage } from '@stip/contracts';
import { t } from '../i18n/zh-CN';
import { ApiError, api, setUnauthenticatedHandler, toQueryString } from './client';

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const id = '0190a8c4-7a3b-7c2d-8e4f-0123456789ab';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('toQueryString', () => {
  it('leaves out empty values and joins lists with commas', () => {
    expect(toQueryString({ a: 1, b: '', c: null, d: undefined, e: ['x', 'y'], f: [], g: false })).toBe('?a=1&e=x%2Cy&g=false');
    expect(toQueryString({})).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });
});

describe('api.get', () => {
  it('answers the body parsed with the contract schema', async () => {
    const fetchMock = answer(200, { items: [{ id, name: '市科技局' }], total: 1 });
    const page = await api.get('/users/organization-options', zPage(zNamedRef), { keyword: '科技', limit: 20 });
    expect(page).toEqual({ items: [{ id, name: '市科技局' }], total: 1 });
    expect(fetchMock).toHaveBeenCalledWith('/api/users/organization-options?keyword=%E7%A7%91%E6%8A%80&limit=20', expect.anything());
  });

  it('refuses a body of another shape with the generic message instead of handing it to the page', async () => {
    answer(200, { items: [{ id, title: '不是名称' }], total: '1' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await api.get('/users/organization-options', zPage(zNamedRef)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INTERNAL', message: t.common.unexpectedResponse });
  });

  it('turns an error answer into an ApiError with the server’s code, message and details', async () => {
    answer(409, { code: 'ALREADY_EXISTS', message: '用户名“a”已被使用', details: [{ field: 'body.username', message: '已被使用' }] });
    const error = await api.get('/users', zPage(zNamedRef)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      code: 'ALREADY_EXISTS',
      message: '用户名“a”已被使用',
      details: [{ field: 'body.username' }],
    });
  });

  it('leaves for the login page on a missing session, but not on a wrong password', async () => {
    const onUnauthenticated = vi.fn();
    setUnauthenticatedHandler(onUnauthenticated);
    answer(401, { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    await expect(api.post('/auth/login', {})).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(onUnauthenticated).not.toHaveBeenCalled();
    answer(401, { code: 'UNAUTHENTICATED', message: '请先登录' });
    await expect(api.get('/auth/me', zNamedRef)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('says the server cannot be reached when the request fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api.get('/users', zPage(zNamedRef))).rejects.toMatchObject({ code: 'NETWORK', message: t.common.networkError });
  });
});
