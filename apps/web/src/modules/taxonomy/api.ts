import type {
  CreatePlatformSystem,
  UpdatePlatformSystem,
  CreatePlatformType,
  PlatformSystem,
  PlatformType,
  RetirePlatformType,
  UpdatePlatformType,
} from '@stip/contracts';
import { zTaxonomy } from '@stip/contracts';
import { api } from '../../shared/api/client';

export interface RetireResult {
  type: PlatformType;
  convertedPlatforms: number;
}

export const taxonomyApi = {
  taxonomy: () => api.get('/taxonomy', zTaxonomy),
  createSystem: (body: CreatePlatformSystem) => api.post<PlatformSystem>('/platform-systems', body),
  updateSystem: (id: string, body: UpdatePlatformSystem) => api.patch<PlatformSystem>(`/platform-systems/${id}`, body),
  createType: (body: CreatePlatformType) => api.post<PlatformType>('/platform-types', body),
  updateType: (id: string, body: UpdatePlatformType) => api.patch<PlatformType>(`/platform-types/${id}`, body),
  retireType: (id: string, body: RetirePlatformType) => api.post<RetireResult>(`/platform-types/${id}/retire`, body),
};
