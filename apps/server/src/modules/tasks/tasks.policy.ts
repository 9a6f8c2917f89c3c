import { inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OrganizationKind, Role, TaskUnitRole } from '@stip/contracts';
import { taskUnits } from '../../db/schema/index';
import type { Actor } from '../../shared/context';
import { actorRegionPath, likePrefix } from '../../shared/scope';
import { canWritePlan, oversees } from '../plans';

/**
 * Who sees and acts on which tasks, in one place:
 * - a user acts for a unit (reports for it, gets its reminders) when the user is host user,
 *   department staff, county staff or city staff and the unit is the user's organisation — or, for
 *   county staff, the county government (zone committee) located in the user's region;
 * - a task is visible to the plan's overseers (plans.policy.ts: city staff, county staff and leaders
 *   whose subtree contains the plan's region) and to the users acting for one of its units;
 * - a unit's users file reports for it on its tasks; the lead unit's users and the overseers see
 *   every unit's reports, a participating unit's users see their own unit's;
 * - the lead unit's users and the plan's writers change a task's status; only writers edit it.
 */
export const unitActingRoles: readonly Role[] = ['host_user', 'department_staff', 'county_staff', 'city_staff'];
/** Organisations county staff act for by virtue of their region. */
export const regionalUnitKinds: readonly OrganizationKind[] = ['county_government', 'zone_committee'];

const visibleUnit = alias(taskUnits, 'visible_unit');

export interface TaskUnitRef {
  id: string;
  role: TaskUnitRole;
}

/** The condition admitting the tasks the actor sees (`taskId`, `planRegionPath`: columns of the caller's query). */
export function taskVisibility(actor: Actor, actingUnitIds: readonly string[], taskId: AnyColumn, planRegionPath: AnyColumn): SQL {
  const branches: SQL[] = [];
  if (actor.role === 'city_staff' || actor.role === 'county_staff' || actor.role === 'leader') {
    const root = actorRegionPath(actor);
    if (typeof root === 'string' && root !== 'nothing') branches.push(sql`${planRegionPath} like ${likePrefix(root)}`);
  }
  if (actingUnitIds.length) {
    branches.push(
      sql`exists (select 1 from ${taskUnits} ${visibleUnit} where ${visibleUnit.taskId} = ${taskId} and ${inArray(visibleUnit.organizationId, [...actingUnitIds])})`,
    );
  }
  if (!branches.length) return sql`false`;
  return sql`(${sql.join(branches, sql` or `)})`;
}

/** The task's units the actor acts for. */
export function myUnits<T extends TaskUnitRef>(units: readonly T[], actingUnitIds: readonly string[]): T[] {
  return units.filter((unit) => actingUnitIds.includes(unit.id));
}

/** Whether the actor sees every unit's reports on the task (overseer or lead unit). */
export function seesAllReports(
  actor: Actor,
  actingUnitIds: readonly string[],
  units: readonly TaskUnitRef[],
  planRegionPath: string,
): boolean {
  return oversees(actor, planRegionPath) || myUnits(units, actingUnitIds).some((unit) => unit.role === 'lead');
}

/** Whether the actor may move the task's status (a lead unit's user or the plan's writer). */
export function canChangeTaskStatus(
  actor: Actor,
  actingUnitIds: readonly string[],
  units: readonly TaskUnitRef[],
  planRegionPath: string,
): boolean {
  return canWritePlan(actor, planRegionPath) || myUnits(units, actingUnitIds).some((unit) => unit.role === 'lead');
}
