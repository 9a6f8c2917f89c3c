import type { CreateOrganization, CreateQualification, UpdateOrganization } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type OrganizationListQuery, organizationsApi } from '../api';

const organizationsKey = ['organizations'] as const;

export function useOrganizations(query: OrganizationListQuery, enabled = true) {
  return useQuery({
    queryKey: [...organizationsKey, 'list', query],
    queryFn: () => organizationsApi.list(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOrganization(id: string | null) {
  return useQuery({
    queryKey: [...organizationsKey, 'detail', id],
    queryFn: () => organizationsApi.get(id!),
    enabled: !!id,
  });
}

/** Every change to an organisation refreshes lists, details and pickers; platform lists show host names, so they refresh too. */
function useOrganizationMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationsKey }),
        queryClient.invalidateQueries({ queryKey: ['platforms'] }),
      ]);
    },
  });
}

export const useCreateOrganization = () => useOrganizationMutation((body: CreateOrganization) => organizationsApi.create(body));
export const useUpdateOrganization = () =>
  useOrganizationMutation(({ id, body }: { id: string; body: UpdateOrganization }) => organizationsApi.update(id, body));
export const useDeleteOrganization = () =>
  useOrganizationMutation(({ id, version }: { id: string; version: number }) => organizationsApi.remove(id, version));
export const useAddQualification = () =>
  useOrganizationMutation(({ id, body }: { id: string; body: CreateQualification }) => organizationsApi.addQualification(id, body));
export const useRemoveQualification = () =>
  useOrganizationMutation(({ id, qualificationId }: { id: string; qualificationId: string }) =>
    organizationsApi.removeQualification(id, qualificationId),
  );
