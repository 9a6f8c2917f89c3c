import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorCode, zImportKind, zImportResult } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import { AppError } from '../../shared/app-error';
import { importTemplate, importWorkbook } from './imports.service';

const zKindParams = z.object({ kind: zImportKind });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['数据导入'];
  app.get(
    '/imports/:kind/template.xlsx',
    { config: { permission: 'import:write' }, schema: { tags, summary: '下载导入模板', params: zKindParams } },
    async (request, reply) => {
      const name = request.params.kind === 'organizations' ? '单位导入模板.xlsx' : '平台导入模板.xlsx';
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
        summary: '导入 Excel（multipart 字段 file；有错误时整份不导入）',
        params: zKindParams,
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
      return importWorkbook(actorContext(request), request.params.kind, buffer);
    },
  );
};
