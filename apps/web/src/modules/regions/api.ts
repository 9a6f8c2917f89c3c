import type { CreateRegion, Region, RegionNode, UpdateRegion } from '@stip/contracts';
import { api } from '../../shared/api/client';

export const regionsApi = {
  tree: () => api.get<RegionNode[]>('/regions/tree'),
  create: (body: CreateRegion) => api.post<Region>('/regions', body),
  update: (id: string, body: UpdateRegion) => api.patch<Region>(`/regions/${id}`, body),
};
