import {
  type CreateRegion,
  ErrorCode,
  type Region,
  type RegionLevel,
  type RegionNode,
  type RegionQuery,
  type UpdateRegion,
  labels,
} from '@stip/contracts';
import type { Executor } from '../../db/client';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import * as repository from './regions.repository';
import { canSeeRegion, visibleRegionRoot } from './regions.policy';
import { isUniqueViolation } from '../../shared/database-errors';

function toRegion(row: repository.RegionRow): Region {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    level: row.level,
    code: row.code,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

/** Nests a parent-first list of regions into trees; rows whose parent is not in the list become roots. */
export function buildRegionTree(rows: repository.RegionRow[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  const roots: RegionNode[] = [];
  for (const row of rows) {
    const node: RegionNode = { ...toRegion(row), children: [] };
    nodes.set(row.id, node);
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** One page of the regions the actor sees, parents before children. */
export async function findRegions(ctx: ActorContext, query: RegionQuery) {
  const root = visibleRegionRoot(ctx.actor);
  if (root === 'nothing') return { items: [], total: 0 };
  const page = await repository.findRegionPage(ctx.db, root, query);
  return { items: page.items.map(toRegion), total: page.total };
}

export async function getRegionTree(ctx: ActorContext): Promise<RegionNode[]> {
  const root = visibleRegionRoot(ctx.actor);
  if (root === 'nothing') return [];
  return buildRegionTree(await repository.findRegionRows(ctx.db, root));
}

export async function getRegion(ctx: ActorContext, id: string): Promise<Region> {
  const row = await repository.getRegionRow(ctx.db, id);
  if (!row || !canSeeRegion(ctx.actor, row)) throw notFound();
  return toRegion(row);
}

const levelOrder = { province: 0, city: 1, county: 2, zone: 2 } as const;

export async function createRegion(ctx: ActorContext, input: CreateRegion): Promise<Region> {
  const parent = input.parentId ? await repository.getRegionRow(ctx.db, input.parentId) : null;
  if (input.parentId && !parent)
    throw new AppError(ErrorCode.ValidationFailed, { message: '上级区域不存在', details: [{ field: 'parentId', message: '不存在' }] });
  if (parent && levelOrder[input.level] <= levelOrder[parent.level]) {
    throw new AppError(ErrorCode.RuleViolation, { message: '下级区域的层级必须低于上级区域' });
  }
  const row = await inTransaction(ctx, async (tx) => {
    if (await repository.findRegionByName(tx, input.parentId, input.name)) {
      throw new AppError(ErrorCode.AlreadyExists, { message: `同一上级下已有“${input.name}”` });
    }
    const created = await repository.insertRegion(tx, { ...input, parentPath: parent?.path ?? null });
    await recordAudit(tx, ctx, { action: 'region.create', objectType: 'region', objectId: created.id, after: toRegion(created) });
    return created;
  });
  return toRegion(row);
}

const duplicateName = (name: string) => new AppError(ErrorCode.AlreadyExists, { message: `同一上级下已有“${name}”` });

/** A region's level must stay below its parent's and above each of its children's. */
async function assertLevelFits(db: Executor, region: Region, level: RegionLevel): Promise<void> {
  const parent = region.parentId ? await repository.getRegionRow(db, region.parentId) : undefined;
  if (parent && levelOrder[level] <= levelOrder[parent.level]) {
    throw new AppError(ErrorCode.RuleViolation, {
      message: `“${region.name}”的层级必须低于上级区域“${parent.name}”（${labels.regionLevel[parent.level]}）`,
      details: [{ field: 'level', message: '须低于上级区域' }],
    });
  }
  const child = (await repository.findChildRegionRows(db, region.id)).find((row) => levelOrder[row.level] <= levelOrder[level]);
  if (child) {
    throw new AppError(ErrorCode.RuleViolation, {
      message: `“${region.name}”有下级区域“${child.name}”（${labels.regionLevel[child.level]}），不能改为${labels.regionLevel[level]}`,
      details: [{ field: 'level', message: '须高于下级区域' }],
    });
  }
}

/** Renames, re-levels or re-codes a region: the name stays unique under its parent, the level fits between parent and children. */
export async function updateRegion(ctx: ActorContext, id: string, input: UpdateRegion): Promise<Region> {
  const before = await getRegion(ctx, id);
  const { version, ...changes } = input;
  await inTransaction(ctx, async (tx) => {
    if (changes.level !== undefined && changes.level !== before.level) await assertLevelFits(tx, before, changes.level);
    if (changes.name !== undefined && changes.name !== before.name) {
      const other = await repository.findRegionByName(tx, before.parentId, changes.name);
      if (other && other.id !== id) throw duplicateName(changes.name);
    }
    let updated: boolean;
    try {
      updated = await repository.updateRegionVersioned(tx, id, version, changes);
    } catch (error) {
      // Two renames to the same name at once: the unique index decides.
      if (isUniqueViolation(error)) throw duplicateName(changes.name ?? before.name);
      throw error;
    }
    if (!updated) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'region.update', objectType: 'region', objectId: id, before, after: changes });
  });
  return getRegion(ctx, id);
}
