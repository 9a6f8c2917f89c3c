import type {
  ChangeTaskStatus,
  CreateTask,
  CreateTaskReport,
  TaskAttachment,
  TaskDetail,
  TaskReport,
  TaskStatus,
  UpdateTask,
} from '@stip/contracts';
import { zPage, zSupervision, zTask, zTaskDetail } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface TaskListQuery {
  limit: number;
  offset: number;
  planId?: string;
  status?: TaskStatus[];
  unitId?: string;
  mine?: boolean;
  lateOn?: string;
}

export interface SupervisionFilters {
  planId?: string;
  asOf?: string;
}

export const tasksApi = {
  list: (query: TaskListQuery, signal?: AbortSignal) => api.get('/tasks', zPage(zTask), { ...query }, signal),
  get: (id: string) => api.get(`/tasks/${id}`, zTaskDetail),
  create: (planId: string, body: CreateTask) => api.post<TaskDetail>(`/plans/${planId}/tasks`, body),
  update: (id: string, body: UpdateTask) => api.patch<TaskDetail>(`/tasks/${id}`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/tasks/${id}${toQueryString({ version })}`),
  changeStatus: (id: string, body: ChangeTaskStatus) => api.post<TaskDetail>(`/tasks/${id}/status`, body),
  fileReport: (id: string, body: CreateTaskReport) => api.post<TaskReport>(`/tasks/${id}/reports`, body),
  /** One multipart request per file (the server takes one file, field `file`, per request). */
  uploadAttachment: (reportId: string, file: File) => api.upload<TaskAttachment>(`/task-reports/${reportId}/attachments`, file),
  downloadAttachment: (reportId: string, attachment: TaskAttachment) =>
    api.download(`/task-reports/${reportId}/attachments/${attachment.id}`, attachment.fileName),
  supervision: (filters: SupervisionFilters) => api.get('/tasks/supervision', zSupervision, { ...filters }),
  exportSupervision: (filters: SupervisionFilters) =>
    api.download(`/tasks/supervision.xlsx${toQueryString({ ...filters })}`, t.supervision.exportFileName),
};
