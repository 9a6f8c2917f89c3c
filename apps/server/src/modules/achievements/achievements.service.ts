import {
  type Achievement,
  type AchievementDetail,
  type AchievementPage,
  type AchievementQuery,
  type AchievementSource,
  type CreateAchievement,
  ErrorCode,
  type OwnerType,
  type PublicationStatus,
  type PublicationTransition,
  type UpdateAchievement,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, invalidField } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { achievements } from '../../db/schema/index';
import * as repository from './achievements.repository';
import type { AchievementRow } from './achievements.repository';
import { allowedPublicationActions, canEditInStatus } from './publication.lifecycle';
import { isInOwnScope, moversOf, type PublicationFacts } from './publication.policy';
import { findPublicationByExternalId, insertPublication } from './publication.repository';
import { getOrganizationRow } from '../organizations';
import {
  deletePublication,
  findPublicationsForExport,
  findVisiblePublications,
  getVisiblePublication,
  initialPublicationColumns,
  type PublicationKind,
  recordPublicationCreated,
  transitionPublication,
  updatePublicationInTx,
} from './publication.service';
import { findPublicationHistory, ownerTypeOfKind, visibleContact } from './publication.shared';

/**
 * 科技成果: entering, editing and publishing achievements, each write audited in its transaction and followed by a
 * refresh of the record's search vector (search module), so the lists and the portal find it at once.
 */

const review = 'achievement:review' as const;

const facts = (row: AchievementRow): PublicationFacts => ({
  status: row.status,
  organizationId: row.ownerOrganizationId,
  regionPath: row.regionPath,
});

const kind: PublicationKind<typeof achievements, AchievementRow> = {
  objectType: 'achievement',
  table: achievements,
  review,
  noun: '科技成果',
  ownerParty: '成果所属单位',
  getRow: repository.getAchievementRow,
  findRows: repository.findAchievementRows,
  facts,
};

function toAchievement(ctx: RequestContext, row: AchievementRow): Achievement {
  const movers = moversOf(ctx.actor, facts(row), review);
  return {
    id: row.id,
    externalId: row.externalId,
    title: row.title,
    abstract: row.abstract,
    keywords: row.keywords,
    discipline: row.discipline,
    technicalField: row.technicalField,
    industry: row.industry,
    maturity: row.maturity,
    patents: row.patents,
    ownerOrganization: row.ownerOrganizationId ? { id: row.ownerOrganizationId, name: row.ownerOrganizationName ?? '' } : null,
    ownerName: row.ownerName,
    ownerType: row.ownerType,
    team: row.team,
    transferModes: row.transferModes,
    priceMin: row.priceMin,
    priceMax: row.priceMax,
    ...visibleContact(row, isInOwnScope(ctx.actor, facts(row))),
    publishedContact: row.publishedContact as Achievement['publishedContact'],
    region: row.regionId ? { id: row.regionId, name: row.regionName ?? '' } : null,
    status: row.status,
    reviewNote: row.reviewNote,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    source: row.source,
    canEdit: canEditInStatus(row.status, movers),
    allowedActions: allowedPublicationActions(row.status, movers),
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Achievements the actor may see, searched and faceted by the search module, best match first. */
export async function findAchievements(ctx: ActorContext, query: AchievementQuery): Promise<AchievementPage> {
  const filters = {
    ...(query.maturity?.length ? { maturity: query.maturity } : {}),
    ...(query.ownerType?.length ? { ownerType: query.ownerType } : {}),
  };
  return findVisiblePublications(kind, ctx, query, filters, (row, hit) => {
    const achievement = toAchievement(ctx, row);
    return {
      id: achievement.id,
      title: achievement.title,
      keywords: achievement.keywords,
      technicalField: achievement.technicalField,
      industry: achievement.industry,
      maturity: achievement.maturity,
      ownerName: achievement.ownerName,
      ownerType: achievement.ownerType,
      transferModes: achievement.transferModes,
      region: achievement.region,
      status: achievement.status,
      publishedAt: achievement.publishedAt,
      isDemo: achievement.isDemo,
      version: achievement.version,
      updatedAt: achievement.updatedAt,
      score: hit.score,
      snippet: hit.snippet,
      highlighted: hit.highlighted,
      matchedTerms: hit.matchedTerms,
    };
  });
}

/** One achievement with its history; contact data beyond what the owner publishes only within scope. */
export async function getAchievement(ctx: RequestContext, id: string): Promise<AchievementDetail> {
  const row = await getVisiblePublication(kind, ctx, ctx.db, id);
  return { ...toAchievement(ctx, row), history: await findPublicationHistory(ctx.db, 'achievement', id) };
}

/** Who owns a new or re-assigned achievement, and where it is located; refuses an owner outside the actor's scope. */
async function resolveOwner(
  tx: Transaction,
  ctx: RequestContext,
  input: {
    ownerOrganizationId?: string | null | undefined;
    ownerName?: string | null | undefined;
    ownerType?: OwnerType | null | undefined;
  },
): Promise<{ ownerOrganizationId: string | null; ownerName: string; ownerType: OwnerType; regionId: string | null }> {
  const actor = ctx.actor;
  let organizationId = input.ownerOrganizationId ?? null;
  if (actor?.role === 'host_user') {
    if (!actor.organizationId) throw new AppError(ErrorCode.Forbidden, { message: '您的账号未关联单位，不能登记科技成果' });
    if (organizationId && organizationId !== actor.organizationId) throw invalidField('ownerOrganizationId', '只能登记本单位的科技成果');
    organizationId = actor.organizationId;
  }
  if (organizationId) {
    const organization = await getOrganizationRow(tx, organizationId);
    if (!organization) throw invalidField('ownerOrganizationId', '所属单位不存在');
    if (!isInOwnScope(actor, { status: 'draft', organizationId: organization.id, regionPath: organization.regionPath }))
      throw invalidField('ownerOrganizationId', `单位“${organization.name}”不在您的管辖范围内`);
    return {
      ownerOrganizationId: organization.id,
      ownerName: organization.name,
      ownerType: ownerTypeOfKind(organization.kind),
      regionId: organization.regionId,
    };
  }
  if (!input.ownerName) throw invalidField('ownerOrganizationId', '请选择成果所属单位，或填写成果持有人');
  return {
    ownerOrganizationId: null,
    ownerName: input.ownerName,
    ownerType: input.ownerType ?? 'other',
    regionId: actor?.regionId ?? null,
  };
}

export interface CreateAchievementOptions {
  source?: AchievementSource;
  /** Staff importing with 直接发布, and the demo seed: the status to create in (draft by default). */
  status?: PublicationStatus;
  externalId?: string | null;
  /** The review note of a record created as returned (the demo seed). */
  reviewNote?: string | null;
  isDemo?: boolean;
}

/** Creates an achievement in the caller's transaction (the form, the Excel import, the demo seed); returns its id. */
export async function createAchievementInTx(
  tx: Transaction,
  ctx: RequestContext,
  input: CreateAchievement,
  options: CreateAchievementOptions = {},
): Promise<string> {
  const owner = await resolveOwner(tx, ctx, input);
  const initial = initialPublicationColumns(ctx, input, options);
  const id = await insertPublication(tx, achievements, {
    ...initial,
    title: input.title,
    abstract: input.abstract,
    keywords: input.keywords,
    discipline: input.discipline ?? null,
    technicalField: input.technicalField ?? null,
    industry: input.industry ?? null,
    maturity: input.maturity ?? null,
    patents: input.patents,
    ...owner,
    team: input.team ?? null,
    transferModes: input.transferModes,
    priceMin: input.priceMin ?? null,
    priceMax: input.priceMax ?? null,
    publishedContact: input.publishedContact,
    source: options.source ?? 'manual',
  });
  await recordPublicationCreated(kind, tx, ctx, id, { ...input, ...owner, status: initial.status, source: options.source ?? 'manual' });
  return id;
}

/** Creates an achievement (a draft unless options say otherwise). */
export async function createAchievement(ctx: ActorContext, input: CreateAchievement): Promise<AchievementDetail> {
  const id = await inTransaction(ctx, (tx) => createAchievementInTx(tx, ctx, input));
  return getAchievement(ctx, id);
}

/**
 * Edits an achievement in the caller's transaction. Owners edit drafts and returned records; a published record
 * edited by its owner goes back to review (待审核) so the portal never shows an unreviewed text; staff edit in place.
 * Returns whether anything changed.
 */
export async function updateAchievementInTx(tx: Transaction, ctx: RequestContext, id: string, input: UpdateAchievement): Promise<boolean> {
  const { version, ...changes } = input;
  await updatePublicationInTx(kind, tx, ctx, id, version, async (current) => {
    const priceMin = changes.priceMin !== undefined ? changes.priceMin : current.priceMin;
    const priceMax = changes.priceMax !== undefined ? changes.priceMax : current.priceMax;
    if (priceMin !== null && priceMin !== undefined && priceMax !== null && priceMax !== undefined && priceMin > priceMax)
      throw invalidField('priceMax', '最低价格不能高于最高价格');
    const ownerChanged =
      (changes.ownerOrganizationId !== undefined && changes.ownerOrganizationId !== current.ownerOrganizationId) ||
      (changes.ownerOrganizationId === null && changes.ownerName !== undefined);
    const owner = ownerChanged
      ? await resolveOwner(tx, ctx, {
          ownerOrganizationId: changes.ownerOrganizationId,
          ownerName: changes.ownerName ?? current.ownerName,
          ownerType: changes.ownerType ?? current.ownerType,
        })
      : current.ownerOrganizationId
        ? {}
        : {
            ...(changes.ownerName ? { ownerName: changes.ownerName } : {}),
            ...(changes.ownerType ? { ownerType: changes.ownerType } : {}),
          };
    const { ownerOrganizationId: _o, ownerName: _n, ownerType: _t, ...fields } = changes;
    return { fields, owner, audited: changes };
  });
  return true;
}

export async function updateAchievement(ctx: ActorContext, id: string, input: UpdateAchievement): Promise<AchievementDetail> {
  await inTransaction(ctx, (tx) => updateAchievementInTx(tx, ctx, id, input));
  return getAchievement(ctx, id);
}

/** Moves an achievement through its publication lifecycle (提交审核, 发布, 退回, 撤回发布, 关闭, 重新发布, 归档). */
export async function transitionAchievement(ctx: ActorContext, id: string, transition: PublicationTransition): Promise<AchievementDetail> {
  await transitionPublication(kind, ctx, id, transition);
  return getAchievement(ctx, id);
}

/** Deletes (softly) a draft or returned achievement; a published one is closed instead, so its history stays. */
export async function deleteAchievement(ctx: ActorContext, id: string, version: number): Promise<void> {
  await deletePublication(kind, ctx, id, version);
}

/** Every achievement of a filtered list (up to `max`), for the Excel export, in the list's order. */
export async function findAchievementRowsForExport(ctx: ActorContext, query: AchievementQuery, max: number): Promise<Achievement[]> {
  const rows = await findPublicationsForExport(kind, ctx, (page: AchievementQuery) => findAchievements(ctx, page), query, max);
  return rows.map((row) => toAchievement(ctx, row));
}

/** The external id's achievement, if any (Excel re-imports update rather than duplicate). */
export async function findAchievementByExternalId(tx: Transaction, externalId: string) {
  return findPublicationByExternalId(tx, achievements, externalId);
}
