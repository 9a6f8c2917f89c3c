import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  zAnnualReport,
  zAnnualReportDetail,
  zAnnualReportExportQuery,
  zAnnualReportQuery,
  zAnnualReportTransition,
  zIdParams,
  zIndicatorForm,
  zOpenReportingYear,
  zPage,
  zReportingYear,
  zSaveAnnualReport,
  zSaveIndicatorForm,
  zReportingYearParams,
  zUpdateReportingYear,
} from '@stip/contracts';
import { actorContext } from '../../shared/context';
import { xlsxMime } from '../../shared/uploads';
import * as annualReports from './annual-reports.service';
import { defaultIndicatorForm } from './annual-reports.forms';
import { renderAnnualReportWorkbook } from './annual-reports.workbook';

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['年度报告'];
  app.get(
    '/annual-reports',
    {
      config: { permission: 'annual-report:read' },
      schema: {
        tags,
        summary: '年度报告列表（late=true 为逾期名单）',
        querystring: zAnnualReportQuery,
        response: { 200: zPage(zAnnualReport) },
      },
    },
    async (request) => annualReports.findAnnualReports(actorContext(request), request.query),
  );
  app.get(
    '/annual-reports.xlsx',
    {
      config: { permission: 'annual-report:read' },
      schema: { tags, summary: '年度报告汇总导出（Excel）', querystring: zAnnualReportExportQuery },
    },
    async (request, reply) => {
      const ctx = actorContext(request);
      const reports = await annualReports.findAllAnnualReports(ctx, { year: request.query.year });
      // Columns: the default form's numeric indicators, then any other key a type's form added.
      const form = [...(await annualReports.getIndicatorForm(ctx.db, null))];
      const known = new Set(form.map((indicator) => indicator.key));
      for (const report of reports) {
        for (const key of Object.keys(report.indicators)) {
          if (known.has(key)) continue;
          known.add(key);
          form.push(
            defaultIndicatorForm.find((item) => item.key === key) ?? {
              key,
              label: key,
              unit: '',
              kind: 'count',
              required: false,
              help: '',
            },
          );
        }
      }
      const content = await renderAnnualReportWorkbook(request.query.year, reports, form);
      return reply
        .header('content-type', xlsxMime)
        .header(
          'content-disposition',
          `attachment; filename="annual-reports-${request.query.year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${request.query.year}年度报告汇总.xlsx`)}`,
        )
        .send(content);
    },
  );
  app.get(
    '/annual-reports/:id',
    {
      config: { permission: 'annual-report:read' },
      schema: {
        tags,
        summary: '年度报告详情（含上年数据、平台库信息、审核记录）',
        params: zIdParams,
        response: { 200: zAnnualReportDetail },
      },
    },
    async (request) => annualReports.getAnnualReport(actorContext(request), request.params.id),
  );
  app.patch(
    '/annual-reports/:id',
    {
      config: { permission: 'annual-report:file' },
      schema: {
        tags,
        summary: '保存年度报告草稿（依托单位）',
        params: zIdParams,
        body: zSaveAnnualReport,
        response: { 200: zAnnualReportDetail },
      },
    },
    async (request) => annualReports.saveAnnualReport(actorContext(request), request.params.id, request.body),
  );
  app.post(
    '/annual-reports/:id/transitions',
    {
      config: { permission: 'annual-report:read' },
      schema: {
        tags,
        summary: '提交、预审、审核年度报告（submit / countyPass / countyReturn / cityAccept / cityReturn）',
        params: zIdParams,
        body: zAnnualReportTransition,
        response: { 200: zAnnualReportDetail },
      },
    },
    async (request) => annualReports.moveAnnualReport(actorContext(request), request.params.id, request.body),
  );
  app.get(
    '/annual-report-years',
    { config: { permission: 'annual-report:read' }, schema: { tags, summary: '填报年度', response: { 200: zPage(zReportingYear) } } },
    async (request) => annualReports.findReportingYears(actorContext(request)),
  );
  app.post(
    '/annual-report-years',
    {
      config: { permission: 'annual-report:review' },
      schema: {
        tags,
        summary: '开启年度报告填报（市科技局）：为建设期、运行中的平台生成待填报的报告',
        body: zOpenReportingYear,
        response: { 200: z.object({ year: z.number().int(), created: z.number().int() }) },
      },
    },
    async (request) => annualReports.openReportingYear(actorContext(request), request.body),
  );
  app.patch(
    '/annual-report-years/:year',
    {
      config: { permission: 'annual-report:review' },
      schema: {
        tags,
        summary: '调整年度报告截止日期（未提交的报告随之调整），并为新进入建设期、运行的平台补充报告（市科技局）',
        params: zReportingYearParams,
        body: zUpdateReportingYear,
        response: { 200: z.object({ year: z.number().int(), created: z.number().int(), moved: z.number().int() }) },
      },
    },
    async (request) => annualReports.updateReportingYear(actorContext(request), request.params.year, request.body),
  );
  app.get(
    '/annual-report-forms',
    { config: { permission: 'annual-report:read' }, schema: { tags, summary: '年度报告指标表', response: { 200: zPage(zIndicatorForm) } } },
    async (request) => annualReports.findIndicatorForms(actorContext(request)),
  );
  app.put(
    '/annual-report-forms',
    {
      config: { permission: 'annual-report:review' },
      schema: { tags, summary: '保存默认指标表或某类型的指标表（市科技局）', body: zSaveIndicatorForm, response: { 200: zIndicatorForm } },
    },
    async (request) => annualReports.saveIndicatorForm(actorContext(request), request.body),
  );
};
