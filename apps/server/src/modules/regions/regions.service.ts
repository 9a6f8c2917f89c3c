import { type CreateRegion, ErrorCode, type Region, type RegionNode, type UpdateRegion } from '@stip/contracts';
import { AppError, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit/audit.service';
import * as repository from './regions.repository';
import { canSeeRegion, visibleRegionRoot } from './regions.policy';

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

export async function findRegions(ctx: ActorContext) {
  const root = visibleRegionRoot(ctx.actor);
  if (root === 'nothing') return { items: [], total: 0 };
  const rows = await repository.findRegionRows(ctx.db, root);
  return { items: rows.map(toRegion), total: rows.length };
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

export async function updateRegion(ctx: ActorContext, id: string, input: UpdateRegion): Promise<Region> {
  const before = await getRegion(ctx, id);
  const { version, ...changes } = input;
  await inTransaction(ctx, async (tx) => {
    if (!(await repository.updateRegionVersioned(tx, id, version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'region.update', objectType: 'region', objectId: id, before, after: changes });
  });
  return getRegion(ctx, id);
}
