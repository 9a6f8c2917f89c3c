import { randomUUID } from 'node:crypto';
import type { Role } from '@stip/contracts';
import type { Executor } from '../src/db/client';
import { insertRegion, type RegionRow } from '../src/modules/regions/regions.repository';
import { seedUser } from '../src/db/seed/accounts';
import { testPassword } from './build-test-app';
import { type SeedOrganization, seedOrganization } from '../src/db/seed/organizations';
import { type SeedPlatformType, seedPlatformSystem, seedPlatformType } from '../src/db/seed/taxonomy';
import { type SeedPlatform, seedPlatform } from '../src/db/seed/platforms';
import { type PlatformState, writePlatformVersion } from '../src/modules/platforms/platforms.versions';
import { and, asc, eq } from 'drizzle-orm';
import { achievements, auditLog, demands, plans } from '../src/db/schema/index';
import { refreshSearchVectors } from '../src/modules/search';
import { insertPlan, type NewPlan } from '../src/modules/plans/plans.repository';
import { insertTarget, type NewTarget } from '../src/modules/targets/targets.repository';
import { insertTask, type NewTask, replaceTaskUnits } from '../src/modules/tasks/tasks.repository';

/**
 * Builders for test records. Each builds the parents it needs, so a test states only what it cares
 * about, and names are unique so tests never collide.
 */
export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

export async function buildRegion(
  db: Executor,
  values: Partial<{ parent: RegionRow; name: string; level: RegionRow['level'] }> = {},
): Promise<RegionRow> {
  const parent = values.parent ?? null;
  return insertRegion(db, {
    parentId: parent?.id ?? null,
    parentPath: parent?.path ?? null,
    name: values.name ?? unique('区域'),
    level: values.level ?? (parent ? (parent.level === 'province' ? 'city' : 'county') : 'province'),
  });
}

/** A province → city → two counties tree, the shape most scope tests need. */
export async function buildRegionTree(db: Executor) {
  const province = await buildRegion(db, { level: 'province', name: unique('省') });
  const city = await buildRegion(db, { parent: province, level: 'city', name: unique('市') });
  const countyA = await buildRegion(db, { parent: city, level: 'county', name: unique('甲县') });
  const countyB = await buildRegion(db, { parent: city, level: 'county', name: unique('乙县') });
  return { province, city, countyA, countyB };
}

export async function buildUser(
  db: Executor,
  values: { role: Role; regionId?: string | null; organizationId?: string | null; username?: string; password?: string },
): Promise<{ id: string; username: string }> {
  const username = values.username ?? unique(values.role).replace(/[^a-zA-Z0-9_.-]/g, '');
  const id = await seedUser(db, {
    username,
    password: values.password ?? testPassword,
    role: values.role,
    regionId: values.regionId ?? null,
    organizationId: values.organizationId ?? null,
  });
  return { id, username };
}

export async function buildOrganization(db: Executor, values: Partial<SeedOrganization> = {}): Promise<string> {
  const regionId = values.regionId ?? (await buildRegion(db)).id;
  return seedOrganization(db, { name: values.name ?? unique('单位'), kind: values.kind ?? 'enterprise', ...values, regionId });
}

export async function buildPlatformType(db: Executor, values: Partial<SeedPlatformType> = {}): Promise<string> {
  const systemId = values.systemId ?? (await seedPlatformSystem(db, { code: unique('sys').replace('-', '_'), name: unique('体系') }));
  return seedPlatformType(db, { name: values.name ?? unique('类型'), level: values.level ?? 'city', ...values, systemId });
}

export async function buildPlatform(db: Executor, values: Partial<SeedPlatform> = {}): Promise<string> {
  const regionId = values.regionId ?? (await buildRegion(db)).id;
  const hostOrganizationId = values.hostOrganizationId ?? (await buildOrganization(db, { regionId }));
  const typeId = values.typeId ?? (await buildPlatformType(db));
  return seedPlatform(db, {
    name: values.name ?? unique('平台'),
    status: values.status ?? 'operating',
    ...values,
    regionId,
    hostOrganizationId,
    typeId,
  });
}

/**
 * A later state of a platform from `effectiveDate` (a conversion, revocation, move …), written by the
 * platforms module's one version writer, without the service's checks and audit.
 */
export async function changePlatform(
  db: Executor,
  platformId: string,
  effectiveDate: string,
  changes: Partial<Pick<PlatformState, 'typeId' | 'status' | 'regionId' | 'name' | 'industry' | 'successorPlatformId'>>,
): Promise<void> {
  await writePlatformVersion(db, platformId, (current) => ({ ...current, ...changes }), effectiveDate, {
    changeNote: null,
    recordedBy: null,
  });
}

/** A plan over a region (default: a fresh region tree's city), period 2021–2025. */
export async function buildPlan(db: Executor, values: Partial<NewPlan> = {}): Promise<string> {
  const regionId = values.regionId ?? (await buildRegionTree(db)).city.id;
  const plan = await insertPlan(db, { title: unique('规划'), periodStart: '2021-01-01', periodEnd: '2025-12-31', ...values, regionId });
  return plan.id;
}

/**
 * A target of a plan (default: a fresh plan), a count by default; computed kinds count live platforms
 * of the given filter columns.
 */
export async function buildTarget(db: Executor, values: Partial<NewTarget> = {}): Promise<string> {
  const planId = values.planId ?? (await buildPlan(db));
  const target = await insertTarget(db, {
    subject: unique('目标'),
    kind: 'count',
    value: 1,
    unit: '家',
    deadline: '2025-12-31',
    ...values,
    planId,
  });
  return target.id;
}

/**
 * A task of a plan (default: a fresh plan) with its lead units (default: a fresh organisation in the
 * plan's region) and participating units.
 */
export async function buildTask(
  db: Executor,
  values: Partial<NewTask> & { leadUnitIds?: string[]; participantUnitIds?: string[] } = {},
): Promise<string> {
  const { leadUnitIds, participantUnitIds, ...fields } = values;
  const planId = fields.planId ?? (await buildPlan(db));
  const leads = leadUnitIds ?? [
    await buildOrganization(db, { regionId: (await getPlanRegionId(db, planId)) ?? undefined, kind: 'department' }),
  ];
  const task = await insertTask(db, { title: unique('任务'), content: '具体内容', deadline: '2025-12-31', ...fields, planId });
  await replaceTaskUnits(db, task.id, leads, participantUnitIds ?? []);
  return task.id;
}

async function getPlanRegionId(db: Executor, planId: string): Promise<string | null> {
  const [plan] = await db.select({ regionId: plans.regionId }).from(plans).where(eq(plans.id, planId));
  return plan?.regionId ?? null;
}

/** The audit records of one action on one object, oldest first: what a test checks a mutation wrote. */
export function findAuditRecords(db: Executor, action: string, objectId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)))
    .orderBy(asc(auditLog.seq));
}

/**
 * An achievement (科技成果), published by default, in a fresh region unless given; its search vector is built
 * as the achievements module builds it.
 */
export async function buildAchievement(db: Executor, values: Partial<typeof achievements.$inferInsert> = {}): Promise<string> {
  const regionId = values.regionId ?? (await buildRegion(db)).id;
  const [row] = await db
    .insert(achievements)
    .values({
      title: unique('成果'),
      status: 'published',
      publishedAt: values.status && values.status !== 'published' ? null : new Date(),
      ...values,
      regionId,
    })
    .returning({ id: achievements.id });
  await refreshSearchVectors(db, 'achievement', [row!.id]);
  return row!.id;
}

/**
 * A technology demand (技术需求), inserted directly: published by default, of a fresh enterprise in a fresh region
 * unless given; its search vector is built as the demands module builds it.
 */
export async function buildDemand(
  db: Executor,
  values: Partial<typeof demands.$inferInsert> = {},
): Promise<{ id: string; enterpriseOrganizationId: string; regionId: string }> {
  const regionId = values.regionId ?? (await buildRegion(db)).id;
  const enterpriseOrganizationId = values.enterpriseOrganizationId ?? (await buildOrganization(db, { regionId, kind: 'enterprise' }));
  const [row] = await db
    .insert(demands)
    .values({
      title: unique('技术需求'),
      description: '需要提高玄武岩纤维的拉伸强度',
      status: 'published',
      publishedAt: values.status && values.status !== 'published' ? null : new Date(),
      ...values,
      regionId,
      enterpriseOrganizationId,
    })
    .returning({ id: demands.id });
  await refreshSearchVectors(db, 'demand', [row!.id]);
  return { id: row!.id, enterpriseOrganizationId, regionId };
}
