import { z } from 'zod';
import { zEmail, zId, zName, zPhone, zText, zVersion, zLimit, zOffset } from './common';
import { type Role, zRole, zPermission } from './roles';
import { countCharacterClasses, passwordClassesMessage, passwordMaxLength, passwordMinLength } from './password-rule';

/** The three administrators (三权分立): created at first start only; no account endpoint changes them or grants their roles. */
export const administratorRoles: readonly Role[] = ['sysadmin', 'secadmin', 'auditadmin'];

export const zUsername = zText(40).regex(/^[a-zA-Z][a-zA-Z0-9_.-]{1,39}$/, {
  message: '用户名以字母开头，只能包含字母、数字、下划线、点和短横线，2至40位',
});
/** A new password: the parts of the password rule that need no context (length, character classes). */
export const zPassword = z
  .string()
  .min(passwordMinLength, { message: `密码至少${passwordMinLength}位` })
  .max(passwordMaxLength, { message: `密码不能超过${passwordMaxLength}位` })
  .refine((password) => countCharacterClasses(password) >= 3, passwordClassesMessage);

export const zLogin = z.object({ username: zText(100).min(1), password: z.string().min(1).max(200) });
export type Login = z.infer<typeof zLogin>;

export const zSessionUser = z.object({
  id: zId,
  username: z.string(),
  displayName: z.string(),
  role: zRole,
  regionId: zId.nullable(),
  regionName: z.string().nullable(),
  organizationId: zId.nullable(),
  organizationName: z.string().nullable(),
  permissions: z.array(zPermission),
  /** The password was reset by an administrator: until it is changed, the session may only change it or sign out. */
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof zSessionUser>;

export const zUser = z.object({
  id: zId,
  username: z.string(),
  displayName: z.string(),
  /** Null until the security administrator assigns one. */
  role: zRole.nullable(),
  regionId: zId.nullable(),
  regionName: z.string().nullable(),
  organizationId: zId.nullable(),
  organizationName: z.string().nullable(),
  /** Contact data the system administrator keeps (empty when not known). */
  phone: z.string(),
  email: z.string(),
  isActive: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type User = z.infer<typeof zUser>;

/** The system administrator creates an account; the security administrator gives it a role and scope. */
export const zCreateUser = z.object({
  username: zUsername,
  displayName: zName(60),
  password: zPassword,
});
export type CreateUser = z.infer<typeof zCreateUser>;

export const zAssignRole = z.object({
  role: zRole,
  regionId: zId.nullable(),
  organizationId: zId.nullable(),
  version: zVersion,
});
export type AssignRole = z.infer<typeof zAssignRole>;

/**
 * The system administrator corrects an account's name and contact data (its role, region and unit are the
 * security administrator's, 三权分立). Omitted contact fields stay as they are.
 */
export const zUpdateUser = z.object({ displayName: zName(60), phone: zPhone.optional(), email: zEmail.optional(), version: zVersion });
export type UpdateUser = z.infer<typeof zUpdateUser>;

export const zSetUserActive = z.object({ isActive: z.boolean(), version: zVersion });
export const zResetPassword = z.object({ password: zPassword, version: zVersion });
export const zChangePassword = z.object({ currentPassword: z.string().min(1).max(200), newPassword: zPassword });

export const zUserQuery = z.object({ limit: zLimit, offset: zOffset, keyword: zText(60).optional(), role: zRole.optional() });
export type UserQuery = z.infer<typeof zUserQuery>;

/** First start without demo data: the three administrators set their own passwords. */
export const zSetup = z.object({
  /** The one-time token the server printed on its console and wrote to DATA_DIR/setup-token at start. */
  token: z.string().trim().min(1).max(200),
  sysadmin: z.object({ username: zUsername, password: zPassword }),
  secadmin: z.object({ username: zUsername, password: zPassword }),
  auditadmin: z.object({ username: zUsername, password: zPassword }),
});
export type Setup = z.infer<typeof zSetup>;
export const zSetupStatus = z.object({ needsSetup: z.boolean(), demo: z.boolean() });

/** Organisations by name only, for the security administrator's role form (no business details). */
export const zOrganizationOptionQuery = z.object({ keyword: zText(100).optional(), limit: zLimit });
export type OrganizationOptionQuery = z.infer<typeof zOrganizationOptionQuery>;
