import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission, PublicationStatus } from '@stip/contracts';
import type { Actor } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { subtreeIdsSql } from '../regions';
import type { PublicationMover } from './publication.lifecycle';

/**
 * Who sees and moves achievements and demands, in one place (list, detail, export, moves alike):
 * - city staff, county staff and leaders: the records located in their region subtree (a record's region is its
 *   owner organisation's); city staff also those with no region (loaded from outside, e.g. JSON lines);
 * - host users (企业/高校/院所): their own organisation's records;
 * - everyone who may read them: every published record, read-only (it is public on the portal anyway), with
 *   only the contact fields its owner chose to publish;
 * - out of scope answers 404. The system (no actor) reaches everything.
 */
export interface PublicationFacts {
  status: PublicationStatus;
  /** The owning organisation (achievement owner, demand enterprise). */
  organizationId: string | null;
  /** The materialised path of the record's region, or null when it has none. */
  regionPath: string | null;
}

const nothing = sql`false`;

/** The condition on a table's rows that the actor may see (scope, or published). */
export function publicationVisibility(
  actor: Actor | null,
  columns: { regionId: AnyPgColumn; organizationId: AnyPgColumn; status: AnyPgColumn },
): SQL | undefined {
  if (!actor) return undefined;
  const published = sql`${columns.status} = 'published'`;
  const scope = ownScope(actor, columns);
  return scope ? sql`(${scope} or ${published})` : published;
}

/** The actor's own scope (without the published records of others), or null when it has none. */
function ownScope(actor: Actor, columns: { regionId: AnyPgColumn; organizationId: AnyPgColumn }): SQL | null {
  switch (actor.role) {
    case 'city_staff':
    case 'county_staff':
    case 'leader': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing') return nothing;
      const inTree = sql`${columns.regionId} in ${subtreeIdsSql(root)}`;
      return actor.role === 'county_staff' ? inTree : sql`(${inTree} or ${columns.regionId} is null)`;
    }
    case 'host_user':
      return actor.organizationId ? sql`${columns.organizationId} = ${actor.organizationId}` : nothing;
    default:
      return null;
  }
}

/** Whether the record lies in the actor's own scope (not merely published). */
export function isInOwnScope(actor: Actor | null, record: PublicationFacts): boolean {
  if (!actor) return true;
  switch (actor.role) {
    case 'city_staff':
    case 'county_staff':
    case 'leader': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing') return false;
      if (record.regionPath === null) return actor.role !== 'county_staff';
      return record.regionPath.startsWith(root);
    }
    case 'host_user':
      return Boolean(actor.organizationId) && record.organizationId === actor.organizationId;
    default:
      return false;
  }
}

/** Whether the actor may see the record at all. */
export function canSeePublication(actor: Actor | null, record: PublicationFacts): boolean {
  return record.status === 'published' || isInOwnScope(actor, record);
}

/** The parts the actor plays for this record: its owner, its reviewing staff (holding `review`), both (the system) or none. */
export function moversOf(actor: Actor | null, record: PublicationFacts, review: Permission): PublicationMover[] {
  if (!actor) return ['owner', 'staff'];
  const movers: PublicationMover[] = [];
  if (actor.role === 'host_user' && isInOwnScope(actor, record)) movers.push('owner');
  if ((actor.role === 'city_staff' || actor.role === 'county_staff') && actor.permissions.includes(review) && isInOwnScope(actor, record))
    movers.push('staff');
  return movers;
}

/** Whether the actor is bureau staff who may enter and review records (for the Excel import's 直接发布). */
export function isReviewingStaff(actor: Actor | null): boolean {
  return !actor || actor.role === 'city_staff' || actor.role === 'county_staff';
}

/**
 * How a list is bounded for the actor: a region subtree, one organisation, nothing, or (for a list of published
 * records only, not asked for `mine`) every published record.
 */
export function listScope(
  actor: Actor,
  statuses: readonly PublicationStatus[] | undefined,
  mine: boolean | undefined,
): { regionPath?: string; organizationId?: string } | 'nothing' {
  const onlyPublished = statuses !== undefined && statuses.length > 0 && statuses.every((s) => s === 'published');
  if (onlyPublished && !mine) return {};
  switch (actor.role) {
    case 'city_staff':
    case 'county_staff':
    case 'leader': {
      const root = actorRegionPath(actor);
      if (root === null || root === 'nothing') return 'nothing';
      return { regionPath: root };
    }
    case 'host_user':
      return actor.organizationId ? { organizationId: actor.organizationId } : 'nothing';
    default:
      return 'nothing';
  }
}
