import { type ImportKind, type ImportResult, type ImportRunQuery, zImportRunPage } from '@stip/contracts';
import { api } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export const importsApi = {
  downloadTemplate: (kind: ImportKind) => api.download(`/imports/${kind}/template.xlsx`, t.imports.templateName[kind]),
  upload: (kind: ImportKind, file: File) => api.upload<ImportResult>(`/imports/${kind}`, file),
  /** 导入记录: the runs the user may see, newest first. */
  history: (query: Partial<ImportRunQuery>, signal?: AbortSignal) => api.get('/imports/history', zImportRunPage, query, signal),
  downloadFile: (id: string, fileName: string) => api.download(`/imports/history/${id}/file`, fileName),
  downloadErrors: (id: string, fileName: string) =>
    api.download(`/imports/history/${id}/errors.xlsx`, t.importHistory.errorReportName(fileName)),
};
