import { useCan } from '../../accounts/hooks/useSession';
import { useRegionNames } from '../../regions/hooks/useRegions';

/**
 * Whether the user may change this plan (its targets and tasks): the write permission, and the plan's
 * region inside the user's region tree, as the server decides (a county cannot edit the city's plan).
 */
export function useCanWritePlan(plan: { regionId: string } | undefined): boolean {
  const canWrite = useCan('plan:write');
  const regionNames = useRegionNames();
  return canWrite && !!plan && regionNames.has(plan.regionId);
}
