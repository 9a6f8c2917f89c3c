import type { ChangeTaskStatus, CreateTask, CreateTaskReport, TaskAttachment, TaskReport, UpdateTask } from '@stip/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePlanningMutation } from '../../plans/hooks/usePlans';
import { type SupervisionFilters, type TaskListQuery, tasksApi } from '../api';

const tasksKey = ['tasks'] as const;

export function useTasks(query: TaskListQuery, enabled = true) {
  return useQuery({
    queryKey: [...tasksKey, 'list', query],
    queryFn: ({ signal }) => tasksApi.list(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTask(id: string | undefined) {
  return useQuery({ queryKey: [...tasksKey, 'detail', id], queryFn: () => tasksApi.get(id!), enabled: !!id });
}

export function useSupervision(filters: SupervisionFilters) {
  return useQuery({
    queryKey: [...tasksKey, 'supervision', filters],
    queryFn: () => tasksApi.supervision(filters),
    placeholderData: keepPreviousData,
  });
}

export const useCreateTask = () =>
  usePlanningMutation(({ planId, body }: { planId: string; body: CreateTask }) => tasksApi.create(planId, body));
export const useUpdateTask = () => usePlanningMutation(({ id, body }: { id: string; body: UpdateTask }) => tasksApi.update(id, body));
export const useDeleteTask = () => usePlanningMutation(({ id, version }: { id: string; version: number }) => tasksApi.remove(id, version));
export const useChangeTaskStatus = () =>
  usePlanningMutation(({ id, body }: { id: string; body: ChangeTaskStatus }) => tasksApi.changeStatus(id, body));

export interface FiledReport {
  report: TaskReport;
  attachments: TaskAttachment[];
  /** Files that could not be attached (the report itself was filed). */
  failed: { file: File; error: unknown }[];
}

/**
 * Files a progress report, then uploads its attachments one by one. A refused file does not undo the
 * report: the user is told which files are missing and can file them with a new report.
 */
export const useFileTaskReport = () =>
  usePlanningMutation(async ({ id, body, files }: { id: string; body: CreateTaskReport; files: File[] }): Promise<FiledReport> => {
    const report = await tasksApi.fileReport(id, body);
    const attachments: TaskAttachment[] = [];
    const failed: FiledReport['failed'] = [];
    for (const file of files) {
      try {
        attachments.push(await tasksApi.uploadAttachment(report.id, file));
      } catch (error) {
        failed.push({ file, error });
      }
    }
    return { report, attachments, failed };
  });
