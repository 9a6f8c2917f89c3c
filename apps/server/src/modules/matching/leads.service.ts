import {
  type CreateLead,
  ErrorCode,
  type Lead,
  type LeadFollowUp,
  type LeadQuery,
  type MatchKind,
  type MatchReason,
  type Page,
  type UpdateLead,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { chinaMidnight } from '../../shared/clock';
import { recordAudit } from '../audit';
import { leadMove } from './leads.lifecycle';
import { inScope, scopeRoot } from './matching.policy';
import * as repository from './matching.repository';
import { candidatesOf, getSubject, type SubjectKind } from './matching.service';

function toLead(
  row: repository.LeadRow,
  events: Awaited<ReturnType<typeof repository.findLeadEvents>>,
  contracts: Awaited<ReturnType<typeof repository.findContractsOfLead>>,
): Lead {
  const l = row.lead;
  const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
  return {
    id: l.id,
    demand: ref(l.demandId, row.demandTitle),
    achievement: ref(l.achievementId, row.achievementTitle),
    expert: ref(l.expertId, row.expertName),
    platform: ref(l.platformId, row.platformName),
    organization: ref(l.organizationId, row.organizationName),
    region: { id: l.regionId, name: row.regionName },
    status: l.status,
    score: l.score === null ? null : Number(l.score),
    reasons: l.reasons as MatchReason[],
    note: l.note,
    createdBy: row.createdByName,
    createdAt: l.createdAt.toISOString(),
    contracts,
    events: events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    isDemo: l.isDemo,
    version: l.version,
  };
}

/** The lead as the actor may see it (staff whose region subtree holds its region), else 404. */
export async function getLeadRowInScope(ctx: ActorContext, id: string, db = ctx.db): Promise<repository.LeadRow> {
  const row = await repository.getLeadRow(db, id);
  if (!row || !inScope(ctx.actor, row.regionPath)) throw notFound();
  return row;
}

export async function getLead(ctx: ActorContext, id: string): Promise<Lead> {
  const row = await getLeadRowInScope(ctx, id);
  const [events, contracts] = await Promise.all([repository.findLeadEvents(ctx.db, id), repository.findContractsOfLead(ctx.db, id)]);
  return toLead(row, events, contracts);
}

/** Leads in the actor's scope, filtered by status, region subtree, demand or achievement; last changed first. */
export async function findLeads(ctx: ActorContext, query: LeadQuery): Promise<Page<Lead>> {
  const root = scopeRoot(ctx.actor);
  if (root === 'nothing') return { items: [], total: 0 };
  let regionPath: string | undefined;
  if (query.regionId) {
    const region = await repository.regionOf(ctx.db, query.regionId);
    if (!region) return { items: [], total: 0 };
    regionPath = region.path;
  }
  const page = await repository.findLeadRows(
    ctx.db,
    { root, statuses: query.status, regionPath, demandId: query.demandId, achievementId: query.achievementId },
    query,
  );
  return { items: page.rows.map((row) => toLead(row, [], [])), total: page.total };
}

/** The pair a lead links: its subject and its one counterpart. */
function pairOf(input: CreateLead): { subject: SubjectKind; subjectId: string; kind: MatchKind; counterpartId: string } {
  if (input.demandId) {
    if (input.achievementId)
      return { subject: 'demand', subjectId: input.demandId, kind: 'achievement', counterpartId: input.achievementId };
    if (input.expertId) return { subject: 'demand', subjectId: input.demandId, kind: 'expert', counterpartId: input.expertId };
    return { subject: 'demand', subjectId: input.demandId, kind: 'platform', counterpartId: input.platformId! };
  }
  if (input.organizationId)
    return { subject: 'achievement', subjectId: input.achievementId!, kind: 'enterprise', counterpartId: input.organizationId };
  return { subject: 'achievement', subjectId: input.achievementId!, kind: 'demand', counterpartId: input.demandId! };
}

/**
 * Records a proposed match as a lead (对接记录, 待跟进), with the reasons worked out again by the matching
 * itself; one live lead per pair. The lead lies in the subject's region when the actor's scope holds it,
 * else in the actor's own region (a county matching a published record of another county).
 */
export async function createLead(ctx: ActorContext, input: CreateLead): Promise<Lead> {
  const pair = pairOf(input);
  const subject = await getSubject(ctx, pair.subject, pair.subjectId);
  const [candidate] = await candidatesOf(ctx, subject, pair.kind, [pair.counterpartId]);
  if (!candidate) {
    throw new AppError(ErrorCode.RuleViolation, {
      message: '所选对象不存在、未发布、不在您的管辖范围内，或与该记录没有任何匹配依据',
    });
  }
  const existing = await repository.findLeadsOfSubject(
    ctx.db,
    pair.subject === 'demand' ? { demandId: pair.subjectId } : { achievementId: pair.subjectId },
  );
  const column = {
    achievement: 'achievementId',
    demand: 'demandId',
    expert: 'expertId',
    platform: 'platformId',
    enterprise: 'organizationId',
  } as const;
  if (existing.some((lead) => lead[column[pair.kind]] === pair.counterpartId)) {
    throw new AppError(ErrorCode.AlreadyExists, { message: '这一对接已有对接记录，请在原记录上跟进' });
  }
  const regionId = subject.record.regionId && inScope(ctx.actor, subject.record.regionPath) ? subject.record.regionId : ctx.actor.regionId;
  if (!regionId) throw new AppError(ErrorCode.RuleViolation, { message: '无法确定对接记录所属区域' });
  const id = await inTransaction(ctx, async (tx) => {
    const created = await repository.insertLead(tx, {
      demandId: input.demandId ?? null,
      achievementId: input.achievementId ?? null,
      expertId: input.expertId ?? null,
      platformId: input.platformId ?? null,
      organizationId: input.organizationId ?? null,
      regionId,
      status: 'new',
      score: String(candidate.score),
      reasons: candidate.reasons,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await repository.insertLeadEvent(tx, {
      leadId: created.id,
      status: 'new',
      note: input.note || '记录对接',
      recordedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'lead.create', objectType: 'match_lead', objectId: created.id, after: created });
    return created.id;
  });
  return getLead(ctx, id);
}

/** A follow-up (联系 / 洽谈 / 终止) with what happened: moves the lead by its lifecycle (optimistic lock). */
export async function followUpLead(ctx: ActorContext, id: string, input: LeadFollowUp): Promise<Lead> {
  const row = await getLeadRowInScope(ctx, id);
  const move = leadMove(row.lead.status, input.action, 'staff');
  if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateLeadVersioned(tx, id, input.version, { status: move.to });
    if (!after) throw versionConflict();
    await repository.insertLeadEvent(tx, {
      leadId: id,
      status: move.to,
      note: input.note,
      occurredAt: input.occurredOn ? chinaMidnight(input.occurredOn) : new Date(),
      recordedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: `lead.${input.action}`,
      objectType: 'match_lead',
      objectId: id,
      before: { status: row.lead.status },
      after: { status: move.to, note: input.note },
    });
  });
  return getLead(ctx, id);
}

/** Changes a lead's note (optimistic lock). */
export async function updateLead(ctx: ActorContext, id: string, input: UpdateLead): Promise<Lead> {
  const row = await getLeadRowInScope(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateLeadVersioned(tx, id, input.version, { note: input.note });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'lead.update',
      objectType: 'match_lead',
      objectId: id,
      before: { note: row.lead.note },
      after: { note: input.note },
    });
  });
  return getLead(ctx, id);
}

/**
 * For the technology-contracts module, inside its transaction: the lead a contract is registered from (in the
 * actor's scope), moved to 已签约 with an event — or left signed when it already was; a dropped lead refuses.
 */
export async function signLeadInTx(
  tx: Transaction,
  ctx: ActorContext,
  leadId: string,
  contract: { registrationNumber: string },
): Promise<{ demandId: string | null; achievementId: string | null; regionId: string }> {
  const row = await getLeadRowInScope(ctx, leadId, tx);
  if (row.lead.status !== 'signed') {
    const move = leadMove(row.lead.status, 'sign', 'contract');
    if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    await repository.setLeadStatus(tx, leadId, move.to);
    await recordAudit(tx, ctx, {
      action: 'lead.sign',
      objectType: 'match_lead',
      objectId: leadId,
      before: { status: row.lead.status },
      after: { status: move.to, registrationNumber: contract.registrationNumber },
    });
  }
  await repository.insertLeadEvent(tx, {
    leadId,
    status: 'signed',
    note: `登记技术合同 ${contract.registrationNumber}`,
    recordedBy: ctx.actor.userId,
  });
  return { demandId: row.lead.demandId, achievementId: row.lead.achievementId, regionId: row.lead.regionId };
}
