import type {
  ApplicationDetail,
  ApplicationMaterial,
  ApplicationReviewInput,
  ApplicationStatus,
  BulkReview,
  BulkReviewResult,
  Call,
  CallStatus,
  CallTransition,
  CreateApplication,
  CreateCall,
  UpdateApplication,
  UpdateCall,
} from '@stip/contracts';
import { zApplicationDetail, zApplicationListItem, zCall, zPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface CallListQuery {
  limit: number;
  offset: number;
  status?: CallStatus;
  keyword?: string;
}

export interface ApplicationListQuery {
  limit: number;
  offset: number;
  callId?: string;
  status?: ApplicationStatus;
  keyword?: string;
  waiting?: 'true';
}

export const callsApi = {
  list: (query: CallListQuery, signal?: AbortSignal) => api.get('/calls', zPage(zCall), { ...query }, signal),
  get: (id: string) => api.get(`/calls/${id}`, zCall),
  create: (body: CreateCall) => api.post<Call>('/calls', body),
  update: (id: string, body: UpdateCall) => api.patch<Call>(`/calls/${id}`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/calls/${id}${toQueryString({ version })}`),
  transition: (id: string, body: CallTransition) => api.post<Call>(`/calls/${id}/transitions`, body),
  exportResults: (id: string) => api.download(`/calls/${id}/applications.xlsx`, t.calls.detail.exportFileName),
};

export const applicationsApi = {
  list: (query: ApplicationListQuery, signal?: AbortSignal) => api.get('/applications', zPage(zApplicationListItem), { ...query }, signal),
  get: (id: string) => api.get(`/applications/${id}`, zApplicationDetail),
  create: (body: CreateApplication) => api.post<ApplicationDetail>('/applications', body),
  update: (id: string, body: UpdateApplication) => api.patch<ApplicationDetail>(`/applications/${id}`, body),
  submit: (id: string, version: number) => api.post<ApplicationDetail>(`/applications/${id}/submit`, { version }),
  withdraw: (id: string, version: number) => api.post<ApplicationDetail>(`/applications/${id}/withdraw`, { version }),
  review: (id: string, body: ApplicationReviewInput) => api.post<ApplicationDetail>(`/applications/${id}/review`, body),
  bulk: (body: BulkReview) => api.post<BulkReviewResult>('/applications/bulk', body),
  addObjection: (id: string, body: { raisedBy: string; text: string }) =>
    api.post<ApplicationDetail>(`/applications/${id}/objections`, body),
  resolveObjection: (id: string, objectionId: string, body: { resolution: 'upheld' | 'dismissed'; note: string; version: number }) =>
    api.post<ApplicationDetail>(`/applications/${id}/objections/${objectionId}/resolve`, body),
  /** One material per request: the item's code first, then the file (the server reads them in that order). */
  uploadMaterial: (id: string, code: string, file: File) => {
    const form = new FormData();
    form.append('code', code);
    form.append('file', file, file.name);
    return api.postForm<ApplicationMaterial>(`/applications/${id}/materials`, form);
  },
  removeMaterial: (id: string, materialId: string) => api.delete<{ ok: true }>(`/applications/${id}/materials/${materialId}`),
  downloadMaterial: (id: string, material: ApplicationMaterial) =>
    api.download(`/applications/${id}/materials/${material.id}`, material.fileName),
  dossier: (id: string) => api.download(`/applications/${id}/dossier.docx`, t.calls.review.dossierFileName),
};
