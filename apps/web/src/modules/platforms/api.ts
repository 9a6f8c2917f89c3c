import type {
  CreatePlatform,
  Platform,
  PlatformLevel,
  PlatformStatus,
  PlatformTransition,
  UpdatePlatform,
  platformSortFields,
} from '@stip/contracts';
import { zPage, zPlatform, zPlatformAllowedAction, zPlatformCounts, zPlatformIndustries, zPlatformVersion } from '@stip/contracts';
import { z } from 'zod';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export type PlatformSortField = (typeof platformSortFields)[number];

/** The list's filters exactly as the API reads them; the export sends the same ones. */
export interface PlatformFilters {
  systemId?: string;
  typeId?: string[];
  level?: PlatformLevel[];
  regionId?: string;
  status?: PlatformStatus[];
  industry?: string;
  hostOrganizationId?: string;
  keyword?: string;
  asOf?: string;
  sort?: PlatformSortField;
  order?: 'asc' | 'desc';
}

export interface PlatformListQuery extends PlatformFilters {
  limit: number;
  offset: number;
}

export const platformsApi = {
  list: (query: PlatformListQuery, signal?: AbortSignal) => api.get('/platforms', zPage(zPlatform), { ...query }, signal),
  get: (id: string) => api.get(`/platforms/${id}`, zPlatform),
  history: (id: string) => api.get(`/platforms/${id}/history`, z.array(zPlatformVersion)),
  counts: () => api.get('/platforms/counts', zPlatformCounts),
  industries: () => api.get('/platforms/industries', zPlatformIndustries),
  create: (body: CreatePlatform) => api.post<Platform>('/platforms', body),
  update: (id: string, body: UpdatePlatform) => api.patch<Platform>(`/platforms/${id}`, body),
  actions: (id: string) => api.get(`/platforms/${id}/transitions`, z.array(zPlatformAllowedAction)),
  transition: (id: string, body: PlatformTransition) => api.post<Platform>(`/platforms/${id}/transitions`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/platforms/${id}${toQueryString({ version })}`),
  exportXlsx: (filters: PlatformFilters) =>
    api.download(`/platforms/export.xlsx${toQueryString({ ...filters })}`, t.platforms.exportFileName),
};
