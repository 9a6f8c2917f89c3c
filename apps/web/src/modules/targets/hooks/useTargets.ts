import type { CreateTarget, CreateTargetReport, UpdateTarget } from '@stip/contracts';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { usePlanningMutation } from '../../plans/hooks/usePlans';
import { type TargetListQuery, type TargetPlatformListQuery, targetsApi } from '../api';

const targetsKey = ['targets'] as const;

export function useTargets(query: TargetListQuery, enabled = true) {
  return useQuery({
    queryKey: [...targetsKey, 'list', query],
    queryFn: ({ signal }) => targetsApi.list(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTarget(id: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: [...targetsKey, 'detail', id, asOf ?? null],
    queryFn: ({ signal }) => targetsApi.get(id!, asOf, signal),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

/** The target's progress on each of the given days: its trajectory, computed from the registry day by day. */
export function useTargetTrajectory(id: string | undefined, days: string[]) {
  return useQueries({
    queries: days.map((day) => ({
      queryKey: [...targetsKey, 'detail', id, day],
      queryFn: ({ signal }: { signal: AbortSignal }) => targetsApi.get(id!, day, signal),
      enabled: !!id,
      staleTime: 5 * 60_000,
    })),
  });
}

export function useTargetPlatforms(id: string | undefined, query: TargetPlatformListQuery, enabled = true) {
  return useQuery({
    queryKey: [...targetsKey, 'platforms', id, query],
    queryFn: ({ signal }) => targetsApi.platforms(id!, query, signal),
    enabled: !!id && enabled,
    placeholderData: keepPreviousData,
  });
}

export function useTargetReports(id: string | undefined, enabled = true) {
  return useQuery({ queryKey: [...targetsKey, 'reports', id], queryFn: () => targetsApi.reports(id!), enabled: !!id && enabled });
}

export const useCreateTarget = () =>
  usePlanningMutation(({ planId, body }: { planId: string; body: CreateTarget }) => targetsApi.create(planId, body));
export const useUpdateTarget = () => usePlanningMutation(({ id, body }: { id: string; body: UpdateTarget }) => targetsApi.update(id, body));
export const useDeleteTarget = () =>
  usePlanningMutation(({ id, version }: { id: string; version: number }) => targetsApi.remove(id, version));
export const useReportTargetFigure = () =>
  usePlanningMutation(({ id, body }: { id: string; body: CreateTargetReport }) => targetsApi.report(id, body));
