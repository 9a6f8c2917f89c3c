import type { PlatformStatus } from '@stip/contracts';
import type { Executor } from '../client';
import { platformVersions, platforms } from '../schema/index';
import { todayInChina } from '../../shared/clock';

export interface SeedPlatform {
  name: string;
  typeId: string;
  hostOrganizationId: string;
  regionId: string;
  status: PlatformStatus;
  /** First day of the first version; defaults to the recognition date, else today. */
  validFrom?: string;
  coBuilderIds?: string[];
  industry?: string | null;
  technicalFields?: string[];
  director?: string | null;
  recognitionDocNo?: string | null;
  recognizedOn?: string | null;
  constructionEndsOn?: string | null;
  parentPlatformId?: string | null;
  remarks?: string | null;
  isDemo?: boolean;
}

/**
 * Inserts a platform with its first version, bypassing the service's checks and audit (demo seed,
 * tests, benchmarks). Later states are added through the platforms service, which keeps history.
 */
export async function seedPlatform(db: Executor, values: SeedPlatform): Promise<string> {
  const { isDemo, validFrom, ...fields } = values;
  const [platform] = await db
    .insert(platforms)
    .values({ isDemo: isDemo ?? false })
    .returning({ id: platforms.id });
  await db.insert(platformVersions).values({
    ...fields,
    platformId: platform!.id,
    version: 1,
    validFrom: validFrom ?? values.recognizedOn ?? todayInChina(),
    coBuilderIds: values.coBuilderIds ?? [],
    technicalFields: values.technicalFields ?? [],
  });
  return platform!.id;
}
