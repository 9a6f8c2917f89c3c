import type { Role } from '@stip/contracts';
import type { Executor } from '../client';
import { insertUser } from '../../modules/accounts';
import { hashPassword } from '../../modules/accounts';

/** Creates a user with a role and scope (demo seed and tests). */
export async function seedUser(
  db: Executor,
  values: {
    username: string;
    password: string;
    role: Role;
    displayName?: string;
    regionId?: string | null;
    organizationId?: string | null;
    isDemo?: boolean;
  },
): Promise<string> {
  return insertUser(db, {
    username: values.username,
    displayName: values.displayName ?? values.username,
    passwordHash: await hashPassword(values.password),
    role: values.role,
    regionId: values.regionId ?? null,
    organizationId: values.organizationId ?? null,
    isDemo: values.isDemo ?? false,
  });
}
