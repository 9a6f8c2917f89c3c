import type { Database, Executor, Transaction } from '../../db/client';
import { chinaMidnight, nextDay } from '../../shared/clock';
import { systemContext } from '../../shared/context';
import { recordAudit } from '../audit';
import { raiseNotifications } from '../notifications';
import type { NewNotification } from '../notifications';
import { findTasksDueWithin, markLateTasksOverdue } from '../tasks';
import { annualReportReminders } from '../annual-reports';
import * as repository from './jobs.repository';
import { type JobHandler, enqueueJob } from './jobs.queue';

export const dailyJob = 'daily';
/** Reminders go out when a deadline is this many days away (and again inside the smaller window). */
export const reminderDays = [7, 1] as const;

export interface DailyJobResult {
  /** False when another run (another process, an earlier check) already claimed the day. */
  ran: boolean;
  day: string;
  tasksMarkedOverdue: number;
  remindersRaised: number;
}

const brief = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * The day's work, at most once per day across all app processes: marks tasks whose deadline has passed
 * overdue and tells their units' users, and reminds the units' users of tasks due within 7 days and
 * within 1 day. The claim (`job_runs`), the changes, the notifications and the audit share one
 * transaction. Each reminder has a dedupe key per task, deadline and window, so a missed day still
 * reminds once and nobody is told twice.
 */
export async function runDailyJobs(db: Database, today: string): Promise<DailyJobResult> {
  return db.transaction((tx) => runDailyJobsInTx(tx, today));
}

/** The day's work inside the caller's transaction (the queue's, when the daily run is due). */
async function runDailyJobsInTx(tx: Transaction, today: string): Promise<DailyJobResult> {
  // The audit and the task changes read and write through the same transaction.
  const ctx = systemContext(tx as unknown as Database);
  if (!(await repository.claimJobRun(tx, dailyJob, today))) return { ran: false, day: today, tasksMarkedOverdue: 0, remindersRaised: 0 };
  const notifications: NewNotification[] = [];

  const overdue = await markLateTasksOverdue(tx, ctx, today);
  for (const task of overdue) {
    for (const userId of task.userIds) {
      notifications.push({
        userId,
        type: 'task_overdue',
        title: `任务已逾期：${task.title}`,
        body: `“${brief(task.content)}”的完成时限${task.deadline}已过，请尽快完成并填报进展。`,
        link: `/tasks/${task.taskId}`,
        dedupeKey: `task-overdue:${task.taskId}:${task.deadline}`,
      });
    }
  }

  const widest = Math.max(...reminderDays);
  for (const task of await findTasksDueWithin(tx, today, widest)) {
    // The smallest window the deadline falls in: 7 days out gets the 7-day reminder, 1 day out (or today) the 1-day one.
    const window = [...reminderDays].sort((a, b) => a - b).find((days) => task.daysLeft <= days)!;
    for (const userId of task.userIds) {
      notifications.push({
        userId,
        type: 'task_due_soon',
        title: `任务即将到期：${task.title}`,
        body:
          task.daysLeft === 0
            ? `“${brief(task.content)}”今天（${task.deadline}）到期，请及时完成并填报进展。`
            : `“${brief(task.content)}”将于${task.deadline}到期，还有${task.daysLeft}天，请及时填报进展。`,
        link: `/tasks/${task.taskId}`,
        dedupeKey: `task-due:${task.taskId}:${task.deadline}:${window}`,
      });
    }
  }

  notifications.push(...(await annualReportReminders(tx, today)));
  const remindersRaised = await raiseNotifications(tx, notifications);
  const result = { ran: true, day: today, tasksMarkedOverdue: overdue.length, remindersRaised };
  await repository.finishJobRun(tx, dailyJob, today, result);
  await recordAudit(tx, ctx, { action: 'job.daily', objectType: 'job_run', objectId: `${dailyJob}:${today}`, after: result });
  return result;
}

/** Schedules the daily run of `day` at China's midnight starting it; scheduling a day twice stores it once. */
export function scheduleDailyJob(db: Executor, day: string): Promise<boolean> {
  return enqueueJob(db, { name: dailyJob, key: `${dailyJob}:${day}`, runAt: chinaMidnight(day), payload: { day } });
}

/** The queue's handlers: the daily run does the day's work and schedules the next day's run. */
export const jobHandlers: Record<string, JobHandler> = {
  [dailyJob]: async (tx, job) => {
    const { day } = job.payload as { day: string };
    const result = await runDailyJobsInTx(tx, day);
    await scheduleDailyJob(tx, nextDay(day));
    return result;
  },
};
