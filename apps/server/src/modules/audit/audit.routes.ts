import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zAuditQuery, zAuditRecord, zAuditVerification, zPage } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { findAudit, verifyAuditChain } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['审计'];
  app.get(
    '/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags, summary: '审计记录（审计管理员）', querystring: zAuditQuery, response: { 200: zPage(zAuditRecord) } },
    },
    async (request) => findAudit(actorContext(request), request.query),
  );
  app.get(
    '/audit/verify',
    { config: { permission: 'audit:read' }, schema: { tags, summary: '校验审计哈希链', response: { 200: zAuditVerification } } },
    async (request) => verifyAuditChain(actorContext(request).db),
  );
};
