import type { ImportKind, ImportResult } from '@stip/contracts';
import { api } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export const importsApi = {
  downloadTemplate: (kind: ImportKind) => api.download(`/imports/${kind}/template.xlsx`, t.imports.templateName[kind]),
  upload: (kind: ImportKind, file: File) => api.upload<ImportResult>(`/imports/${kind}`, file),
};
