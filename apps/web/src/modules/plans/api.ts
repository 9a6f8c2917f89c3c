import type { CreatePlan, Plan, UpdatePlan } from '@stip/contracts';
import { zPage, zPlan } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface PlanListQuery {
  limit: number;
  offset: number;
  keyword?: string;
}

export const plansApi = {
  list: (query: PlanListQuery, signal?: AbortSignal) => api.get('/plans', zPage(zPlan), { ...query }, signal),
  get: (id: string) => api.get(`/plans/${id}`, zPlan),
  create: (body: CreatePlan) => api.post<Plan>('/plans', body),
  update: (id: string, body: UpdatePlan) => api.patch<Plan>(`/plans/${id}`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/plans/${id}${toQueryString({ version })}`),
  /** The progress brief as of a day: a Word document ready to print, or the same figures as a workbook. */
  downloadBrief: (id: string, format: 'docx' | 'xlsx', asOf: string | undefined) =>
    api.download(`/plans/${id}/brief.${format}${toQueryString({ asOf })}`, t.plans.brief.fileName(format)),
};
