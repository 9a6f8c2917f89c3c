import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorCode,
  zChangeTaskStatus,
  zCreateTask,
  zCreateTaskReport,
  zIdParams,
  zOk,
  zPage,
  zSupervision,
  zSupervisionQuery,
  zTask,
  zTaskAttachment,
  zTaskDetail,
  zTaskQuery,
  zTaskReport,
  zTaskReportParams,
  zUpdateTask,
  zVersionQuery,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { AppError } from '../../shared/app-error';
import { describeAttachment, xlsxMime } from '../../shared/uploads';
import * as tasks from './tasks.service';
import { renderSupervisionWorkbook } from './tasks.workbook';

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['任务'];
  app.get(
    '/tasks',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '任务列表', querystring: zTaskQuery, response: { 200: zPage(zTask) } },
    },
    async (request) => tasks.findTasks(actorContext(request), request.query),
  );
  app.get(
    '/tasks/supervision',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '督查：各责任单位的任务（逾期在前）', querystring: zSupervisionQuery, response: { 200: zSupervision } },
    },
    async (request) => tasks.getSupervision(actorContext(request), request.query),
  );
  app.get(
    '/tasks/supervision.xlsx',
    { config: { permission: 'plan:read' }, schema: { tags, summary: '督查表导出（Excel）', querystring: zSupervisionQuery } },
    async (request, reply) => {
      const supervision = await tasks.getSupervision(actorContext(request), request.query);
      const content = await renderSupervisionWorkbook(supervision, '重点任务督查表');
      return reply
        .header('content-type', xlsxMime)
        .header(
          'content-disposition',
          `attachment; filename="supervision.xlsx"; filename*=UTF-8''${encodeURIComponent(`重点任务督查表-${supervision.asOf}.xlsx`)}`,
        )
        .send(content);
    },
  );
  app.get(
    '/tasks/:id',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '任务详情与进展填报', params: zIdParams, response: { 200: zTaskDetail } },
    },
    async (request) => tasks.getTask(actorContext(request), request.params.id),
  );
  app.post(
    '/plans/:id/tasks',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '新增任务', params: zIdParams, body: zCreateTask, response: { 200: zTaskDetail } },
    },
    async (request) => tasks.createTask(actorContext(request), request.params.id, request.body),
  );
  app.patch(
    '/tasks/:id',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '修改任务', params: zIdParams, body: zUpdateTask, response: { 200: zTaskDetail } },
    },
    async (request) => tasks.updateTask(actorContext(request), request.params.id, request.body),
  );
  app.delete(
    '/tasks/:id',
    {
      config: { permission: 'plan:write' },
      schema: { tags, summary: '删除任务', params: zIdParams, querystring: zVersionQuery, response: { 200: zOk } },
    },
    async (request) => {
      await tasks.deleteTask(actorContext(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  );
  app.post(
    '/tasks/:id/status',
    {
      config: { permission: 'task:report' },
      schema: {
        tags,
        summary: '变更任务状态（牵头单位或规划管理部门）',
        params: zIdParams,
        body: zChangeTaskStatus,
        response: { 200: zTaskDetail },
      },
    },
    async (request) => tasks.changeTaskStatus(actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/tasks/:id/reports',
    {
      config: { permission: 'plan:read' },
      schema: { tags, summary: '任务进展填报记录', params: zIdParams, response: { 200: zPage(zTaskReport) } },
    },
    async (request) => tasks.findTaskReports(actorContext(request), request.params.id),
  );
  app.post(
    '/tasks/:id/reports',
    {
      config: { permission: 'task:report' },
      schema: { tags, summary: '填报任务进展（责任单位）', params: zIdParams, body: zCreateTaskReport, response: { 200: zTaskReport } },
    },
    async (request) => tasks.fileTaskReport(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/task-reports/:id/attachments',
    {
      config: { permission: 'task:report' },
      schema: {
        tags,
        summary: '为进展填报上传附件（multipart 字段 file，不超过10MB）',
        params: zIdParams,
        consumes: ['multipart/form-data'],
        response: { 200: zTaskAttachment },
      },
    },
    async (request) => {
      if (!request.isMultipart())
        throw new AppError(ErrorCode.ValidationFailed, { message: '请以 multipart/form-data 上传文件（字段名 file）' });
      const file = await request.file();
      if (!file) throw new AppError(ErrorCode.ValidationFailed, { message: '未收到文件' });
      const content = await file.toBuffer();
      return tasks.addReportAttachment(actorContext(request), request.params.id, {
        ...(await describeAttachment(content, file.filename)),
        content,
      });
    },
  );
  app.get(
    '/task-reports/:id/attachments/:attachmentId',
    { config: { permission: 'plan:read' }, schema: { tags, summary: '下载进展填报的附件', params: zTaskReportParams } },
    async (request, reply) => {
      const attachment = await tasks.getReportAttachment(actorContext(request), request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', attachment.mimeType)
        .header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(attachment.content);
    },
  );
};
