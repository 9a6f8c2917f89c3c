import {
  achievementMaturityLabels,
  auditActionLabel,
  type ContactField,
  type OrganizationKind,
  type OwnerType,
  ownerTypeLabels,
  type PublicationEvent,
  type SearchFacets,
} from '@stip/contracts';
import type { Executor } from '../../db/client';
import { findPersonLabels } from '../audit';
import type { SearchPage } from '../search';
import { findAuditTrail, findRegionNames } from './achievements.repository';

/** What achievements and demands share beyond the lifecycle and policy: owner types, contact masking, facets, history. */

/** The owner type an organisation's kind implies (the portal's 持有人类型 facet). */
export function ownerTypeOfKind(kind: OrganizationKind): OwnerType {
  switch (kind) {
    case 'enterprise':
    case 'university':
    case 'institute':
    case 'hospital':
      return kind;
    default:
      return 'other';
  }
}

/** The contact fields a reader may see: all of them in scope, otherwise only those the owner chose to publish. */
export function visibleContact(
  record: { contactName: string | null; contactPhone: string | null; contactEmail: string | null; publishedContact: string[] },
  fullAccess: boolean,
) {
  const shown = (field: ContactField) => fullAccess || record.publishedContact.includes(field);
  return {
    contactName: shown('name') ? record.contactName : null,
    contactPhone: shown('phone') ? record.contactPhone : null,
    contactEmail: shown('email') ? record.contactEmail : null,
  };
}

/** The search module's facets with Chinese labels (maturity, owner type) and region names. */
export async function labelFacets(db: Executor, facets: SearchPage['facets']): Promise<SearchFacets> {
  const regionIds = facets.region.map((f) => f.value);
  const names = await findRegionNames(db, regionIds);
  const relabel = (list: SearchPage['facets']['region'], label: (value: string) => string | undefined) =>
    list.map((f) => ({ ...f, label: f.label !== f.value ? f.label : (label(f.value) ?? f.label) }));
  return {
    technicalField: facets.technicalField,
    industry: facets.industry,
    maturity: relabel(facets.maturity, (v) => achievementMaturityLabels[v as keyof typeof achievementMaturityLabels]),
    region: relabel(facets.region, (v) => names.get(v)),
    ownerType: relabel(facets.ownerType, (v) => ownerTypeLabels[v as OwnerType]),
  };
}

/** A record's history from its audit trail: when, who (姓名（单位）), what, and the reason given. */
export async function findPublicationHistory(db: Executor, objectType: string, objectId: string): Promise<PublicationEvent[]> {
  const trail = await findAuditTrail(db, objectType, objectId);
  const people = await findPersonLabels(
    db,
    trail.flatMap((t) => (t.actorUserId ? [t.actorUserId] : [])),
  );
  return trail.map((t) => {
    const after = (t.after ?? {}) as { reason?: unknown };
    return {
      at: t.occurredAt.toISOString(),
      actor: (t.actorUserId && people.get(t.actorUserId)) || t.actorUsername || '（系统）',
      action: t.action,
      label: auditActionLabel(t.action),
      reason: typeof after.reason === 'string' ? after.reason : null,
    };
  });
}
