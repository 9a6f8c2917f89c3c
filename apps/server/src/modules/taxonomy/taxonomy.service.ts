import {
  type CreatePlatformSystem,
  type CreatePlatformType,
  ErrorCode,
  type Page,
  type PlatformSystem,
  type PlatformType,
  type PlatformTypeQuery,
  type RetirePlatformType,
  type Taxonomy,
  type UpdatePlatformSystem,
  type UpdatePlatformType,
} from '@stip/contracts';
import type { Executor } from '../../db/client';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, type RequestContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import { getOrganizationName } from '../organizations';
import { convertPlatformsToType, lockLivePlatformsOfType } from '../platforms';
import * as repository from './taxonomy.repository';
import { platformCountScope } from './taxonomy.policy';

/** Today's date in China (the calendar the bureaus work by), YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function toSystem(row: repository.PlatformSystemRow): PlatformSystem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}

function toType(row: repository.PlatformTypeRow): PlatformType {
  const { type } = row;
  return {
    id: type.id,
    systemId: type.systemId,
    systemName: row.systemName,
    name: type.name,
    level: type.level,
    supervisorOrganizationId: type.supervisorOrganizationId,
    supervisorOrganizationName: row.supervisorOrganizationName,
    supervisingDepartment: type.supervisingDepartment,
    recognitionStandard: type.recognitionStandard,
    constructionPeriodMonths: type.constructionPeriodMonths,
    isActive: type.isActive,
    retiredOn: type.retiredOn,
    successorTypeId: type.successorTypeId,
    successorTypeName: row.successorTypeName,
    sortOrder: type.sortOrder,
    platformCount: row.platformCount,
    version: type.version,
  };
}

/** The whole catalogue: every system and every type (retired ones too), with the actor's platform counts. */
export async function getTaxonomy(ctx: ActorContext): Promise<Taxonomy> {
  const [systems, types] = await Promise.all([
    repository.findSystemRows(ctx.db),
    repository.findTypeRows(ctx.db, { includeRetired: true }, platformCountScope(ctx.actor), { limit: 100_000, offset: 0 }),
  ]);
  return { systems: systems.map(toSystem), types: types.items.map(toType) };
}

/** Types filtered by system and level; retired ones only when asked for. */
export async function findPlatformTypes(ctx: ActorContext, query: PlatformTypeQuery): Promise<Page<PlatformType>> {
  const page = await repository.findTypeRows(
    ctx.db,
    { systemId: query.systemId, levels: query.level, includeRetired: query.includeRetired },
    platformCountScope(ctx.actor),
    query,
  );
  return { items: page.items.map(toType), total: page.total };
}

/** One type with the actor's platform count, read through `db` (the caller's transaction if any). */
export async function getPlatformType(ctx: RequestContext, id: string, db: Executor = ctx.db): Promise<PlatformType> {
  const row = await repository.getTypeRow(db, id, platformCountScope(ctx.actor));
  if (!row) throw notFound();
  return toType(row);
}

/** Adds a system (体系) to the catalogue. */
export async function createPlatformSystem(ctx: ActorContext, input: CreatePlatformSystem): Promise<PlatformSystem> {
  return inTransaction(ctx, async (tx) => {
    const existing = await repository.findSystemByCodeOrName(tx, input.code, input.name);
    if (existing) {
      throw new AppError(ErrorCode.AlreadyExists, {
        message: existing.code === input.code ? `体系代码“${input.code}”已被“${existing.name}”使用` : `已有名为“${input.name}”的体系`,
      });
    }
    const row = await repository.insertSystem(tx, {
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      sortOrder: input.sortOrder ?? 0,
    });
    await recordAudit(tx, ctx, { action: 'taxonomy.system.create', objectType: 'platform_system', objectId: row.id, after: toSystem(row) });
    return toSystem(row);
  });
}

/** Renames, re-describes or re-orders a system; a stale `version` is refused, a name in use too. */
export async function updatePlatformSystem(ctx: ActorContext, id: string, input: UpdatePlatformSystem): Promise<PlatformSystem> {
  return inTransaction(ctx, async (tx) => {
    const system = await repository.getSystemRow(tx, id);
    if (!system) throw notFound();
    if (system.version !== input.version) throw versionConflict();
    const { version, ...fields } = input;
    const changes: Partial<Pick<PlatformSystem, 'name' | 'description' | 'sortOrder'>> = {};
    const before: Record<string, unknown> = {};
    for (const key of ['name', 'description', 'sortOrder'] as const) {
      const value = fields[key];
      if (value === undefined || (value ?? null) === system[key]) continue;
      Object.assign(changes, { [key]: value ?? null });
      before[key] = system[key];
    }
    if (Object.keys(changes).length === 0) return toSystem(system);
    if (changes.name) {
      const other = await repository.findSystemByName(tx, changes.name);
      if (other && other.id !== id) throw new AppError(ErrorCode.AlreadyExists, { message: `已有名为“${changes.name}”的体系` });
    }
    const row = await repository.updateSystemVersioned(tx, id, version, changes);
    if (!row) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'taxonomy.system.update', objectType: 'platform_system', objectId: id, before, after: changes });
    return toSystem(row);
  });
}

async function checkTypeReferences(db: Executor, input: { systemId?: string; supervisorOrganizationId?: string | null }): Promise<void> {
  if (input.systemId && !(await repository.getSystemRow(db, input.systemId))) throw invalidField('systemId', '所属体系不存在');
  if (input.supervisorOrganizationId && !(await getOrganizationName(db, input.supervisorOrganizationId))) {
    throw invalidField('supervisorOrganizationId', '主管部门（单位）不存在');
  }
}

async function assertTypeNameFree(db: Executor, name: string, exceptId: string | null): Promise<void> {
  const other = await repository.findTypeByName(db, name);
  if (other && other.id !== exceptId) throw new AppError(ErrorCode.AlreadyExists, { message: `已有名为“${name}”的平台类型` });
}

/** Adds a platform type to a system. */
export async function createPlatformType(ctx: ActorContext, input: CreatePlatformType): Promise<PlatformType> {
  const id = await inTransaction(ctx, async (tx) => {
    await checkTypeReferences(tx, input);
    await assertTypeNameFree(tx, input.name, null);
    const values: repository.PlatformTypeValues = {
      systemId: input.systemId,
      name: input.name,
      level: input.level,
      supervisorOrganizationId: input.supervisorOrganizationId ?? null,
      supervisingDepartment: input.supervisingDepartment ?? null,
      recognitionStandard: input.recognitionStandard ?? null,
      constructionPeriodMonths: input.constructionPeriodMonths ?? null,
      sortOrder: input.sortOrder ?? 0,
    };
    const typeId = await repository.insertType(tx, values);
    await recordAudit(tx, ctx, { action: 'taxonomy.type.create', objectType: 'platform_type', objectId: typeId, after: values });
    return typeId;
  });
  return getPlatformType(ctx, id);
}

/** Edits a type's description (name, level, supervisor, standard …); a stale `version` is refused. */
export async function updatePlatformType(ctx: ActorContext, id: string, input: UpdatePlatformType): Promise<PlatformType> {
  await inTransaction(ctx, async (tx) => {
    const type = await repository.getTypeRecord(tx, id);
    if (!type) throw notFound();
    if (type.version !== input.version) throw versionConflict();
    const { version, ...fields } = input;
    const changes: Partial<repository.PlatformTypeValues> = {};
    const before: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields) as [keyof repository.PlatformTypeValues, unknown][]) {
      if (value === undefined || (value ?? null) === type[key]) continue;
      Object.assign(changes, { [key]: value ?? null });
      before[key] = type[key];
    }
    if (Object.keys(changes).length === 0) return;
    await checkTypeReferences(tx, changes);
    if (changes.name) await assertTypeNameFree(tx, changes.name, id);
    if (!(await repository.updateTypeVersioned(tx, id, version, changes))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'taxonomy.type.update', objectType: 'platform_type', objectId: id, before, after: changes });
  });
  return getPlatformType(ctx, id);
}

/**
 * 撤、并、转: retires a type so it accepts no new platforms. With a successor, every platform of the
 * type that still exists becomes a platform of the successor from `effectiveDate` (its history keeps
 * the old type before that day). One transaction: the type, the conversions and an audit record
 * for the type and for each converted platform.
 */
export async function retirePlatformType(
  ctx: ActorContext,
  id: string,
  input: RetirePlatformType,
): Promise<{ type: PlatformType; convertedPlatforms: number }> {
  if (input.effectiveDate > today()) throw ruleViolation(`生效日期${input.effectiveDate}晚于今天，撤并转只能登记已经生效的决定`);
  if (input.successorTypeId === id) throw ruleViolation('不能把平台类型并入或转为它自己');
  const converted = await inTransaction(ctx, async (tx) => {
    const type = await repository.getTypeRecord(tx, id);
    if (!type) throw notFound();
    if (!type.isActive) throw ruleViolation(`平台类型“${type.name}”已于${type.retiredOn ?? ''}撤销，不能重复撤销`);
    if (type.version !== input.version) throw versionConflict();
    const successor = input.successorTypeId ? await repository.getTypeRecord(tx, input.successorTypeId) : null;
    if (input.successorTypeId && !successor) throw invalidField('successorTypeId', '承接的平台类型不存在');
    if (successor && !successor.isActive) throw ruleViolation(`承接类型“${successor.name}”已撤销，请选择在用的平台类型`);

    const live = successor ? await lockLivePlatformsOfType(tx, id) : [];
    const tooEarly = live.filter((platform) => platform.validFrom > input.effectiveDate);
    if (tooEarly.length) {
      const latest = tooEarly.reduce((a, b) => (a.validFrom > b.validFrom ? a : b));
      throw ruleViolation(
        `生效日期${input.effectiveDate}早于平台“${latest.name}”当前记录的生效日期${latest.validFrom}，请选择不早于${latest.validFrom}的日期`,
      );
    }

    const retirement = { isActive: false, retiredOn: input.effectiveDate, successorTypeId: successor?.id ?? null };
    if (!(await repository.updateTypeVersioned(tx, id, input.version, retirement))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'taxonomy.type.retire',
      objectType: 'platform_type',
      objectId: id,
      before: { isActive: type.isActive, retiredOn: type.retiredOn, successorTypeId: type.successorTypeId },
      after: { ...retirement, successorTypeName: successor?.name ?? null, note: input.note ?? null, convertedPlatforms: live.length },
    });
    if (!successor) return 0;

    await convertPlatformsToType(
      tx,
      live.map((platform) => platform.platformId),
      successor.id,
      input.effectiveDate,
      { changeNote: `类型撤并转：${type.name} → ${successor.name}${input.note ? `（${input.note}）` : ''}`, recordedBy: ctx.actor.userId },
    );
    for (const platform of live) {
      await recordAudit(tx, ctx, {
        action: 'platform.convert_type',
        objectType: 'platform',
        objectId: platform.platformId,
        before: { typeId: id, typeName: type.name, version: platform.version },
        after: { typeId: successor.id, typeName: successor.name, version: platform.version + 1, validFrom: input.effectiveDate },
      });
    }
    return live.length;
  });
  return { type: await getPlatformType(ctx, id), convertedPlatforms: converted };
}
