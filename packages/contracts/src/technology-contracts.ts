import { z } from 'zod';
import { zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';
import { zNamedRef } from './platforms';

/**
 * 技术合同登记: a signed technology contract (amount in 万元, parties, dates, registration number), usually
 * the end of a 对接记录. The yearly sum of the amounts registered in a region's subtree is the figure of a
 * 技术合同登记额 target (`metric = 'technology_contract_amount'`).
 */

const zAmount = z.number().finite().positive({ message: '金额须大于0' }).max(1e9);

export const zContractParty = z.object({ organization: zNamedRef.nullable(), name: z.string() });

export const zTechnologyContract = z.object({
  id: zId,
  registrationNumber: z.string(),
  title: z.string(),
  /** 合同成交额, 万元. */
  amount: z.number(),
  /** 技术交易额, 万元. */
  technologyAmount: z.number().nullable(),
  seller: zContractParty,
  buyer: zContractParty,
  signedOn: z.string(),
  registeredOn: z.string(),
  region: zNamedRef,
  lead: z.object({ id: zId }).nullable(),
  achievement: zNamedRef.nullable(),
  demand: zNamedRef.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type TechnologyContract = z.infer<typeof zTechnologyContract>;

const contractFields = {
  registrationNumber: zName(60),
  title: zName(300),
  amount: zAmount,
  technologyAmount: zAmount.nullable().optional(),
  sellerOrganizationId: zId.nullable().optional(),
  sellerName: zText(200).optional(),
  buyerOrganizationId: zId.nullable().optional(),
  buyerName: zText(200).optional(),
  signedOn: zDate,
  registeredOn: zDate,
  regionId: zId.optional(),
  achievementId: zId.nullable().optional(),
  demandId: zId.nullable().optional(),
};

/** The shape rules of a contract, shared by create and (merged) update. */
export function contractProblems(contract: {
  amount?: number | undefined;
  technologyAmount?: number | null | undefined;
  sellerOrganizationId?: string | null | undefined;
  sellerName?: string | undefined;
  buyerOrganizationId?: string | null | undefined;
  buyerName?: string | undefined;
  signedOn?: string | undefined;
  registeredOn?: string | undefined;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!contract.sellerOrganizationId && !contract.sellerName)
    problems.push({ field: 'sellerName', message: '请填写卖方（选择单位或填写名称）' });
  if (!contract.buyerOrganizationId && !contract.buyerName)
    problems.push({ field: 'buyerName', message: '请填写买方（选择单位或填写名称）' });
  if (contract.signedOn && contract.registeredOn && contract.registeredOn < contract.signedOn) {
    problems.push({ field: 'registeredOn', message: '登记日期不能早于签订日期' });
  }
  if (contract.amount !== undefined && contract.technologyAmount && contract.technologyAmount > contract.amount) {
    problems.push({ field: 'technologyAmount', message: '技术交易额不能大于合同成交额' });
  }
  return problems;
}

export const zCreateTechnologyContract = z.object({ ...contractFields, leadId: zId.nullable().optional() }).superRefine((contract, ctx) => {
  for (const problem of contractProblems(contract)) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
});
export type CreateTechnologyContract = z.infer<typeof zCreateTechnologyContract>;

export const zUpdateTechnologyContract = z.object(contractFields).partial().extend({ version: zVersion });
export type UpdateTechnologyContract = z.infer<typeof zUpdateTechnologyContract>;

export const zTechnologyContractQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  /** Registration number, title or a party's name. */
  q: zText(100).optional(),
  /** The region subtree the contracts were registered in. */
  regionId: zId.optional(),
  registeredFrom: zDate.optional(),
  registeredTo: zDate.optional(),
  leadId: zId.optional(),
});
export type TechnologyContractQuery = z.infer<typeof zTechnologyContractQuery>;

export const zTechnologyContractPage = z.object({
  items: z.array(zTechnologyContract),
  total: z.number().int(),
  /** The sum of the amounts of every contract the filter matches (not only this page), 万元. */
  amount: z.number(),
});
export type TechnologyContractPage = z.infer<typeof zTechnologyContractPage>;
