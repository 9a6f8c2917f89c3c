import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorCode,
  type ImportKind,
  zIdParams,
  zImportKind,
  zImportResult,
  zImportRunPage,
  zImportRunQuery,
  zPublicationImportQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import { AppError } from '../../shared/app-error';
import { findImportRuns, getImportRunErrorReport, getImportRunFile, importTemplate, importWorkbook } from './imports.service';

/** An attachment header whose filename survives non-ASCII (RFC 6266 with RFC 5987 `filename*`), with an ASCII fallback. */
function attachmentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

const zKindParams = z.object({ kind: zImportKind });
const templateNames: Record<ImportKind, string> = {
  organizations: '单位导入模板.xlsx',
  platforms: '平台导入模板.xlsx',
  achievements: '科技成果导入模板.xlsx',
  demands: '技术需求导入模板.xlsx',
};

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['数据导入'];
  app.get(
    '/imports/:kind/template.xlsx',
    { config: { permission: 'import:write' }, schema: { tags, summary: '下载导入模板', params: zKindParams } },
    async (request, reply) => {
      const name = templateNames[request.params.kind];
      reply
        .header('content-type', xlsxMime)
        .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
      return importTemplate(request.params.kind);
    },
  );

  app.post(
    '/imports/:kind',
    {
      config: { permission: 'import:write' },
      schema: {
        tags,
        summary: '导入 Excel（multipart 字段 file；有错误时整份不导入；科技成果与技术需求可 publish=true 直接发布）',
        params: zKindParams,
        querystring: zPublicationImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: zImportResult },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError(ErrorCode.ValidationFailed, { message: '请以 multipart/form-data 上传文件（字段名 file）' });
      const file = await request.file();
      if (!file) throw new AppError(ErrorCode.ValidationFailed, { message: '未收到文件' });
      const buffer = await file.toBuffer();
      return importWorkbook(
        actorContext(request),
        request.params.kind,
        { fileName: file.filename, content: buffer },
        { publish: request.query.publish },
      );
    },
  );

  app.get(
    '/imports/history',
    {
      config: { permission: 'import:write' },
      schema: {
        tags,
        summary: '导入记录：谁在何时导入了哪个文件及结果（本人及所辖区域的导入）',
        querystring: zImportRunQuery,
        response: { 200: zImportRunPage },
      },
    },
    async (request) => findImportRuns(actorContext(request), request.query),
  );

  app.get(
    '/imports/history/:id/file',
    { config: { permission: 'import:write' }, schema: { tags, summary: '下载导入的原文件', params: zIdParams } },
    async (request, reply) => {
      const file = await getImportRunFile(actorContext(request), request.params.id);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition(file.fileName, 'import.xlsx'))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.get(
    '/imports/history/:id/errors.xlsx',
    { config: { permission: 'import:write' }, schema: { tags, summary: '下载导入的错误报告', params: zIdParams } },
    async (request, reply) => {
      const file = await getImportRunErrorReport(actorContext(request), request.params.id);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition(file.fileName, 'errors.xlsx'))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
};
