import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { buildTestApp } from '../../test/build-test-app';
import { buildRegionTree, buildUser, findAuditRecords } from '../../test/factories';

const t = await buildTestApp();
const { db } = t.handle;

describe('GET /metrics', () => {
  it('answers loopback with request counts and latency by route pattern and status', async () => {
    await t.app.inject({ url: '/api/health' });
    const response = await t.app.inject({ url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/stip_http_requests_total\{method="GET",route="\/api\/health",status_code="200"\} 1/);
    expect(response.body).toMatch(/stip_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/health"/);
    expect(response.body).toMatch(/# HELP stip_job_runs /);
    // The pool exists on PostgreSQL only (TEST_DATABASE_URL); PGlite has one in-process connection.
    if (process.env.TEST_DATABASE_URL) expect(response.body).toMatch(/stip_db_pool_connections\{state="total"\} \d+/);
  });

  it('labels a path by its route pattern, not by the id in it', async () => {
    await t.app.inject({ url: '/api/platforms/00000000-0000-0000-0000-000000000001' });
    const body = (await t.app.inject({ url: '/metrics' })).body;
    expect(body).toMatch(/route="\/api\/platforms\/:id"/);
    expect(body).not.toMatch(/00000000-0000-0000-0000-000000000001/);
  });

  it('refuses another host, and a request a proxy forwarded to loopback', async () => {
    expect((await t.app.inject({ url: '/metrics', remoteAddress: '10.0.0.5' })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode).toBe(403);
  });

  it('answers another host that brings the METRICS_TOKEN, and only that token', async () => {
    const app = await buildApp({ db, webRoot: null, metricsToken: 'metrics-secret-123' });
    try {
      const asked = (authorization: string) => app.inject({ url: '/metrics', remoteAddress: '10.0.0.5', headers: { authorization } });
      expect((await asked('Bearer metrics-secret-123')).statusCode).toBe(200);
      expect((await asked('Bearer metrics-secret-124')).statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});

describe('request ids', () => {
  it('gives every response a new X-Request-Id', async () => {
    const first = await t.app.inject({ url: '/api/health' });
    const second = await t.app.inject({ url: '/api/health' });
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
  });

  it('keeps a safe incoming X-Request-Id and replaces an unsafe one', async () => {
    const kept = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-4711.a_b:c' } });
    expect(kept.headers['x-request-id']).toBe('lb-4711.a_b:c');
    for (const hostile of ['a b', 'x'.repeat(65), '<script>', 'id\u0000']) {
      const replaced = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': hostile } });
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('stores the request id in the audit record of the change it made', async () => {
    const { province } = await buildRegionTree(db);
    const sysadmin = await buildUser(db, { role: 'sysadmin' });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: { cookie: await t.login(sysadmin.username), 'x-request-id': 'req-region-create-1' },
      payload: { parentId: province.id, name: '请求市', level: 'city' },
    });
    expect(created.statusCode).toBe(200);
    const [record] = await findAuditRecords(db, 'region.create', created.json().id);
    expect(record?.requestId).toBe('req-region-create-1');
  });
});
