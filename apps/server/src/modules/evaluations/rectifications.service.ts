import {
  ErrorCode,
  labels,
  type Page,
  type Rectification,
  type RectificationAction,
  type RectificationQuery,
  type RectificationTransition,
} from '@stip/contracts';
import type { Transaction } from '../../db/client';
import { AppError, invalidField, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { todayInChina } from '../../shared/clock';
import { recordAudit } from '../audit';
import { raiseNotifications } from '../notifications';
import { updatePlatformInTx } from '../platforms';
import { evaluationScope, rectificationMoverOf } from './evaluations.policy';
import * as repository from './evaluations.repository';
import {
  allowedRectificationActions,
  isRectificationOverdue,
  type RectificationMover,
  rectificationMove,
} from './rectifications.lifecycle';

/**
 * Rectifications (整改): ordered by an applied evaluation round, reported on by the host, checked by
 * staff. Passing and failing move the platform through the platforms module (整改 → 运行, → 撤销).
 */

interface HistoryEntry {
  action: RectificationAction;
  at: string;
  by: string | null;
  note: string | null;
}

function toRectification(
  row: NonNullable<repository.RectificationWithPlatform>,
  mover: RectificationMover | null,
  today: string,
): Rectification {
  const r = row.rectification;
  return {
    id: r.id,
    platform: { id: r.platformId, name: row.platformName },
    hostOrganization: { id: row.hostOrganizationId, name: row.hostOrganizationName },
    round: r.roundId ? { id: r.roundId, name: row.roundTitle ?? '' } : null,
    status: r.status,
    requirements: r.requirements,
    deadline: r.deadline,
    isOverdue: isRectificationOverdue(r, today),
    report: r.report,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    checkComment: r.checkComment,
    checkedAt: r.checkedAt?.toISOString() ?? null,
    history: r.history as HistoryEntry[],
    // Guards applied, except the extension's, which depends on the deadline the user will choose.
    allowedActions: mover
      ? allowedRectificationActions(r.status, mover).filter(
          (action) => action === 'extend' || rectificationMove(r, action, mover, today).refusal === null,
        )
      : [],
    isDemo: r.isDemo,
    version: r.version,
  };
}

/** Rectifications of the platforms the actor sees, earliest deadline first; `overdue=true` lists the late ones. */
export async function findRectifications(ctx: ActorContext, query: RectificationQuery): Promise<Page<Rectification>> {
  const today = todayInChina();
  const { rows, total } = await repository.findRectificationRows(ctx.db, {
    statuses: query.status,
    overdueOn: query.overdue === 'true' ? today : undefined,
    scope: evaluationScope(ctx.actor),
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map((row) => toRectification(row, rectificationMoverOf(ctx.actor, row.hostOrganizationId), today)), total };
}

export async function getRectification(ctx: ActorContext, id: string): Promise<Rectification> {
  const row = await repository.getRectificationRow(ctx.db, id, evaluationScope(ctx.actor));
  if (!row) throw notFound('整改记录不存在');
  return toRectification(row, rectificationMoverOf(ctx.actor, row.hostOrganizationId), todayInChina());
}

/** For applying a round: a rectification of the platform, ordered with its deadline. */
export async function orderRectificationInTx(
  tx: Transaction,
  ctx: RequestContext,
  values: { platformId: string; roundId: string; resultId: string; deadline: string; requirements: string; isDemo: boolean },
) {
  const row = await repository.insertRectification(tx, { ...values, status: 'ordered', history: [] });
  await recordAudit(tx, ctx, { action: 'rectification.order', objectType: 'rectification', objectId: row.id, after: row });
  // The host is told at once: the deadline runs from today.
  const host = await repository.findPlatformHostUsers(tx, values.platformId);
  await raiseNotifications(
    tx,
    host.userIds.map((userId) => ({
      userId,
      type: 'rectification_ordered',
      title: `整改通知：${host.platformName}`,
      body: `“${host.platformName}”在考核中被责令整改，请于${values.deadline}前提交整改报告。整改要求：${values.requirements}`,
      link: `/rectifications/${row.id}`,
      dedupeKey: `rectification:${row.id}`,
    })),
  );
  return row;
}

/** For a revocation: the platform's open rectifications end as 未通过（撤销） by the evaluation. */
export async function closeOpenRectificationsInTx(tx: Transaction, ctx: RequestContext, platformId: string, note: string) {
  const today = todayInChina();
  for (const open of await repository.findOpenRectifications(tx, platformId)) {
    const move = rectificationMove(open, 'fail', 'evaluation', today);
    if (move.refusal !== null) continue;
    const entry: HistoryEntry = { action: 'fail', at: new Date().toISOString(), by: ctx.actor?.username ?? null, note };
    const row = await repository.updateRectification(tx, open.id, open.version, {
      status: move.to,
      checkComment: note,
      checkedAt: new Date(),
      history: [...(open.history as HistoryEntry[]), entry],
    });
    if (!row) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'rectification.fail', objectType: 'rectification', objectId: open.id, before: open, after: row });
  }
}

/**
 * Moves a rectification along its lifecycle (rectifications.lifecycle.ts): the host submits its
 * report; staff pass it (platform 整改 → 运行), fail it (platform → 撤销) or extend the deadline.
 */
export async function transitionRectification(ctx: ActorContext, id: string, input: RectificationTransition): Promise<Rectification> {
  const today = todayInChina();
  await inTransaction(ctx, async (tx) => {
    const row = await repository.getRectificationRow(tx, id, evaluationScope(ctx.actor));
    if (!row) throw notFound('整改记录不存在');
    const current = row.rectification;
    const mover = rectificationMoverOf(ctx.actor, row.hostOrganizationId);
    if (!mover) throw new AppError(ErrorCode.Forbidden, { message: '您不能办理该平台的整改' });
    if (current.version !== input.version) throw versionConflict();
    if (input.action === 'extend' && !input.deadline) throw invalidField('deadline', '请填写新的整改期限');
    const move = rectificationMove({ ...current, newDeadline: input.deadline ?? null }, input.action, mover, today);
    if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });

    const note = input.note.trim();
    const changes: Partial<repository.RectificationRow> = { status: move.to };
    const reason = `整改${row.roundTitle ? `（${row.roundTitle}）` : ''}`;
    if (input.action === 'submit') Object.assign(changes, { report: note, submittedAt: new Date() });
    if (input.action === 'extend') Object.assign(changes, { deadline: input.deadline! });
    if (input.action === 'pass' || input.action === 'fail') {
      Object.assign(changes, { checkComment: note, checkedAt: new Date() });
      const toStatus = input.action === 'pass' ? ('operating' as const) : ('revoked' as const);
      const actionLabel = input.action === 'pass' ? labels.platformAction.completeRectification : labels.platformAction.revoke;
      try {
        await updatePlatformInTx(tx, ctx, current.platformId, {
          version: row.lockVersion,
          status: toStatus,
          effectiveDate: today,
          changeNote: `${actionLabel}：${reason}核查${input.action === 'pass' ? '通过' : '不通过'}，${note}`.slice(0, 500),
        });
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.TransitionNotAllowed) {
          throw new AppError(ErrorCode.TransitionNotAllowed, {
            message: `平台“${row.platformName}”当前为“${labels.platformStatus[row.platformStatus]}”，不能${actionLabel}`,
          });
        }
        throw error;
      }
    }
    const entry: HistoryEntry = { action: input.action, at: new Date().toISOString(), by: ctx.actor.username, note };
    const updated = await repository.updateRectification(tx, id, current.version, {
      ...changes,
      history: [...(current.history as HistoryEntry[]), entry],
    });
    if (!updated) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: `rectification.${input.action}`,
      objectType: 'rectification',
      objectId: id,
      before: { status: current.status, deadline: current.deadline, version: current.version },
      after: { status: updated.status, deadline: updated.deadline, note, version: updated.version },
    });
  });
  return getRectification(ctx, id);
}
