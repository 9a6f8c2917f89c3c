import {
  type PublicChallengeStatus,
  zPage,
  zPublicAchievement,
  zPublicCall,
  zPublicChallenge,
  zPublicChallengeListItem,
  zPublicDemand,
  zPublicOverview,
  zPublicPlatformPage,
  zPortalSearchPage,
} from '@stip/contracts';
import { api } from '../../shared/api/client';

/** What a search list asks: the text, the page, and the facet values chosen (each a list). */
export interface PortalSearchQuery {
  q?: string;
  limit: number;
  offset: number;
  technicalField?: string[];
  industry?: string[];
  maturity?: string[];
  regionId?: string[];
  ownerType?: string[];
}

export type PortalSearchEntity = 'achievements' | 'demands';

/** The public portal's API: no session, published records only (`/api/public/…`). */
export const portalApi = {
  overview: () => api.get('/public/overview', zPublicOverview),
  search: (entity: PortalSearchEntity, query: PortalSearchQuery, signal?: AbortSignal) =>
    api.get(`/public/${entity}`, zPortalSearchPage, { ...query }, signal),
  achievement: (id: string) => api.get(`/public/achievements/${id}`, zPublicAchievement),
  demand: (id: string) => api.get(`/public/demands/${id}`, zPublicDemand),
  challenges: (query: { q?: string; status?: PublicChallengeStatus[]; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get('/public/challenges', zPage(zPublicChallengeListItem), { ...query }, signal),
  challenge: (id: string) => api.get(`/public/challenges/${id}`, zPublicChallenge),
  calls: (query: { limit: number; offset: number }) => api.get('/public/calls', zPage(zPublicCall), query),
  platforms: (
    query: { q?: string; level?: string[]; systemId?: string[]; regionId?: string[]; limit: number; offset: number },
    signal?: AbortSignal,
  ) => api.get('/public/platforms', zPublicPlatformPage, { ...query }, signal),
};
