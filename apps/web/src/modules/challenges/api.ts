import type {
  Challenge,
  ChallengeApplication,
  ChallengeQuery,
  ChallengeTransition,
  CompleteChallengeMilestone,
  CreateChallenge,
  CreateChallengeApplication,
  CreateChallengeMilestone,
  SelectChallengeApplication,
  UpdateChallenge,
} from '@stip/contracts';
import { zChallenge, zChallengeApplication, zChallengeDemandChoice, zChallengeListItem, zPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';

export type ChallengeListQuery = Partial<Omit<ChallengeQuery, 'limit' | 'offset'>> & { limit: number; offset: number };

export const challengesApi = {
  list: (query: ChallengeListQuery, signal?: AbortSignal) => api.get('/challenges', zPage(zChallengeListItem), { ...query }, signal),
  get: (id: string) => api.get(`/challenges/${id}`, zChallenge),
  demandChoices: (query: { keyword?: string; id?: string }, signal?: AbortSignal) =>
    api.get('/challenges/demand-choices', zPage(zChallengeDemandChoice), { ...query }, signal),
  create: (body: CreateChallenge) => api.post<Challenge>('/challenges', body),
  update: (id: string, body: UpdateChallenge) => api.patch<Challenge>(`/challenges/${id}`, body),
  transition: (id: string, body: ChallengeTransition) => api.post<Challenge>(`/challenges/${id}/transitions`, body),
  select: (id: string, body: SelectChallengeApplication) => api.post<Challenge>(`/challenges/${id}/selection`, body),
  applications: (id: string) => api.get(`/challenges/${id}/applications`, zPage(zChallengeApplication)),
  apply: (id: string, body: CreateChallengeApplication) => api.post<ChallengeApplication>(`/challenges/${id}/applications`, body),
  withdraw: (id: string, applicationId: string, version: number) =>
    api.post<ChallengeApplication>(`/challenges/${id}/applications/${applicationId}/withdraw`, { version }),
  addMilestone: (id: string, body: CreateChallengeMilestone) => api.post<Challenge>(`/challenges/${id}/milestones`, body),
  deleteMilestone: (id: string, milestoneId: string, version: number) =>
    api.delete<Challenge>(`/challenges/${id}/milestones/${milestoneId}${toQueryString({ version })}`),
  completeMilestone: (id: string, milestoneId: string, body: CompleteChallengeMilestone) =>
    api.post<Challenge>(`/challenges/${id}/milestones/${milestoneId}/complete`, body),
};
