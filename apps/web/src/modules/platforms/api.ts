import type {
  CreatePlatform,
  Page,
  Platform,
  PlatformAllowedAction,
  PlatformCounts,
  PlatformLevel,
  PlatformStatus,
  PlatformTransition,
  PlatformVersion,
  UpdatePlatform,
  platformSortFields,
} from '@stip/contracts';
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
  list: (query: PlatformListQuery, signal?: AbortSignal) => api.get<Page<Platform>>('/platforms', { ...query }, signal),
  get: (id: string) => api.get<Platform>(`/platforms/${id}`),
  history: (id: string) => api.get<PlatformVersion[]>(`/platforms/${id}/history`),
  counts: () => api.get<PlatformCounts>('/platforms/counts'),
  industries: () => api.get<string[]>('/platforms/industries'),
  create: (body: CreatePlatform) => api.post<Platform>('/platforms', body),
  update: (id: string, body: UpdatePlatform) => api.patch<Platform>(`/platforms/${id}`, body),
  actions: (id: string) => api.get<PlatformAllowedAction[]>(`/platforms/${id}/transitions`),
  transition: (id: string, body: PlatformTransition) => api.post<Platform>(`/platforms/${id}/transitions`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/platforms/${id}${toQueryString({ version })}`),
  exportXlsx: (filters: PlatformFilters) =>
    api.download(`/platforms/export.xlsx${toQueryString({ ...filters })}`, t.platforms.exportFileName),
};
