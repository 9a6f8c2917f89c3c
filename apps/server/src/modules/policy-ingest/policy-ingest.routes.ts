import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, ingestFileMaxBytes, zDate, zIngestConfirm, zIngestExtractText, zIngestProposal, zPlan } from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { AppError } from '../../shared/app-error';
import * as documents from './policy-documents.service';
import { policyDocumentRoutes } from './policy-documents.routes';

/** Pasted documents and confirmed proposals carry the whole text (up to 2,000,000 characters of UTF-8). */
const textBodyLimit = 8 * 1024 * 1024;

/** The multipart fields of an upload: the file (`file`) and the document's date (`date`). */
async function readUpload(request: FastifyRequest): Promise<{ fileName: string; content: Buffer; date?: string }> {
  let file: { fileName: string; content: Buffer } | null = null;
  let date: string | undefined;
  for await (const part of request.parts({ limits: { fileSize: ingestFileMaxBytes } })) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.fieldname === 'file') file = { fileName: part.filename || '', content };
    } else if (part.fieldname === 'date' && typeof part.value === 'string' && part.value.trim()) {
      const parsed = zDate.safeParse(part.value.trim());
      if (!parsed.success) {
        throw new AppError(ErrorCode.ValidationFailed, {
          message: '文件日期格式应为 YYYY-MM-DD',
          details: [{ field: 'date', message: '日期格式不正确' }],
        });
      }
      date = parsed.data;
    }
  }
  if (!file)
    throw new AppError(ErrorCode.ValidationFailed, {
      message: '未收到文件（字段名 file）',
      details: [{ field: 'file', message: '未收到文件' }],
    });
  return { ...file, ...(date ? { date } : {}) };
}

export const policyIngestRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['政策文件导入'];
  app.post(
    '/policy-ingest/extract',
    {
      config: { permission: 'plan:write' },
      bodyLimit: textBodyLimit,
      schema: {
        tags,
        summary: '读取政策文件，提出目标与任务（JSON {text, date}，或 multipart 字段 file 与 date）',
        consumes: ['application/json', 'multipart/form-data'],
        body: zIngestExtractText.nullish(),
        response: { 200: zIngestProposal },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      // Every document read is kept in the library (the same content again reopens its record).
      if (request.isMultipart()) return documents.extractAndKeep(ctx, await readUpload(request));
      if (!request.body) throw new AppError(ErrorCode.ValidationFailed, { message: '请粘贴文件正文（text）或上传文件（file）' });
      return documents.extractAndKeep(ctx, request.body);
    },
  );
  app.post(
    '/policy-ingest/confirm',
    {
      config: { permission: 'plan:write' },
      bodyLimit: textBodyLimit,
      schema: { tags, summary: '确认导入：一次创建规划、目标、任务和新单位', body: zIngestConfirm, response: { 200: zPlan } },
    },
    async (request) => documents.confirmAndLink(actorContext(request), request.body),
  );
  await app.register(policyDocumentRoutes);
};
