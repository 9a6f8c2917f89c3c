import type {
  CreateOrganization,
  CreateQualification,
  Organization,
  OrganizationKind,
  QualificationKind,
  UpdateOrganization,
} from '@stip/contracts';
import { zOrganization, zPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';

export interface OrganizationListQuery {
  limit?: number;
  offset?: number;
  keyword?: string;
  kind?: OrganizationKind[];
  regionId?: string;
  qualification?: QualificationKind;
}

export const organizationsApi = {
  list: (query: OrganizationListQuery) => api.get('/organizations', zPage(zOrganization), { ...query }),
  get: (id: string) => api.get(`/organizations/${id}`, zOrganization),
  create: (body: CreateOrganization) => api.post<Organization>('/organizations', body),
  update: (id: string, body: UpdateOrganization) => api.patch<Organization>(`/organizations/${id}`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/organizations/${id}${toQueryString({ version })}`),
  addQualification: (id: string, body: CreateQualification) => api.post<Organization>(`/organizations/${id}/qualifications`, body),
  removeQualification: (id: string, qualificationId: string) =>
    api.delete<Organization>(`/organizations/${id}/qualifications/${qualificationId}`),
};
