import type { CreateDemand, PublicationTransition, UpdateDemand } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PublicationListQuery } from '../../achievements/api';
import { demandsApi } from '../api';

const key = ['demands'] as const;

export function useDemands(query: PublicationListQuery) {
  return useQuery({ queryKey: [...key, 'list', query], queryFn: () => demandsApi.list(query), placeholderData: keepPreviousData });
}

export function useDemand(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'detail', id], queryFn: () => demandsApi.get(id!), enabled: !!id, retry: false });
}

/** Every change refreshes the lists, the record and the to-do list. */
function useDemandMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ['todos'] })]);
    },
  });
}

export const useCreateDemand = () => useDemandMutation((body: CreateDemand) => demandsApi.create(body));
export const useUpdateDemand = () => useDemandMutation(({ id, body }: { id: string; body: UpdateDemand }) => demandsApi.update(id, body));
export const useTransitionDemand = () =>
  useDemandMutation(({ id, body }: { id: string; body: PublicationTransition }) => demandsApi.transition(id, body));
export const useDeleteDemand = () =>
  useDemandMutation(({ id, version }: { id: string; version: number }) => demandsApi.remove(id, version));
