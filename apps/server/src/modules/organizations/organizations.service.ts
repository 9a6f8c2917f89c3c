import {
  type CreateOrganization,
  type CreateQualification,
  ErrorCode,
  type Organization,
  type OrganizationQuery,
  type Page,
  type Qualification,
  type UpdateOrganization,
  labels,
} from '@stip/contracts';
import type { Executor, Transaction } from '../../db/client';
import { isUniqueViolation } from '../../shared/database-errors';
import { AppError, invalidField, notFound, ruleViolation, versionConflict } from '../../shared/app-error';
import { type Actor, type ActorContext, type RequestContext, inTransaction } from '../../shared/context';
import { recordAudit } from '../audit';
import { getRegionRow } from '../regions';
import * as repository from './organizations.repository';
import {
  canCreateOrganization,
  canDeleteOrganization,
  canEditOrganization,
  canPlaceOrganizationIn,
  canSeeOrganization,
  organizationEditableFields,
  organizationScope,
} from './organizations.policy';

/** Today's date in China (the calendar the bureaus work by), YYYY-MM-DD. */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function toQualification(row: repository.QualificationRow): Qualification {
  return { id: row.id, kind: row.kind, validFrom: row.validFrom, validTo: row.validTo, certificateNo: row.certificateNo };
}

function toOrganization(actor: Actor | null, row: repository.OrganizationRow, qualifications: repository.QualificationRow[]): Organization {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    creditCode: row.creditCode,
    regionId: row.regionId,
    regionName: row.regionName,
    address: row.address,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    qualifications: qualifications.map(toQualification),
    editableFields: [...organizationEditableFields(actor, row)],
    canDelete: canDeleteOrganization(actor, row),
  };
}

const organizationFieldLabels: Record<keyof repository.OrganizationValues, string> = {
  name: '单位名称',
  kind: '单位类型',
  creditCode: '统一社会信用代码',
  regionId: '所属区域',
  address: '地址',
  contactPerson: '联系人',
  contactPhone: '联系电话',
};

/** The fields a user edits, as the audit trail records them. */
function editableFields(row: repository.OrganizationRow): repository.OrganizationValues {
  return {
    name: row.name,
    kind: row.kind,
    creditCode: row.creditCode,
    regionId: row.regionId,
    address: row.address,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
  };
}

/** Organisations in the actor's scope matching the filters, each with its region name and qualifications. */
export async function findOrganizations(ctx: ActorContext, query: OrganizationQuery): Promise<Page<Organization>> {
  let regionPath: string | undefined;
  if (query.regionId) {
    const region = await getRegionRow(ctx.db, query.regionId);
    if (!region) throw invalidField('regionId', '所选区域不存在');
    regionPath = region.path;
  }
  const page = await repository.findOrganizationRows(
    ctx.db,
    { keyword: query.keyword, kinds: query.kind, regionPath, qualification: query.qualification, today: today() },
    organizationScope(ctx.actor),
    query,
  );
  const qualifications = await repository.findQualificationRows(
    ctx.db,
    page.items.map((row) => row.id),
  );
  return {
    items: page.items.map((row) =>
      toOrganization(
        ctx.actor,
        row,
        qualifications.filter((q) => q.organizationId === row.id),
      ),
    ),
    total: page.total,
  };
}

/** One organisation the actor may see (404 otherwise), read through `db` (the caller's transaction if any). */
export async function getOrganization(ctx: RequestContext, id: string, db: Executor = ctx.db): Promise<Organization> {
  const row = await repository.getOrganizationRow(db, id);
  if (!row || !canSeeOrganization(ctx.actor, row)) throw notFound();
  return toOrganization(ctx.actor, row, await repository.findQualificationRows(db, [row.id]));
}

async function visibleRow(db: Executor, ctx: RequestContext, id: string): Promise<repository.OrganizationRow> {
  const row = await repository.getOrganizationRow(db, id);
  if (!row || !canSeeOrganization(ctx.actor, row)) throw notFound();
  return row;
}

async function requirePlaceableRegion(db: Executor, ctx: RequestContext, regionId: string) {
  const region = await getRegionRow(db, regionId);
  if (!region) throw invalidField('regionId', '所属区域不存在');
  if (!canPlaceOrganizationIn(ctx.actor, region.path)) {
    throw new AppError(ErrorCode.Forbidden, { message: '只能在您管辖的区域内登记单位' });
  }
  return region;
}

async function assertCreditCodeFree(db: Executor, creditCode: string, exceptId: string | null): Promise<void> {
  const other = await repository.findOrganizationByCreditCode(db, creditCode);
  if (other && other.id !== exceptId) {
    throw new AppError(ErrorCode.AlreadyExists, { message: `统一社会信用代码“${creditCode}”已被“${other.name}”使用` });
  }
}

function duplicateCode(creditCode: string): AppError {
  return new AppError(ErrorCode.AlreadyExists, { message: `统一社会信用代码“${creditCode}”已被其他单位使用` });
}

/**
 * Registers an organisation inside the caller's transaction: scope, region and credit-code checks,
 * the insert and its audit record. Returns the new id (the import module runs many rows in one transaction).
 */
export async function createOrganizationInTx(tx: Transaction, ctx: RequestContext, input: CreateOrganization): Promise<string> {
  if (!canCreateOrganization(ctx.actor)) throw new AppError(ErrorCode.Forbidden, { message: '依托单位用户不能新增单位' });
  await requirePlaceableRegion(tx, ctx, input.regionId);
  await assertCreditCodeFree(tx, input.creditCode, null);
  const values: repository.OrganizationValues = {
    name: input.name,
    kind: input.kind,
    creditCode: input.creditCode,
    regionId: input.regionId,
    address: input.address ?? null,
    contactPerson: input.contactPerson ?? null,
    contactPhone: input.contactPhone ?? null,
  };
  let id: string;
  try {
    id = await repository.insertOrganization(tx, values);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(input.creditCode);
    throw error;
  }
  await recordAudit(tx, ctx, { action: 'organization.create', objectType: 'organization', objectId: id, after: values });
  return id;
}

/** Registers an organisation (its own transaction) and returns it as the actor sees it. */
export async function createOrganization(ctx: ActorContext, input: CreateOrganization): Promise<Organization> {
  const id = await inTransaction(ctx, (tx) => createOrganizationInTx(tx, ctx, input));
  return getOrganization(ctx, id);
}

/**
 * Edits an organisation inside the caller's transaction. Refuses a stale `version`; a county user
 * cannot move it out of the county, a host user cannot move it at all. Returns false (and writes
 * nothing) when the input changes nothing.
 */
export async function updateOrganizationInTx(
  tx: Transaction,
  ctx: RequestContext,
  id: string,
  input: UpdateOrganization,
): Promise<boolean> {
  const row = await visibleRow(tx, ctx, id);
  if (!canEditOrganization(ctx.actor, row)) throw new AppError(ErrorCode.Forbidden, { message: '只能修改本单位的信息' });
  if (row.version !== input.version) throw versionConflict();
  const before = editableFields(row);
  const changes: Partial<repository.OrganizationValues> = {};
  for (const key of Object.keys(before) as (keyof repository.OrganizationValues)[]) {
    const value = input[key];
    if (value === undefined) continue;
    if ((value ?? null) !== before[key]) Object.assign(changes, { [key]: value ?? null });
  }
  if (Object.keys(changes).length === 0) return false;
  const editable: readonly string[] = organizationEditableFields(ctx.actor, row);
  const refused = Object.keys(changes).filter((key) => !editable.includes(key)) as (keyof repository.OrganizationValues)[];
  if (refused.length) {
    const names = refused.map((key) => `“${organizationFieldLabels[key]}”`).join('、');
    throw new AppError(ErrorCode.Forbidden, {
      message: `您不能修改本单位的${names}；依托单位只能修改联系人、联系电话和地址，其他信息请联系科技管理部门`,
      details: refused.map((field) => ({ field, message: `无权修改${organizationFieldLabels[field]}` })),
    });
  }
  if (changes.regionId) await requirePlaceableRegion(tx, ctx, changes.regionId);
  if (changes.creditCode) await assertCreditCodeFree(tx, changes.creditCode, id);
  let updated: boolean;
  try {
    updated = await repository.updateOrganizationVersioned(tx, id, input.version, changes);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(changes.creditCode ?? row.creditCode);
    throw error;
  }
  if (!updated) throw versionConflict();
  const changedBefore = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof before]]));
  await recordAudit(tx, ctx, {
    action: 'organization.update',
    objectType: 'organization',
    objectId: id,
    before: changedBefore,
    after: changes,
  });
  return true;
}

/** Edits an organisation (its own transaction) and returns it as it now stands. */
export async function updateOrganization(ctx: ActorContext, id: string, input: UpdateOrganization): Promise<Organization> {
  await inTransaction(ctx, (tx) => updateOrganizationInTx(tx, ctx, id, input));
  return getOrganization(ctx, id);
}

/**
 * Soft-deletes an organisation: it leaves every list but stays in the database, so the history of
 * the platforms it hosted still names it. Refused while it hosts platforms that still exist.
 */
export async function deleteOrganization(ctx: ActorContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await visibleRow(tx, ctx, id);
    if (!canDeleteOrganization(ctx.actor, row)) throw new AppError(ErrorCode.Forbidden, { message: '无权删除该单位' });
    if (row.version !== version) throw versionConflict();
    const hosted = await repository.findLivePlatformNamesHostedBy(tx, id);
    if (hosted.length) {
      const named = hosted.slice(0, 3).join('、') + (hosted.length > 3 ? '等' : '');
      throw ruleViolation(
        `“${row.name}”仍是${hosted.length}个在册平台（${named}）的依托单位，不能删除；请先变更这些平台的依托单位或办理撤销`,
      );
    }
    if (!(await repository.softDeleteOrganizationVersioned(tx, id, version))) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'organization.delete',
      objectType: 'organization',
      objectId: id,
      before: { ...editableFields(row), version: row.version },
    });
  });
}

/** Records a qualification (科技型中小企业, 高新技术企业 …) held by an enterprise for a period. */
export async function addQualification(ctx: ActorContext, organizationId: string, input: CreateQualification): Promise<Organization> {
  await inTransaction(ctx, async (tx) => {
    const row = await visibleRow(tx, ctx, organizationId);
    if (!canDeleteOrganization(ctx.actor, row)) throw new AppError(ErrorCode.Forbidden, { message: '企业资质由科技管理部门登记' });
    if (row.kind !== 'enterprise') {
      throw ruleViolation(`${labels.qualificationKind[input.kind]}是企业资质，“${row.name}”不是企业，不能登记`);
    }
    const created = await repository.insertQualification(tx, {
      organizationId,
      kind: input.kind,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      certificateNo: input.certificateNo ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'organization.qualification.add',
      objectType: 'organization',
      objectId: organizationId,
      after: toQualification(created),
    });
  });
  return getOrganization(ctx, organizationId);
}

/** Withdraws a qualification record entered by mistake (soft: the audit trail keeps what it said). */
export async function removeQualification(ctx: ActorContext, organizationId: string, qualificationId: string): Promise<Organization> {
  await inTransaction(ctx, async (tx) => {
    const row = await visibleRow(tx, ctx, organizationId);
    if (!canDeleteOrganization(ctx.actor, row)) throw new AppError(ErrorCode.Forbidden, { message: '企业资质由科技管理部门登记' });
    const qualification = await repository.getQualificationRow(tx, organizationId, qualificationId);
    if (!qualification || !(await repository.softDeleteQualification(tx, qualificationId))) throw notFound();
    await recordAudit(tx, ctx, {
      action: 'organization.qualification.remove',
      objectType: 'organization',
      objectId: organizationId,
      before: toQualification(qualification),
    });
  });
  return getOrganization(ctx, organizationId);
}
