import { type TaskStatus, taskStatuses, taskStatusLabels } from '@stip/contracts';
import { defineLifecycle } from '../../shared/lifecycle';

/** Who moves a task: a user's explicit change, a progress report, the daily job, or a new deadline. */
export type TaskMover = 'user' | 'report' | 'job' | 'reschedule';

export interface TaskFacts {
  status: TaskStatus;
  isRecurring: boolean;
  deadline: string | null;
}

interface Transition {
  from: readonly TaskStatus[];
  to: TaskStatus;
  by: readonly TaskMover[];
  /** Why the move is refused on these facts, or null when it is allowed. */
  guard?: (task: TaskFacts, today: string) => string | null;
}

const late = (task: TaskFacts, today: string) => task.deadline !== null && task.deadline < today;

/**
 * The task lifecycle — 未开始 (not_started) · 进行中 (in_progress) · 已完成 (done) · 逾期 (overdue) ·
 * 持续 (ongoing) — as the only moves the server makes:
 *
 * | from                              | to          | by                 | guard                          |
 * |-----------------------------------|-------------|--------------------|--------------------------------|
 * | not_started                       | in_progress | user, report       |                                |
 * | not_started, in_progress, overdue | done        | user, report       |                                |
 * | not_started, in_progress, overdue | ongoing     | user, report       | the task is recurring          |
 * | ongoing                           | done        | user               |                                |
 * | done, ongoing                     | in_progress | user (reopen)      |                                |
 * | not_started, in_progress          | overdue     | job                | the deadline has passed        |
 * | overdue                           | in_progress, not_started | reschedule | the new deadline is not past |
 *
 * Nobody marks a task overdue by hand and nothing else leaves `overdue` but completion or a new
 * deadline: lateness is a fact of the dates.
 */
export const taskTransitions: readonly Transition[] = [
  { from: ['not_started'], to: 'in_progress', by: ['user', 'report'] },
  { from: ['not_started', 'in_progress', 'overdue'], to: 'done', by: ['user', 'report'] },
  {
    from: ['not_started', 'in_progress', 'overdue'],
    to: 'ongoing',
    by: ['user', 'report'],
    guard: (task) => (task.isRecurring ? null : '只有持续性任务才能标为“持续”'),
  },
  { from: ['ongoing'], to: 'done', by: ['user'] },
  { from: ['done', 'ongoing'], to: 'in_progress', by: ['user'] },
  {
    from: ['not_started', 'in_progress'],
    to: 'overdue',
    by: ['job'],
    guard: (task, today) => (late(task, today) ? null : '尚未超过完成时限'),
  },
  {
    from: ['overdue'],
    to: 'in_progress',
    by: ['reschedule'],
    guard: (task, today) => (late(task, today) ? '新的完成时限已过' : null),
  },
  {
    from: ['overdue'],
    to: 'not_started',
    by: ['reschedule'],
    guard: (task, today) => (late(task, today) ? '新的完成时限已过' : null),
  },
];

/** Null when the move is allowed, else the reason (Chinese) it is refused. */
export function taskMoveRefusal(task: TaskFacts, to: TaskStatus, by: TaskMover, today: string): string | null {
  if (task.status === to) return null;
  const transition = taskTransitions.find((t) => t.to === to && t.from.includes(task.status) && t.by.includes(by));
  if (!transition) return `任务状态不能从“${taskStatusLabels[task.status]}”变为“${taskStatusLabels[to]}”`;
  return transition.guard?.(task, today) ?? null;
}

/** The status a progress report moves a task to: a lead's 100 % completes it (持续 when recurring), any report starts it. */
export function statusAfterReport(task: TaskFacts, report: { percent: number; byLead: boolean }, today: string): TaskStatus {
  if (report.byLead && report.percent === 100) {
    const to: TaskStatus = task.isRecurring ? 'ongoing' : 'done';
    if (!taskMoveRefusal(task, to, 'report', today)) return to;
  }
  if (task.status === 'not_started') return 'in_progress';
  return task.status;
}

/** The status after the deadline changed: an overdue task with a deadline no longer past resumes. */
export function statusAfterReschedule(task: TaskFacts, hasReports: boolean, today: string): TaskStatus {
  if (task.status !== 'overdue') return task.status;
  const to: TaskStatus = hasReports ? 'in_progress' : 'not_started';
  return taskMoveRefusal(task, to, 'reschedule', today) ? task.status : to;
}

/** Late on `day`: the deadline has passed and the task is neither done nor ongoing. */
export function isTaskLate(task: TaskFacts, day: string): boolean {
  return late(task, day) && task.status !== 'done' && task.status !== 'ongoing';
}

/** Whole days past the deadline on `day` (0 when not late). */
export function daysLate(task: TaskFacts, day: string): number {
  if (!isTaskLate(task, day)) return 0;
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${task.deadline}T00:00:00Z`)) / 86_400_000);
}

/** The task lifecycle in the shared form, for docs/LIFECYCLES.md. */
export const taskLifecycle = defineLifecycle<TaskStatus, TaskMover, TaskFacts>({
  title: '任务',
  states: taskStatuses,
  stateLabels: taskStatusLabels,
  moverLabels: { user: '用户', report: '进展报送', job: '每日任务', reschedule: '调整时限' },
  transitions: taskTransitions,
});
