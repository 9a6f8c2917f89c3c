import type { Permission } from '@stip/contracts';
import { Outlet } from 'react-router-dom';
import { Forbidden } from '../shared/components/StatusPages';
import { useCan } from '../modules/accounts/hooks/useSession';

/** A page the user's role does not grant shows a clear refusal instead of failing requests. */
export function RequirePermission({ permission }: { permission: Permission }) {
  return useCan(permission) ? <Outlet /> : <Forbidden />;
}
