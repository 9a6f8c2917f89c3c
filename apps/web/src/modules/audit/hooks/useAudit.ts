import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type AuditListQuery, auditApi } from '../api';

export function useAuditRecords(query: AuditListQuery) {
  return useQuery({ queryKey: ['audit', query], queryFn: () => auditApi.list(query), placeholderData: keepPreviousData });
}

/** Verifying walks the whole chain on the server; it runs only when asked. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: auditApi.verify });
}
