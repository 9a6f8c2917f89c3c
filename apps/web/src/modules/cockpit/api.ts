import { zCockpit, zPage, zPlatform } from '@stip/contracts';
import { api } from '../../shared/api/client';

export interface CockpitFilters {
  asOf?: string;
  planId?: string;
  includeEnded?: string;
}

export const cockpitApi = {
  get: (filters: CockpitFilters, signal?: AbortSignal) => api.get('/cockpit', zCockpit, { ...filters }, signal),
  /** The records behind a cockpit figure: the figure's own query (a `RecordLink`) plus paging. */
  platforms: (query: Record<string, string | number>, signal?: AbortSignal) =>
    api.get('/cockpit/platforms', zPage(zPlatform), query, signal),
};
