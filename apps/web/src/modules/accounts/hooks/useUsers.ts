import type { AssignRole, CreateUser, OrganizationOptionQuery, UpdateUser, UserQuery } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountsApi } from '../api';

const usersKey = ['users'] as const;

export function useUsers(query: Partial<UserQuery>) {
  return useQuery({ queryKey: [...usersKey, query], queryFn: () => accountsApi.users(query), placeholderData: keepPreviousData });
}

/** Organisation names for the role form (the security administrator may not read organisations themselves). */
export function useOrganizationOptions(query: Partial<OrganizationOptionQuery>) {
  return useQuery({
    queryKey: ['organization-options', query],
    queryFn: () => accountsApi.organizationOptions(query),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<T>(mutationFn: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () => useUserMutation((body: CreateUser) => accountsApi.createUser(body));
export const useUpdateUser = () => useUserMutation(({ id, body }: { id: string; body: UpdateUser }) => accountsApi.updateUser(id, body));
export const useAssignRole = () => useUserMutation(({ id, body }: { id: string; body: AssignRole }) => accountsApi.assignRole(id, body));
export const useSetUserActive = () =>
  useUserMutation(({ id, isActive, version }: { id: string; isActive: boolean; version: number }) =>
    accountsApi.setActive(id, { isActive, version }),
  );
export const useResetPassword = () =>
  useUserMutation(({ id, password, version }: { id: string; password: string; version: number }) =>
    accountsApi.resetPassword(id, { password, version }),
  );
export const useUnlockUser = () => useUserMutation((id: string) => accountsApi.unlock(id));
