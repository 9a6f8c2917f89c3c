import type { OrganizationKind } from '@stip/contracts';
import type { Executor } from '../client';
import { organizations } from '../schema/index';
import { makeCreditCode } from './credit-codes';

export interface SeedOrganization {
  name: string;
  kind: OrganizationKind;
  regionId: string;
  creditCode?: string;
  address?: string | null;
  isDemo?: boolean;
}

/** Inserts an organisation (demo seed and tests); without a credit code it gets a well-formed made-up one. */
export async function seedOrganization(db: Executor, values: SeedOrganization): Promise<string> {
  const [row] = await db
    .insert(organizations)
    .values({
      name: values.name,
      kind: values.kind,
      regionId: values.regionId,
      creditCode: values.creditCode ?? makeCreditCode(`${values.name}|${values.regionId}`),
      address: values.address ?? null,
      isDemo: values.isDemo ?? false,
    })
    .returning({ id: organizations.id });
  return row!.id;
}
