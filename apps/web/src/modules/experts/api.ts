import type {
  CreateExpert,
  Declaration,
  Declare,
  DrawPanel,
  Expert,
  ExpertSettings,
  Panel,
  PanelDraw,
  SaveScores,
  SuspendExpert,
  UpdateExpert,
} from '@stip/contracts';
import { zApplicationPanels, zExpert, zExpertSettings, zMySeat, zPage, zPanel } from '@stip/contracts';
import { api, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface ExpertListQuery {
  limit: number;
  offset: number;
  keyword?: string;
  field?: string;
  suspended?: boolean;
}

export const expertsApi = {
  list: (query: ExpertListQuery) => api.get('/experts', zPage(zExpert), { ...query }),
  get: (id: string) => api.get(`/experts/${id}`, zExpert),
  create: (body: CreateExpert) => api.post<Expert>('/experts', body),
  update: (id: string, body: UpdateExpert) => api.patch<Expert>(`/experts/${id}`, body),
  suspend: (id: string, body: SuspendExpert) => api.post<Expert>(`/experts/${id}/suspend`, body),
  reinstate: (id: string, body: SuspendExpert) => api.post<Expert>(`/experts/${id}/reinstate`, body),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/experts/${id}${toQueryString({ version })}`),
  settings: () => api.get('/experts/settings', zExpertSettings),
  saveSettings: (body: ExpertSettings) => api.put<ExpertSettings>('/experts/settings', body),
  applicationPanels: (applicationId: string) => api.get(`/applications/${applicationId}/panels`, zApplicationPanels),
  draw: (applicationId: string, body: DrawPanel) => api.post<PanelDraw>(`/applications/${applicationId}/panel`, body),
  panel: (id: string) => api.get(`/panels/${id}`, zPanel),
  mine: () => api.get('/panels/mine', zPage(zMySeat)),
  declare: (seatId: string, body: Declare) => api.post<Declaration>(`/panel-seats/${seatId}/declaration`, body),
  saveScores: (seatId: string, body: SaveScores) => api.put<Panel>(`/panel-seats/${seatId}/scores`, body),
  chooseChair: (panelId: string, body: { expertId: string; version: number }) => api.post<Panel>(`/panels/${panelId}/chair`, body),
  conclude: (panelId: string, body: { consensus: string; version: number }) => api.post<Panel>(`/panels/${panelId}/consensus`, body),
  exportResults: (panelId: string) => api.download(`/panels/${panelId}/results.xlsx`, t.experts.panel.exportFileName),
};
