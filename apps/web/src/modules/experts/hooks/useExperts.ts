import type { CreateExpert, Declare, DrawPanel, ExpertSettings, SaveScores, SuspendExpert, UpdateExpert } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ExpertListQuery, expertsApi } from '../api';

const expertsKey = ['experts'] as const;
const panelsKey = ['panels'] as const;

export function useExperts(query: ExpertListQuery) {
  return useQuery({ queryKey: [...expertsKey, 'list', query], queryFn: () => expertsApi.list(query), placeholderData: keepPreviousData });
}

export function useExpert(id: string | null) {
  return useQuery({ queryKey: [...expertsKey, 'detail', id], queryFn: () => expertsApi.get(id!), enabled: !!id });
}

export function useExpertSettings(enabled = true) {
  return useQuery({ queryKey: [...expertsKey, 'settings'], queryFn: expertsApi.settings, enabled });
}

export function useApplicationPanels(applicationId: string) {
  return useQuery({ queryKey: [...panelsKey, 'application', applicationId], queryFn: () => expertsApi.applicationPanels(applicationId) });
}

export function usePanel(id: string | null) {
  return useQuery({ queryKey: [...panelsKey, 'detail', id], queryFn: () => expertsApi.panel(id!), enabled: !!id, retry: false });
}

export function useMySeats() {
  return useQuery({ queryKey: [...panelsKey, 'mine'], queryFn: expertsApi.mine });
}

/** Every change to experts or panels refreshes both (seat counts show in the pool, names on panels), and the to-do list. */
function useExpertMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: expertsKey }),
        queryClient.invalidateQueries({ queryKey: panelsKey }),
        queryClient.invalidateQueries({ queryKey: ['todos'] }),
      ]);
    },
  });
}

export const useCreateExpert = () => useExpertMutation((body: CreateExpert) => expertsApi.create(body));
export const useUpdateExpert = () => useExpertMutation(({ id, body }: { id: string; body: UpdateExpert }) => expertsApi.update(id, body));
export const useSetSuspended = () =>
  useExpertMutation(({ id, suspend, body }: { id: string; suspend: boolean; body: SuspendExpert }) =>
    suspend ? expertsApi.suspend(id, body) : expertsApi.reinstate(id, body),
  );
export const useDeleteExpert = () =>
  useExpertMutation(({ id, version }: { id: string; version: number }) => expertsApi.remove(id, version));
export const useSaveExpertSettings = () => useExpertMutation((body: ExpertSettings) => expertsApi.saveSettings(body));
export const useDrawPanel = () =>
  useExpertMutation(({ applicationId, body }: { applicationId: string; body: DrawPanel }) => expertsApi.draw(applicationId, body));
export const useDeclare = () =>
  useExpertMutation(({ seatId, body }: { seatId: string; body: Declare }) => expertsApi.declare(seatId, body));
export const useSaveScores = () =>
  useExpertMutation(({ seatId, body }: { seatId: string; body: SaveScores }) => expertsApi.saveScores(seatId, body));
export const useChooseChair = () =>
  useExpertMutation(({ panelId, expertId, version }: { panelId: string; expertId: string; version: number }) =>
    expertsApi.chooseChair(panelId, { expertId, version }),
  );
export const useConclude = () =>
  useExpertMutation(({ panelId, consensus, version }: { panelId: string; consensus: string; version: number }) =>
    expertsApi.conclude(panelId, { consensus, version }),
  );
