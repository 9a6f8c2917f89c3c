import { labels, type Platform, type PlatformField, type PlatformVersion } from '@stip/contracts';
import type { ActorContext } from '../../shared/context';
import { findPersonLabels } from '../audit';
import { getVisibleRecord, toPlatform } from './platforms.queries';
import * as repository from './platforms.repository';

/** Fields whose change the history reports: compared by `key`, shown as `show` (names and labels, not ids). */
const historyFields: { field: PlatformField; key: (p: Platform) => unknown; show: (p: Platform) => unknown }[] = [
  { field: 'name', key: (p) => p.name, show: (p) => p.name },
  { field: 'type', key: (p) => p.typeId, show: (p) => p.typeName },
  { field: 'level', key: (p) => p.level, show: (p) => labels.platformLevel[p.level] },
  { field: 'hostOrganization', key: (p) => p.hostOrganizationId, show: (p) => p.hostOrganizationName },
  { field: 'coBuilders', key: (p) => p.coBuilders.map((c) => c.id).join(), show: (p) => p.coBuilders.map((c) => c.name) },
  { field: 'region', key: (p) => p.regionId, show: (p) => p.regionName },
  { field: 'industry', key: (p) => p.industry, show: (p) => p.industry },
  { field: 'technicalFields', key: (p) => p.technicalFields.join('\u0000'), show: (p) => p.technicalFields },
  { field: 'director', key: (p) => p.director, show: (p) => p.director },
  { field: 'status', key: (p) => p.status, show: (p) => labels.platformStatus[p.status] },
  { field: 'recognitionDocNo', key: (p) => p.recognitionDocNo, show: (p) => p.recognitionDocNo },
  { field: 'recognizedOn', key: (p) => p.recognizedOn, show: (p) => p.recognizedOn },
  { field: 'constructionEndsOn', key: (p) => p.constructionEndsOn, show: (p) => p.constructionEndsOn },
  { field: 'parentPlatform', key: (p) => p.parentPlatformId, show: (p) => p.parentPlatformName },
  { field: 'successorPlatform', key: (p) => p.successorPlatformId, show: (p) => p.successorPlatformName },
  { field: 'remarks', key: (p) => p.remarks, show: (p) => p.remarks },
];

/** Every state of a platform, newest first, each with what changed against the state before it. */
export async function getPlatformHistory(ctx: ActorContext, id: string): Promise<PlatformVersion[]> {
  await getVisibleRecord(ctx.db, ctx, id);
  const rows = await repository.findHistoryRows(ctx.db, id);
  // Who recorded each state, as people name them: 姓名（单位）.
  const people = await findPersonLabels(
    ctx.db,
    rows.flatMap((row) => (row.recordedById ? [row.recordedById] : [])),
  );
  const snapshots = rows.map((row) => toPlatform(row, { version: row.version, updatedAt: row.recordedAt }));
  return rows.map((row, index) => {
    const snapshot = snapshots[index]!;
    const previous = snapshots[index + 1];
    const changes = previous
      ? historyFields
          .filter((f) => f.key(previous) !== f.key(snapshot))
          .map((f) => ({ field: f.field, before: f.show(previous), after: f.show(snapshot) }))
      : [];
    return {
      version: row.version,
      validFrom: row.validFrom,
      validTo: row.validTo,
      recordedAt: row.recordedAt.toISOString(),
      recordedBy: row.recordedById ? (people.get(row.recordedById) ?? null) : null,
      changeNote: row.changeNote,
      changes,
      snapshot,
    };
  });
}
