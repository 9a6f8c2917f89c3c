import type { ImportRunQuery } from '@stip/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { importsApi } from '../api';

export const importHistoryKey = ['imports', 'history'] as const;

/** A page of the import history for the given filters. */
export function useImportHistory(query: Partial<ImportRunQuery>) {
  return useQuery({
    queryKey: [...importHistoryKey, query],
    queryFn: ({ signal }) => importsApi.history(query, signal),
    placeholderData: keepPreviousData,
  });
}
