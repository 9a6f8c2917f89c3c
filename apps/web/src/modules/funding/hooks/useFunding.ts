import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fundingApi, type GrantListQuery } from '../api';

const fundingKey = ['funding'] as const;

export function useBudgets(enabled = true) {
  return useQuery({ queryKey: [...fundingKey, 'budgets'], queryFn: fundingApi.budgets, enabled });
}

export function useSubsidyRules() {
  return useQuery({ queryKey: [...fundingKey, 'rules'], queryFn: fundingApi.rules });
}

export function useGrants(query: GrantListQuery) {
  return useQuery({
    queryKey: [...fundingKey, 'grants', query],
    queryFn: ({ signal }) => fundingApi.grants(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useGrant(id: string | undefined) {
  return useQuery({ queryKey: [...fundingKey, 'grant', id], queryFn: () => fundingApi.grant(id!), enabled: !!id });
}

export function useFinalRounds(enabled: boolean) {
  return useQuery({ queryKey: [...fundingKey, 'rounds'], queryFn: fundingApi.finalRounds, enabled });
}

/** A mutation on funding data that refreshes every funding figure shown (budgets, grants, balances). */
export function useFundingMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: fundingKey });
    },
  });
}
