import type { IngestConfirmInput, PolicyDocumentQuery } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { planningKeys } from '../../plans/hooks/usePlans';
import { policyDocumentsApi, policyIngestApi } from '../api';

export type ExtractInput =
  { kind: 'file'; file: File; date: string | undefined } | { kind: 'text'; text: string; date: string | undefined };

/** Reads a document (file or pasted text) into a proposal; the document is kept in the library (政策文件库). */
export function useExtractProposal() {
  return useMutation({
    mutationFn: (input: ExtractInput) =>
      input.kind === 'file'
        ? policyIngestApi.extractFile(input.file, input.date)
        : policyIngestApi.extractText({ text: input.text, ...(input.date ? { date: input.date } : {}) }),
  });
}

/** Creates the plan with its targets, tasks and new units; planning figures and the organisation list refresh. */
export function useConfirmProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IngestConfirmInput) => policyIngestApi.confirm(body),
    onSuccess: async () => {
      await Promise.all(
        [...planningKeys, ['organizations'], ['policy-documents']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

const documentsKey = ['policy-documents'] as const;

/** A page of the document library. */
export function usePolicyDocuments(query: Partial<PolicyDocumentQuery>) {
  return useQuery({
    queryKey: [...documentsKey, 'list', query],
    queryFn: ({ signal }) => policyDocumentsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

/** A kept document's stored reading (opened from the library); off until an id is given. */
export function useOpenedDocument(id: string | undefined) {
  return useQuery({
    queryKey: [...documentsKey, 'proposal', id],
    queryFn: () => policyDocumentsApi.open(id!),
    enabled: !!id,
    staleTime: 0,
  });
}

/** Re-extracts, keeps or deletes a document; the library list refreshes after each. */
export function usePolicyDocumentActions() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: documentsKey });
  return {
    reExtract: useMutation({
      mutationFn: (input: { id: string; version: number }) => policyDocumentsApi.reExtract(input.id, input.version),
      onSuccess: refresh,
    }),
    keep: useMutation({
      mutationFn: (input: { id: string; version: number }) => policyDocumentsApi.keep(input.id, input.version),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (input: { id: string; version: number }) => policyDocumentsApi.remove(input.id, input.version),
      onSuccess: refresh,
    }),
  };
}
