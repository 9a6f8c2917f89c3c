import type { IngestConfirmInput } from '@stip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planningKeys } from '../../plans/hooks/usePlans';
import { policyIngestApi } from '../api';

export type ExtractInput =
  { kind: 'file'; file: File; date: string | undefined } | { kind: 'text'; text: string; date: string | undefined };

/** Reads a document (file or pasted text) into a proposal; nothing is stored. */
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
      await Promise.all([...planningKeys, ['organizations']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
