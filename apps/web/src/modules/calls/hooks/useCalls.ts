import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApplicationListQuery, applicationsApi, type CallListQuery, callsApi } from '../api';

const callsKey = ['calls'] as const;
const applicationsKey = ['applications'] as const;

export function useCalls(query: CallListQuery) {
  return useQuery({
    queryKey: [...callsKey, 'list', query],
    queryFn: ({ signal }) => callsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string | undefined) {
  return useQuery({ queryKey: [...callsKey, 'detail', id], queryFn: () => callsApi.get(id!), enabled: !!id });
}

export function useApplications(query: ApplicationListQuery, enabled = true) {
  return useQuery({
    queryKey: [...applicationsKey, 'list', query],
    queryFn: ({ signal }) => applicationsApi.list(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({ queryKey: [...applicationsKey, 'detail', id], queryFn: () => applicationsApi.get(id!), enabled: !!id });
}

/** A write to calls or applications: afterwards both lists and details are read again. */
export function useCallsMutation<TInput, TResult>(fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: callsKey }), client.invalidateQueries({ queryKey: applicationsKey })]);
    },
  });
}
