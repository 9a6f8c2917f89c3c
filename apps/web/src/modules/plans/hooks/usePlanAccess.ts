import type { Plan } from '@stip/contracts';

/**
 * Whether the user may change this plan (its targets and tasks). The server decides it with its plan policy
 * (the write permission, and the plan's region inside the user's region tree) and sends it as `canEdit`.
 */
export function useCanWritePlan(plan: Pick<Plan, 'canEdit'> | undefined): boolean {
  return plan?.canEdit ?? false;
}
