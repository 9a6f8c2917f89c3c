import type {
  CreateEvaluationRound,
  EvaluationFormula,
  EvaluationRoundDetail,
  EvaluationRoundTransition,
  Rectification,
  RectificationTransition,
  SaveEvaluationFormula,
  UpdateEvaluationResult,
  UpdateEvaluationRound,
} from '@stip/contracts';
import { zEvaluationFormulaList, zEvaluationRound, zEvaluationRoundDetail, zPage, zRectification } from '@stip/contracts';
import { api } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface RoundListQuery {
  limit: number;
  offset: number;
  q?: string;
  status?: string;
}

export interface RectificationListQuery {
  limit: number;
  offset: number;
  status?: string;
  overdue?: 'true';
}

export const evaluationsApi = {
  rounds: (query: RoundListQuery, signal?: AbortSignal) => api.get('/evaluation-rounds', zPage(zEvaluationRound), { ...query }, signal),
  round: (id: string) => api.get(`/evaluation-rounds/${id}`, zEvaluationRoundDetail),
  createRound: (body: CreateEvaluationRound) => api.post<EvaluationRoundDetail>('/evaluation-rounds', body),
  updateRound: (id: string, body: UpdateEvaluationRound) => api.patch<EvaluationRoundDetail>(`/evaluation-rounds/${id}`, body),
  transitionRound: (id: string, body: EvaluationRoundTransition) =>
    api.post<EvaluationRoundDetail>(`/evaluation-rounds/${id}/transitions`, body),
  updateResult: (roundId: string, resultId: string, body: UpdateEvaluationResult) =>
    api.patch<EvaluationRoundDetail>(`/evaluation-rounds/${roundId}/results/${resultId}`, body),
  downloadResults: (id: string) => api.download(`/evaluation-rounds/${id}/results.xlsx`, t.evaluations.exportFileName),
  formulas: () => api.get('/evaluation-formulas', zEvaluationFormulaList),
  saveFormula: (body: SaveEvaluationFormula) => api.put<EvaluationFormula>('/evaluation-formulas', body),
  rectifications: (query: RectificationListQuery, signal?: AbortSignal) =>
    api.get('/rectifications', zPage(zRectification), { ...query }, signal),
  rectification: (id: string) => api.get(`/rectifications/${id}`, zRectification),
  transitionRectification: (id: string, body: RectificationTransition) =>
    api.post<Rectification>(`/rectifications/${id}/transitions`, body),
};
