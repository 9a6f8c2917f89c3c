import type { AchievementDetail, CreateAchievement, ImportResult, PublicationTransition, UpdateAchievement } from '@stip/contracts';
import { zAchievementDetail, zAchievementPage } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

/** The list's filters as the API reads them (lists comma-separated). */
export interface PublicationListQuery {
  q?: string | undefined;
  status?: string | undefined;
  technicalField?: string | undefined;
  industry?: string | undefined;
  maturity?: string | undefined;
  regionId?: string | undefined;
  ownerType?: string | undefined;
  mine?: boolean | undefined;
  limit: number;
  offset: number;
}

export const achievementsApi = {
  list: (query: PublicationListQuery) => api.get('/achievements', zAchievementPage, { ...query }),
  get: (id: string) => api.get(`/achievements/${id}`, zAchievementDetail),
  create: (body: CreateAchievement) => api.post<AchievementDetail>('/achievements', body),
  update: (id: string, body: UpdateAchievement) => api.patch<AchievementDetail>(`/achievements/${id}`, body),
  transition: (id: string, body: PublicationTransition) => api.post<AchievementDetail>(`/achievements/${id}/transitions`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/achievements/${id}${toQueryString({ version })}`),
  exportList: (query: Omit<PublicationListQuery, 'limit' | 'offset'>) =>
    api.download(`/achievements.xlsx${toQueryString({ ...query })}`, t.sharing.achievement.exportName),
};

/** The Excel import of achievements or demands runs through the imports module's endpoints. */
export const publicationImportApi = {
  template: (kind: 'achievements' | 'demands') => api.download(`/imports/${kind}/template.xlsx`, t.imports.templateName[kind]),
  upload: (kind: 'achievements' | 'demands', file: File, publish: boolean) =>
    api.upload<ImportResult>(`/imports/${kind}${publish ? '?publish=true' : ''}`, file),
};
