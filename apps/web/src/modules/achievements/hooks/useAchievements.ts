import type { CreateAchievement, PublicationTransition, UpdateAchievement } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { achievementsApi, publicationImportApi, type PublicationListQuery } from '../api';

const key = ['achievements'] as const;

export function useAchievements(query: PublicationListQuery) {
  return useQuery({ queryKey: [...key, 'list', query], queryFn: () => achievementsApi.list(query), placeholderData: keepPreviousData });
}

export function useAchievement(id: string | undefined) {
  return useQuery({ queryKey: [...key, 'detail', id], queryFn: () => achievementsApi.get(id!), enabled: !!id, retry: false });
}

/** Every change refreshes the lists, the record and the to-do list (review work comes and goes). */
function useAchievementMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: ['todos'] })]);
    },
  });
}

export const useCreateAchievement = () => useAchievementMutation((body: CreateAchievement) => achievementsApi.create(body));
export const useUpdateAchievement = () =>
  useAchievementMutation(({ id, body }: { id: string; body: UpdateAchievement }) => achievementsApi.update(id, body));
export const useTransitionAchievement = () =>
  useAchievementMutation(({ id, body }: { id: string; body: PublicationTransition }) => achievementsApi.transition(id, body));
export const useDeleteAchievement = () =>
  useAchievementMutation(({ id, version }: { id: string; version: number }) => achievementsApi.remove(id, version));

/** An Excel import of achievements or demands; afterwards that list and the import history refresh. */
export function usePublicationImport(kind: 'achievements' | 'demands') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, publish }: { file: File; publish: boolean }) => publicationImportApi.upload(kind, file, publish),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [kind] }),
        queryClient.invalidateQueries({ queryKey: ['imports'] }),
        queryClient.invalidateQueries({ queryKey: ['todos'] }),
      ]);
    },
  });
}
