import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document is generated from the routes' zod schemas, never written by hand. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'STIP 科技创新平台体系管理系统 API',
        version: '0.1.0',
        description: '会话 Cookie 认证：先调用 POST /api/auth/login。列表接口返回 {items, total}，错误返回 {code, message}。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'stip_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
});
