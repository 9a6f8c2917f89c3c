import { z } from 'zod';
import { zDate, zId, zLimit, zName, zOffset, zText, zVersion } from './common';

/** A plan (规划 / 实施方案 / 工作要点): the document that sets targets and tasks for a region and period. */
export const zPlan = z.object({
  id: zId,
  title: z.string(),
  issuingBody: z.string().nullable(),
  documentNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** The region the plan covers; its targets count platforms in this subtree unless they say otherwise. */
  regionId: zId,
  regionName: z.string(),
  sourceText: z.string().nullable(),
  targetCount: z.number().int(),
  taskCount: z.number().int(),
  isDemo: z.boolean(),
  /** Whether the reader may change the plan, its targets and tasks, as the server's plan policy decides. */
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof zPlan>;

const planFields = {
  title: zName(200),
  issuingBody: zText(100).nullable().optional(),
  documentNo: zText(100).nullable().optional(),
  issuedOn: zDate.nullable().optional(),
  periodStart: zDate,
  periodEnd: zDate,
  regionId: zId,
  sourceText: zText(200_000).nullable().optional(),
};

export const zCreatePlan = z
  .object(planFields)
  .refine((plan) => plan.periodEnd >= plan.periodStart, { message: '规划期结束日期不能早于开始日期', path: ['periodEnd'] });
export type CreatePlan = z.infer<typeof zCreatePlan>;

export const zUpdatePlan = z
  .object(planFields)
  .partial()
  .extend({ version: zVersion })
  .refine((plan) => !plan.periodStart || !plan.periodEnd || plan.periodEnd >= plan.periodStart, {
    message: '规划期结束日期不能早于开始日期',
    path: ['periodEnd'],
  });
export type UpdatePlan = z.infer<typeof zUpdatePlan>;

export const zPlanQuery = z.object({ limit: zLimit, offset: zOffset, keyword: zText(100).optional() });
export type PlanQuery = z.infer<typeof zPlanQuery>;

/** `DELETE …/:id?version=N`: the version the client read (a stale one answers 409). */
export const zVersionQuery = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
export type VersionQuery = z.infer<typeof zVersionQuery>;

/** The day a figure is taken ("as of"); defaults to today. */
export const zAsOfQuery = z.object({ asOf: zDate.optional() });
export type AsOfQuery = z.infer<typeof zAsOfQuery>;
