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
import { AppError, invalidField } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { demands } from '../../db/schema/index';
import {
  allowedPublicationActions,
  canEditInStatus,
  deletePublication,
  findPublicationByExternalId,
  findPublicationHistory,
  findPublicationsForExport,
  findVisiblePublications,
  getVisiblePublication,
  initialPublicationColumns,
  insertPublication,
  isInOwnScope,
  moversOf,
  type PublicationFacts,
  type PublicationKind,
  recordPublicationCreated,
  transitionPublication,
  updatePublicationInTx,
  visibleContact,
} from '../achievements';
import * as repository from './demands.repository';
import type { DemandRow } from './demands.repository';
import { getOrganizationRow } from '../organizations';

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

const kind: PublicationKind<typeof demands, DemandRow> = {
  objectType: 'demand',
  table: demands,
  review,
  noun: '技术需求',
  ownerParty: '提出需求的单位',
  getRow: repository.getDemandRow,
  findRows: repository.findDemandRows,
  facts,
};

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

/** Demands the actor may see, searched and faceted by the search module, best match first. */
export async function findDemands(ctx: ActorContext, query: DemandQuery): Promise<DemandPage> {
  return findVisiblePublications(kind, ctx, query, {}, (row, hit) => {
    const demand = toDemand(ctx, row);
    return {
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
    };
  });
}

/** One demand with its history; contact data beyond what the enterprise publishes only within scope. */
export async function getDemand(ctx: RequestContext, id: string): Promise<DemandDetail> {
  const row = await getVisiblePublication(kind, ctx, ctx.db, id);
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
    const organization = await getOrganizationRow(tx, organizationId);
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
  const initial = initialPublicationColumns(ctx, input, options);
  const id = await insertPublication(tx, demands, {
    ...initial,
    title: input.title,
    description: input.description,
    keywords: input.keywords,
    technicalField: input.technicalField ?? null,
    industry: input.industry ?? null,
    budget: input.budget ?? null,
    deadline: input.deadline ?? null,
    ...enterprise,
    publishedContact: input.publishedContact,
  });
  await recordPublicationCreated(kind, tx, ctx, id, { ...input, ...enterprise, status: initial.status });
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
  const { version, enterpriseOrganizationId, enterpriseName, ...fields } = input;
  await updatePublicationInTx(kind, tx, ctx, id, version, async (current) => {
    const enterpriseChanged =
      (enterpriseOrganizationId !== undefined && enterpriseOrganizationId !== current.enterpriseOrganizationId) ||
      (enterpriseOrganizationId === null && enterpriseName !== undefined);
    const enterprise = enterpriseChanged
      ? await resolveEnterprise(tx, ctx, { enterpriseOrganizationId, enterpriseName: enterpriseName ?? current.enterpriseName })
      : !current.enterpriseOrganizationId && enterpriseName
        ? { enterpriseName }
        : {};
    return { fields, owner: enterprise, audited: fields };
  });
}

export async function updateDemand(ctx: ActorContext, id: string, input: UpdateDemand): Promise<DemandDetail> {
  await inTransaction(ctx, (tx) => updateDemandInTx(tx, ctx, id, input));
  return getDemand(ctx, id);
}

/** Moves a demand through its publication lifecycle. */
export async function transitionDemand(ctx: ActorContext, id: string, transition: PublicationTransition): Promise<DemandDetail> {
  await transitionPublication(kind, ctx, id, transition);
  return getDemand(ctx, id);
}

/** Deletes (softly) a draft or returned demand; a published one is closed instead. */
export async function deleteDemand(ctx: ActorContext, id: string, version: number): Promise<void> {
  await deletePublication(kind, ctx, id, version);
}

/** Every demand of a filtered list (up to `max`), for the Excel export, in the list's order. */
export async function findDemandsForExport(ctx: ActorContext, query: DemandQuery, max: number): Promise<Demand[]> {
  const rows = await findPublicationsForExport(kind, ctx, (page: DemandQuery) => findDemands(ctx, page), query, max);
  return rows.map((row) => toDemand(ctx, row));
}

/** The external id's demand, if any (Excel re-imports update rather than duplicate). */
export async function findDemandByExternalId(tx: Transaction, externalId: string) {
  return findPublicationByExternalId(tx, demands, externalId);
}
