import type { CreateLead, Lead, LeadFollowUp, LeadStatus, UpdateLead } from '@stip/contracts';
import { zLead, zMatchResult, zPage } from '@stip/contracts';
import { api } from '../../shared/api/client';

export interface LeadListQuery {
  limit: number;
  offset: number;
  status?: LeadStatus[];
  regionId?: string;
  demandId?: string;
  achievementId?: string;
}

export const matchingApi = {
  matches: (subject: 'demand' | 'achievement', id: string, limit = 10) =>
    api.get(`/matching/${subject === 'demand' ? 'demands' : 'achievements'}/${id}`, zMatchResult, { limit }),
  leads: (query: LeadListQuery) => api.get('/leads', zPage(zLead), { ...query }),
  lead: (id: string) => api.get(`/leads/${id}`, zLead),
  createLead: (body: CreateLead) => api.post<Lead>('/leads', body),
  updateLead: (id: string, body: UpdateLead) => api.patch<Lead>(`/leads/${id}`, body),
  followUp: (id: string, body: LeadFollowUp) => api.post<Lead>(`/leads/${id}/follow-ups`, body),
};
