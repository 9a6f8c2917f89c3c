import type { Login, SessionUser, Setup } from '@stip/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionHint } from '../../../shared/api/sessionHint';
import { accountsApi } from '../api';
import { sessionKey } from './useSession';

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup-status'], queryFn: accountsApi.setupStatus, retry: 1, staleTime: 60_000 });
}

/** What to do once a sign-in has opened a session (after the password, or after its second step). */
export function useSessionStarted() {
  const queryClient = useQueryClient();
  return (user: SessionUser) => {
    // Nothing cached for a previous user may leak into this session.
    queryClient.clear();
    sessionHint.set();
    queryClient.setQueryData(sessionKey, user);
  };
}

/** The password step; it answers the user, or a challenge when a second factor is needed (no session yet). */
export function useLogin() {
  const sessionStarted = useSessionStarted();
  return useMutation({
    mutationFn: (body: Login) => accountsApi.login(body),
    onSuccess: (result) => {
      if (!('secondFactor' in result)) sessionStarted(result);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: accountsApi.logout,
    onSettled: () => {
      sessionHint.clear();
      queryClient.clear();
    },
  });
}

/** Changes one's own password; the session is read again (a forced change after a reset is then done). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: accountsApi.changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useRunSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Setup) => accountsApi.setup(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['setup-status'] }),
  });
}
