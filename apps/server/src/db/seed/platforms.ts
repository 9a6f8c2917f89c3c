import type { PlatformStatus } from '@stip/contracts';
import type { Executor } from '../client';
import { openPlatform, type PlatformState } from '../../modules/platforms';
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
 * Registers a platform with its first version through the platforms module's one version writer,
 * bypassing the service's checks and audit (demo seed, tests, benchmarks).
 */
export function seedPlatform(db: Executor, values: SeedPlatform): Promise<string> {
  const state: PlatformState = {
    name: values.name,
    typeId: values.typeId,
    hostOrganizationId: values.hostOrganizationId,
    coBuilderIds: values.coBuilderIds ?? [],
    regionId: values.regionId,
    industry: values.industry ?? null,
    technicalFields: values.technicalFields ?? [],
    director: values.director ?? null,
    status: values.status,
    recognitionDocNo: values.recognitionDocNo ?? null,
    recognizedOn: values.recognizedOn ?? null,
    constructionEndsOn: values.constructionEndsOn ?? null,
    parentPlatformId: values.parentPlatformId ?? null,
    successorPlatformId: null,
    remarks: values.remarks ?? null,
  };
  return openPlatform(db, state, values.validFrom ?? values.recognizedOn ?? todayInChina(), {
    isDemo: values.isDemo ?? false,
    changeNote: null,
    recordedBy: null,
  });
}
