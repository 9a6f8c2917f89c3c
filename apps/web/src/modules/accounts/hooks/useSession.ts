import type { Permission, SessionUser } from '@stip/contracts';
import { useQuery } from '@tanstack/react-query';
import { sessionHint } from '../../../shared/api/sessionHint';
import { accountsApi } from '../api';

export const sessionKey = ['session'] as const;

/** The signed-in user (GET /api/auth/me); a 401 sends the browser to /login through the API client. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: accountsApi.me, retry: false, staleTime: 5 * 60_000, enabled: sessionHint.isSet() });
}

/** The user inside the signed-in part of the app, where the session has already loaded. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside a signed-in page');
  return data;
}

export function can(user: SessionUser | undefined, permission: Permission): boolean {
  return !!user && user.permissions.includes(permission);
}

export function useCan(permission: Permission): boolean {
  const { data } = useSession();
  return can(data, permission);
}
