import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSessionStarted } from '../../accounts/hooks/useAuth';
import { twoFactorApi } from '../api';

const statusKey = ['two-factor-status'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: statusKey, queryFn: twoFactorApi.status });
}

/** Mutations of one's own two-factor sign-in; each refreshes the status shown. */
function useOwnChange<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: statusKey }) });
}

export const useStartEnrolment = () => useOwnChange(twoFactorApi.startEnrolment);
export const useConfirmEnrolment = () => useOwnChange(twoFactorApi.confirmEnrolment);
export const useDisableTwoFactor = () => useOwnChange(twoFactorApi.disable);
export const useRegenerateRecoveryCodes = () => useOwnChange(twoFactorApi.regenerateRecoveryCodes);

/** The second step of a sign-in; the session starts on success. */
export function useLoginWithCode() {
  const sessionStarted = useSessionStarted();
  return useMutation({ mutationFn: twoFactorApi.loginWithCode, onSuccess: sessionStarted });
}

export function useStartLoginEnrolment() {
  return useMutation({ mutationFn: twoFactorApi.startLoginEnrolment });
}

/** The first code of a forced enrolment signs in; the recovery codes are shown before entering the app. */
export function useConfirmLoginEnrolment() {
  const sessionStarted = useSessionStarted();
  return useMutation({ mutationFn: twoFactorApi.confirmLoginEnrolment, onSuccess: (result) => sessionStarted(result.user) });
}

export function useResetUserTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => twoFactorApi.resetForUser(id, { version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
