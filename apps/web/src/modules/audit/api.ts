import { zAuditRecord, zAuditVerification, zPage } from '@stip/contracts';
import { api } from '../../shared/api/client';

export interface AuditListQuery {
  limit: number;
  offset: number;
  actorUsername?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
}

export const auditApi = {
  list: (query: AuditListQuery) => api.get('/audit', zPage(zAuditRecord), { ...query }),
  verify: () => api.get('/audit/verify', zAuditVerification),
};
