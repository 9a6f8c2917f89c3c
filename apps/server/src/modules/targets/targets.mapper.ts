import { type PlatformFilter, type Target, type TargetProgress, type TargetReport, targetKindSpec } from '@stip/contracts';
import type * as repository from './targets.repository';
import { effectiveBasis } from './targets.progress';

/** Rows to the API's shapes: pure, no database. */

/** A target as the API answers it, given its progress, whether the actor may report on it, and the names of its filter's ids. */
export function toTarget(
  row: repository.TargetRow,
  progress: TargetProgress,
  canReport: boolean,
  names: { types: Map<string, string>; systems: Map<string, string> },
  reportingUnits: { id: string; name: string }[] = [],
): Target {
  const t = row.target;
  const computed = targetKindSpec(t.kind).isComputed;
  return {
    id: t.id,
    planId: t.planId,
    planTitle: row.planTitle,
    kind: t.kind,
    subject: t.subject,
    comparator: t.comparator,
    value: t.value,
    unit: t.unit,
    deadline: t.deadline,
    baselineDate: t.baselineDate,
    basis: effectiveBasis(t),
    perYear: t.perYear,
    perRegion: t.perRegion,
    metric: t.metric ?? null,
    reportingUnits: computed ? [] : reportingUnits,
    filter: computed
      ? {
          types: t.typeIds.map((id) => ({ id, name: names.types.get(id) ?? '（已删除的类型）' })),
          levels: t.levels,
          systems: t.systemIds.map((id) => ({ id, name: names.systems.get(id) ?? '（已删除的体系）' })),
          statuses: t.statuses,
          region: { id: t.regionId ?? row.planRegionId, name: row.filterRegionName ?? row.planRegionName },
        }
      : null,
    coverageRegion: t.coverageRegionId ? { id: t.coverageRegionId, name: row.coverageRegionName! } : null,
    sortOrder: t.sortOrder,
    progress,
    link: computed
      ? { to: `/targets/${t.id}/platforms`, query: { asOf: progress.measuredOn } }
      : t.metric === 'technology_contract_amount' && progress.contracts
        ? {
            to: '/technology-contracts',
            query: {
              regionId: t.regionId ?? row.planRegionId,
              registeredFrom: progress.contracts.from,
              registeredTo: progress.contracts.to,
            },
          }
        : null,
    canReport,
    isDemo: t.isDemo,
    version: t.version,
  };
}

/** A stored target's platform filter (computed kinds), as a definition takes it. */
export function filterOf(record: repository.TargetRecord): PlatformFilter | null {
  if (!targetKindSpec(record.kind).isComputed) return null;
  return {
    typeIds: record.typeIds,
    levels: record.levels,
    systemIds: record.systemIds,
    statuses: record.statuses,
    regionId: record.regionId,
  };
}

export function toTargetReport(row: repository.TargetReportRow): TargetReport {
  return { ...row, reportedAt: row.reportedAt.toISOString() };
}
