import type { SQL } from 'drizzle-orm';
import {
  type ChangeTaskStatus,
  type CreateTask,
  type CreateTaskReport,
  ErrorCode,
  type Page,
  type Supervision,
  type SupervisionQuery,
  type Task,
  type TaskAttachment,
  type TaskDetail,
  type TaskQuery,
  type TaskReport,
  type Todo,
  type UpdateTask,
  taskDefinitionProblems,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type Actor, type ActorContext, type RequestContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import { addDays, todayInChina } from '../../shared/clock';
import { getWritablePlanRow, oversees } from '../plans';
import { canSeeOrganization } from '../organizations';
import * as repository from './tasks.repository';
import { canChangeTaskStatus, myUnits, seesAllReports, taskVisibility } from './tasks.policy';
import { daysLate, isTaskLate, statusAfterReport, statusAfterReschedule, taskMoveRefusal } from './tasks.state';

interface Viewer {
  ctx: ActorContext;
  actingUnitIds: string[];
  visibility: SQL;
}

/** Who is looking: the actor, the units it acts for, and the tasks it may see. */
export async function viewerOf(ctx: ActorContext): Promise<Viewer> {
  const actingUnitIds = await repository.findActingUnitIds(ctx.db, ctx.actor);
  return {
    ctx,
    actingUnitIds,
    visibility: taskVisibility(ctx.actor, actingUnitIds, repository.taskColumns.id, repository.taskColumns.planRegionPath),
  };
}

function toTask(viewer: Viewer, row: repository.TaskRow, today: string): Task {
  const t = row.task;
  return {
    id: t.id,
    planId: t.planId,
    planTitle: row.planTitle,
    title: t.title,
    content: t.content,
    leadUnits: row.units.filter((unit) => unit.role === 'lead').map(({ id, name }) => ({ id, name })),
    participantUnits: row.units.filter((unit) => unit.role === 'participant').map(({ id, name }) => ({ id, name })),
    deadline: t.deadline,
    deadlineText: t.deadlineText,
    isRecurring: t.isRecurring,
    recurrenceText: t.recurrenceText,
    status: t.status,
    percent: row.percent,
    isLate: isTaskLate(t, today),
    targets: row.targets,
    myUnits: myUnits(row.units, viewer.actingUnitIds),
    canChangeStatus: canChangeTaskStatus(viewer.ctx.actor, viewer.actingUnitIds, row.units, row.planRegionPath),
    sortOrder: t.sortOrder,
    isDemo: t.isDemo,
    version: t.version,
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function getVisibleTaskRow(viewer: Viewer, id: string): Promise<repository.TaskRow> {
  const row = await repository.getTaskRow(viewer.ctx.db, id, viewer.visibility);
  if (!row) throw notFound();
  return row;
}

/** The tasks the actor sees (overseen plans' tasks, and those of the units it acts for). */
export async function findTasks(ctx: ActorContext, query: TaskQuery): Promise<Page<Task>> {
  const viewer = await viewerOf(ctx);
  const unitIds = query.mine ? viewer.actingUnitIds : query.unitId ? [query.unitId] : undefined;
  const page = await repository.findTaskRows(
    ctx.db,
    { visibility: viewer.visibility, planId: query.planId, statuses: query.status, unitIds, lateOn: query.lateOn },
    query,
  );
  const today = todayInChina();
  return { items: page.rows.map((row) => toTask(viewer, row, today)), total: page.total };
}

/** Every task the actor sees matching the filter, uncapped (the brief's late tasks); ordered like `findTasks`. */
export async function findAllTasks(ctx: ActorContext, filter: Pick<TaskQuery, 'planId' | 'lateOn' | 'status'>): Promise<Task[]> {
  const viewer = await viewerOf(ctx);
  const page = await repository.findTaskRows(
    ctx.db,
    { visibility: viewer.visibility, planId: filter.planId, statuses: filter.status, lateOn: filter.lateOn },
    null,
  );
  const today = todayInChina();
  return page.rows.map((row) => toTask(viewer, row, today));
}

/**
 * Of these targets, those the actor answers for as a lead unit (牵头单位) of a task linked to them: the
 * lead unit reports the figure of an amount / ratio / index target its task serves.
 */
export async function findTargetIdsLedByActor(db: Executor, actor: Actor, targetIds: readonly string[]): Promise<Set<string>> {
  if (!targetIds.length) return new Set();
  const unitIds = await repository.findActingUnitIds(db, actor);
  return new Set(await repository.findTargetIdsLedBy(db, unitIds, targetIds));
}

function toTaskReport(row: repository.TaskReportRow): TaskReport {
  return {
    id: row.id,
    taskId: row.taskId,
    unit: { id: row.organizationId, name: row.organizationName, role: row.role ?? 'participant' },
    text: row.text,
    percent: row.percent,
    reportedBy: row.reportedBy,
    reportedAt: row.reportedAt.toISOString(),
    attachments: row.attachments,
  };
}

/** The reports the viewer may read on a task: all (overseers, lead unit) or its own units'. */
async function visibleReports(viewer: Viewer, row: repository.TaskRow) {
  const all = seesAllReports(viewer.ctx.actor, viewer.actingUnitIds, row.units, row.planRegionPath);
  return repository.findTaskReportRows(
    viewer.ctx.db,
    row.task.id,
    all ? null : myUnits(row.units, viewer.actingUnitIds).map((unit) => unit.id),
  );
}

/** A task with the progress reports the actor may read (the lead unit's view collects every unit's). */
export async function getTask(ctx: ActorContext, id: string): Promise<TaskDetail> {
  const viewer = await viewerOf(ctx);
  const row = await getVisibleTaskRow(viewer, id);
  const reports = await visibleReports(viewer, row);
  return { ...toTask(viewer, row, todayInChina()), reports: reports.map(toTaskReport) };
}

export async function findTaskReports(ctx: ActorContext, id: string): Promise<Page<TaskReport>> {
  const viewer = await viewerOf(ctx);
  const reports = await visibleReports(viewer, await getVisibleTaskRow(viewer, id));
  return { items: reports.map(toTaskReport), total: reports.length };
}

/**
 * Checks that the units exist and the targets belong to the plan (read through `db`, the caller's transaction if any).
 * A unit newly named must lie in the actor's scope (as any organisation the actor picks: organizations.policy), since
 * its users then see the task; units the task already had stay, so a task an overseer shaped can still be edited.
 */
async function checkReferences(
  ctx: ActorContext,
  planId: string,
  units: { leadIds: string[]; participantIds: string[]; previousIds?: readonly string[] },
  targetIds: string[],
  db: Executor = ctx.db,
) {
  const { leadIds, participantIds, previousIds = [] } = units;
  const found = new Map((await repository.findLiveOrganizations(db, [...leadIds, ...participantIds])).map((org) => [org.id, org]));
  const isAcceptable = (id: string) => {
    const organization = found.get(id);
    return organization !== undefined && (previousIds.includes(id) || canSeeOrganization(ctx.actor, organization));
  };
  const missingLead = leadIds.find((id) => !isAcceptable(id));
  if (missingLead) throw invalidField('leadUnitIds', `牵头单位不存在或不在您的管辖范围内：${missingLead}`);
  const missingParticipant = participantIds.find((id) => !isAcceptable(id));
  if (missingParticipant) throw invalidField('participantUnitIds', `参与单位不存在或不在您的管辖范围内：${missingParticipant}`);
  const ownTargets = new Set(await repository.findPlanTargetIds(db, planId, targetIds));
  const foreign = targetIds.find((id) => !ownTargets.has(id));
  if (foreign) throw invalidField('targetIds', `目标不存在或不属于本规划：${foreign}`);
}

/**
 * Adds a row of the task table to a plan the actor writes, inside the caller's transaction (policy
 * ingestion adds a plan's tasks with the plan itself); checks, writes and audits. Returns the new task's id.
 */
export async function createTaskInTx(tx: Transaction, ctx: ActorContext, planId: string, input: CreateTask): Promise<string> {
  await getWritablePlanRow(ctx, planId, tx);
  await checkReferences(ctx, planId, { leadIds: input.leadUnitIds, participantIds: input.participantUnitIds }, input.targetIds, tx);
  const task = await repository.insertTask(tx, {
    planId,
    title: input.title,
    content: input.content,
    deadline: input.deadline ?? null,
    deadlineText: input.deadlineText ?? null,
    isRecurring: input.isRecurring,
    recurrenceText: input.recurrenceText ?? null,
    sortOrder: input.sortOrder ?? 0,
  });
  await repository.replaceTaskUnits(tx, task.id, input.leadUnitIds, input.participantUnitIds);
  await repository.replaceTaskTargets(tx, task.id, input.targetIds);
  await recordAudit(tx, ctx, { action: 'task.create', objectType: 'task', objectId: task.id, after: { ...task, ...input } });
  return task.id;
}

/** Adds a row of the task table to a plan the actor writes. */
export async function createTask(ctx: ActorContext, planId: string, input: CreateTask): Promise<TaskDetail> {
  const id = await inTransaction(ctx, (tx) => createTaskInTx(tx, ctx, planId, input));
  return getTask(ctx, id);
}

/** Changes a task's particulars, units or targets; a new deadline no longer past lifts 逾期. */
export async function updateTask(ctx: ActorContext, id: string, input: UpdateTask): Promise<TaskDetail> {
  const viewer = await viewerOf(ctx);
  const row = await getVisibleTaskRow(viewer, id);
  await getWritablePlanRow(ctx, row.task.planId);
  const before = toTask(viewer, row, todayInChina());
  const merged = {
    leadUnitIds: input.leadUnitIds ?? before.leadUnits.map((unit) => unit.id),
    participantUnitIds: input.participantUnitIds ?? before.participantUnits.map((unit) => unit.id),
    targetIds: input.targetIds ?? before.targets.map((target) => target.id),
    deadline: input.deadline === undefined ? before.deadline : input.deadline,
    isRecurring: input.isRecurring ?? before.isRecurring,
  };
  const problems = taskDefinitionProblems(merged);
  if (problems.length) throw new AppError(ErrorCode.ValidationFailed, { message: problems[0]!.message, details: problems });
  const previousIds = [...before.leadUnits, ...before.participantUnits].map((unit) => unit.id);
  const units = { leadIds: merged.leadUnitIds, participantIds: merged.participantUnitIds, previousIds };
  await checkReferences(ctx, row.task.planId, units, merged.targetIds);
  const today = todayInChina();
  await inTransaction(ctx, async (tx) => {
    const facts = { status: row.task.status, isRecurring: merged.isRecurring, deadline: merged.deadline };
    const status = statusAfterReschedule(facts, await repository.hasTaskReports(tx, id), today);
    const after = await repository.updateTaskVersioned(tx, id, input.version, {
      title: input.title ?? row.task.title,
      content: input.content ?? row.task.content,
      deadline: merged.deadline,
      deadlineText: input.deadlineText === undefined ? row.task.deadlineText : input.deadlineText,
      isRecurring: merged.isRecurring,
      recurrenceText: input.recurrenceText === undefined ? row.task.recurrenceText : input.recurrenceText,
      sortOrder: input.sortOrder ?? row.task.sortOrder,
      status,
    });
    if (!after) throw versionConflict();
    if (input.leadUnitIds || input.participantUnitIds)
      await repository.replaceTaskUnits(tx, id, merged.leadUnitIds, merged.participantUnitIds);
    if (input.targetIds) await repository.replaceTaskTargets(tx, id, merged.targetIds);
    await recordAudit(tx, ctx, { action: 'task.update', objectType: 'task', objectId: id, before, after: { ...input, status } });
  });
  return getTask(ctx, id);
}

export async function deleteTask(ctx: ActorContext, id: string, version: number): Promise<void> {
  const viewer = await viewerOf(ctx);
  const row = await getVisibleTaskRow(viewer, id);
  await getWritablePlanRow(ctx, row.task.planId);
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.softDeleteTask(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'task.delete', objectType: 'task', objectId: id, before: toTask(viewer, row, todayInChina()) });
  });
}

/** Moves a task's status as the state machine allows (lead unit or the plan's writer). */
export async function changeTaskStatus(ctx: ActorContext, id: string, input: ChangeTaskStatus): Promise<TaskDetail> {
  const viewer = await viewerOf(ctx);
  const row = await getVisibleTaskRow(viewer, id);
  if (!canChangeTaskStatus(ctx.actor, viewer.actingUnitIds, row.units, row.planRegionPath)) {
    throw new AppError(ErrorCode.Forbidden, { message: '只有牵头单位或规划管理部门可以变更任务状态' });
  }
  const refusal = taskMoveRefusal(row.task, input.status, 'user', todayInChina());
  if (refusal) throw new AppError(ErrorCode.RuleViolation, { message: refusal });
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateTaskVersioned(tx, id, input.version, { status: input.status }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'task.status',
      objectType: 'task',
      objectId: id,
      before: { status: row.task.status },
      after: { status: input.status, note: input.note },
    });
  });
  return getTask(ctx, id);
}

/** Files a unit's progress report on one of its tasks; a lead's 100 % completes the task. */
export async function fileTaskReport(ctx: ActorContext, id: string, input: CreateTaskReport): Promise<TaskReport> {
  const viewer = await viewerOf(ctx);
  const row = await getVisibleTaskRow(viewer, id);
  const mine = myUnits(row.units, viewer.actingUnitIds);
  let unit = mine[0];
  if (input.organizationId) {
    unit = mine.find((candidate) => candidate.id === input.organizationId);
    if (!unit) throw new AppError(ErrorCode.Forbidden, { message: '只能以本单位名义填报本单位承担的任务' });
  } else if (mine.length > 1) {
    throw invalidField('organizationId', '您代表该任务的多个责任单位，请选择以哪个单位填报');
  }
  if (!unit) throw new AppError(ErrorCode.Forbidden, { message: '您所在单位不是该任务的责任单位' });
  const today = todayInChina();
  const { confirmDecrease, ...report } = input;
  const reportId = await inTransaction(ctx, async (tx) => {
    const latest = await repository.getLatestUnitPercent(tx, id, unit.id);
    if (latest !== null && input.percent < latest && !confirmDecrease) {
      const message = `进度${input.percent}%低于本单位上次填报的${latest}%；如确需下调，请确认后再提交`;
      throw ruleViolation(message, [{ field: 'percent', message }]);
    }
    const created = await repository.insertTaskReport(tx, {
      taskId: id,
      organizationId: unit.id,
      text: input.text,
      percent: input.percent,
      reportedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'task.report',
      objectType: 'task',
      objectId: id,
      after: {
        reportId: created,
        unitId: unit.id,
        ...report,
        ...(latest !== null && input.percent < latest ? { decreasedFrom: latest } : {}),
      },
    });
    const next = statusAfterReport(row.task, { percent: input.percent, byLead: unit.role === 'lead' }, today);
    if (next !== row.task.status && (await repository.setTaskStatus(tx, id, row.task.status, next))) {
      await recordAudit(tx, ctx, {
        action: 'task.status',
        objectType: 'task',
        objectId: id,
        before: { status: row.task.status },
        after: { status: next, by: 'report' },
      });
    }
    return created;
  });
  const reports = await repository.findTaskReportRows(ctx.db, id, [unit.id]);
  return toTaskReport(reports.find((report) => report.id === reportId)!);
}

/** A report the viewer may read, with its task; 404 otherwise. */
async function getVisibleReport(viewer: Viewer, reportId: string) {
  const report = await repository.getTaskReportRecord(viewer.ctx.db, reportId);
  if (!report) throw notFound();
  const row = await repository.getTaskRow(viewer.ctx.db, report.taskId, viewer.visibility);
  if (!row) throw notFound();
  const all = seesAllReports(viewer.ctx.actor, viewer.actingUnitIds, row.units, row.planRegionPath);
  if (!all && !viewer.actingUnitIds.includes(report.organizationId)) throw notFound();
  return { report, row };
}

export const maxAttachmentsPerReport = 20;

/** Attaches a file to a report of a unit the actor acts for. */
export async function addReportAttachment(
  ctx: ActorContext,
  reportId: string,
  file: { fileName: string; mimeType: string; content: Buffer },
): Promise<TaskAttachment> {
  const viewer = await viewerOf(ctx);
  const { report } = await getVisibleReport(viewer, reportId);
  if (!viewer.actingUnitIds.includes(report.organizationId))
    throw new AppError(ErrorCode.Forbidden, { message: '只能为本单位的填报上传附件' });
  const existing = (await repository.findTaskReportRows(ctx.db, report.taskId, [report.organizationId])).find((r) => r.id === reportId);
  if ((existing?.attachments.length ?? 0) >= maxAttachmentsPerReport) {
    throw new AppError(ErrorCode.RuleViolation, { message: `每份填报最多${maxAttachmentsPerReport}个附件` });
  }
  if (!file.content.length) throw invalidField('file', '附件是空文件');
  return inTransaction(ctx, async (tx) => {
    const attachment = await repository.insertAttachment(tx, {
      reportId,
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.content.length,
      content: file.content,
      uploadedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, { action: 'task.report.attach', objectType: 'task_report', objectId: reportId, after: attachment });
    return attachment;
  });
}

export async function getReportAttachment(ctx: ActorContext, reportId: string, attachmentId: string) {
  const viewer = await viewerOf(ctx);
  await getVisibleReport(viewer, reportId);
  const attachment = await repository.getAttachment(ctx.db, reportId, attachmentId);
  if (!attachment) throw notFound();
  return attachment;
}

/**
 * 督查: per responsible unit, its tasks — late first (most days late first), then by deadline. The
 * plan's overseers see every unit; others see the units they act for.
 */
export async function getSupervision(ctx: ActorContext, query: SupervisionQuery): Promise<Supervision> {
  const viewer = await viewerOf(ctx);
  const asOf = query.asOf ?? todayInChina();
  const rows = await repository.findSupervisionRows(ctx.db, { visibility: viewer.visibility, planId: query.planId });
  const units = new Map<string, Supervision['items'][number]>();
  for (const row of rows) {
    // Overseers see every unit's line; a unit's own users only their units' lines.
    if (!oversees(ctx.actor, row.planRegionPath) && !viewer.actingUnitIds.includes(row.unitId)) continue;
    const unit = units.get(row.unitId) ?? { unit: { id: row.unitId, name: row.unitName }, total: 0, late: 0, done: 0, tasks: [] };
    const late = isTaskLate(row.task, asOf);
    unit.total++;
    if (late) unit.late++;
    if (row.task.status === 'done') unit.done++;
    unit.tasks.push({
      id: row.task.id,
      planId: row.task.planId,
      title: row.task.title,
      content: row.task.content,
      role: row.role,
      deadline: row.task.deadline,
      deadlineText: row.task.deadlineText,
      status: row.task.status,
      isLate: late,
      daysLate: daysLate(row.task, asOf),
      latestReport: row.latestReport ? { ...row.latestReport, reportedAt: new Date(row.latestReport.reportedAt).toISOString() } : null,
    });
    units.set(row.unitId, unit);
  }
  const items = [...units.values()];
  for (const unit of items) {
    unit.tasks.sort(
      (a, b) =>
        Number(b.isLate) - Number(a.isLate) ||
        b.daysLate - a.daysLate ||
        (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
        a.title.localeCompare(b.title, 'zh-CN'),
    );
  }
  items.sort((a, b) => b.late - a.late || a.unit.name.localeCompare(b.unit.name, 'zh-CN'));
  return { asOf, items, total: items.length };
}

// ——— the daily job ———

export interface TaskNotice {
  taskId: string;
  title: string;
  content: string;
  deadline: string;
  /** The users acting for the task's units: whom to tell. */
  userIds: string[];
}

async function noticeOf(
  tx: Transaction,
  task: { id: string; title: string; content: string; deadline: string | null },
): Promise<TaskNotice> {
  const unitIds = await repository.findTaskUnitIds(tx, task.id);
  return {
    taskId: task.id,
    title: task.title,
    content: task.content,
    deadline: task.deadline!,
    userIds: await repository.findUsersActingFor(tx, unitIds),
  };
}

/** Marks every open task whose deadline passed before `today` overdue (audited as the system); answers them. */
export async function markLateTasksOverdue(tx: Transaction, ctx: RequestContext, today: string): Promise<TaskNotice[]> {
  const marked: TaskNotice[] = [];
  for (const task of await repository.findOpenTasks(tx, { before: today })) {
    if (taskMoveRefusal(task, 'overdue', 'job', today)) continue;
    if (!(await repository.setTaskStatus(tx, task.id, task.status, 'overdue'))) continue;
    await recordAudit(tx, ctx, {
      action: 'task.status',
      objectType: 'task',
      objectId: task.id,
      before: { status: task.status },
      after: { status: 'overdue', by: 'job' },
    });
    marked.push(await noticeOf(tx, task));
  }
  return marked;
}

/** Open tasks whose deadline is `today` … `today + days` days away, with whom to remind. */
export async function findTasksDueWithin(tx: Transaction, today: string, days: number): Promise<(TaskNotice & { daysLeft: number })[]> {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const due = await repository.findOpenTasks(tx, { from: today, to: until });
  const notices = [];
  for (const task of due) {
    const daysLeft = Math.round((Date.parse(`${task.deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    notices.push({ ...(await noticeOf(tx, task)), daysLeft });
  }
  return notices;
}

// ——— 我的待办 ———

/** How far ahead an open task's deadline puts it on the to-do list of its lead units. */
const taskTodoHorizonDays = 30;

/**
 * 我的待办 for tasks: the open tasks a unit the actor acts for leads, late or due within a month — their progress
 * is what the actor has to report. Participants report too, but the lead answers for the task, so only leads are
 * reminded here.
 */
export async function findTaskTodos(ctx: ActorContext, today: string): Promise<Todo[]> {
  if (!ctx.actor.permissions.includes('task:report')) return [];
  const viewer = await viewerOf(ctx);
  if (!viewer.actingUnitIds.length) return [];
  const until = addDays(today, taskTodoHorizonDays);
  const { rows } = await repository.findTaskRows(
    ctx.db,
    { visibility: viewer.visibility, statuses: ['not_started', 'in_progress', 'overdue'], unitIds: viewer.actingUnitIds },
    null,
  );
  return rows
    .filter((row) => row.task.deadline !== null && row.task.deadline <= until)
    .filter((row) => row.units.some((unit) => unit.role === 'lead' && viewer.actingUnitIds.includes(unit.id)))
    .map((row) => ({
      kind: 'task_report' as const,
      title: `报送任务进展：${row.task.title}`,
      path: `/tasks/${row.task.id}`,
      dueOn: row.task.deadline,
      subjectId: row.task.id,
    }));
}
