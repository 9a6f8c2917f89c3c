import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  zIdParams,
  zIngestProposal,
  zOk,
  zPolicyDocument,
  zPolicyDocumentPage,
  zPolicyDocumentQuery,
  zPolicyDocumentVersion,
  zReExtraction,
  zVersionQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import * as documents from './policy-documents.service';

/** An attachment header whose filename survives non-ASCII (RFC 6266 with RFC 5987 `filename*`), with an ASCII fallback. */
function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(filename)?.[0] ?? '';
  return `attachment; filename="document${extension}"; filename*=UTF-8''${encoded}`;
}

/** The document library (政策文件库): kept documents, their readings, re-extraction and the plan made from them. */
export const policyDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政策文件库'];
  const permission = 'plan:write' as const;
  app.get(
    '/policy-documents',
    {
      config: { permission },
      schema: {
        tags,
        summary: '政策文件库：已上传的文件（按文件名、日期、是否已建规划、提取器版本筛选）',
        querystring: zPolicyDocumentQuery,
        response: { 200: zPolicyDocumentPage },
      },
    },
    async (request) => documents.findDocuments(actorContext(request), request.query),
  );
  app.get(
    '/policy-documents/:id/proposal',
    {
      config: { permission },
      schema: {
        tags,
        summary: '打开：以保存的提取结果重新进入审核（无需再次上传）',
        params: zIdParams,
        response: { 200: zIngestProposal },
      },
    },
    async (request) => documents.openDocument(actorContext(request), request.params.id),
  );
  app.get(
    '/policy-documents/:id/file',
    { config: { permission }, schema: { tags, summary: '下载原文件', params: zIdParams } },
    async (request, reply) => {
      const file = await documents.getDocumentFile(actorContext(request), request.params.id);
      return reply
        .header('content-type', file.mimeType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
  app.post(
    '/policy-documents/:id/re-extract',
    {
      config: { permission },
      schema: {
        tags,
        summary: '重新提取：用当前提取器再读一遍，列出与保存结果的差异（待保留）',
        params: zIdParams,
        body: zPolicyDocumentVersion,
        response: { 200: zReExtraction },
      },
    },
    async (request) => documents.reExtract(actorContext(request), request.params.id, request.body.version),
  );
  app.post(
    '/policy-documents/:id/keep-extraction',
    {
      config: { permission },
      schema: {
        tags,
        summary: '保留重新提取的结果（原结果存入历史）',
        params: zIdParams,
        body: zPolicyDocumentVersion,
        response: { 200: zPolicyDocument },
      },
    },
    async (request) => documents.keepExtraction(actorContext(request), request.params.id, request.body.version),
  );
  app.delete(
    '/policy-documents/:id',
    {
      config: { permission },
      schema: { tags, summary: '删除文件（软删除）', params: zIdParams, querystring: zVersionQuery, response: { 200: zOk } },
    },
    async (request) => {
      await documents.deleteDocument(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
};
