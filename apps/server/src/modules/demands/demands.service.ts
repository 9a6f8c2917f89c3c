import {
  type CreateDemand,
  type Demand,
  type DemandDetail,
  type DemandPage,
  type DemandQuery,
  ErrorCode,
  type PublicationStatus,
  type PublicationTransition,
  type UpdateDemand,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { recordAudit } from '../audit';
import { refreshSearchVectors, searchRecords } from '../search';
import {
  allowedPublicationActions,
  canEditInStatus,
  canSeePublication,
  findPublicationHistory,
  isInOwnScope,
  labelFacets,
  listScope,
  moversOf,
  type PublicationFacts,
  publicationMove,
  statusAfterEdit,
  visibleContact,
} from '../achievements';
import * as repository from './demands.repository';
import type { DemandRow } from './demands.repository';

/**
 * 技术需求: what enterprises need solved — entered by the enterprise (or by staff for it), reviewed and published by
 * the bureau. Same lifecycle, scope and contact rule as achievements (achievements module); each write is audited in
 * its transaction and refreshes the record's search vector.
 */

const review = 'demand:review' as const;

const facts = (row: DemandRow): PublicationFacts => ({
  status: row.status,
  organizationId: row.enterpriseOrganizationId,
  regionPath: row.regionPath,
});

function toDemand(ctx: RequestContext, row: DemandRow): Demand {
  const movers = moversOf(ctx.actor, facts(row), review);
  return {
    id: row.id,
    externalId: row.externalId,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    technicalField: row.technicalField,
    industry: row.industry,
    budget: row.budget,
    deadline: row.deadline,
    enterpriseOrganization: row.enterpriseOrganizationId
      ? { id: row.enterpriseOrganizationId, name: row.enterpriseOrganizationName ?? '' }
      : null,
    enterpriseName: row.enterpriseName,
    ...visibleContact(row, isInOwnScope(ctx.actor, facts(row))),
    publishedContact: row.publishedContact as Demand['publishedContact'],
    region: row.regionId ? { id: row.regionId, name: row.regionName ?? '' } : null,
    status: row.status,
    reviewNote: row.reviewNote,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    canEdit: canEditInStatus(row.status, movers),
    allowedActions: allowedPublicationActions(row.status, movers),
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function getVisibleRow(ctx: RequestContext, db: RequestContext['db'] | Transaction, id: string): Promise<DemandRow> {
  const row = await repository.getDemandRow(db, id);
  if (!row || !canSeePublication(ctx.actor, facts(row))) throw notFound('技术需求不存在或无权查看');
  return row;
}

/** Demands the actor may see, searched and faceted by the search module, best match first. */
export async function findDemands(ctx: ActorContext, query: DemandQuery): Promise<DemandPage> {
  const scope = listScope(ctx.actor, query.status, query.mine);
  const empty = { technicalField: [], industry: [], maturity: [], region: [], ownerType: [] };
  if (scope === 'nothing') return { items: [], total: 0, facets: empty };
  const page = await searchRecords(ctx.db, 'demand', {
    ...(query.q ? { q: query.q } : {}),
    limit: query.limit,
    offset: query.offset,
    ...(query.status?.length ? { statuses: query.status } : {}),
    ...scope,
    filters: {
      ...(query.technicalField?.length ? { technicalField: query.technicalField } : {}),
      ...(query.industry?.length ? { industry: query.industry } : {}),
      ...(query.regionId?.length ? { regionId: query.regionId } : {}),
    },
  });
  const rows = new Map(
    (
      await repository.findDemandRows(
        ctx.db,
        page.items.map((hit) => hit.id),
      )
    ).map((row) => [row.id, row]),
  );
  const items = page.items.flatMap((hit) => {
    const row = rows.get(hit.id);
    if (!row) return [];
    const demand = toDemand(ctx, row);
    return [
      {
        id: demand.id,
        title: demand.title,
        keywords: demand.keywords,
        technicalField: demand.technicalField,
        industry: demand.industry,
        budget: demand.budget,
        deadline: demand.deadline,
        enterpriseName: demand.enterpriseName,
        region: demand.region,
        status: demand.status,
        publishedAt: demand.publishedAt,
        isDemo: demand.isDemo,
        version: demand.version,
        updatedAt: demand.updatedAt,
        score: hit.score,
        snippet: hit.snippet,
        highlighted: hit.highlighted,
        matchedTerms: hit.matchedTerms,
      },
    ];
  });
  return { items, total: page.total, facets: await labelFacets(ctx.db, page.facets) };
}

/** One demand with its history; contact data beyond what the enterprise publishes only within scope. */
export async function getDemand(ctx: RequestContext, id: string): Promise<DemandDetail> {
  const row = await getVisibleRow(ctx, ctx.db, id);
  return { ...toDemand(ctx, row), history: await findPublicationHistory(ctx.db, 'demand', id) };
}

/** The enterprise of a new or re-assigned demand and where it is located; refuses one outside the actor's scope. */
async function resolveEnterprise(
  tx: Transaction,
  ctx: RequestContext,
  input: { enterpriseOrganizationId?: string | null | undefined; enterpriseName?: string | null | undefined },
): Promise<{ enterpriseOrganizationId: string | null; enterpriseName: string; regionId: string | null }> {
  const actor = ctx.actor;
  let organizationId = input.enterpriseOrganizationId ?? null;
  if (actor?.role === 'host_user') {
    if (!actor.organizationId) throw new AppError(ErrorCode.Forbidden, { message: '您的账号未关联单位，不能发布技术需求' });
    if (organizationId && organizationId !== actor.organizationId)
      throw invalidField('enterpriseOrganizationId', '只能登记本单位的技术需求');
    organizationId = actor.organizationId;
  }
  if (organizationId) {
    const organization = await repository.findEnterpriseOrganization(tx, organizationId);
    if (!organization) throw invalidField('enterpriseOrganizationId', '提出需求的单位不存在');
    if (!isInOwnScope(actor, { status: 'draft', organizationId: organization.id, regionPath: organization.regionPath }))
      throw invalidField('enterpriseOrganizationId', `单位“${organization.name}”不在您的管辖范围内`);
    return { enterpriseOrganizationId: organization.id, enterpriseName: organization.name, regionId: organization.regionId };
  }
  if (!input.enterpriseName) throw invalidField('enterpriseOrganizationId', '请选择提出需求的企业，或填写企业名称');
  return { enterpriseOrganizationId: null, enterpriseName: input.enterpriseName, regionId: actor?.regionId ?? null };
}

export interface CreateDemandOptions {
  /** Staff importing with 直接发布, and the demo seed: the status to create in (draft by default). */
  status?: PublicationStatus;
  externalId?: string | null;
  /** The review note of a record created as returned (the demo seed). */
  reviewNote?: string | null;
  isDemo?: boolean;
}

/** Creates a demand in the caller's transaction (the form, the Excel import, the demo seed); returns its id. */
export async function createDemandInTx(
  tx: Transaction,
  ctx: RequestContext,
  input: CreateDemand,
  options: CreateDemandOptions = {},
): Promise<string> {
  const enterprise = await resolveEnterprise(tx, ctx, input);
  const status = options.status ?? 'draft';
  const now = new Date();
  const id = await repository.insertDemand(tx, {
    externalId: options.externalId ?? null,
    title: input.title,
    description: input.description,
    keywords: input.keywords,
    technicalField: input.technicalField ?? null,
    industry: input.industry ?? null,
    budget: input.budget ?? null,
    deadline: input.deadline ?? null,
    ...enterprise,
    contactName: input.contactName || null,
    contactPhone: input.contactPhone || null,
    contactEmail: input.contactEmail || null,
    publishedContact: input.publishedContact,
    status,
    reviewNote: options.reviewNote ?? null,
    submittedAt: status === 'draft' ? null : now,
    publishedAt: status === 'published' || status === 'closed' ? now : null,
    reviewedBy: status === 'published' ? (ctx.actor?.userId ?? null) : null,
    createdBy: ctx.actor?.userId ?? null,
    isDemo: options.isDemo ?? false,
  });
  await refreshSearchVectors(tx, 'demand', [id]);
  await recordAudit(tx, ctx, { action: 'demand.create', objectType: 'demand', objectId: id, after: { ...input, ...enterprise, status } });
  return id;
}

/** Creates a demand as a draft. */
export async function createDemand(ctx: ActorContext, input: CreateDemand): Promise<DemandDetail> {
  const id = await inTransaction(ctx, (tx) => createDemandInTx(tx, ctx, input));
  return getDemand(ctx, id);
}

/**
 * Edits a demand in the caller's transaction: drafts and returned ones by the enterprise or staff; a published one
 * edited by the enterprise goes back to review (待审核); staff edit published demands in place.
 */
export async function updateDemandInTx(tx: Transaction, ctx: RequestContext, id: string, input: UpdateDemand): Promise<void> {
  const current = await getVisibleRow(ctx, tx, id);
  const movers = moversOf(ctx.actor, facts(current), review);
  if (movers.length === 0) throw new AppError(ErrorCode.Forbidden, { message: '只有提出需求的单位或管辖范围内的科技局人员可以修改' });
  if (current.version !== input.version) throw versionConflict();
  if (!canEditInStatus(current.status, movers))
    throw ruleViolation(`“${current.status === 'submitted' ? '待审核' : '已关闭或已归档'}”的技术需求不能修改`);
  const { version, enterpriseOrganizationId, enterpriseName, ...fields } = input;
  const enterpriseChanged =
    (enterpriseOrganizationId !== undefined && enterpriseOrganizationId !== current.enterpriseOrganizationId) ||
    (enterpriseOrganizationId === null && enterpriseName !== undefined);
  const enterprise = enterpriseChanged
    ? await resolveEnterprise(tx, ctx, { enterpriseOrganizationId, enterpriseName: enterpriseName ?? current.enterpriseName })
    : !current.enterpriseOrganizationId && enterpriseName
      ? { enterpriseName }
      : {};
  const status = statusAfterEdit(current.status, movers);
  const values = {
    ...fields,
    ...(fields.contactName !== undefined ? { contactName: fields.contactName || null } : {}),
    ...(fields.contactPhone !== undefined ? { contactPhone: fields.contactPhone || null } : {}),
    ...(fields.contactEmail !== undefined ? { contactEmail: fields.contactEmail || null } : {}),
    ...enterprise,
    ...(status !== current.status ? { status, submittedAt: new Date(), reviewNote: null } : {}),
  };
  if (!(await repository.updateDemandRow(tx, id, version, values))) throw versionConflict();
  await refreshSearchVectors(tx, 'demand', [id]);
  await recordAudit(tx, ctx, {
    action: 'demand.update',
    objectType: 'demand',
    objectId: id,
    before: current,
    after: { ...fields, ...enterprise, ...(status !== current.status ? { status } : {}) },
  });
}

export async function updateDemand(ctx: ActorContext, id: string, input: UpdateDemand): Promise<DemandDetail> {
  await inTransaction(ctx, (tx) => updateDemandInTx(tx, ctx, id, input));
  return getDemand(ctx, id);
}

/** Moves a demand through its publication lifecycle. */
export async function transitionDemand(ctx: ActorContext, id: string, transition: PublicationTransition): Promise<DemandDetail> {
  await inTransaction(ctx, async (tx) => {
    const current = await getVisibleRow(ctx, tx, id);
    const movers = moversOf(ctx.actor, facts(current), review);
    if (movers.length === 0) throw new AppError(ErrorCode.Forbidden, { message: '只有提出需求的单位或管辖范围内的科技局人员可以办理' });
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
    if (!(await repository.updateDemandRow(tx, id, transition.version, values))) throw versionConflict();
    await refreshSearchVectors(tx, 'demand', [id]);
    await recordAudit(tx, ctx, {
      action: `demand.${transition.action}`,
      objectType: 'demand',
      objectId: id,
      before: { status: current.status },
      after: { status: move.to, ...(transition.reason ? { reason: transition.reason } : {}) },
    });
  });
  return getDemand(ctx, id);
}

/** Deletes (softly) a draft or returned demand; a published one is closed instead. */
export async function deleteDemand(ctx: ActorContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await getVisibleRow(ctx, tx, id);
    if (moversOf(ctx.actor, facts(current), review).length === 0)
      throw new AppError(ErrorCode.Forbidden, { message: '只有提出需求的单位或管辖范围内的科技局人员可以删除' });
    if (current.version !== version) throw versionConflict();
    if (current.status !== 'draft' && current.status !== 'returned') throw ruleViolation('只能删除草稿或已退回的技术需求；已发布的请关闭');
    if (!(await repository.softDeleteDemand(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'demand.delete', objectType: 'demand', objectId: id, before: current });
  });
}

/** Every demand of a filtered list (up to `max`), for the Excel export, in the list's order. */
export async function findDemandsForExport(ctx: ActorContext, query: DemandQuery, max: number): Promise<Demand[]> {
  const ids: string[] = [];
  let total = Infinity;
  for (let offset = 0; offset < Math.min(total, max); offset += 500) {
    const page = await findDemands(ctx, { ...query, limit: Math.min(500, max - offset), offset });
    total = page.total;
    ids.push(...page.items.map((item) => item.id));
    if (page.items.length === 0) break;
  }
  const rows = new Map((await repository.findDemandRows(ctx.db, ids)).map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [toDemand(ctx, row)] : [];
  });
}

/** The external id's demand, if any (Excel re-imports update rather than duplicate). */
export async function findDemandByExternalId(tx: Transaction, externalId: string) {
  return repository.findDemandByExternalId(tx, externalId);
}
