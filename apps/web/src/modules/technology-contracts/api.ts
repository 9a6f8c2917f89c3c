import type { CreateTechnologyContract, TechnologyContract, UpdateTechnologyContract } from '@stip/contracts';
import { zTechnologyContract, zTechnologyContractPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface ContractFilter {
  q?: string;
  regionId?: string;
  registeredFrom?: string;
  registeredTo?: string;
  leadId?: string;
}

export const contractsApi = {
  list: (query: ContractFilter & { limit: number; offset: number }) =>
    api.get('/technology-contracts', zTechnologyContractPage, { ...query }),
  get: (id: string) => api.get(`/technology-contracts/${id}`, zTechnologyContract),
  create: (body: CreateTechnologyContract) => api.post<TechnologyContract>('/technology-contracts', body),
  update: (id: string, body: UpdateTechnologyContract) => api.patch<TechnologyContract>(`/technology-contracts/${id}`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/technology-contracts/${id}${toQueryString({ version })}`),
  exportList: (filter: ContractFilter) =>
    api.download(`/technology-contracts/export.xlsx${toQueryString({ ...filter })}`, t.technologyContracts.exportFileName),
};
