import type { CreateTarget, CreateTargetReport, Target, TargetKind, TargetReport, UpdateTarget } from '@stip/contracts';
import { zPage, zPlatform, zTarget, zTargetReport } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';

export interface TargetListQuery {
  limit: number;
  offset: number;
  planId?: string;
  kind?: TargetKind[];
  asOf?: string;
}

export interface TargetPlatformListQuery {
  limit: number;
  offset: number;
  asOf?: string;
  /** Coverage targets: the platforms of one child region. */
  regionId?: string;
}

export const targetsApi = {
  list: (query: TargetListQuery, signal?: AbortSignal) => api.get('/targets', zPage(zTarget), { ...query }, signal),
  get: (id: string, asOf: string | undefined, signal?: AbortSignal) => api.get(`/targets/${id}`, zTarget, { asOf }, signal),
  platforms: (id: string, query: TargetPlatformListQuery, signal?: AbortSignal) =>
    api.get(`/targets/${id}/platforms`, zPage(zPlatform), { ...query }, signal),
  reports: (id: string) => api.get(`/targets/${id}/reports`, zPage(zTargetReport)),
  create: (planId: string, body: CreateTarget) => api.post<Target>(`/plans/${planId}/targets`, body),
  update: (id: string, body: UpdateTarget) => api.patch<Target>(`/targets/${id}`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/targets/${id}${toQueryString({ version })}`),
  report: (id: string, body: CreateTargetReport) => api.post<TargetReport>(`/targets/${id}/reports`, body),
};
