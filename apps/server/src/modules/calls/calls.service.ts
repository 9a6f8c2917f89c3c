import { createHash } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import {
  type ApplicationAction,
  applicationActionLabels,
  type ApplicationDetail,
  type ApplicationListItem,
  type ApplicationMaterial,
  type ApplicationQuery,
  type ApplicationReviewInput,
  type BulkReview,
  type BulkReviewResult,
  type Call,
  type CallMaterial,
  type CallQuery,
  type CallTransition,
  type CreateApplication,
  type CreateCall,
  type EligibilityResult,
  type EligibilityRule,
  ErrorCode,
  type Page,
  type UpdateApplication,
  type UpdateCall,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { applications } from '../../db/schema/index';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { todayInChina } from '../../shared/clock';
import { type ActorContext, inTransaction, type RequestContext } from '../../shared/context';
import { actorRegionPath } from '../../shared/scope';
import { findPersonLabels, recordAudit } from '../audit';
import { createPlatformInTx } from '../platforms';
import {
  addWorkingDays,
  allowedApplicationActions,
  type ApplicationFacts,
  applicationMove,
  applicationMoverOf,
} from './applications.lifecycle';
import { evaluateEligibility } from './calls.eligibility';
import { callMove } from './calls.lifecycle';
import { applicationScope, canManageCalls } from './calls.policy';
import * as repository from './calls.repository';
import type { ApplicationRow, CallRow } from './calls.repository';

/**
 * Calls for applications and the applications under them: the rules of the review chain
 * (applications.lifecycle.ts), eligibility checks at every step, materials, versions, review records,
 * public notice, objections and recognition — every write audited in its transaction.
 */

const iso = (value: Date | null) => (value ? value.toISOString() : null);
const distinct = <T>(values: readonly T[]) => [...new Set(values)];

// ====================================================================== calls

const forbiddenCalls = () => new AppError(ErrorCode.Forbidden, { message: '只有市科技局可以管理申报通知' });

async function toCalls(db: Executor, rows: CallRow[]): Promise<Call[]> {
  const types = new Map((await repository.findTypes(db, distinct(rows.flatMap((r) => r.typeIds)))).map((t) => [t.id, t]));
  const counts = await repository.countApplicationsByCall(
    db,
    rows.map((r) => r.id),
  );
  const regionNames = new Map<string, string>();
  for (const regionId of distinct(rows.map((r) => r.regionId)))
    regionNames.set(regionId, (await repository.getRegion(db, regionId))?.name ?? '');
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    year: row.year,
    region: { id: row.regionId, name: regionNames.get(row.regionId) ?? '' },
    types: row.typeIds.flatMap((id) => {
      const type = types.get(id);
      return type ? [{ id, name: type.name, level: type.level }] : [];
    }),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: row.status,
    materials: row.materials as CallMaterial[],
    eligibilityRules: row.eligibilityRules as EligibilityRule[],
    description: row.description,
    applicationCount: counts.get(row.id) ?? 0,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Calls the actor may see: drafts only to the city bureau. */
export async function findCalls(ctx: ActorContext, query: CallQuery): Promise<Page<Call>> {
  const { rows, total } = await repository.findCallRows(
    ctx.db,
    {
      includeDrafts: canManageCalls(ctx.actor),
      ...(query.status ? { status: query.status } : {}),
      ...(query.year ? { year: query.year } : {}),
      ...(query.keyword ? { keyword: query.keyword } : {}),
    },
    query,
  );
  return { items: await toCalls(ctx.db, rows), total };
}

async function getVisibleCallRow(db: Executor, ctx: RequestContext, id: string): Promise<CallRow> {
  const row = await repository.getCallRow(db, id);
  if (!row || (row.status === 'draft' && !canManageCalls(ctx.actor))) throw notFound('申报通知不存在');
  return row;
}

export async function getCall(ctx: RequestContext, id: string): Promise<Call> {
  const [call] = await toCalls(ctx.db, [await getVisibleCallRow(ctx.db, ctx, id)]);
  return call!;
}

/** Checks a call's fields before they are written (only those given, for an update). */
async function checkCallInput(db: Executor, ctx: RequestContext, input: Partial<CreateCall>, current: CallRow | null) {
  const opensOn = input.opensOn ?? current?.opensOn;
  const closesOn = input.closesOn ?? current?.closesOn;
  if (opensOn && closesOn && closesOn < opensOn) throw invalidField('closesOn', '申报截止日期不能早于开始日期');
  if (input.regionId !== undefined) {
    const region = await repository.getRegion(db, input.regionId);
    if (!region) throw invalidField('regionId', '区域不存在');
    const root = actorRegionPath(ctx.actor);
    if (root === 'nothing' || (root !== null && !region.path.startsWith(root)))
      throw invalidField('regionId', `区域“${region.name}”不在您的管辖范围内`);
  }
  if (input.typeIds !== undefined) {
    const ids = distinct(input.typeIds);
    const types = await repository.findTypes(db, ids);
    if (types.length !== ids.length) throw invalidField('typeIds', '平台类型不存在');
    const retired = types.find((t) => !t.isActive);
    if (retired) throw invalidField('typeIds', `平台类型“${retired.name}”已撤销，不再接受申报`);
  }
  if (input.materials !== undefined) {
    const codes = input.materials.map((m) => m.code);
    if (new Set(codes).size !== codes.length) throw invalidField('materials', '材料代码不能重复');
  }
  if (input.eligibilityRules !== undefined) {
    const codes = input.eligibilityRules.map((r) => r.code);
    if (new Set(codes).size !== codes.length) throw invalidField('eligibilityRules', '同一项资格条件只能配置一次');
    const materials = input.materials ?? (current?.materials as CallMaterial[] | undefined) ?? [];
    if (codes.includes('construction_plan_attached') && !materials.some((m) => m.code === 'construction_plan')) {
      throw invalidField('eligibilityRules', '配置了“已上传建设方案”条件时，材料清单中须有代码为 construction_plan 的建设方案');
    }
  }
}

/** Creates a call as a draft (city bureau). */
export async function createCall(ctx: ActorContext, input: CreateCall, options: { isDemo?: boolean } = {}): Promise<Call> {
  if (!canManageCalls(ctx.actor)) throw forbiddenCalls();
  const id = await inTransaction(ctx, async (tx) => {
    await checkCallInput(tx, ctx, input, null);
    const id = await repository.insertCall(tx, {
      title: input.title,
      year: input.year,
      regionId: input.regionId,
      typeIds: distinct(input.typeIds),
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      materials: input.materials,
      eligibilityRules: input.eligibilityRules,
      description: input.description || null,
      createdBy: userIdOf(ctx),
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, ctx, { action: 'call.create', objectType: 'call', objectId: id, after: input });
    return id;
  });
  return getCall(ctx, id);
}

/** Edits a call. Its window, types and rules change only while it is a draft or open (a closed call is history). */
export async function updateCall(ctx: ActorContext, id: string, input: UpdateCall): Promise<Call> {
  if (!canManageCalls(ctx.actor)) throw forbiddenCalls();
  await inTransaction(ctx, async (tx) => {
    const current = await repository.getCallRow(tx, id);
    if (!current) throw notFound('申报通知不存在');
    if (current.version !== input.version) throw versionConflict();
    if (current.status === 'archived') throw ruleViolation('已归档的申报通知不能修改');
    const { version, ...changes } = input;
    if (
      current.status !== 'draft' &&
      (changes.typeIds !== undefined || changes.eligibilityRules !== undefined || changes.regionId !== undefined)
    ) {
      const changedRules =
        (changes.typeIds && JSON.stringify(changes.typeIds) !== JSON.stringify(current.typeIds)) ||
        (changes.eligibilityRules && JSON.stringify(changes.eligibilityRules) !== JSON.stringify(current.eligibilityRules)) ||
        (changes.regionId && changes.regionId !== current.regionId);
      if (changedRules) throw ruleViolation('申报通知发布后不能再修改平台类型、区域和资格条件（可修改申报时间与说明）');
    }
    await checkCallInput(tx, ctx, changes, current);
    const values = {
      ...changes,
      ...(changes.typeIds ? { typeIds: distinct(changes.typeIds) } : {}),
      ...(changes.description !== undefined ? { description: changes.description || null } : {}),
    };
    if (!(await repository.updateCallRow(tx, id, version, values))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'call.update', objectType: 'call', objectId: id, before: current, after: changes });
  });
  return getCall(ctx, id);
}

/** Deletes a draft call entered by mistake (soft: the row stays for the audit). */
export async function deleteCall(ctx: ActorContext, id: string, version: number): Promise<void> {
  if (!canManageCalls(ctx.actor)) throw forbiddenCalls();
  await inTransaction(ctx, async (tx) => {
    const current = await repository.getCallRow(tx, id);
    if (!current) throw notFound('申报通知不存在');
    if (current.version !== version) throw versionConflict();
    if (current.status !== 'draft') throw ruleViolation('只能删除草稿状态的申报通知；已发布的请截止后归档');
    if (!(await repository.softDeleteCall(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, { action: 'call.delete', objectType: 'call', objectId: id, before: current });
  });
}

/** Moves a call along calls.lifecycle.ts (publish, close, reopen, archive). */
export async function transitionCall(ctx: ActorContext, id: string, input: CallTransition): Promise<Call> {
  if (!canManageCalls(ctx.actor)) throw forbiddenCalls();
  await inTransaction(ctx, async (tx) => {
    const current = await repository.lockCallRow(tx, id);
    if (!current) throw notFound('申报通知不存在');
    if (current.version !== input.version) throw versionConflict();
    const move = callMove(
      { status: current.status, opensOn: current.opensOn, closesOn: current.closesOn, typeCount: current.typeIds.length },
      input.action,
      todayInChina(),
    );
    if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
    if (!(await repository.updateCallRow(tx, id, input.version, { status: move.to }))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'call.transition',
      objectType: 'call',
      objectId: id,
      before: { status: current.status },
      after: { action: input.action, status: move.to },
    });
  });
  return getCall(ctx, id);
}

// ====================================================================== applications

const notFoundApplication = () => notFound('申报不存在');

function toListItem(row: repository.ApplicationListRow): ApplicationListItem {
  return {
    id: row.id,
    callId: row.callId,
    callTitle: row.callTitle,
    platformName: row.platformName,
    status: row.status,
    organization: { id: row.organizationId, name: row.organizationName },
    type: { id: row.typeId, name: row.typeName, level: row.typeLevel },
    region: { id: row.regionId, name: row.regionName },
    submittedAt: iso(row.submittedAt),
    closesOn: row.closesOn,
    noticeEndsOn: row.noticeEndsOn,
    platformId: row.platformId,
    isDemo: row.isDemo,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The statuses at which this role acts (a reviewer's queue). */
function waitingStatuses(role: string): string[] {
  switch (role) {
    case 'county_staff':
    case 'department_staff':
      return ['county_review'];
    case 'city_staff':
      return ['formal_review', 'expert_review', 'public_notice'];
    case 'host_user':
      return ['draft', 'returned'];
    default:
      return [];
  }
}

function waitingCondition(ctx: RequestContext): SQL {
  const statuses = ctx.actor ? waitingStatuses(ctx.actor.role) : [];
  if (!statuses.length) return sql`false`;
  const inStatuses = sql`${applications.status} in (${sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  )})`;
  if (ctx.actor?.role !== 'city_staff') return inStatuses;
  // The city also takes the first step for applicants with no county bureau above them.
  return sql`(${inStatuses} or (${applications.status} = 'county_review' and ${applications.regionId} in (select id from regions where level <> 'county')))`;
}

/** Applications the actor may see (applicant: own organisation; reviewers: their scope; experts: their panels). */
export async function findApplications(ctx: ActorContext, query: ApplicationQuery): Promise<Page<ApplicationListItem>> {
  const conditions: (SQL | undefined)[] = [applicationScope(ctx.actor)];
  if (query.callId) conditions.push(eq(applications.callId, query.callId));
  if (query.status) conditions.push(eq(applications.status, query.status));
  if (query.keyword) conditions.push(sql`${applications.platformName} ilike ${`%${query.keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (query.waiting === 'true') conditions.push(waitingCondition(ctx));
  // Drafts are the applicant's own business until submitted.
  if (ctx.actor.role !== 'host_user') conditions.push(sql`${applications.status} <> 'draft'`);
  const { rows, total } = await repository.findApplicationRows(ctx.db, and(...conditions), query);
  return { items: rows.map(toListItem), total };
}

async function visibleApplication(db: Executor, ctx: RequestContext, id: string, lock = false): Promise<ApplicationRow> {
  const row = await repository.getApplicationRow(db, id, applicationScope(ctx.actor), lock);
  if (!row) throw notFoundApplication();
  if (row.status === 'draft' && ctx.actor && ctx.actor.role !== 'host_user') throw notFoundApplication();
  return row;
}

async function gatherFacts(db: Executor, row: ApplicationRow, call: CallRow): Promise<ApplicationFacts> {
  const region = await repository.getRegion(db, row.regionId);
  const objections = await repository.findObjections(db, row.id);
  return {
    callStatus: call.status,
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    applicantWithoutCounty: region?.level !== 'county',
    hasConcludedPanel: await repository.hasConcludedPanel(db, row.id),
    noticeEndsOn: row.noticeEndsOn,
    unresolvedObjections: objections.filter((o) => o.resolution === null).length,
    upheldObjections: objections.filter((o) => o.resolution === 'upheld').length,
  };
}

/** Runs the call's eligibility checks on the application as it stands. */
async function checkEligibility(db: Executor, row: ApplicationRow, call: CallRow): Promise<EligibilityResult[]> {
  const callRegion = await repository.getRegion(db, call.regionId);
  const organization = await repository.getOrganizationWithRegion(db, row.organizationId);
  const materials = await repository.findMaterials(db, row.id);
  return evaluateEligibility(
    call.eligibilityRules as EligibilityRule[],
    {
      call: { regionPath: callRegion?.path ?? '', regionName: callRegion?.name ?? '' },
      organization: {
        name: organization?.name ?? '',
        regionPath: organization?.regionPath ?? '',
        regionName: organization?.regionName ?? '',
      },
      qualifications: await repository.findQualifications(db, row.organizationId),
      form: row.form as ApplicationDetail['form'],
      sameTypePlatforms: await repository.findSameTypePlatforms(db, row.organizationId, row.typeId),
      materialCodes: distinct(materials.map((m) => m.code)),
    },
    todayInChina(),
  );
}

/** An application's review trail, each mover named as people name them: 姓名（单位） (the login kept in the row as a fallback). */
async function reviewsOf(db: Executor, applicationId: string) {
  const rows = await repository.findReviews(db, applicationId);
  const people = await findPersonLabels(
    db,
    rows.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    fromStatus: r.fromStatus,
    toStatus: r.toStatus,
    comment: r.comment,
    actorName: (r.actorUserId ? people.get(r.actorUserId) : undefined) ?? r.actorName,
    actorRole: r.actorRole,
    eligibility: (r.eligibility as EligibilityResult[] | null) ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The application with its materials, versions, review records, objections, live eligibility and the actor's actions. */
export async function getApplication(ctx: RequestContext, id: string): Promise<ApplicationDetail> {
  const db = ctx.db;
  const row = await visibleApplication(db, ctx, id);
  const listRow = await repository.getApplicationListRow(db, id, undefined);
  const callRow = (await repository.getCallRow(db, row.callId))!;
  const [call] = await toCalls(db, [callRow]);
  const coBuilders = await repository.findOrganizationsByIds(db, row.coBuilderIds);
  const mover = ctx.actor ? applicationMoverOf(ctx.actor.role) : null;
  const facts = await gatherFacts(db, row, callRow);
  return {
    ...toListItem(listRow!),
    technicalFields: row.technicalFields,
    coBuilders: coBuilders.map((o) => ({ id: o.id, name: o.name })),
    collaborators: row.collaborators as ApplicationDetail['collaborators'],
    form: row.form as ApplicationDetail['form'],
    call: call!,
    materials: (await repository.findMaterials(db, id)).map(toMaterial),
    reviews: await reviewsOf(db, id),
    versions: (await repository.findVersions(db, id)).map((v) => ({
      id: v.id,
      seq: v.seq,
      snapshot: v.snapshot as Record<string, unknown>,
      createdAt: v.createdAt.toISOString(),
    })),
    objections: (await repository.findObjections(db, id)).map((o) => ({
      id: o.id,
      raisedBy: o.raisedBy,
      text: o.text,
      recordedAt: o.recordedAt.toISOString(),
      resolution: o.resolution,
      resolutionNote: o.resolutionNote,
      resolvedAt: iso(o.resolvedAt),
    })),
    noticeStartsOn: row.noticeStartsOn,
    recognizedOn: row.recognizedOn,
    recognitionDocNo: row.recognitionDocNo,
    eligibility: await checkEligibility(db, row, callRow),
    allowedActions: mover ? allowedApplicationActions(row.status, mover, facts, todayInChina()) : [],
  };
}

function toMaterial(m: Awaited<ReturnType<typeof repository.findMaterials>>[number]): ApplicationMaterial {
  return { ...m, uploadedAt: m.uploadedAt.toISOString() };
}

const onlyApplicant = () => new AppError(ErrorCode.Forbidden, { message: '只有依托单位的用户可以填写本单位的申报' });

async function checkForm(db: Executor, ctx: ActorContext, organizationId: string, input: Partial<CreateApplication>) {
  if (input.coBuilderIds !== undefined) {
    const ids = distinct(input.coBuilderIds);
    if (ids.includes(organizationId)) throw invalidField('coBuilderIds', '依托单位不能同时作为共建单位');
    const found = await repository.findOrganizationsByIds(db, ids);
    if (found.length !== ids.length) throw invalidField('coBuilderIds', '共建单位不存在');
  }
}

/** Starts a draft application of the host user's own organisation under an open call. */
export async function createApplication(
  ctx: ActorContext,
  input: CreateApplication,
  options: { isDemo?: boolean } = {},
): Promise<ApplicationDetail> {
  if (ctx.actor.role !== 'host_user' || !ctx.actor.organizationId) throw onlyApplicant();
  const organizationId = ctx.actor.organizationId;
  const id = await inTransaction(ctx, async (tx) => {
    const call = await repository.getCallRow(tx, input.callId);
    if (!call || call.status === 'draft') throw invalidField('callId', '申报通知不存在');
    const today = todayInChina();
    if (call.status !== 'open' || today > call.closesOn) throw ruleViolation(`申报通知“${call.title}”已截止，不能再申报`);
    if (!call.typeIds.includes(input.typeId)) throw invalidField('typeId', '该申报通知不受理此平台类型');
    const organization = await repository.getOrganizationWithRegion(tx, organizationId);
    if (!organization) throw onlyApplicant();
    await checkForm(tx, ctx, organizationId, input);
    const id = await repository.insertApplication(tx, {
      callId: input.callId,
      typeId: input.typeId,
      organizationId,
      regionId: organization.regionId,
      platformName: input.platformName,
      technicalFields: distinct(input.technicalFields),
      coBuilderIds: distinct(input.coBuilderIds),
      collaborators: input.collaborators,
      form: input.form,
      createdBy: userIdOf(ctx),
      isDemo: options.isDemo ?? false,
    });
    await recordAudit(tx, ctx, { action: 'application.create', objectType: 'application', objectId: id, after: input });
    return id;
  });
  return getApplication(ctx, id);
}

/** Saves the form of a draft or returned application (the applicant's own). */
export async function updateApplication(ctx: ActorContext, id: string, input: UpdateApplication): Promise<ApplicationDetail> {
  if (ctx.actor.role !== 'host_user') throw onlyApplicant();
  await inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, id, true);
    if (current.version !== input.version) throw versionConflict();
    if (current.status !== 'draft' && current.status !== 'returned') throw ruleViolation('申报已提交，不能修改；如需修改请先撤回');
    const { version, ...changes } = input;
    if (changes.typeId !== undefined) {
      const call = (await repository.getCallRow(tx, current.callId))!;
      if (!call.typeIds.includes(changes.typeId)) throw invalidField('typeId', '该申报通知不受理此平台类型');
    }
    await checkForm(tx, ctx, current.organizationId, changes);
    const values = {
      ...changes,
      ...(changes.technicalFields ? { technicalFields: distinct(changes.technicalFields) } : {}),
      ...(changes.coBuilderIds ? { coBuilderIds: distinct(changes.coBuilderIds) } : {}),
    };
    if (!(await repository.updateApplicationRow(tx, id, version, values))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'application.update',
      objectType: 'application',
      objectId: id,
      before: formOf(current),
      after: changes,
    });
  });
  return getApplication(ctx, id);
}

function formOf(row: ApplicationRow) {
  return {
    platformName: row.platformName,
    typeId: row.typeId,
    technicalFields: row.technicalFields,
    coBuilderIds: row.coBuilderIds,
    collaborators: row.collaborators,
    form: row.form,
  };
}

export const maxMaterialsPerApplication = 30;

/** Attaches a checked file (see calls.uploads.ts) to one item of the call's materials list. */
export async function addMaterial(
  ctx: ActorContext,
  applicationId: string,
  file: { code: string; fileName: string; mimeType: string; content: Buffer },
): Promise<ApplicationMaterial> {
  if (ctx.actor.role !== 'host_user') throw onlyApplicant();
  return inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, applicationId, true);
    if (current.status !== 'draft' && current.status !== 'returned') throw ruleViolation('申报已提交，不能再上传材料；如需修改请先撤回');
    const call = (await repository.getCallRow(tx, current.callId))!;
    const item = (call.materials as CallMaterial[]).find((m) => m.code === file.code);
    if (!item) throw invalidField('code', `申报通知的材料清单中没有代码为“${file.code}”的材料`);
    if ((await repository.findMaterials(tx, applicationId)).length >= maxMaterialsPerApplication) {
      throw ruleViolation(`每份申报最多上传${maxMaterialsPerApplication}个材料`);
    }
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const material = await repository.insertMaterial(tx, {
      applicationId,
      code: file.code,
      fileName: file.fileName,
      mimeType: file.mimeType,
      size: file.content.length,
      sha256,
      content: file.content,
      uploadedBy: userIdOf(ctx),
    });
    await repository.updateApplicationRow(tx, applicationId, current.version, {});
    await recordAudit(tx, ctx, {
      action: 'application.material.add',
      objectType: 'application',
      objectId: applicationId,
      after: { ...material, name: item.name },
    });
    return toMaterial(material);
  });
}

/** Removes a material from a draft or returned application (soft: the bytes stay for the audit and the earlier versions). */
export async function removeMaterial(ctx: ActorContext, applicationId: string, materialId: string): Promise<void> {
  if (ctx.actor.role !== 'host_user') throw onlyApplicant();
  await inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, applicationId, true);
    if (current.status !== 'draft' && current.status !== 'returned') throw ruleViolation('申报已提交，不能删除材料');
    const removed = await repository.softDeleteMaterial(tx, applicationId, materialId);
    if (!removed) throw notFound('材料不存在');
    await repository.updateApplicationRow(tx, applicationId, current.version, {});
    await recordAudit(tx, ctx, {
      action: 'application.material.remove',
      objectType: 'application',
      objectId: applicationId,
      before: removed,
    });
  });
}

/** A material's bytes, for whoever may see the application. */
export async function getMaterialFile(ctx: RequestContext, applicationId: string, materialId: string) {
  await visibleApplication(ctx.db, ctx, applicationId);
  const material = await repository.getMaterial(ctx.db, applicationId, materialId);
  if (!material) throw notFound('材料不存在');
  return material;
}

interface MoveOptions {
  reason?: string | undefined;
  noticeDays?: number | undefined;
  documentNo?: string | undefined;
  recognizedOn?: string | undefined;
  version?: number | undefined;
}

/**
 * One move along the review chain inside the caller's transaction: the table decides (with the facts
 * gathered now), the eligibility checks run again and are stored with the review record, and what the
 * step needs happens with it (a version snapshot on submission, the notice dates, the new platform).
 */
async function moveApplication(
  tx: Transaction,
  ctx: ActorContext,
  current: ApplicationRow,
  action: ApplicationAction,
  options: MoveOptions,
) {
  const mover = applicationMoverOf(ctx.actor.role);
  if (!mover) throw new AppError(ErrorCode.Forbidden, { message: '您的角色不能办理申报' });
  if (options.version !== undefined && current.version !== options.version) throw versionConflict();
  const call = (await repository.lockCallRow(tx, current.callId))!;
  const today = todayInChina();
  const facts = await gatherFacts(tx, current, call);
  const move = applicationMove(current.status, action, mover, facts, today);
  if (move.refusal !== null) throw new AppError(ErrorCode.TransitionNotAllowed, { message: move.refusal });
  const reason = options.reason?.trim() || null;
  if ((action === 'return' || action === 'reject') && !reason) throw invalidField('reason', `${applicationActionLabels[action]}须填写理由`);

  const values: Partial<typeof applications.$inferInsert> = { status: move.to };
  if (action === 'submit' || action === 'resubmit') {
    const materials = await repository.findMaterials(tx, current.id);
    const missing = (call.materials as CallMaterial[]).filter((m) => m.required && !materials.some((x) => x.code === m.code));
    if (missing.length) throw ruleViolation(`尚未上传必需的材料：${missing.map((m) => m.name).join('、')}`);
    values.submittedAt = new Date();
    await repository.insertVersion(
      tx,
      current.id,
      { ...formOf(current), materials: materials.map((m) => ({ code: m.code, fileName: m.fileName, sha256: m.sha256, size: m.size })) },
      userIdOf(ctx),
    );
  }
  if (action === 'startPublicNotice') {
    values.noticeStartsOn = today;
    values.noticeEndsOn = addWorkingDays(today, options.noticeDays ?? 5);
  }
  if (action === 'recognize') {
    const documentNo = options.documentNo?.trim();
    if (!documentNo) throw invalidField('documentNo', '认定须填写认定文件文号');
    const recognizedOn = options.recognizedOn ?? today;
    if (recognizedOn > today) throw invalidField('recognizedOn', '认定日期不能晚于今天');
    const [type] = await repository.findTypes(tx, [current.typeId]);
    const constructionEndsOn = type?.constructionPeriodMonths ? addMonths(recognizedOn, type.constructionPeriodMonths) : null;
    const form = current.form as ApplicationDetail['form'];
    // The system actor of the demo seed has no user row to record: the platform is written as by the system.
    const platformId = await createPlatformInTx(tx, userIdOf(ctx) ? ctx : { ...ctx, actor: null }, {
      name: current.platformName,
      typeId: current.typeId,
      hostOrganizationId: current.organizationId,
      coBuilderIds: current.coBuilderIds,
      regionId: current.regionId,
      technicalFields: current.technicalFields,
      director: form.director || null,
      status: 'constructing',
      recognitionDocNo: documentNo,
      recognizedOn,
      constructionEndsOn,
      remarks: `由认定申报（${call.title}）创建`,
    });
    values.platformId = platformId;
    values.recognitionDocNo = documentNo;
    values.recognizedOn = recognizedOn;
  }
  const eligibility = await checkEligibility(tx, current, call);
  if (!(await repository.updateApplicationRow(tx, current.id, current.version, values))) throw versionConflict();
  await repository.insertReview(tx, {
    applicationId: current.id,
    action,
    fromStatus: current.status,
    toStatus: move.to,
    comment: reason,
    actorUserId: userIdOf(ctx),
    actorName: ctx.actor.username,
    actorRole: ctx.actor.role,
    eligibility,
    isDemo: current.isDemo,
  });
  await recordAudit(tx, ctx, {
    action: `application.${action}`,
    objectType: 'application',
    objectId: current.id,
    before: { status: current.status, version: current.version },
    after: {
      status: move.to,
      reason,
      ...values,
      submittedAt: undefined,
      eligibility: eligibility.map((e) => ({ code: e.code, outcome: e.outcome })),
    },
  });
}

/** The id the demo seed's system actor carries (no user row). */
export const systemUserId = '00000000-0000-0000-0000-000000000000';
/** The acting user's id for foreign keys, null for the system actor. */
const userIdOf = (ctx: RequestContext) => (ctx.actor && ctx.actor.userId !== systemUserId ? ctx.actor.userId : null);

/** Adds calendar months (the construction period): the same day of the month, or the month's last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The applicant submits (draft) or resubmits (returned), or withdraws. */
export async function applicantAction(
  ctx: ActorContext,
  id: string,
  action: 'submit' | 'withdraw',
  input: { version: number; reason?: string | undefined },
) {
  if (ctx.actor.role !== 'host_user') throw onlyApplicant();
  await inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, id, true);
    const resolved: ApplicationAction = action === 'submit' && current.status === 'returned' ? 'resubmit' : action;
    await moveApplication(tx, ctx, current, resolved, input);
  });
  return getApplication(ctx, id);
}

/** A reviewer's step: recommend, return, pass formal review, reject, start the notice, recognise. */
export async function reviewApplication(ctx: ActorContext, id: string, input: ApplicationReviewInput): Promise<ApplicationDetail> {
  await inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, id, true);
    await moveApplication(tx, ctx, current, input.action, input);
  });
  return getApplication(ctx, id);
}

/**
 * The same step on many applications with one reason, all or nothing: every one is tried in one
 * transaction; if any is refused, nothing is kept and each refusal is answered with its message.
 */
export async function bulkReview(ctx: ActorContext, input: BulkReview): Promise<BulkReviewResult> {
  const ids = distinct(input.ids);
  const refusals: BulkReviewResult['refusals'] = [];
  const rollback = new Error('bulk refused');
  try {
    await inTransaction(ctx, async (tx) => {
      for (const id of ids) {
        const current = await repository.getApplicationRow(tx, id, applicationScope(ctx.actor), true);
        if (!current || current.status === 'draft') {
          refusals.push({ id, platformName: '', message: '申报不存在或不在您的管辖范围内' });
          continue;
        }
        try {
          await tx.transaction(async (savepoint) => moveApplication(savepoint, ctx, current, input.action, { reason: input.reason }));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refusals.push({ id, platformName: current.platformName, message: error.message });
        }
      }
      if (refusals.length) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
    throw new AppError(ErrorCode.TransitionNotAllowed, {
      message: `${refusals.length}项申报不能“${applicationActionLabels[input.action]}”，本次批量操作未执行任何一项`,
      details: refusals.map((r) => ({ field: r.id, message: r.platformName ? `${r.platformName}：${r.message}` : r.message })),
    });
  }
  return { ok: true, done: ids.length, refusals: [] };
}

const onlyCity = () => new AppError(ErrorCode.Forbidden, { message: '公示期异议由市科技局登记和处理' });

/** Records an objection raised during the public notice (city staff). */
export async function addObjection(ctx: ActorContext, id: string, input: { raisedBy: string; text: string }): Promise<ApplicationDetail> {
  if (ctx.actor.role !== 'city_staff') throw onlyCity();
  await inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, id, true);
    if (current.status !== 'public_notice') throw new AppError(ErrorCode.TransitionNotAllowed, { message: '只有公示中的申报可以登记异议' });
    const objection = await repository.insertObjection(tx, {
      applicationId: id,
      raisedBy: input.raisedBy,
      text: input.text,
      recordedBy: userIdOf(ctx),
      isDemo: current.isDemo,
    });
    await repository.updateApplicationRow(tx, id, current.version, {});
    await recordAudit(tx, ctx, { action: 'application.objection.add', objectType: 'application', objectId: id, after: objection });
  });
  return getApplication(ctx, id);
}

/** Resolves an objection: dismissed, or upheld — which rejects the application in the same transaction. */
export async function resolveObjection(
  ctx: ActorContext,
  id: string,
  objectionId: string,
  input: { resolution: 'upheld' | 'dismissed'; note: string; version: number },
): Promise<ApplicationDetail> {
  if (ctx.actor.role !== 'city_staff') throw onlyCity();
  await inTransaction(ctx, async (tx) => {
    const current = await visibleApplication(tx, ctx, id, true);
    if (current.version !== input.version) throw versionConflict();
    if (current.status !== 'public_notice') throw new AppError(ErrorCode.TransitionNotAllowed, { message: '只有公示中的申报可以处理异议' });
    const resolved = await repository.resolveObjectionRow(tx, id, objectionId, {
      resolution: input.resolution,
      resolutionNote: input.note,
      resolvedBy: userIdOf(ctx),
    });
    if (!resolved) throw notFound('异议不存在或已处理');
    await recordAudit(tx, ctx, { action: 'application.objection.resolve', objectType: 'application', objectId: id, after: resolved });
    if (input.resolution === 'upheld') {
      await moveApplication(tx, ctx, current, 'upholdObjection', { reason: `异议成立：${input.note}` });
    } else {
      await repository.updateApplicationRow(tx, id, current.version, {});
    }
  });
  return getApplication(ctx, id);
}

/** The export's rows: every application of a call the actor sees (not drafts). */
export async function findCallApplicationsForExport(ctx: ActorContext, callId: string) {
  const call = await getCall(ctx, callId);
  const { rows } = await repository.findApplicationRows(
    ctx.db,
    and(applicationScope(ctx.actor), eq(applications.callId, callId), sql`${applications.status} <> 'draft'`),
    { limit: 10_000, offset: 0 },
  );
  const details = [];
  for (const row of rows) details.push(await getApplication(ctx, row.id));
  return { call, applications: details };
}

/**
 * For the demo seed only: records that an application in expert review went on public notice on past or
 * given dates, as history (the guard's concluded panel belongs to the experts module's demo), with its
 * review record. Not reachable from any route.
 */
export async function recordDemoPublicNotice(db: Executor, id: string, startsOn: string, endsOn: string): Promise<void> {
  const current = await repository.getApplicationRow(db, id, undefined);
  if (!current || current.status !== 'expert_review') throw new Error('demo: the application is not in expert review');
  await repository.updateApplicationRow(db, id, current.version, {
    status: 'public_notice',
    noticeStartsOn: startsOn,
    noticeEndsOn: endsOn,
  });
  await repository.insertReview(db, {
    applicationId: id,
    action: 'startPublicNotice',
    fromStatus: 'expert_review',
    toStatus: 'public_notice',
    comment: `专家评审通过，公示${startsOn}至${endsOn}（演示数据）`,
    actorName: 'system',
    actorRole: 'city_staff',
    isDemo: true,
  });
}
