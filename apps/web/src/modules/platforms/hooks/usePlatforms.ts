import type { CreatePlatform, PlatformTransition, UpdatePlatform } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PlatformListQuery, platformsApi } from '../api';

const platformsKey = ['platforms'] as const;

export function usePlatforms(query: PlatformListQuery) {
  return useQuery({
    queryKey: [...platformsKey, 'list', query],
    queryFn: ({ signal }) => platformsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlatform(id: string | undefined) {
  return useQuery({ queryKey: [...platformsKey, 'detail', id], queryFn: () => platformsApi.get(id!), enabled: !!id });
}

export function usePlatformHistory(id: string | undefined, enabled = true) {
  return useQuery({ queryKey: [...platformsKey, 'history', id], queryFn: () => platformsApi.history(id!), enabled: !!id && enabled });
}

/** The lifecycle actions the signed-in user may take on the platform now. */
export function usePlatformActions(id: string | undefined, enabled = true) {
  return useQuery({ queryKey: [...platformsKey, 'actions', id], queryFn: () => platformsApi.actions(id!), enabled: !!id && enabled });
}

export function usePlatformCounts() {
  return useQuery({ queryKey: [...platformsKey, 'counts'], queryFn: platformsApi.counts });
}

export function useIndustries() {
  return useQuery({ queryKey: [...platformsKey, 'industries'], queryFn: platformsApi.industries, staleTime: 5 * 60_000 });
}

/** Any platform change can move counts, lists, details and history, so the whole platform cache refreshes. */
function usePlatformMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: platformsKey }),
        // Platform counts per type are shown on the taxonomy page.
        queryClient.invalidateQueries({ queryKey: ['taxonomy'] }),
      ]);
    },
  });
}

export const useCreatePlatform = () => usePlatformMutation((body: CreatePlatform) => platformsApi.create(body));
export const useUpdatePlatform = () =>
  usePlatformMutation(({ id, body }: { id: string; body: UpdatePlatform }) => platformsApi.update(id, body));
export const useDeletePlatform = () =>
  usePlatformMutation(({ id, version }: { id: string; version: number }) => platformsApi.remove(id, version));
export const useTransitionPlatform = () =>
  usePlatformMutation(({ id, body }: { id: string; body: PlatformTransition }) => platformsApi.transition(id, body));
