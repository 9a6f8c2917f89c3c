import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { isApiError } from '../shared/api/client';
import { sessionHint } from '../shared/api/sessionHint';
import { LoadFailed } from '../shared/components/LoadFailed';
import { PageLoading } from '../shared/components/PageLoading';
import { useSession } from '../modules/accounts/hooks/useSession';
import { ForcedPasswordChangePage } from '../modules/accounts/pages/ForcedPasswordChangePage';

/**
 * The signed-in part of the app: without a session, go to /login and come back afterwards; with a password an
 * administrator reset, the change-password form until it is changed.
 */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const toLogin = <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // Never signed in from this browser (or signed out): straight to the login page, no request.
  if (!session.data && !sessionHint.isSet()) return toLogin;
  if (session.isPending) return <PageLoading fullScreen />;
  if (session.isError) {
    if (isApiError(session.error) && session.error.status === 401) return toLogin;
    return <LoadFailed error={session.error} onRetry={() => void session.refetch()} />;
  }
  if (session.data?.mustChangePassword) return <ForcedPasswordChangePage />;
  return <Outlet />;
}
