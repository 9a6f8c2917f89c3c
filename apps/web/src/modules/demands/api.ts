import type { CreateDemand, DemandDetail, PublicationTransition, UpdateDemand } from '@stip/contracts';
import { zDemandDetail, zDemandPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';
import type { PublicationListQuery } from '../achievements/api';

export const demandsApi = {
  list: (query: PublicationListQuery) => api.get('/demands', zDemandPage, { ...query }),
  get: (id: string) => api.get(`/demands/${id}`, zDemandDetail),
  create: (body: CreateDemand) => api.post<DemandDetail>('/demands', body),
  update: (id: string, body: UpdateDemand) => api.patch<DemandDetail>(`/demands/${id}`, body),
  transition: (id: string, body: PublicationTransition) => api.post<DemandDetail>(`/demands/${id}/transitions`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/demands/${id}${toQueryString({ version })}`),
  exportList: (query: Omit<PublicationListQuery, 'limit' | 'offset'>) =>
    api.download(`/demands.xlsx${toQueryString({ ...query })}`, t.sharing.demand.exportName),
};
