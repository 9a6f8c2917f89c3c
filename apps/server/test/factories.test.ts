import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organizations, plans, targets, taskUnits, tasks } from '../src/db/schema/index';
import { createTestDb } from './test-db';
import { buildPlan, buildTarget, buildTask } from './factories';

const handle = await createTestDb();
const { db } = handle;
afterAll(() => handle.close());

describe('the plan, target and task factories', () => {
  it('build a plan over a region of its own when none is given', async () => {
    const planId = await buildPlan(db);
    const [plan] = await db.select().from(plans).where(eq(plans.id, planId));
    expect(plan?.regionId).toBeTruthy();
  });

  it('build a target with its own plan when none is given', async () => {
    const targetId = await buildTarget(db);
    const [target] = await db.select().from(targets).where(eq(targets.id, targetId));
    const [plan] = await db.select().from(plans).where(eq(plans.id, target!.planId));
    expect(plan).toBeDefined();
    expect(target?.kind).toBe('count');
  });

  it('build a task with its own plan and a lead unit in the plan’s region when none are given', async () => {
    const taskId = await buildTask(db);
    const [task] = await db.select().from(tasks).where(eq(tasks.id, taskId));
    const [plan] = await db.select().from(plans).where(eq(plans.id, task!.planId));
    const units = await db.select().from(taskUnits).where(eq(taskUnits.taskId, taskId));
    expect(units.map((unit) => unit.role)).toEqual(['lead']);
    const [lead] = await db.select().from(organizations).where(eq(organizations.id, units[0]!.organizationId));
    expect(lead?.regionId).toBe(plan?.regionId);
  });
});
