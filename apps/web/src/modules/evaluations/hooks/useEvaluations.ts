import type {
  CreateEvaluationRound,
  EvaluationRoundTransition,
  RectificationTransition,
  SaveEvaluationFormula,
  UpdateEvaluationResult,
  UpdateEvaluationRound,
} from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { evaluationsApi, type RectificationListQuery, type RoundListQuery } from '../api';

const roundsKey = ['evaluation-rounds'] as const;
const rectificationsKey = ['rectifications'] as const;
const formulasKey = ['evaluation-formulas'] as const;

export function useRounds(query: RoundListQuery) {
  return useQuery({
    queryKey: [...roundsKey, 'list', query],
    queryFn: ({ signal }) => evaluationsApi.rounds(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({ queryKey: [...roundsKey, 'detail', id], queryFn: () => evaluationsApi.round(id!), enabled: !!id });
}

export function useRectifications(query: RectificationListQuery) {
  return useQuery({
    queryKey: [...rectificationsKey, 'list', query],
    queryFn: ({ signal }) => evaluationsApi.rectifications(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRectification(id: string | undefined) {
  return useQuery({ queryKey: [...rectificationsKey, 'detail', id], queryFn: () => evaluationsApi.rectification(id!), enabled: !!id });
}

export function useFormulas() {
  return useQuery({ queryKey: formulasKey, queryFn: evaluationsApi.formulas });
}

/** Evaluation changes move platforms (status, history) and rectifications: everything they show in refreshes. */
function useEvaluationMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all(
        [roundsKey, rectificationsKey, formulasKey, ['platforms'], ['cockpit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useCreateRound = () => useEvaluationMutation((body: CreateEvaluationRound) => evaluationsApi.createRound(body));
export const useUpdateRound = () =>
  useEvaluationMutation(({ id, body }: { id: string; body: UpdateEvaluationRound }) => evaluationsApi.updateRound(id, body));
export const useTransitionRound = () =>
  useEvaluationMutation(({ id, body }: { id: string; body: EvaluationRoundTransition }) => evaluationsApi.transitionRound(id, body));
export const useUpdateResult = () =>
  useEvaluationMutation(({ roundId, resultId, body }: { roundId: string; resultId: string; body: UpdateEvaluationResult }) =>
    evaluationsApi.updateResult(roundId, resultId, body),
  );
export const useSaveFormula = () => useEvaluationMutation((body: SaveEvaluationFormula) => evaluationsApi.saveFormula(body));
export const useTransitionRectification = () =>
  useEvaluationMutation(({ id, body }: { id: string; body: RectificationTransition }) => evaluationsApi.transitionRectification(id, body));
