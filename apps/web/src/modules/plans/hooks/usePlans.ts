import type { CreatePlan, UpdatePlan } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PlanListQuery, plansApi } from '../api';

const plansKey = ['plans'] as const;

/**
 * The caches a change to a plan, target, task or report can move: counts on plans, progress of
 * targets, task lists and supervision, and every cockpit figure.
 */
export const planningKeys = [plansKey, ['targets'], ['tasks'], ['cockpit']] as const;

export function usePlans(query: PlanListQuery) {
  return useQuery({
    queryKey: [...plansKey, 'list', query],
    queryFn: ({ signal }) => plansApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({ queryKey: [...plansKey, 'detail', id], queryFn: () => plansApi.get(id!), enabled: !!id });
}

/** A mutation on planning data that refreshes everything planning data is shown in. */
export function usePlanningMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(planningKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export const useCreatePlan = () => usePlanningMutation((body: CreatePlan) => plansApi.create(body));
export const useUpdatePlan = () => usePlanningMutation(({ id, body }: { id: string; body: UpdatePlan }) => plansApi.update(id, body));
export const useDeletePlan = () => usePlanningMutation(({ id, version }: { id: string; version: number }) => plansApi.remove(id, version));
