import type { AnnualReportTransition, OpenReportingYear, SaveAnnualReport, SaveIndicatorForm, UpdateReportingYear } from '@stip/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AnnualReportListQuery, annualReportsApi } from '../api';

const annualReportsKey = ['annual-reports'] as const;

export function useAnnualReports(query: AnnualReportListQuery) {
  return useQuery({
    queryKey: [...annualReportsKey, 'list', query],
    queryFn: ({ signal }) => annualReportsApi.list(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnnualReport(id: string | undefined) {
  return useQuery({ queryKey: [...annualReportsKey, 'detail', id], queryFn: () => annualReportsApi.get(id!), enabled: !!id });
}

export function useReportingYears() {
  return useQuery({ queryKey: [...annualReportsKey, 'years'], queryFn: annualReportsApi.years });
}

export function useIndicatorForms() {
  return useQuery({ queryKey: [...annualReportsKey, 'forms'], queryFn: annualReportsApi.forms });
}

/** A change to reports: lists, details, year counts and the to-do counts all refresh. */
function useAnnualReportMutation<T, R>(mutationFn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: annualReportsKey }),
        queryClient.invalidateQueries({ queryKey: ['todos'] }),
      ]);
    },
  });
}

export const useSaveAnnualReport = () =>
  useAnnualReportMutation(({ id, body }: { id: string; body: SaveAnnualReport }) => annualReportsApi.save(id, body));
export const useMoveAnnualReport = () =>
  useAnnualReportMutation(({ id, body }: { id: string; body: AnnualReportTransition }) => annualReportsApi.move(id, body));
export const useOpenReportingYear = () => useAnnualReportMutation((body: OpenReportingYear) => annualReportsApi.openYear(body));
export const useSaveIndicatorForm = () => useAnnualReportMutation((body: SaveIndicatorForm) => annualReportsApi.saveForm(body));
export const useUpdateReportingYear = () =>
  useAnnualReportMutation(({ year, body }: { year: number; body: UpdateReportingYear }) => annualReportsApi.updateYear(year, body));
