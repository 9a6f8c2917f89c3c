import { type AnyColumn, type SQL } from 'drizzle-orm';
import { type CreatePlan, ErrorCode, type Page, type Plan, type PlanQuery, type UpdatePlan } from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type Actor, type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import * as repository from './plans.repository';
import { canWritePlan, needsOrganizationAnchor, oversees, planVisibility } from './plans.policy';

/** The plan as `actor` reads it, with whether they may change it (`canEdit`, from the plan policy). */
export function toPlan(row: repository.PlanRow, actor: Actor): Plan {
  const plan = row.plan;
  return {
    id: plan.id,
    title: plan.title,
    issuingBody: plan.issuingBody,
    documentNo: plan.documentNo,
    issuedOn: plan.issuedOn,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    regionId: plan.regionId,
    regionName: row.regionName,
    sourceText: plan.sourceText,
    targetCount: row.targetCount,
    taskCount: row.taskCount,
    isDemo: plan.isDemo,
    canEdit: canWritePlan(actor, row.regionPath),
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/** The condition admitting the plans the actor sees, on a plan-region path column of the caller's query. */
export async function visiblePlansCondition(db: Executor, actor: Actor, regionPath: AnyColumn): Promise<SQL> {
  const organizationPath = needsOrganizationAnchor(actor) ? await repository.getOrganizationRegionPath(db, actor.organizationId!) : null;
  return planVisibility(actor, organizationPath, regionPath);
}

/** A plan the actor sees, or 404; read through `db` (the caller's transaction if any). */
export async function getVisiblePlanRow(ctx: ActorContext, id: string, db: Executor = ctx.db): Promise<repository.PlanRow> {
  const row = await repository.getPlanRow(db, id, await visiblePlansCondition(db, ctx.actor, repository.planRegionPath));
  if (!row) throw notFound();
  return row;
}

/** A plan the actor may change: 404 when unseen, 403 when seen but not the actor's to change. */
export async function getWritablePlanRow(ctx: ActorContext, id: string, db: Executor = ctx.db): Promise<repository.PlanRow> {
  const row = await getVisiblePlanRow(ctx, id, db);
  if (!canWritePlan(ctx.actor, row.regionPath)) throw new AppError(ErrorCode.Forbidden, { message: '只能修改本辖区的规划' });
  return row;
}

export { oversees, canWritePlan };

/** The plans the actor sees, newest period first. */
export async function findPlans(ctx: ActorContext, query: PlanQuery): Promise<Page<Plan>> {
  const visibility = await visiblePlansCondition(ctx.db, ctx.actor, repository.planRegionPath);
  const page = await repository.findPlanRows(ctx.db, visibility, query);
  return { items: page.rows.map((row) => toPlan(row, ctx.actor)), total: page.total };
}

export async function getPlan(ctx: ActorContext, id: string): Promise<Plan> {
  return toPlan(await getVisiblePlanRow(ctx, id), ctx.actor);
}

async function requireWritableRegion(ctx: ActorContext, regionId: string, db: Executor = ctx.db) {
  const region = await repository.getRegionPathById(db, regionId);
  if (!region || !canWritePlan(ctx.actor, region.path)) {
    throw new AppError(ErrorCode.ValidationFailed, {
      message: '规划覆盖的区域不存在或不在您的管辖范围内',
      details: [{ field: 'regionId', message: '区域不存在或不在管辖范围内' }],
    });
  }
  return region;
}

/**
 * Records a plan for a region the actor writes in, inside the caller's transaction (policy
 * ingestion creates the plan, its targets and tasks in one); checks, writes and audits. Returns the id.
 */
export async function createPlanInTx(tx: Transaction, ctx: ActorContext, input: CreatePlan): Promise<string> {
  await requireWritableRegion(ctx, input.regionId, tx);
  const row = await repository.insertPlan(tx, {
    title: input.title,
    issuingBody: input.issuingBody ?? null,
    documentNo: input.documentNo ?? null,
    issuedOn: input.issuedOn ?? null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    regionId: input.regionId,
    sourceText: input.sourceText ?? null,
  });
  await recordAudit(tx, ctx, { action: 'plan.create', objectType: 'plan', objectId: row.id, after: { ...row, sourceText: undefined } });
  return row.id;
}

/** Records a plan for a region the actor writes in. */
export async function createPlan(ctx: ActorContext, input: CreatePlan): Promise<Plan> {
  const id = await inTransaction(ctx, (tx) => createPlanInTx(tx, ctx, input));
  return getPlan(ctx, id);
}

/** Changes a plan's particulars (optimistic lock on `version`). */
export async function updatePlan(ctx: ActorContext, id: string, input: UpdatePlan): Promise<Plan> {
  const before = toPlan(await getWritablePlanRow(ctx, id), ctx.actor);
  const { version, ...changes } = input;
  if (changes.regionId && changes.regionId !== before.regionId) await requireWritableRegion(ctx, changes.regionId);
  const periodStart = changes.periodStart ?? before.periodStart;
  const periodEnd = changes.periodEnd ?? before.periodEnd;
  if (periodEnd < periodStart) {
    throw new AppError(ErrorCode.ValidationFailed, {
      message: '规划期结束日期不能早于开始日期',
      details: [{ field: 'periodEnd', message: '早于开始日期' }],
    });
  }
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updatePlanVersioned(tx, id, version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'plan.update',
      objectType: 'plan',
      objectId: id,
      before: { ...before, canEdit: undefined, sourceText: undefined },
      after: { ...changes, sourceText: changes.sourceText === undefined ? undefined : '（已修改）' },
    });
  });
  return getPlan(ctx, id);
}

/** Soft-deletes a plan; its targets and tasks disappear with it. */
export async function deletePlan(ctx: ActorContext, id: string, version: number): Promise<void> {
  const before = toPlan(await getWritablePlanRow(ctx, id), ctx.actor);
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.softDeletePlan(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'plan.delete',
      objectType: 'plan',
      objectId: id,
      before: { ...before, canEdit: undefined, sourceText: undefined },
    });
  });
}
