import { and, asc, count, desc, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { TaskStatus, TaskUnitRole } from '@stip/contracts';
import type { Executor } from '../../db/client';
import {
  organizations,
  plans,
  regions,
  targets,
  taskReportAttachments,
  taskReports,
  taskTargets,
  taskUnits,
  tasks,
  users,
} from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { regionalUnitKinds, unitActingRoles } from './tasks.policy';

export type TaskRecord = typeof tasks.$inferSelect;
export interface UnitRef {
  id: string;
  name: string;
  role: TaskUnitRole;
}

const taskFields = {
  task: tasks,
  planTitle: plans.title,
  planRegionPath: regions.path,
  units: sql<
    UnitRef[]
  >`(select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'role', tu.role) order by tu.role, tu.sort_order, o.name), '[]'::json)
    from ${taskUnits} tu join ${organizations} o on o.id = tu.organization_id where tu.task_id = ${tasks.id})`,
  targets: sql<
    { id: string; subject: string }[]
  >`(select coalesce(json_agg(json_build_object('id', tg.id, 'subject', tg.subject) order by tg.sort_order), '[]'::json)
    from ${taskTargets} tt join ${targets} tg on tg.id = tt.target_id where tt.task_id = ${tasks.id} and tg.deleted_at is null)`,
  // The lead speaks for the task: its latest percentage, else the latest of any unit.
  percent: sql<
    number | null
  >`(select r.percent from ${taskReports} r left join ${taskUnits} ru on ru.task_id = r.task_id and ru.organization_id = r.organization_id
    where r.task_id = ${tasks.id} order by (ru.role = 'lead') desc nulls last, r.reported_at desc limit 1)`,
};
export type TaskRow = Awaited<ReturnType<typeof selectTasks>>[number];

function selectTasks(db: Executor, where: SQL | undefined) {
  return db
    .select(taskFields)
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(regions, eq(regions.id, plans.regionId))
    .where(and(isNull(tasks.deletedAt), isNull(plans.deletedAt), where));
}

/** Columns the tasks policy's visibility condition refers to. */
export const taskColumns = { id: tasks.id, planRegionPath: regions.path };

export interface TaskFilter {
  visibility: SQL;
  planId?: string | undefined;
  statuses?: TaskStatus[] | undefined;
  unitIds?: string[] | undefined;
  /** Deadline passed by that day, neither done nor ongoing. */
  lateOn?: string | undefined;
}

function taskWhere(filter: TaskFilter): SQL | undefined {
  return and(
    filter.visibility,
    filter.planId ? eq(tasks.planId, filter.planId) : undefined,
    filter.statuses?.length ? inArray(tasks.status, filter.statuses) : undefined,
    filter.unitIds
      ? filter.unitIds.length
        ? sql`exists (select 1 from ${taskUnits} fu where fu.task_id = ${tasks.id} and ${inArray(sql`fu.organization_id`, filter.unitIds)})`
        : sql`false`
      : undefined,
    filter.lateOn ? and(sql`${tasks.deadline} < ${filter.lateOn}::date`, notInArray(tasks.status, ['done', 'ongoing'])) : undefined,
  );
}

/** A page of the tasks matching the filter, or all of them (`page` null: the brief lists every late task). */
export async function findTaskRows(db: Executor, filter: TaskFilter, page: { limit: number; offset: number } | null) {
  const where = taskWhere(filter);
  const query = selectTasks(db, where)
    .orderBy(desc(plans.periodStart), asc(plans.id), asc(tasks.sortOrder), asc(tasks.deadline), asc(tasks.title), asc(tasks.id))
    .$dynamic();
  if (page) query.limit(page.limit).offset(page.offset);
  const [rows, [totalRow]] = await Promise.all([
    query,
    db
      .select({ total: count() })
      .from(tasks)
      .innerJoin(plans, eq(plans.id, tasks.planId))
      .innerJoin(regions, eq(regions.id, plans.regionId))
      .where(and(isNull(tasks.deletedAt), isNull(plans.deletedAt), where)),
  ]);
  return { rows, total: Number(totalRow?.total ?? 0) };
}

export async function getTaskRow(db: Executor, id: string, visibility: SQL | undefined): Promise<TaskRow | undefined> {
  const [row] = await selectTasks(db, and(eq(tasks.id, id), visibility));
  return row;
}

/** The units a user acts for (tasks.policy.ts): its organisation, and for county staff the county government of its region. */
export async function findActingUnitIds(db: Executor, actor: Actor): Promise<string[]> {
  if (!unitActingRoles.includes(actor.role)) return [];
  const ids = new Set<string>();
  if (actor.organizationId) ids.add(actor.organizationId);
  if (actor.role === 'county_staff' && actor.regionId) {
    const rows = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.regionId, actor.regionId),
          inArray(organizations.kind, [...regionalUnitKinds]),
          isNull(organizations.deletedAt),
        ),
      );
    for (const row of rows) ids.add(row.id);
  }
  return [...ids];
}

/** The active users acting for any of the units — the same rule as `findActingUnitIds`, seen from the unit. */
export async function findUsersActingFor(db: Executor, unitIds: readonly string[]): Promise<string[]> {
  if (!unitIds.length) return [];
  const regional = db
    .select({ regionId: organizations.regionId })
    .from(organizations)
    .where(and(inArray(organizations.id, [...unitIds]), inArray(organizations.kind, [...regionalUnitKinds])));
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.isActive, true),
        inArray(users.role, [...unitActingRoles]),
        or(inArray(users.organizationId, [...unitIds]), and(eq(users.role, 'county_staff'), inArray(users.regionId, regional))),
      ),
    );
  return rows.map((row) => row.id);
}

/** The live organisations among `ids`, with the path of the region each is registered in (for the scope check). */
export async function findLiveOrganizations(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: organizations.id, name: organizations.name, regionPath: regions.path })
    .from(organizations)
    .innerJoin(regions, eq(regions.id, organizations.regionId))
    .where(and(inArray(organizations.id, [...new Set(ids)]), isNull(organizations.deletedAt)));
}

/** Of the given targets, those (not deleted) of the plan. */
export async function findPlanTargetIds(db: Executor, planId: string, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: targets.id })
    .from(targets)
    .where(and(eq(targets.planId, planId), inArray(targets.id, [...ids]), isNull(targets.deletedAt)));
  return rows.map((row) => row.id);
}

/** Of `targetIds`, those linked to a live task that one of `unitIds` leads. */
export async function findTargetIdsLedBy(db: Executor, unitIds: readonly string[], targetIds: readonly string[]): Promise<string[]> {
  if (!unitIds.length || !targetIds.length) return [];
  const rows = await db
    .selectDistinct({ id: taskTargets.targetId })
    .from(taskTargets)
    .innerJoin(tasks, eq(tasks.id, taskTargets.taskId))
    .innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id))
    .where(
      and(
        inArray(taskTargets.targetId, [...targetIds]),
        inArray(taskUnits.organizationId, [...unitIds]),
        eq(taskUnits.role, 'lead'),
        isNull(tasks.deletedAt),
      ),
    );
  return rows.map((row) => row.id);
}

/** The lead units (牵头单位) of the live tasks linked to each target: the units that owe its reported figure. */
export async function findLeadUnitsOfTargets(db: Executor, targetIds: readonly string[]) {
  if (!targetIds.length) return [];
  return db
    .selectDistinct({ targetId: taskTargets.targetId, id: organizations.id, name: organizations.name })
    .from(taskTargets)
    .innerJoin(tasks, eq(tasks.id, taskTargets.taskId))
    .innerJoin(taskUnits, eq(taskUnits.taskId, tasks.id))
    .innerJoin(organizations, eq(organizations.id, taskUnits.organizationId))
    .where(and(inArray(taskTargets.targetId, [...targetIds]), eq(taskUnits.role, 'lead'), isNull(tasks.deletedAt)))
    .orderBy(asc(organizations.name));
}

export type NewTask = Omit<typeof tasks.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export async function insertTask(db: Executor, values: NewTask): Promise<TaskRecord> {
  const [row] = await db.insert(tasks).values(values).returning();
  return row!;
}

export async function updateTaskVersioned(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<NewTask>,
): Promise<TaskRecord | undefined> {
  const [row] = await db
    .update(tasks)
    .set({ ...changes, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.version, version), isNull(tasks.deletedAt)))
    .returning();
  return row;
}

/** Moves a task's status without a client version (reports and the daily job); answers whether it moved. */
export async function setTaskStatus(db: Executor, id: string, from: TaskStatus, to: TaskStatus): Promise<boolean> {
  const rows = await db
    .update(tasks)
    .set({ status: to, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.status, from), isNull(tasks.deletedAt)))
    .returning({ id: tasks.id });
  return rows.length === 1;
}

export async function softDeleteTask(db: Executor, id: string, version: number): Promise<boolean> {
  const rows = await db
    .update(tasks)
    .set({ deletedAt: new Date(), version: sql`${tasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tasks.id, id), eq(tasks.version, version), isNull(tasks.deletedAt)))
    .returning({ id: tasks.id });
  return rows.length === 1;
}

export async function replaceTaskUnits(db: Executor, taskId: string, leadIds: readonly string[], participantIds: readonly string[]) {
  await db.delete(taskUnits).where(eq(taskUnits.taskId, taskId));
  const rows = [
    ...leadIds.map((organizationId, index) => ({ taskId, organizationId, role: 'lead' as const, sortOrder: index })),
    ...participantIds.map((organizationId, index) => ({ taskId, organizationId, role: 'participant' as const, sortOrder: index })),
  ];
  if (rows.length) await db.insert(taskUnits).values(rows);
}

export async function replaceTaskTargets(db: Executor, taskId: string, targetIds: readonly string[]) {
  await db.delete(taskTargets).where(eq(taskTargets.taskId, taskId));
  if (targetIds.length) await db.insert(taskTargets).values(targetIds.map((targetId) => ({ taskId, targetId })));
}

// ——— reports ———

export type TaskReportRow = Awaited<ReturnType<typeof findTaskReportRows>>[number];

/** Reports on a task (only those of `unitIds` when given), newest first, with their attachments' particulars. */
export function findTaskReportRows(db: Executor, taskId: string, unitIds: readonly string[] | null) {
  return db
    .select({
      id: taskReports.id,
      taskId: taskReports.taskId,
      organizationId: taskReports.organizationId,
      organizationName: organizations.name,
      role: taskUnits.role,
      text: taskReports.text,
      percent: taskReports.percent,
      reportedBy: users.displayName,
      reportedAt: taskReports.reportedAt,
      attachments: sql<{ id: string; fileName: string; mimeType: string; size: number }[]>`(select coalesce(json_agg(json_build_object(
        'id', a.id, 'fileName', a.file_name, 'mimeType', a.mime_type, 'size', a.size) order by a.uploaded_at), '[]'::json)
        from ${taskReportAttachments} a where a.report_id = ${taskReports.id})`,
    })
    .from(taskReports)
    .innerJoin(organizations, eq(organizations.id, taskReports.organizationId))
    .leftJoin(taskUnits, and(eq(taskUnits.taskId, taskReports.taskId), eq(taskUnits.organizationId, taskReports.organizationId)))
    .leftJoin(users, eq(users.id, taskReports.reportedBy))
    .where(
      and(
        eq(taskReports.taskId, taskId),
        unitIds ? (unitIds.length ? inArray(taskReports.organizationId, [...unitIds]) : sql`false`) : undefined,
      ),
    )
    .orderBy(desc(taskReports.reportedAt));
}

export async function hasTaskReports(db: Executor, taskId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(taskReports).where(eq(taskReports.taskId, taskId));
  return Number(row?.n ?? 0) > 0;
}

export async function insertTaskReport(db: Executor, values: typeof taskReports.$inferInsert): Promise<string> {
  const [row] = await db.insert(taskReports).values(values).returning({ id: taskReports.id });
  return row!.id;
}

/** The percentage of a unit's latest report on a task, or null when it has none. */
export async function getLatestUnitPercent(db: Executor, taskId: string, organizationId: string): Promise<number | null> {
  const [row] = await db
    .select({ percent: taskReports.percent })
    .from(taskReports)
    .where(and(eq(taskReports.taskId, taskId), eq(taskReports.organizationId, organizationId)))
    .orderBy(desc(taskReports.reportedAt))
    .limit(1);
  return row?.percent ?? null;
}

export async function getTaskReportRecord(db: Executor, id: string) {
  const [row] = await db.select().from(taskReports).where(eq(taskReports.id, id));
  return row;
}

export async function insertAttachment(db: Executor, values: typeof taskReportAttachments.$inferInsert) {
  const [row] = await db.insert(taskReportAttachments).values(values).returning({
    id: taskReportAttachments.id,
    fileName: taskReportAttachments.fileName,
    mimeType: taskReportAttachments.mimeType,
    size: taskReportAttachments.size,
  });
  return row!;
}

export async function getAttachment(db: Executor, reportId: string, id: string) {
  const [row] = await db
    .select()
    .from(taskReportAttachments)
    .where(and(eq(taskReportAttachments.id, id), eq(taskReportAttachments.reportId, reportId)));
  return row;
}

// ——— supervision ———

export type SupervisionRow = Awaited<ReturnType<typeof findSupervisionRows>>[number];

/** One row per (responsible unit, visible task), with that unit's latest report on the task. */
export function findSupervisionRows(db: Executor, filter: TaskFilter & { onlyUnitIds?: readonly string[] | undefined }) {
  return db
    .select({
      unitId: taskUnits.organizationId,
      unitName: organizations.name,
      role: taskUnits.role,
      task: tasks,
      planRegionPath: regions.path,
      latestReport: sql<{
        percent: number;
        text: string;
        reportedAt: string;
      } | null>`(select json_build_object('percent', r.percent, 'text', r.text, 'reportedAt', r.reported_at)
        from ${taskReports} r where r.task_id = ${tasks.id} and r.organization_id = ${taskUnits.organizationId} order by r.reported_at desc limit 1)`,
    })
    .from(taskUnits)
    .innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
    .innerJoin(organizations, eq(organizations.id, taskUnits.organizationId))
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .innerJoin(regions, eq(regions.id, plans.regionId))
    .where(
      and(
        isNull(tasks.deletedAt),
        isNull(plans.deletedAt),
        taskWhere(filter),
        filter.onlyUnitIds
          ? filter.onlyUnitIds.length
            ? inArray(taskUnits.organizationId, [...filter.onlyUnitIds])
            : sql`false`
          : undefined,
      ),
    )
    .orderBy(asc(organizations.name), asc(tasks.deadline), asc(tasks.sortOrder));
}

// ——— the daily job ———

/**
 * Tasks of live plans still open (not started / in progress) whose deadline lies before `before` (late tasks), or
 * in [from, to] (reminders).
 */
export function findOpenTasks(db: Executor, deadline: { before: string } | { from: string; to: string }) {
  const window =
    'before' in deadline
      ? sql`${tasks.deadline} < ${deadline.before}::date`
      : sql`${tasks.deadline} between ${deadline.from}::date and ${deadline.to}::date`;
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      content: tasks.content,
      deadline: tasks.deadline,
      status: tasks.status,
      isRecurring: tasks.isRecurring,
    })
    .from(tasks)
    .innerJoin(plans, eq(plans.id, tasks.planId))
    .where(and(isNull(tasks.deletedAt), isNull(plans.deletedAt), inArray(tasks.status, ['not_started', 'in_progress']), window));
}

export async function findTaskUnitIds(db: Executor, taskId: string): Promise<string[]> {
  const rows = await db.select({ id: taskUnits.organizationId }).from(taskUnits).where(eq(taskUnits.taskId, taskId));
  return rows.map((row) => row.id);
}
