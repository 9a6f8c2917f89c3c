import type {
  AnnualReportDetail,
  AnnualReportStatus,
  AnnualReportTransition,
  IndicatorForm,
  OpenReportingYear,
  SaveAnnualReport,
  SaveIndicatorForm,
  UpdateReportingYear,
} from '@stip/contracts';
import { zAnnualReport, zAnnualReportDetail, zIndicatorForm, zPage, zReportingYear } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface AnnualReportListQuery {
  limit: number;
  offset: number;
  year?: number;
  status?: AnnualReportStatus[];
  late?: boolean;
  mine?: boolean;
  q?: string;
  regionId?: string;
  typeId?: string;
}

export const annualReportsApi = {
  list: (query: AnnualReportListQuery, signal?: AbortSignal) => api.get('/annual-reports', zPage(zAnnualReport), { ...query }, signal),
  get: (id: string) => api.get(`/annual-reports/${id}`, zAnnualReportDetail),
  save: (id: string, body: SaveAnnualReport) => api.patch<AnnualReportDetail>(`/annual-reports/${id}`, body),
  move: (id: string, body: AnnualReportTransition) => api.post<AnnualReportDetail>(`/annual-reports/${id}/transitions`, body),
  years: () => api.get('/annual-report-years', zPage(zReportingYear)),
  openYear: (body: OpenReportingYear) => api.post<{ year: number; created: number }>('/annual-report-years', body),
  updateYear: (year: number, body: UpdateReportingYear) =>
    api.patch<{ year: number; created: number; moved: number }>(`/annual-report-years/${year}`, body),
  forms: () => api.get('/annual-report-forms', zPage(zIndicatorForm)),
  saveForm: (body: SaveIndicatorForm) => api.put<IndicatorForm>('/annual-report-forms', body),
  exportYear: (year: number) => api.download(`/annual-reports.xlsx${toQueryString({ year })}`, t.annualReports.exportFileName(year)),
};
