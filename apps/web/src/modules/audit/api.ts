import { zAuditRecord, zAuditVerification, zPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface AuditFilter {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  objectName?: string;
  from?: string;
  to?: string;
}

export interface AuditListQuery extends AuditFilter {
  limit: number;
  offset: number;
}

export const auditApi = {
  list: (query: AuditListQuery) => api.get('/audit', zPage(zAuditRecord), { ...query }),
  verify: () => api.get('/audit/verify', zAuditVerification),
  /** The records the filter shows, as the server writes them into an .xlsx. */
  download: (filter: AuditFilter) => api.download(`/audit/export.xlsx${toQueryString({ ...filter })}`, t.audit.exportFileName),
};
