import { z } from 'zod';
import { zBooleanQuery, zCsv, zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { zNamedRef } from './platforms';

/** 未开始 / 进行中 / 已完成 / 逾期 / 持续 — the allowed moves between them live in the server's task state machine. */
export const taskStatuses = ['not_started', 'in_progress', 'done', 'overdue', 'ongoing'] as const;
export const zTaskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof zTaskStatus>;

/** 牵头单位 (lead) or 参与单位 (participant): in the seeds, the units before the first comma lead. */
export const taskUnitRoles = ['lead', 'participant'] as const;
export const zTaskUnitRole = z.enum(taskUnitRoles);
export type TaskUnitRole = z.infer<typeof zTaskUnitRole>;

export const zTaskUnit = zNamedRef.extend({ role: zTaskUnitRole });
export type TaskUnit = z.infer<typeof zTaskUnit>;

export const zTask = z.object({
  id: zId,
  planId: zId,
  planTitle: z.string(),
  /** 工作任务 */
  title: z.string(),
  /** 具体内容 */
  content: z.string(),
  leadUnits: z.array(zNamedRef),
  participantUnits: z.array(zNamedRef),
  /** The last day the task may be completed on; null for purely recurring tasks (持续推进). */
  deadline: z.string().nullable(),
  /** The deadline as the document words it ("2025年12月前", "力争2022年底前"). */
  deadlineText: z.string().nullable(),
  isRecurring: z.boolean(),
  /** How the document words the recurrence ("并动态更新", "持续推进"). */
  recurrenceText: z.string().nullable(),
  status: zTaskStatus,
  /** The latest percentage a lead unit reported (the lead speaks for the task), else the latest of any unit. */
  percent: z.number().int().nullable(),
  /** The deadline has passed and the task is neither done nor ongoing. */
  isLate: z.boolean(),
  targets: z.array(z.object({ id: zId, subject: z.string() })),
  /** The task's units the signed-in user acts for (may report for). */
  myUnits: z.array(zTaskUnit),
  /** Whether the signed-in user may change the task's status (a lead unit, or the plan's writer). */
  canChangeStatus: z.boolean(),
  sortOrder: z.number().int(),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof zTask>;

const taskFields = {
  title: zName(200),
  content: zName(5000),
  leadUnitIds: z.array(zId).min(1, { message: '至少一个牵头单位' }).max(30),
  participantUnitIds: z.array(zId).max(60).default([]),
  deadline: zDate.nullable().optional(),
  deadlineText: zText(60).nullable().optional(),
  isRecurring: z.boolean().default(false),
  recurrenceText: zText(60).nullable().optional(),
  targetIds: z.array(zId).max(30).default([]),
  sortOrder: z.number().int().min(0).max(9999).optional(),
};

/** Shape rules shared by create and (merged) update. */
export function taskDefinitionProblems(task: {
  leadUnitIds: string[];
  participantUnitIds: string[];
  deadline?: string | null | undefined;
  isRecurring: boolean;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!task.deadline && !task.isRecurring) problems.push({ field: 'deadline', message: '须给出完成时限，或标明为持续性任务' });
  const leads = new Set(task.leadUnitIds);
  if (leads.size !== task.leadUnitIds.length) problems.push({ field: 'leadUnitIds', message: '牵头单位重复' });
  if (new Set(task.participantUnitIds).size !== task.participantUnitIds.length) {
    problems.push({ field: 'participantUnitIds', message: '参与单位重复' });
  }
  if (task.participantUnitIds.some((id) => leads.has(id))) {
    problems.push({ field: 'participantUnitIds', message: '同一单位不能既牵头又参与' });
  }
  return problems;
}

export const zCreateTask = z.object(taskFields).superRefine((task, ctx) => {
  for (const problem of taskDefinitionProblems(task)) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
});
export type CreateTask = z.infer<typeof zCreateTask>;
export type CreateTaskInput = z.input<typeof zCreateTask>;

export const zUpdateTask = z
  .object({ ...taskFields, participantUnitIds: z.array(zId).max(60), isRecurring: z.boolean(), targetIds: z.array(zId).max(30) })
  .partial()
  .extend({ version: zVersion });
export type UpdateTask = z.infer<typeof zUpdateTask>;

export const zChangeTaskStatus = z.object({ status: zTaskStatus, version: zVersion, note: zText(500).optional() });
export type ChangeTaskStatus = z.infer<typeof zChangeTaskStatus>;

export const zTaskQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  planId: zId.optional(),
  status: zCsv(zTaskStatus).optional(),
  /** Tasks this organisation leads or takes part in. */
  unitId: zId.optional(),
  /** Only the tasks of the units the signed-in user acts for. */
  mine: zBooleanQuery.optional(),
  /** Only tasks late on that day (deadline passed, neither done nor ongoing). */
  lateOn: zDate.optional(),
});
export type TaskQuery = z.infer<typeof zTaskQuery>;

export const zTaskAttachment = z.object({ id: zId, fileName: z.string(), mimeType: z.string(), size: z.number().int() });
export type TaskAttachment = z.infer<typeof zTaskAttachment>;

export const zTaskReport = z.object({
  id: zId,
  taskId: zId,
  unit: zTaskUnit,
  text: z.string(),
  percent: z.number().int(),
  reportedBy: z.string().nullable(),
  reportedAt: z.string(),
  attachments: z.array(zTaskAttachment),
});
export type TaskReport = z.infer<typeof zTaskReport>;

export const zCreateTaskReport = z.object({
  /** The unit reporting; may be omitted when the user acts for exactly one of the task's units. */
  organizationId: zId.optional(),
  text: zName(5000),
  percent: z.number().int().min(0).max(100),
  /**
   * Set to file a percentage below the unit's latest report on the task (a correction). Without it such a report is
   * refused (422 RULE_VIOLATION naming `percent`), so a form that started from an old figure cannot roll progress back.
   */
  confirmDecrease: z.boolean().optional(),
});
export type CreateTaskReport = z.infer<typeof zCreateTaskReport>;

/** Attachments are kept in the database; this is the largest one accepted. */
export const taskAttachmentMaxBytes = 10 * 1024 * 1024;

export const zTaskDetail = zTask.extend({ reports: z.array(zTaskReport) });
export type TaskDetail = z.infer<typeof zTaskDetail>;

export const zSupervisionQuery = z.object({ planId: zId.optional(), asOf: zDate.optional() });
export type SupervisionQuery = z.infer<typeof zSupervisionQuery>;

/** 督查: one responsible unit, its tasks late first. */
export const zSupervisionUnit = z.object({
  unit: zNamedRef,
  total: z.number().int(),
  late: z.number().int(),
  done: z.number().int(),
  tasks: z.array(
    z.object({
      id: zId,
      planId: zId,
      title: z.string(),
      content: z.string(),
      role: zTaskUnitRole,
      deadline: z.string().nullable(),
      deadlineText: z.string().nullable(),
      status: zTaskStatus,
      isLate: z.boolean(),
      /** Days past the deadline on `asOf` (0 when not late). */
      daysLate: z.number().int(),
      /** This unit's latest report on the task. */
      latestReport: z.object({ percent: z.number().int(), text: z.string(), reportedAt: z.string() }).nullable(),
    }),
  ),
});
export type SupervisionUnit = z.infer<typeof zSupervisionUnit>;
export const zSupervision = z.object({ asOf: z.string(), items: z.array(zSupervisionUnit), total: z.number().int() });
export type Supervision = z.infer<typeof zSupervision>;

export const zTaskReportParams = z.object({ id: zId, attachmentId: zId });

export const taskStatusLabels = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  overdue: '逾期',
  ongoing: '持续',
} satisfies Record<TaskStatus, string>;
export const taskUnitRoleLabels = { lead: '牵头', participant: '参与' } satisfies Record<TaskUnitRole, string>;
