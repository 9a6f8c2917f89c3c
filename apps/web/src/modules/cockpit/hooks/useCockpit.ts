import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type CockpitFilters, cockpitApi } from '../api';

const cockpitKey = ['cockpit'] as const;

export function useCockpit(filters: CockpitFilters) {
  return useQuery({
    queryKey: [...cockpitKey, 'figures', filters],
    queryFn: ({ signal }) => cockpitApi.get(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCockpitPlatforms(query: Record<string, string | number>) {
  return useQuery({
    queryKey: [...cockpitKey, 'platforms', query],
    queryFn: ({ signal }) => cockpitApi.platforms(query, signal),
    placeholderData: keepPreviousData,
  });
}
