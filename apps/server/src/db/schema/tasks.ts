import { boolean, customType, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { taskStatuses, taskUnitRoles } from '@stip/contracts';
import { createdAt, deletedAt, id, isDemo, updatedAt, version } from './columns';
import { plans, targets } from './plans';
import { organizations } from './organizations';
import { users } from './accounts';

export const taskStatus = pgEnum('task_status', taskStatuses);
export const taskUnitRole = pgEnum('task_unit_role', taskUnitRoles);

/** Raw bytes; node-postgres answers a Buffer, PGlite a Uint8Array — both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A row of the task-decomposition table (重点任务分解表). `status` moves only as the task state
 * machine allows (modules/tasks/tasks.state.ts); the daily job marks late ones overdue.
 * A task has a deadline, or is recurring (持续推进), or both ("2021年12月前完成，并动态更新").
 */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    title: text('title').notNull(),
    content: text('content').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    deadlineText: text('deadline_text'),
    isRecurring: boolean('is_recurring').notNull().default(false),
    recurrenceText: text('recurrence_text'),
    status: taskStatus('status').notNull().default('not_started'),
    sortOrder: integer('sort_order').notNull().default(0),
    isDemo: isDemo(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: deletedAt(),
  },
  (t) => [index('tasks_plan_idx').on(t.planId), index('tasks_status_deadline_idx').on(t.status, t.deadline)],
);

/** The responsible units of a task: lead (牵头) or participant (参与). */
export const taskUnits = pgTable(
  'task_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: taskUnitRole('role').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.organizationId] }), index('task_units_organization_idx').on(t.organizationId)],
);

/** Targets a task serves (same plan). */
export const taskTargets = pgTable(
  'task_targets',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    targetId: uuid('target_id')
      .notNull()
      .references(() => targets.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.targetId] }), index('task_targets_target_idx').on(t.targetId)],
);

/** A progress report of one responsible unit on a task. Append-only. */
export const taskReports = pgTable(
  'task_reports',
  {
    id: id(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    text: text('text').notNull(),
    percent: integer('percent').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
    isDemo: isDemo(),
  },
  (t) => [index('task_reports_task_idx').on(t.taskId, t.reportedAt)],
);

/** A file attached to a report, kept in the database (≤ 10 MB each). */
export const taskReportAttachments = pgTable(
  'task_report_attachments',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => taskReports.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('task_report_attachments_report_idx').on(t.reportId)],
);
