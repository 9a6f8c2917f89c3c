import type {
  CreatePlatformSystem,
  CreatePlatformType,
  RetirePlatformType,
  UpdatePlatformSystem,
  UpdatePlatformType,
} from '@stip/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { taxonomyApi } from '../api';

const taxonomyKey = ['taxonomy'] as const;

/** Systems and types (GET /api/taxonomy): the data every platform filter and form is built from. */
export function useTaxonomy(enabled = true) {
  return useQuery({ queryKey: taxonomyKey, queryFn: taxonomyApi.taxonomy, staleTime: 5 * 60_000, enabled });
}

/** Type changes show in platform lists (type names, levels) and a retirement converts platforms, so both refresh. */
function useTaxonomyMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taxonomyKey }),
        queryClient.invalidateQueries({ queryKey: ['platforms'] }),
      ]);
    },
  });
}

export const useCreateSystem = () => useTaxonomyMutation((body: CreatePlatformSystem) => taxonomyApi.createSystem(body));
export const useUpdateSystem = () =>
  useTaxonomyMutation(({ id, body }: { id: string; body: UpdatePlatformSystem }) => taxonomyApi.updateSystem(id, body));
export const useCreateType = () => useTaxonomyMutation((body: CreatePlatformType) => taxonomyApi.createType(body));
export const useUpdateType = () =>
  useTaxonomyMutation(({ id, body }: { id: string; body: UpdatePlatformType }) => taxonomyApi.updateType(id, body));
export const useRetireType = () =>
  useTaxonomyMutation(({ id, body }: { id: string; body: RetirePlatformType }) => taxonomyApi.retireType(id, body));
