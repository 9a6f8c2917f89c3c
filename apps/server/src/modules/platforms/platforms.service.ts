import {
  type CreatePlatform,
  ErrorCode,
  type ErrorDetail,
  labels,
  type Platform,
  platformFieldLabels,
  type PlatformAllowedAction,
  type PlatformStatus,
  type PlatformTransition,
  type UpdatePlatform,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { AppError, invalidField, ruleViolation, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { todayInChina } from '../../shared/clock';
import { recordAudit } from '../audit';
import { canSeeOrganization } from '../organizations';
import { getRegionRow } from '../regions';
import { allowedPlatformActions, platformActionBetween, platformMove } from './platforms.lifecycle';
import { canAssignPlatformType, canPlacePlatformIn, canWritePlatforms, platformEditableFields, platformScope } from './platforms.policy';
import { getPlatform, getVisibleRecord, loadPlatform, toPlatforms } from './platforms.queries';
import { findActiveNames } from '../catalogues';
import * as repository from './platforms.repository';
import type { PlatformRecordRow } from './platforms.repository';
import { openPlatform, type PlatformState, writePlatformVersion } from './platforms.versions';

/**
 * Changing the registry: the rules a new or changed state must satisfy, and every write (create,
 * edit, lifecycle action, type conversion, delete) with its audit record. Reads live in
 * platforms.queries.ts, the history in platforms.history.ts, the Excel export in platforms.export.ts.
 */

/** A platform state's fields by their Chinese names (the labels the history, export and form use). */
const stateFieldLabels: Record<keyof PlatformState, string> = {
  name: platformFieldLabels.name,
  typeId: platformFieldLabels.type,
  hostOrganizationId: platformFieldLabels.hostOrganization,
  coBuilderIds: platformFieldLabels.coBuilders,
  regionId: platformFieldLabels.region,
  industry: platformFieldLabels.industry,
  technicalFields: platformFieldLabels.technicalFields,
  director: platformFieldLabels.director,
  status: platformFieldLabels.status,
  recognitionDocNo: platformFieldLabels.recognitionDocNo,
  recognizedOn: platformFieldLabels.recognizedOn,
  constructionEndsOn: platformFieldLabels.constructionEndsOn,
  parentPlatformId: platformFieldLabels.parentPlatform,
  successorPlatformId: platformFieldLabels.successorPlatform,
  remarks: platformFieldLabels.remarks,
};

const forbidden = () => new AppError(ErrorCode.Forbidden, { message: '您的角色只能查看平台，不能修改' });

const blankToNull = (value: string | null | undefined) => (value ? value : null);
const distinct = <T>(values: readonly T[]) => [...new Set(values)];

function stateFromCreate(input: CreatePlatform): PlatformState {
  return {
    name: input.name,
    typeId: input.typeId,
    hostOrganizationId: input.hostOrganizationId,
    coBuilderIds: distinct(input.coBuilderIds),
    regionId: input.regionId,
    industry: blankToNull(input.industry),
    technicalFields: distinct(input.technicalFields),
    director: blankToNull(input.director),
    status: input.status,
    recognitionDocNo: blankToNull(input.recognitionDocNo),
    recognizedOn: input.recognizedOn ?? null,
    constructionEndsOn: input.constructionEndsOn ?? null,
    parentPlatformId: input.parentPlatformId ?? null,
    successorPlatformId: input.successorPlatformId ?? null,
    remarks: blankToNull(input.remarks),
  };
}

function stateOf(row: PlatformRecordRow): PlatformState {
  return {
    name: row.name,
    typeId: row.typeId,
    hostOrganizationId: row.hostOrganizationId,
    coBuilderIds: row.coBuilderIds,
    regionId: row.regionId,
    industry: row.industry,
    technicalFields: row.technicalFields,
    director: row.director,
    status: row.status,
    recognitionDocNo: row.recognitionDocNo,
    recognizedOn: row.recognizedOn,
    constructionEndsOn: row.constructionEndsOn,
    parentPlatformId: row.parentPlatformId,
    successorPlatformId: row.successorPlatformId,
    remarks: row.remarks,
  };
}

/** The current state with the fields the update names replaced (absent fields stay as they are). */
function mergeUpdate(current: PlatformState, input: UpdatePlatform): PlatformState {
  const pick = <K extends keyof PlatformState>(key: K, value: PlatformState[K] | undefined): PlatformState[K] =>
    value === undefined ? current[key] : value;
  return {
    name: pick('name', input.name),
    typeId: pick('typeId', input.typeId),
    hostOrganizationId: pick('hostOrganizationId', input.hostOrganizationId),
    coBuilderIds: pick('coBuilderIds', input.coBuilderIds && distinct(input.coBuilderIds)),
    regionId: pick('regionId', input.regionId),
    industry: pick('industry', input.industry === undefined ? undefined : blankToNull(input.industry)),
    technicalFields: pick('technicalFields', input.technicalFields && distinct(input.technicalFields)),
    director: pick('director', input.director === undefined ? undefined : blankToNull(input.director)),
    status: current.status,
    recognitionDocNo: pick('recognitionDocNo', input.recognitionDocNo === undefined ? undefined : blankToNull(input.recognitionDocNo)),
    recognizedOn: pick('recognizedOn', input.recognizedOn),
    constructionEndsOn: pick('constructionEndsOn', input.constructionEndsOn),
    parentPlatformId: pick('parentPlatformId', input.parentPlatformId),
    successorPlatformId: pick('successorPlatformId', input.successorPlatformId),
    remarks: pick('remarks', input.remarks === undefined ? undefined : blankToNull(input.remarks)),
  };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedKeys(before: PlatformState | null, after: PlatformState): Set<keyof PlatformState> {
  const keys = Object.keys(after) as (keyof PlatformState)[];
  return new Set(before ? keys.filter((key) => !sameValue(before[key], after[key])) : keys);
}

const parentChainLimit = 50;

/**
 * Refuses a type that does not exist (VALIDATION_FAILED on `typeId`) or has been retired (撤并转 —
 * RULE_VIOLATION naming its successor), and returns the type otherwise.
 */
export async function assertTypeAcceptsPlatforms(db: Executor, typeId: string) {
  const type = await repository.getPlatformTypeRecord(db, typeId);
  if (!type) throw invalidField('typeId', '平台类型不存在');
  if (!type.isActive) {
    const successor = type.successorTypeId ? await repository.getPlatformTypeRecord(db, type.successorTypeId) : undefined;
    throw ruleViolation(
      `平台类型“${type.name}”已于${type.retiredOn ?? ''}撤销，不再接受新平台` + (successor ? `，请改用“${successor.name}”` : ''),
    );
  }
  return type;
}

/**
 * Checks a new or changed state before it is written: every reference exists and lies in the
 * actor's scope, and the domain's rules hold. Only what changed is checked, so a record holding an
 * old reference the actor could no longer choose can still be edited in its other fields.
 */
async function checkState(
  db: Executor,
  ctx: RequestContext,
  platformId: string | null,
  before: PlatformState | null,
  after: PlatformState,
) {
  const changed = changedKeys(before, after);
  const actor = ctx.actor;

  if (changed.has('typeId')) {
    // A retired type (撤、并、转) takes no new platforms and no conversions into it.
    const type = await assertTypeAcceptsPlatforms(db, after.typeId);
    if (!canAssignPlatformType(actor, type)) throw invalidField('typeId', `平台类型“${type.name}”不由本部门主管，不能选择`);
  }

  if (changed.has('regionId')) {
    const region = await getRegionRow(db, after.regionId);
    if (!region) throw invalidField('regionId', '所在区域不存在');
    if (!canPlacePlatformIn(actor, region.path)) throw invalidField('regionId', `所在区域“${region.name}”不在您的管辖范围内`);
  }

  if (changed.has('industry') && after.industry !== null) {
    // The city's list of key industries (名录) decides; a city that has not set one up yet may type any.
    const industries = await findActiveNames(db, 'industry');
    if (industries.length && !industries.includes(after.industry)) {
      throw invalidField('industry', `重点产业“${after.industry}”不在本市名录中，请从名录中选择，或先在“名录”页面添加`);
    }
  }

  const newCoBuilders = after.coBuilderIds.filter((id) => !before?.coBuilderIds.includes(id));
  const organizationIds = [...(changed.has('hostOrganizationId') ? [after.hostOrganizationId] : []), ...newCoBuilders];
  if (organizationIds.length) {
    const found = new Map((await repository.findLiveOrganizations(db, organizationIds)).map((o) => [o.id, o]));
    const check = (field: string, label: string, id: string) => {
      const organization = found.get(id);
      if (!organization || !canSeeOrganization(actor, organization)) throw invalidField(field, `${label}不存在或不在您的管辖范围内`);
    };
    if (changed.has('hostOrganizationId')) check('hostOrganizationId', platformFieldLabels.hostOrganization, after.hostOrganizationId);
    for (const id of newCoBuilders) check('coBuilderIds', platformFieldLabels.coBuilders, id);
  }
  if ((changed.has('hostOrganizationId') || changed.has('coBuilderIds')) && after.coBuilderIds.includes(after.hostOrganizationId)) {
    throw invalidField('coBuilderIds', '依托单位不能同时作为共建单位');
  }

  const checkReference = async (field: 'parentPlatformId' | 'successorPlatformId', id: string | null) => {
    if (!changed.has(field) || id === null) return;
    const label = field === 'parentPlatformId' ? platformFieldLabels.parentPlatform : platformFieldLabels.successorPlatform;
    if (id === platformId) throw ruleViolation(`${label}不能是平台自身`, [{ field, message: '不能是自身' }]);
    if (!(await repository.getCurrentRecord(db, id, platformScope(actor)))) throw invalidField(field, `${label}不存在或不在您的管辖范围内`);
  };
  await checkReference('parentPlatformId', after.parentPlatformId);
  await checkReference('successorPlatformId', after.successorPlatformId);
  if (platformId && changed.has('parentPlatformId') && after.parentPlatformId) {
    // A parent may not sit below the platform itself: walk up from the new parent.
    let ancestor: string | null = await repository.getCurrentParentId(db, after.parentPlatformId);
    for (let depth = 0; ancestor && depth < parentChainLimit; depth++) {
      if (ancestor === platformId) {
        throw ruleViolation('上级平台不能是本平台的下级平台', [{ field: 'parentPlatformId', message: '形成循环' }]);
      }
      ancestor = await repository.getCurrentParentId(db, ancestor);
    }
  }

  if ((changed.has('status') || changed.has('successorPlatformId')) && after.status === 'merged' && !after.successorPlatformId) {
    throw ruleViolation('状态为“已转并”的平台必须指定承继平台', [{ field: 'successorPlatformId', message: '必须指定' }]);
  }

  const today = todayInChina();
  if (changed.has('recognizedOn') && after.recognizedOn && after.recognizedOn > today) {
    throw ruleViolation('认定日期不能晚于今天', [{ field: 'recognizedOn', message: '不能晚于今天' }]);
  }
  if (
    (changed.has('recognizedOn') || changed.has('constructionEndsOn')) &&
    after.recognizedOn &&
    after.constructionEndsOn &&
    after.constructionEndsOn < after.recognizedOn
  ) {
    throw ruleViolation('建设期满日期不能早于认定日期', [{ field: 'constructionEndsOn', message: '早于认定日期' }]);
  }

  if (
    (changed.has('name') || changed.has('hostOrganizationId')) &&
    (await repository.existsOtherWithNameAndHost(db, after.name, after.hostOrganizationId, platformId))
  ) {
    throw new AppError(ErrorCode.AlreadyExists, {
      message: `该依托单位已有名为“${after.name}”的平台`,
      details: [{ field: 'name', message: '同一依托单位下已有同名平台' }],
    });
  }
}

function checkEffectiveDate(
  effectiveDate: string,
  today: string,
  details: ErrorDetail[] = [{ field: 'effectiveDate', message: '日期不符合要求' }],
) {
  if (effectiveDate > today) throw ruleViolation(`生效日期（${effectiveDate}）不能晚于今天`, details);
}

/**
 * Registers a platform with its first state inside the caller's transaction (the import module
 * runs many rows in one); checks, writes and audits. Returns the new platform's id.
 */
export async function createPlatformInTx(tx: Transaction, ctx: RequestContext, input: CreatePlatform): Promise<string> {
  if (!canWritePlatforms(ctx.actor)) throw forbidden();
  const state = stateFromCreate(input);
  const validFrom = input.effectiveDate ?? state.recognizedOn ?? todayInChina();
  checkEffectiveDate(validFrom, todayInChina(), [
    { field: input.effectiveDate ? 'effectiveDate' : 'recognizedOn', message: '不能晚于今天' },
  ]);
  await checkState(tx, ctx, null, null, state);
  const id = await openPlatform(tx, state, validFrom, { changeNote: '新建', recordedBy: ctx.actor?.userId ?? null });
  await recordAudit(tx, ctx, { action: 'platform.create', objectType: 'platform', objectId: id, after: await loadPlatform(tx, id) });
  return id;
}

/** Registers a platform (version 1 in force from the effective date, the recognition date, or today). */
export async function createPlatform(ctx: ActorContext, input: CreatePlatform): Promise<Platform> {
  const id = await inTransaction(ctx, (tx) => createPlatformInTx(tx, ctx, input));
  return getPlatform(ctx, id);
}

/**
 * Changes a platform inside the caller's transaction: closes the current state on the effective
 * date and records the next one from that day. Returns false, writing nothing, when the update
 * changes nothing. A stale `version` answers 409.
 */
export async function updatePlatformInTx(
  tx: Transaction,
  ctx: RequestContext,
  id: string,
  input: UpdatePlatform & { status?: PlatformStatus },
): Promise<boolean> {
  const current = await getVisibleRecord(tx, ctx, id);
  const editable: readonly string[] = platformEditableFields(ctx.actor, current);
  if (editable.length === 0) throw forbidden();
  if (current.lockVersion !== input.version) throw versionConflict();
  // An import row names a status: a different one must be a single move the lifecycle allows staff.
  if (input.status !== undefined && input.status !== current.status && !platformActionBetween(current.status, input.status, 'staff')) {
    throw new AppError(ErrorCode.TransitionNotAllowed, {
      message: `平台状态不能从“${labels.platformStatus[current.status]}”直接变为“${labels.platformStatus[input.status]}”`,
      details: [{ field: 'status', message: '不是允许的状态变更' }],
    });
  }
  const before = stateOf(current);
  const after = { ...mergeUpdate(before, input), status: input.status ?? current.status };
  const changed = changedKeys(before, after);
  if (changed.size === 0) return false;
  // A status change (imports, evaluation outcomes) is the registry writers' and was checked against the lifecycle above.
  const refused = [...changed].filter((key) => !(key === 'status' ? canWritePlatforms(ctx.actor) : editable.includes(key)));
  if (refused.length) {
    const names = refused.map((key) => `“${stateFieldLabels[key]}”`).join('、');
    throw new AppError(ErrorCode.Forbidden, {
      message: `您不能修改平台的${names}；依托单位只能修改技术领域、负责人和备注，其他信息由科技管理部门维护`,
      details: refused.map((field) => ({ field, message: `无权修改${stateFieldLabels[field]}` })),
    });
  }

  const today = todayInChina();
  const effectiveDate = input.effectiveDate ?? today;
  checkEffectiveDate(effectiveDate, today);
  await checkState(tx, ctx, id, before, after);
  await writePlatformVersion(tx, id, after, effectiveDate, {
    expectedVersion: input.version,
    changeNote: input.changeNote || null,
    recordedBy: ctx.actor?.userId ?? null,
  });
  const [beforePlatform] = toPlatforms([current]);
  await recordAudit(tx, ctx, {
    action: 'platform.update',
    objectType: 'platform',
    objectId: id,
    before: beforePlatform,
    after: { ...(await loadPlatform(tx, id)), changeNote: input.changeNote ?? null },
  });
  return true;
}

/** Changes a platform and answers its new current state (unchanged when nothing differs). */
export async function updatePlatform(ctx: ActorContext, id: string, input: UpdatePlatform): Promise<Platform> {
  await inTransaction(ctx, (tx) => updatePlatformInTx(tx, ctx, id, input));
  return getPlatform(ctx, id);
}

/** The lifecycle actions the actor may take on a platform now (none for those who only read). */
export async function findPlatformActions(ctx: ActorContext, id: string): Promise<PlatformAllowedAction[]> {
  const current = await getVisibleRecord(ctx.db, ctx, id);
  if (!canWritePlatforms(ctx.actor)) return [];
  return allowedPlatformActions(current.status, 'staff');
}

/**
 * Moves a platform along its lifecycle (platforms.lifecycle.ts): an explicit action with a reason,
 * in force from its effective date, written as a new version and audited. A move the table does
 * not allow from the current status answers 409 TRANSITION_NOT_ALLOWED with the reason.
 */
export async function transitionPlatform(ctx: ActorContext, id: string, input: PlatformTransition): Promise<Platform> {
  if (!canWritePlatforms(ctx.actor)) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const current = await getVisibleRecord(tx, ctx, id);
    if (current.lockVersion !== input.version) throw versionConflict();
    const today = todayInChina();
    const move = platformMove(current.status, input.action, 'staff', today);
    if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    checkEffectiveDate(input.effectiveDate, today);
    const reason = input.reason.trim();
    await writePlatformVersion(tx, id, { ...stateOf(current), status: move.to }, input.effectiveDate, {
      expectedVersion: input.version,
      changeNote: `${labels.platformAction[input.action]}：${reason}`,
      recordedBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'platform.transition',
      objectType: 'platform',
      objectId: id,
      before: { status: current.status, version: current.lockVersion },
      after: { action: input.action, status: move.to, reason, effectiveDate: input.effectiveDate, version: current.lockVersion + 1 },
    });
  });
  return getPlatform(ctx, id);
}

/**
 * For the taxonomy module's 撤、并、转: the platforms of a type that still exist (not revoked, merged
 * or deleted), locked against concurrent edits until the transaction ends.
 */
export function lockLivePlatformsOfType(tx: Transaction, typeId: string) {
  return repository.lockLiveVersionsOfType(tx, typeId);
}

/**
 * For the taxonomy module's 撤、并、转: each of these platforms becomes a platform of `toTypeId` from
 * `effectiveDate`, through the one version writer (so the registry as of any earlier day still shows
 * the old type). The caller checks the dates and writes the audit records.
 */
export async function convertPlatformsToType(
  tx: Transaction,
  platformIds: readonly string[],
  toTypeId: string,
  effectiveDate: string,
  note: { changeNote: string; recordedBy: string | null },
): Promise<void> {
  for (const platformId of platformIds) {
    await writePlatformVersion(tx, platformId, (current) => ({ ...current, typeId: toTypeId }), effectiveDate, note);
  }
}

/**
 * Soft-deletes a platform entered by mistake: it disappears from lists, counts and history but its
 * rows stay for the audit. Revoking (撤销) is a status change instead and keeps the record.
 */
export async function deletePlatform(ctx: ActorContext, id: string, version: number): Promise<void> {
  if (!canWritePlatforms(ctx.actor)) throw forbidden();
  await inTransaction(ctx, async (tx) => {
    const current = await getVisibleRecord(tx, ctx, id);
    if (current.lockVersion !== version) throw versionConflict();
    const referencing = await repository.findPlatformsReferencing(tx, id);
    if (referencing.length) {
      throw ruleViolation(`该平台是“${referencing.join('”、“')}”的上级平台或承继平台，请先修改这些平台再删除`);
    }
    if (!(await repository.softDeletePlatform(tx, id, version))) throw versionConflict();
    const [before] = toPlatforms([current]);
    await recordAudit(tx, ctx, { action: 'platform.delete', objectType: 'platform', objectId: id, before });
  });
}
