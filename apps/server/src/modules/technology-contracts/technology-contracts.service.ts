import {
  type CreateTechnologyContract,
  contractProblems,
  ErrorCode,
  type TechnologyContract,
  type TechnologyContractPage,
  type TechnologyContractQuery,
  type UpdateTechnologyContract,
} from '@stip/contracts';
import type { Executor } from '../../db/client';
import { AppError, invalidField, notFound, versionConflict } from '../../shared/app-error';
import { type ActorContext, inTransaction } from '../../shared/context';
import { isUniqueViolation } from '../../shared/database-errors';
import { actorRegionPath } from '../../shared/scope';
import { recordAudit } from '../audit';
import { signLeadInTx } from '../matching';
import * as repository from './technology-contracts.repository';

/**
 * Who may do what with technology contracts: `technology-contract:read` holders see the contracts registered
 * in their region subtree (city staff and leaders: the whole city); `technology-contract:write` holders register,
 * change and delete them there.
 */
function scopeRoot(ctx: ActorContext): string | null | 'nothing' {
  return actorRegionPath(ctx.actor);
}

function inScope(ctx: ActorContext, regionPath: string): boolean {
  const root = scopeRoot(ctx);
  return root !== 'nothing' && (root === null || regionPath.startsWith(root));
}

function toContract(row: repository.ContractRow): TechnologyContract {
  const c = row.contract;
  return {
    id: c.id,
    registrationNumber: c.registrationNumber,
    title: c.title,
    amount: c.amount,
    technologyAmount: c.technologyAmount,
    seller: {
      organization: c.sellerOrganizationId ? { id: c.sellerOrganizationId, name: row.sellerOrganizationName ?? c.sellerName } : null,
      name: c.sellerName,
    },
    buyer: {
      organization: c.buyerOrganizationId ? { id: c.buyerOrganizationId, name: row.buyerOrganizationName ?? c.buyerName } : null,
      name: c.buyerName,
    },
    signedOn: c.signedOn,
    registeredOn: c.registeredOn,
    region: { id: c.regionId, name: row.regionName },
    lead: c.leadId ? { id: c.leadId } : null,
    achievement: c.achievementId ? { id: c.achievementId, name: row.achievementTitle ?? '' } : null,
    demand: c.demandId ? { id: c.demandId, name: row.demandTitle ?? '' } : null,
    createdBy: row.createdByName,
    createdAt: c.createdAt.toISOString(),
    isDemo: c.isDemo,
    version: c.version,
  };
}

const duplicateNumber = (registrationNumber: string) =>
  new AppError(ErrorCode.AlreadyExists, {
    message: `技术合同登记号“${registrationNumber}”已登记，请核对`,
    details: [{ field: 'registrationNumber', message: '登记号已存在' }],
  });

/** Contracts in the actor's scope, filtered; with the amount summed over every match (not only the page). */
export async function findContracts(ctx: ActorContext, query: TechnologyContractQuery): Promise<TechnologyContractPage> {
  const root = scopeRoot(ctx);
  if (root === 'nothing') return { items: [], total: 0, amount: 0 };
  let regionPath: string | undefined;
  if (query.regionId) {
    const region = await repository.regionOf(ctx.db, query.regionId);
    if (!region) return { items: [], total: 0, amount: 0 };
    regionPath = region.path;
  }
  const page = await repository.findContractRows(ctx.db, { ...query, root, regionPath }, query);
  return { items: page.rows.map(toContract), total: page.total, amount: Math.round(page.amount * 10000) / 10000 };
}

export async function getContract(ctx: ActorContext, id: string): Promise<TechnologyContract> {
  const row = await repository.getContractRow(ctx.db, id);
  if (!row || !inScope(ctx, row.regionPath)) throw notFound();
  return toContract(row);
}

/** Resolves a party: the organisation's name when one is chosen (and exists), else the name typed. */
async function partyName(db: Executor, field: 'seller' | 'buyer', organizationId: string | null | undefined, name: string | undefined) {
  if (organizationId) {
    const [organization] = await repository.findOrganizationNames(db, [organizationId]);
    if (!organization) throw invalidField(`${field}OrganizationId`, '所选单位不存在');
    return name || organization.name;
  }
  if (!name) throw invalidField(`${field}Name`, field === 'seller' ? '请填写卖方' : '请填写买方');
  return name;
}

async function checkLinks(db: Executor, input: { achievementId?: string | null | undefined; demandId?: string | null | undefined }) {
  if (input.achievementId && !(await repository.achievementExists(db, input.achievementId)))
    throw invalidField('achievementId', '科技成果不存在');
  if (input.demandId && !(await repository.demandExists(db, input.demandId))) throw invalidField('demandId', '技术需求不存在');
}

async function regionInScope(ctx: ActorContext, regionId: string, db: Executor = ctx.db) {
  const region = await repository.regionOf(db, regionId);
  if (!region || !inScope(ctx, region.path)) throw invalidField('regionId', '登记区域不存在或不在您的管辖范围内');
  return region;
}

/**
 * Registers a signed technology contract (audited). From a lead (`leadId`), the lead moves to 已签约 in the
 * same transaction, and the contract takes the lead's region, demand and achievement unless given. The
 * registration number is unique among live contracts (409).
 */
export async function createContract(ctx: ActorContext, input: CreateTechnologyContract): Promise<TechnologyContract> {
  if (await repository.findLiveByRegistrationNumber(ctx.db, input.registrationNumber)) throw duplicateNumber(input.registrationNumber);
  const sellerName = await partyName(ctx.db, 'seller', input.sellerOrganizationId, input.sellerName);
  const buyerName = await partyName(ctx.db, 'buyer', input.buyerOrganizationId, input.buyerName);
  await checkLinks(ctx.db, input);
  if (input.regionId) await regionInScope(ctx, input.regionId);
  let id: string;
  try {
    id = await inTransaction(ctx, async (tx) => {
      const lead = input.leadId ? await signLeadInTx(tx, ctx, input.leadId, { registrationNumber: input.registrationNumber }) : null;
      const regionId = input.regionId ?? lead?.regionId ?? ctx.actor.regionId;
      if (!regionId) throw invalidField('regionId', '请选择登记区域');
      if (!input.regionId) await regionInScope(ctx, regionId, tx);
      const created = await repository.insertContract(tx, {
        registrationNumber: input.registrationNumber,
        title: input.title,
        amount: input.amount,
        technologyAmount: input.technologyAmount ?? null,
        sellerOrganizationId: input.sellerOrganizationId ?? null,
        sellerName,
        buyerOrganizationId: input.buyerOrganizationId ?? null,
        buyerName,
        signedOn: input.signedOn,
        registeredOn: input.registeredOn,
        regionId,
        leadId: input.leadId ?? null,
        achievementId: input.achievementId ?? lead?.achievementId ?? null,
        demandId: input.demandId ?? lead?.demandId ?? null,
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'technology-contract.create',
        objectType: 'technology_contract',
        objectId: created.id,
        after: created,
      });
      return created.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(input.registrationNumber);
    throw error;
  }
  return getContract(ctx, id);
}

/** Changes a contract (optimistic lock); the target figures follow at once. */
export async function updateContract(ctx: ActorContext, id: string, input: UpdateTechnologyContract): Promise<TechnologyContract> {
  const row = await repository.getContractRow(ctx.db, id);
  if (!row || !inScope(ctx, row.regionPath)) throw notFound();
  const before = row.contract;
  const merged = {
    amount: input.amount ?? before.amount,
    technologyAmount: input.technologyAmount === undefined ? before.technologyAmount : input.technologyAmount,
    sellerOrganizationId: input.sellerOrganizationId === undefined ? before.sellerOrganizationId : input.sellerOrganizationId,
    sellerName: input.sellerName ?? (input.sellerOrganizationId ? '' : before.sellerName),
    buyerOrganizationId: input.buyerOrganizationId === undefined ? before.buyerOrganizationId : input.buyerOrganizationId,
    buyerName: input.buyerName ?? (input.buyerOrganizationId ? '' : before.buyerName),
    signedOn: input.signedOn ?? before.signedOn,
    registeredOn: input.registeredOn ?? before.registeredOn,
  };
  const problems = contractProblems(merged);
  if (problems.length) throw new AppError(ErrorCode.ValidationFailed, { message: problems[0]!.message, details: problems });
  if (input.registrationNumber && input.registrationNumber !== before.registrationNumber) {
    if (await repository.findLiveByRegistrationNumber(ctx.db, input.registrationNumber)) throw duplicateNumber(input.registrationNumber);
  }
  if (input.regionId) await regionInScope(ctx, input.regionId);
  await checkLinks(ctx.db, input);
  const sellerName = await partyName(ctx.db, 'seller', merged.sellerOrganizationId, merged.sellerName);
  const buyerName = await partyName(ctx.db, 'buyer', merged.buyerOrganizationId, merged.buyerName);
  try {
    await inTransaction(ctx, async (tx) => {
      const after = await repository.updateContractVersioned(tx, id, input.version, {
        registrationNumber: input.registrationNumber ?? before.registrationNumber,
        title: input.title ?? before.title,
        ...merged,
        sellerName,
        buyerName,
        regionId: input.regionId ?? before.regionId,
        achievementId: input.achievementId === undefined ? before.achievementId : input.achievementId,
        demandId: input.demandId === undefined ? before.demandId : input.demandId,
      });
      if (!after) throw versionConflict();
      await recordAudit(tx, ctx, { action: 'technology-contract.update', objectType: 'technology_contract', objectId: id, before, after });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(input.registrationNumber ?? before.registrationNumber);
    throw error;
  }
  return getContract(ctx, id);
}

/** Removes a contract registered by mistake (soft delete: it stops counting, its history stays). */
export async function deleteContract(ctx: ActorContext, id: string, version: number): Promise<void> {
  const row = await repository.getContractRow(ctx.db, id);
  if (!row || !inScope(ctx, row.regionPath)) throw notFound();
  await inTransaction(ctx, async (tx) => {
    const after = await repository.updateContractVersioned(tx, id, version, { deletedAt: new Date() });
    if (!after) throw versionConflict();
    await recordAudit(tx, ctx, {
      action: 'technology-contract.delete',
      objectType: 'technology_contract',
      objectId: id,
      before: row.contract,
    });
  });
}
