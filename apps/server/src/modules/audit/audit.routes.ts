import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { zAuditExportQuery, zAuditQuery, zAuditRecord, zAuditVerification, zPage } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import { exportAudit, findAudit, verifyAuditChain } from './audit.service';

/** RFC 6266: the Chinese name for browsers that read filename*, an ASCII one for those that do not. */
function attachmentDisposition(filename: string, asciiFilename: string): string {
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

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
    '/audit/export.xlsx',
    {
      config: { permission: 'audit:read' },
      schema: { tags, summary: '导出审计记录（Excel，与列表相同的筛选）', querystring: zAuditExportQuery },
    },
    async (request, reply) => {
      const file = await exportAudit(actorContext(request), request.query);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition(file.filename, file.asciiFilename))
        .send(file.content);
    },
  );
  app.get(
    '/audit/verify',
    { config: { permission: 'audit:read' }, schema: { tags, summary: '校验审计哈希链', response: { 200: zAuditVerification } } },
    async (request) => verifyAuditChain(actorContext(request).db),
  );
};
