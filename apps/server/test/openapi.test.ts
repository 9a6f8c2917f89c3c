import { describe, expect, it } from 'vitest';
import { buildTestApp } from './build-test-app';

// The test app is built with webRoot null (no web app): the API document and its browser must not depend on it.
const t = await buildTestApp();

describe('the OpenAPI document', () => {
  it('answers an OpenAPI 3 document at /api/openapi.json, generated from the routes, without a session', async () => {
    const response = await t.app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    // The generator writes path parameters in OpenAPI's {name} form, not Fastify's :name.
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/platforms', '/api/targets', '/api/auth/login', '/api/plans/{id}/brief.docx']),
    );
    expect(Object.keys(document.paths).filter((p) => p.includes('/:'))).toEqual([]);
    expect(Object.keys(document.paths['/api/auth/login']!)).toContain('post');
    expect(Object.keys(document.paths['/api/plans/{id}/brief.docx']!)).toContain('get');
  });

  it('serves the API browser at /api/docs as HTML', async () => {
    const response = await t.app.inject({ url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toMatch(/<html/i);
  });
});
