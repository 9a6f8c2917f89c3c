import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorCode,
  zApplicationDetail,
  zApplicationHostAction,
  zApplicationListItem,
  zApplicationMaterial,
  zApplicationQuery,
  zApplicationReviewInput,
  zBulkReview,
  zBulkReviewResult,
  zCall,
  zCallQuery,
  zCallTransition,
  zCreateApplication,
  zCreateCall,
  zCreateObjection,
  zDeletePlatformQuery,
  zId,
  zIdParams,
  zOk,
  zPage,
  zResolveObjection,
  zUpdateApplication,
  zUpdateCall,
} from '@stip/contracts';
import { AppError } from '../../shared/app-error';
import { actorContext } from '../../shared/context';
import { docxMime, xlsxMime } from '../../shared/uploads';
import { buildCallApplicationsXlsx, buildDossierDocx } from './calls.export';
import * as service from './calls.service';
import { checkMaterialUpload } from './calls.uploads';

/** An attachment header whose filename survives non-ASCII (RFC 6266 with RFC 5987 `filename*`), with an ASCII fallback. */
function attachmentDisposition(filename: string, asciiFilename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFilename}"; filename*=UTF-8''${encoded}`;
}

const zMaterialParams = z.object({ id: zId, materialId: zId });
const zObjectionParams = z.object({ id: zId, objectionId: zId });

export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['申报通知'];
  app.get(
    '/calls',
    {
      config: { permission: 'call:read' },
      schema: { tags, summary: '申报通知列表', querystring: zCallQuery, response: { 200: zPage(zCall) } },
    },
    async (request) => service.findCalls(actorContext(request), request.query),
  );
  app.get(
    '/calls/:id',
    { config: { permission: 'call:read' }, schema: { tags, summary: '申报通知详情', params: zIdParams, response: { 200: zCall } } },
    async (request) => service.getCall(actorContext(request), request.params.id),
  );
  app.post(
    '/calls',
    {
      config: { permission: 'call:write' },
      schema: { tags, summary: '新建申报通知（草稿）', body: zCreateCall, response: { 200: zCall } },
    },
    async (request) => service.createCall(actorContext(request), request.body),
  );
  app.patch(
    '/calls/:id',
    {
      config: { permission: 'call:write' },
      schema: { tags, summary: '修改申报通知', params: zIdParams, body: zUpdateCall, response: { 200: zCall } },
    },
    async (request) => service.updateCall(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/calls/:id',
    {
      config: { permission: 'call:write' },
      schema: { tags, summary: '删除草稿申报通知', params: zIdParams, querystring: zDeletePlatformQuery, response: { 200: zOk } },
    },
    async (request) => {
      await service.deleteCall(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/calls/:id/transitions',
    {
      config: { permission: 'call:write' },
      schema: {
        tags,
        summary: '申报通知状态变更（发布、截止、重新开放、归档）',
        params: zIdParams,
        body: zCallTransition,
        response: { 200: zCall },
      },
    },
    async (request) => service.transitionCall(actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/calls/:id/applications.xlsx',
    { config: { permission: 'application:review' }, schema: { tags, summary: '导出申报通知的评审结果（Excel）', params: zIdParams } },
    async (request, reply) => {
      const file = await buildCallApplicationsXlsx(actorContext(request), request.params.id);
      return reply
        .type(xlsxMime)
        .header('content-disposition', attachmentDisposition(file.fileName, 'applications.xlsx'))
        .send(file.content);
    },
  );

  const applicationTags = ['平台认定申报'];
  app.get(
    '/applications',
    {
      config: { permission: 'call:read' },
      schema: {
        tags: applicationTags,
        summary: '申报列表（依托单位：本单位；审核人员：管辖范围；专家：所在评审组）',
        querystring: zApplicationQuery,
        response: { 200: zPage(zApplicationListItem) },
      },
    },
    async (request) => service.findApplications(actorContext(request), request.query),
  );
  app.get(
    '/applications/:id',
    {
      config: { permission: 'call:read' },
      schema: {
        tags: applicationTags,
        summary: '申报详情（含资格核验、版本、审核记录、异议）',
        params: zIdParams,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.getApplication(actorContext(request), request.params.id),
  );
  app.post(
    '/applications',
    {
      config: { permission: 'application:write' },
      schema: {
        tags: applicationTags,
        summary: '新建申报（草稿，本单位）',
        body: zCreateApplication,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.createApplication(actorContext(request), request.body),
  );
  app.patch(
    '/applications/:id',
    {
      config: { permission: 'application:write' },
      schema: {
        tags: applicationTags,
        summary: '保存申报表（草稿或退回修改）',
        params: zIdParams,
        body: zUpdateApplication,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.updateApplication(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/applications/:id/materials',
    {
      config: { permission: 'application:write' },
      schema: {
        tags: applicationTags,
        summary: '上传申报材料（multipart 字段 code 与 file；PDF、Word、Excel、图片，不超过10MB）',
        params: zIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: zApplicationMaterial },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError(ErrorCode.ValidationFailed, { message: '请以 multipart/form-data 上传文件（字段 code 与 file）' });
      const file = await request.file({ preservePath: true });
      if (!file) throw new AppError(ErrorCode.ValidationFailed, { message: '未收到文件' });
      const content = await file.toBuffer();
      const codeField = file.fields['code'];
      const code = codeField && !Array.isArray(codeField) && codeField.type === 'field' ? String(codeField.value) : '';
      if (!code)
        throw new AppError(ErrorCode.ValidationFailed, {
          message: '请注明材料类别（字段 code，须在文件之前）',
          details: [{ field: 'code', message: '必填' }],
        });
      const checked = await checkMaterialUpload(content, file.filename);
      return service.addMaterial(actorContext(request), request.params.id, { code, ...checked, content });
    },
  );
  app.get(
    '/applications/:id/materials/:materialId',
    { config: { permission: 'call:read' }, schema: { tags: applicationTags, summary: '下载申报材料', params: zMaterialParams } },
    async (request, reply) => {
      const material = await service.getMaterialFile(actorContext(request), request.params.id, request.params.materialId);
      return reply
        .header('content-type', material.mimeType)
        .header('content-disposition', attachmentDisposition(material.fileName, 'material'))
        .header('x-content-type-options', 'nosniff')
        .send(material.content);
    },
  );
  app.delete(
    '/applications/:id/materials/:materialId',
    {
      config: { permission: 'application:write' },
      schema: { tags: applicationTags, summary: '删除申报材料（草稿或退回修改）', params: zMaterialParams, response: { 200: zOk } },
    },
    async (request) => {
      await service.removeMaterial(actorContext(request), request.params.id, request.params.materialId);
      return { ok: true as const };
    },
  );
  app.post(
    '/applications/:id/submit',
    {
      config: { permission: 'application:write' },
      schema: {
        tags: applicationTags,
        summary: '提交申报（截止日期前；退回的申报重新提交）',
        params: zIdParams,
        body: zApplicationHostAction,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.applicantAction(actorContext(request), request.params.id, 'submit', request.body),
  );
  app.post(
    '/applications/:id/withdraw',
    {
      config: { permission: 'application:write' },
      schema: {
        tags: applicationTags,
        summary: '撤回申报',
        params: zIdParams,
        body: zApplicationHostAction,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.applicantAction(actorContext(request), request.params.id, 'withdraw', request.body),
  );
  app.post(
    '/applications/:id/review',
    {
      config: { permission: 'application:review' },
      schema: {
        tags: applicationTags,
        summary: '审核（推荐、退回、形式审查通过、不予通过、开始公示、认定）',
        params: zIdParams,
        body: zApplicationReviewInput,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.reviewApplication(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/applications/bulk',
    {
      config: { permission: 'application:review' },
      schema: {
        tags: applicationTags,
        summary: '批量审核（同一理由，全部成功或全部不执行）',
        body: zBulkReview,
        response: { 200: zBulkReviewResult },
      },
    },
    async (request) => service.bulkReview(actorContext(request), request.body),
  );
  app.post(
    '/applications/:id/objections',
    {
      config: { permission: 'application:review' },
      schema: {
        tags: applicationTags,
        summary: '登记公示期异议',
        params: zIdParams,
        body: zCreateObjection,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.addObjection(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/applications/:id/objections/:objectionId/resolve',
    {
      config: { permission: 'application:review' },
      schema: {
        tags: applicationTags,
        summary: '处理异议（成立则不予认定）',
        params: zObjectionParams,
        body: zResolveObjection,
        response: { 200: zApplicationDetail },
      },
    },
    async (request) => service.resolveObjection(actorContext(request), request.params.id, request.params.objectionId, request.body),
  );
  app.get(
    '/applications/:id/dossier.docx',
    { config: { permission: 'call:read' }, schema: { tags: applicationTags, summary: '导出申报材料汇编（Word）', params: zIdParams } },
    async (request, reply) => {
      const file = await buildDossierDocx(actorContext(request), request.params.id);
      return reply.type(docxMime).header('content-disposition', attachmentDisposition(file.fileName, 'dossier.docx')).send(file.content);
    },
  );
};
