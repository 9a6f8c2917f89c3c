import type { CreateRegion, Region, UpdateRegion } from '@stip/contracts';
import { zRegionNode } from '@stip/contracts';
import { z } from 'zod';
import { api } from '../../shared/api/client';

export const regionsApi = {
  tree: () => api.get('/regions/tree', z.array(zRegionNode)),
  create: (body: CreateRegion) => api.post<Region>('/regions', body),
  update: (id: string, body: UpdateRegion) => api.patch<Region>(`/regions/${id}`, body),
};
