import { ErrorCode, type PublicationStatus, type PublicationTransition, type SearchFacets } from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { recordAudit } from '../audit';
import { refreshSearchVectors, type SearchEntity, type SearchHit, type SearchQuery, searchRecords } from '../search';
import { canEditInStatus, type PublicationMover, publicationMove, statusAfterEdit } from './publication.lifecycle';
import { canSeePublication, listScope, moversOf, type PublicationFacts } from './publication.policy';
import { type PublicationTable, softDeletePublication, updatePublicationRow } from './publication.repository';
import { labelFacets } from './publication.shared';

/**
 * The publication steps that achievements and demands share, each for one kind of record named by a
 * `PublicationKind`: visibility, the versioned edit, the lifecycle moves and the soft delete, each write audited in its
 * transaction and followed by a refresh of the record's search vector.
 */

/** What the shared steps read of a stored record. */
export interface StoredPublication {
  id: string;
  status: PublicationStatus;
  version: number;
}

/** One kind of publication: where it is stored, who reviews it, and how messages name it. */
export interface PublicationKind<T extends PublicationTable, Row extends StoredPublication> {
  /** The audit object type, the search entity and the prefix of the audit actions (`achievement.publish`). */
  objectType: SearchEntity;
  table: T;
  /** The permission that makes staff reviewers of this kind. */
  review: 'achievement:review' | 'demand:review';
  /** The record's name in messages (科技成果). */
  noun: string;
  /** Who besides the bureau's staff may act on a record, in messages (成果所属单位). */
  ownerParty: string;
  /** A live record by id, or undefined. */
  getRow(db: Executor, id: string): Promise<Row | undefined>;
  /** Live records by id (any order). */
  findRows(db: Executor, ids: readonly string[]): Promise<Row[]>;
  facts(row: Row): PublicationFacts;
}

/** The record if the actor may see it, else NotFound (another scope's record is indistinguishable from a missing one). */
export async function getVisiblePublication<T extends PublicationTable, Row extends StoredPublication>(
  kind: PublicationKind<T, Row>,
  ctx: RequestContext,
  db: Executor,
  id: string,
): Promise<Row> {
  const row = await kind.getRow(db, id);
  if (!row || !canSeePublication(ctx.actor, kind.facts(row))) throw notFound(`${kind.noun}不存在或无权查看`);
  return row;
}

/** The actor's roles on a visible record; Forbidden when it has none (`doing`: 修改, 办理, 删除). */
function requireMovers<T extends PublicationTable, Row extends StoredPublication>(
  kind: PublicationKind<T, Row>,
  ctx: RequestContext,
  row: Row,
  doing: string,
): PublicationMover[] {
  const movers = moversOf(ctx.actor, kind.facts(row), kind.review);
  if (movers.length === 0)
    throw new AppError(ErrorCode.Forbidden, { message: `只有${kind.ownerParty}或管辖范围内的科技局人员可以${doing}` });
  return movers;
}

/** The common query of the lists (the search module's filters that both kinds have). */
export interface PublicationQuery {
  q?: string | undefined;
  limit: number;
  offset: number;
  status?: PublicationStatus[] | undefined;
  mine?: boolean | undefined;
  technicalField?: string[] | undefined;
  industry?: string[] | undefined;
  regionId?: string[] | undefined;
}

/**
 * Records the actor may see, searched and faceted by the search module, best match first, each made a list item by
 * `toItem`; `filters` adds the kind's own facet filters.
 */
export async function findVisiblePublications<T extends PublicationTable, Row extends StoredPublication, Item>(
  kind: PublicationKind<T, Row>,
  ctx: ActorContext,
  query: PublicationQuery,
  filters: Pick<NonNullable<SearchQuery['filters']>, 'maturity' | 'ownerType'>,
  toItem: (row: Row, hit: SearchHit) => Item,
): Promise<{ items: Item[]; total: number; facets: SearchFacets }> {
  const scope = listScope(ctx.actor, query.status, query.mine);
  const empty = { technicalField: [], industry: [], maturity: [], region: [], ownerType: [] };
  if (scope === 'nothing') return { items: [], total: 0, facets: empty };
  const page = await searchRecords(ctx.db, kind.objectType, {
    ...(query.q ? { q: query.q } : {}),
    limit: query.limit,
    offset: query.offset,
    ...(query.status?.length ? { statuses: query.status } : {}),
    ...scope,
    filters: {
      ...(query.technicalField?.length ? { technicalField: query.technicalField } : {}),
      ...(query.industry?.length ? { industry: query.industry } : {}),
      ...(query.regionId?.length ? { regionId: query.regionId } : {}),
      ...filters,
    },
  });
  const rows = new Map(
    (
      await kind.findRows(
        ctx.db,
        page.items.map((hit) => hit.id),
      )
    ).map((row) => [row.id, row]),
  );
  const items = page.items.flatMap((hit) => {
    const row = rows.get(hit.id);
    return row ? [toItem(row, hit)] : [];
  });
  return { items, total: page.total, facets: await labelFacets(ctx.db, page.facets) };
}

/** Every record of a filtered list (up to `max`, in the list's order), read again whole for the Excel export. */
export async function findPublicationsForExport<
  T extends PublicationTable,
  Row extends StoredPublication,
  Query extends { limit: number; offset: number },
>(
  kind: PublicationKind<T, Row>,
  ctx: ActorContext,
  find: (query: Query) => Promise<{ items: { id: string }[]; total: number }>,
  query: Query,
  max: number,
): Promise<Row[]> {
  const ids: string[] = [];
  let total = Infinity;
  for (let offset = 0; offset < Math.min(total, max); offset += 500) {
    const page = await find({ ...query, limit: Math.min(500, max - offset), offset });
    total = page.total;
    ids.push(...page.items.map((item) => item.id));
    if (page.items.length === 0) break;
  }
  const rows = new Map((await kind.findRows(ctx.db, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [row] : [];
  });
}

/** The lifecycle columns of a new record: created in `status` (a draft unless an import or the seed says otherwise). */
export function initialPublicationColumns(
  ctx: RequestContext,
  input: { contactName?: string | null | undefined; contactPhone?: string | null | undefined; contactEmail?: string | null | undefined },
  options: { status?: PublicationStatus; externalId?: string | null; reviewNote?: string | null; isDemo?: boolean },
) {
  const status = options.status ?? 'draft';
  const now = new Date();
  return {
    externalId: options.externalId ?? null,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    contactEmail: input.contactEmail || null,
    status,
    reviewNote: options.reviewNote ?? null,
    submittedAt: status === 'draft' ? null : now,
    publishedAt: status === 'published' || status === 'closed' ? now : null,
    reviewedBy: status === 'published' ? (ctx.actor?.userId ?? null) : null,
    createdBy: ctx.actor?.userId ?? null,
    isDemo: options.isDemo ?? false,
  };
}

/** After the write of a new record: its search vector and its audit record (`after`), in the caller's transaction. */
export async function recordPublicationCreated<T extends PublicationTable, Row extends StoredPublication>(
  kind: PublicationKind<T, Row>,
  tx: Transaction,
  ctx: RequestContext,
  id: string,
  after: unknown,
): Promise<void> {
  await refreshSearchVectors(tx, kind.objectType, [id]);
  await recordAudit(tx, ctx, { action: `${kind.objectType}.create`, objectType: kind.objectType, objectId: id, after });
}

/** What a kind's own part of an edit decides: the columns to write, the owner it (re)assigns, and what to audit. */
export interface PublicationEdit<T extends PublicationTable> {
  fields: Partial<T['$inferInsert']> & {
    contactName?: string | null | undefined;
    contactPhone?: string | null | undefined;
    contactEmail?: string | null | undefined;
  };
  owner: Partial<T['$inferInsert']>;
  /** The changes as the audit record's `after` shows them (before the owner and a status change). */
  audited: Record<string, unknown>;
}

/**
 * Edits a record in the caller's transaction. Owners edit drafts and returned records; a published record edited by
 * its owner goes back to review (待审核) so the portal never shows an unreviewed text; staff edit in place. `prepare`
 * checks and resolves the kind's own fields once the record is known to be editable.
 */
export async function updatePublicationInTx<T extends PublicationTable, Row extends StoredPublication>(
  kind: PublicationKind<T, Row>,
  tx: Transaction,
  ctx: RequestContext,
  id: string,
  version: number,
  prepare: (current: Row) => Promise<PublicationEdit<T>>,
): Promise<void> {
  const current = await getVisiblePublication(kind, ctx, tx, id);
  const movers = requireMovers(kind, ctx, current, '修改');
  if (current.version !== version) throw versionConflict();
  if (!canEditInStatus(current.status, movers))
    throw ruleViolation(`“${current.status === 'submitted' ? '待审核' : '已关闭或已归档'}”的${kind.noun}不能修改`);
  const { fields, owner, audited } = await prepare(current);
  const status = statusAfterEdit(current.status, movers);
  const values = {
    ...fields,
    ...(fields.contactName !== undefined ? { contactName: fields.contactName || null } : {}),
    ...(fields.contactPhone !== undefined ? { contactPhone: fields.contactPhone || null } : {}),
    ...(fields.contactEmail !== undefined ? { contactEmail: fields.contactEmail || null } : {}),
    ...owner,
    ...(status !== current.status ? { status, submittedAt: new Date(), reviewNote: null } : {}),
  };
  if (!(await updatePublicationRow(tx, kind.table, id, version, values))) throw versionConflict();
  await refreshSearchVectors(tx, kind.objectType, [id]);
  await recordAudit(tx, ctx, {
    action: `${kind.objectType}.update`,
    objectType: kind.objectType,
    objectId: id,
    before: current,
    after: { ...audited, ...owner, ...(status !== current.status ? { status } : {}) },
  });
}

/** Moves a record through the publication lifecycle (提交审核, 发布, 退回, 撤回发布, 关闭, 重新发布, 归档). */
export async function transitionPublication<T extends PublicationTable, Row extends StoredPublication>(
  kind: PublicationKind<T, Row>,
  ctx: ActorContext,
  id: string,
  transition: PublicationTransition,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await getVisiblePublication(kind, ctx, tx, id);
    const movers = requireMovers(kind, ctx, current, '办理');
    if (current.version !== transition.version) throw versionConflict();
    const move = publicationMove(current.status, transition.action, movers);
    if (move.to === null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    const now = new Date();
    const values = {
      status: move.to,
      ...(transition.action === 'submit' ? { submittedAt: now, reviewNote: null } : {}),
      ...(transition.action === 'return' || transition.action === 'unpublish' ? { reviewNote: transition.reason ?? null } : {}),
      ...(transition.action === 'publish' || transition.action === 'reopen' ? { publishedAt: now, reviewNote: null } : {}),
      ...(transition.action !== 'submit' ? { reviewedBy: ctx.actor.userId } : {}),
    };
    if (!(await updatePublicationRow(tx, kind.table, id, transition.version, values))) throw versionConflict();
    await refreshSearchVectors(tx, kind.objectType, [id]);
    await recordAudit(tx, ctx, {
      action: `${kind.objectType}.${transition.action}`,
      objectType: kind.objectType,
      objectId: id,
      before: { status: current.status },
      after: { status: move.to, ...(transition.reason ? { reason: transition.reason } : {}) },
    });
  });
}

/** Deletes (softly) a draft or returned record; a published one is closed instead, so its history stays. */
export async function deletePublication<T extends PublicationTable, Row extends StoredPublication>(
  kind: PublicationKind<T, Row>,
  ctx: ActorContext,
  id: string,
  version: number,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await getVisiblePublication(kind, ctx, tx, id);
    requireMovers(kind, ctx, current, '删除');
    if (current.version !== version) throw versionConflict();
    if (current.status !== 'draft' && current.status !== 'returned')
      throw ruleViolation(`只能删除草稿或已退回的${kind.noun}；已发布的请关闭`);
    if (!(await softDeletePublication(tx, kind.table, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: `${kind.objectType}.delete`, objectType: kind.objectType, objectId: id, before: current });
  });
}
