import type { ImportKind } from '@stip/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importsApi } from '../api';
import { importHistoryKey } from './useImportHistory';

/** Uploads a filled template; afterwards the imported records' lists (and pickers) refresh. */
export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) => importsApi.upload(kind, file),
    // Refused imports are recorded too: the history refreshes whatever the outcome.
    onSettled: () => queryClient.invalidateQueries({ queryKey: importHistoryKey }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: [result.kind] });
      if (result.kind === 'platforms') await queryClient.invalidateQueries({ queryKey: ['taxonomy'] });
    },
  });
}
