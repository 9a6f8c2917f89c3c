import type { PlatformLevel } from '@stip/contracts';
import type { Executor } from '../client';
import { platformSystems, platformTypes } from '../schema/index';

export async function seedPlatformSystem(
  db: Executor,
  values: { code: string; name: string; description?: string | null; sortOrder?: number },
): Promise<string> {
  const [row] = await db.insert(platformSystems).values(values).returning({ id: platformSystems.id });
  return row!.id;
}

export interface SeedPlatformType {
  systemId: string;
  name: string;
  level: PlatformLevel;
  supervisorOrganizationId?: string | null;
  supervisingDepartment?: string | null;
  recognitionStandard?: string | null;
  constructionPeriodMonths?: number | null;
  sortOrder?: number;
  isDemo?: boolean;
}

export async function seedPlatformType(db: Executor, values: SeedPlatformType): Promise<string> {
  const [row] = await db.insert(platformTypes).values(values).returning({ id: platformTypes.id });
  return row!.id;
}
