import type { AuditRecord, AuditVerification, Page } from '@stip/contracts';
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
  list: (query: AuditListQuery) => api.get<Page<AuditRecord>>('/audit', { ...query }),
  verify: () => api.get<AuditVerification>('/audit/verify'),
};
