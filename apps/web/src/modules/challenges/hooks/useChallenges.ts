import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChallengeListQuery, challengesApi } from '../api';

const challengesKey = ['challenges'] as const;

export function useChallenges(query: ChallengeListQuery) {
  return useQuery({
    queryKey: [...challengesKey, 'list', query],
    queryFn: ({ signal }) => challengesApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useChallenge(id: string | undefined) {
  return useQuery({ queryKey: [...challengesKey, 'detail', id], queryFn: () => challengesApi.get(id!), enabled: !!id });
}

export function useChallengeApplications(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...challengesKey, 'applications', id],
    queryFn: () => challengesApi.applications(id!),
    enabled: !!id && enabled,
  });
}

export function useDemandChoices(query: { keyword?: string; id?: string }) {
  return useQuery({
    queryKey: [...challengesKey, 'demand-choices', query],
    queryFn: ({ signal }) => challengesApi.demandChoices(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A write to a list, its applications or milestones: afterwards lists, details and 我的待办 are read again. */
export function useChallengesMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: challengesKey }), client.invalidateQueries({ queryKey: ['todos'] })]);
    },
  });
}
