import { type Role, ErrorCode, administratorRoles, labels } from '@stip/contracts';
import { AppError } from '../../shared/app-error';
import type { Actor } from '../../shared/context';

/**
 * 三权分立. The system administrator creates accounts (and regions), the security administrator
 * gives them roles and scopes, resets passwords and disables them, the audit administrator reads the
 * trail (the permission table in @stip/contracts). On top of that, whoever holds those permissions:
 * - never acts on an administrator's account (reset its password, change its role, disable or enable it),
 *   so no administrator can take over another's powers by logging in as them; lifting a sign-in lock is the
 *   exception (the security administrator unlocks an administrator locked out by failed attempts);
 * - never grants an administrator role: the three administrators are set once, at first start;
 * - never acts on their own account here (their own password goes through POST /api/auth/password).
 */
export type AccountAction = 'reset_password' | 'assign_role' | 'set_active' | 'reset_two_factor' | 'unlock' | 'edit_profile';

const actionNames: Record<AccountAction, string> = {
  reset_password: '重置密码',
  edit_profile: '修改姓名',
  assign_role: '修改角色',
  set_active: '启用或停用',
  reset_two_factor: '重置两步验证',
  unlock: '解除登录锁定',
};

/** Lifting a sign-in lock gives no power over the account (the password stays), so administrators' accounts allow it. */
const allowedOnAdministrators: readonly AccountAction[] = ['unlock'];

export function isAdministratorRole(role: Role | null): boolean {
  return role !== null && administratorRoles.includes(role);
}

/** Throws ADMINISTRATOR_PROTECTED unless `actor` may apply `action` to `target` (and grant `grantedRole`). */
export function assertMayManageAccount(
  actor: Actor,
  target: { id: string; username: string; role: Role | null },
  action: AccountAction,
  grantedRole?: Role,
): void {
  const name = actionNames[action];
  if (target.id === actor.userId) {
    throw new AppError(ErrorCode.AdministratorProtected, {
      message: `不能对本人账号${name}；修改本人密码请使用“修改密码”`,
    });
  }
  if (isAdministratorRole(target.role) && !allowedOnAdministrators.includes(action)) {
    throw new AppError(ErrorCode.AdministratorProtected, {
      message: `三权分立：“${target.username}”是${labels.role[target.role!]}账号，任何人都不能对其${name}`,
    });
  }
  if (grantedRole && isAdministratorRole(grantedRole)) {
    throw new AppError(ErrorCode.AdministratorProtected, {
      message: `三权分立：不能授予${labels.role[grantedRole]}角色，系统、安全、审计管理员只在首次启动时设置`,
    });
  }
}
