import type { CreateLead, LeadFollowUp } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type LeadListQuery, matchingApi } from '../api';

export const matchingKey = ['matching'] as const;
export const leadsKey = ['leads'] as const;

export function useMatches(subject: 'demand' | 'achievement', id: string) {
  return useQuery({ queryKey: [...matchingKey, subject, id], queryFn: () => matchingApi.matches(subject, id), retry: false });
}

export function useLeads(query: LeadListQuery) {
  return useQuery({ queryKey: [...leadsKey, 'list', query], queryFn: () => matchingApi.leads(query), placeholderData: keepPreviousData });
}

export function useLead(id: string) {
  return useQuery({ queryKey: [...leadsKey, 'detail', id], queryFn: () => matchingApi.lead(id), retry: false });
}

/** Recording or following a lead refreshes the leads and the matching pages (their 「已记录」 marks). */
function useLeadMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: leadsKey }), queryClient.invalidateQueries({ queryKey: matchingKey })]);
    },
  });
}

export function useCreateLead() {
  return useLeadMutation((body: CreateLead) => matchingApi.createLead(body));
}

export function useFollowUpLead() {
  return useLeadMutation(({ id, body }: { id: string; body: LeadFollowUp }) => matchingApi.followUp(id, body));
}
