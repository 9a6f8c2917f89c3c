import type { Budget, CreateGrant, CreateSubsidyRule, GrantAction, GrantKind, GrantStatus, SubsidyRule } from '@stip/contracts';
import {
  zBudgetList,
  zFinalRoundList,
  zGrantDetail,
  zGrantList,
  zRoundGrantPreview,
  zRoundGrantResult,
  zSubsidyRuleList,
} from '@stip/contracts';
import { api, parseResponse, toQueryString } from '../../shared/api/client';
import { t } from '../../shared/i18n/zh-CN';

export interface GrantListQuery {
  limit: number;
  offset: number;
  year?: number;
  status?: GrantStatus;
  kind?: GrantKind;
  keyword?: string;
}

/** Amounts travel as 元 strings with at most two decimals; the server turns them into exact 分. */
export type YuanText = string;

export const fundingApi = {
  budgets: () => api.get('/funding/budgets', zBudgetList),
  createBudget: (body: { year: number; amount: YuanText; remarks: string | null }) => api.post<Budget>('/funding/budgets', body),
  updateBudget: (id: string, body: { amount?: YuanText; remarks?: string | null; version: number }) =>
    api.patch<Budget>(`/funding/budgets/${id}`, body),

  rules: () => api.get('/funding/rules', zSubsidyRuleList),
  createRule: (body: Omit<CreateSubsidyRule, 'amount'> & { amount: YuanText }) => api.post<SubsidyRule>('/funding/rules', body),
  updateRule: (id: string, body: { amount?: YuanText; kind?: GrantKind; version: number }) =>
    api.patch<SubsidyRule>(`/funding/rules/${id}`, body),
  removeRule: (id: string, version: number) => api.delete<{ ok: true }>(`/funding/rules/${id}${toQueryString({ version })}`),

  grants: (query: GrantListQuery, signal?: AbortSignal) => api.get('/funding/grants', zGrantList, { ...query }, signal),
  grant: (id: string) => api.get(`/funding/grants/${id}`, zGrantDetail),
  createGrant: async (body: Omit<CreateGrant, 'amount'> & { amount: YuanText }) =>
    parseResponse('/funding/grants', zGrantDetail, await api.post<unknown>('/funding/grants', body)),
  updateGrant: async (id: string, body: { kind?: GrantKind; amount?: YuanText; basis?: string; version: number }) =>
    parseResponse('/funding/grants', zGrantDetail, await api.patch<unknown>(`/funding/grants/${id}`, body)),
  transition: async (id: string, body: { action: GrantAction; version: number; reason?: string | null }) =>
    parseResponse('/funding/grants/transitions', zGrantDetail, await api.post<unknown>(`/funding/grants/${id}/transitions`, body)),
  pay: async (id: string, body: { paidOn: string; amount: YuanText; voucherNo: string; remarks: string | null }) =>
    parseResponse('/funding/grants/payments', zGrantDetail, await api.post<unknown>(`/funding/grants/${id}/payments`, body)),
  fileExpenditure: async (id: string, body: { category: string; amount: YuanText; spentOn: string; description: string }) =>
    parseResponse('/funding/grants/expenditures', zGrantDetail, await api.post<unknown>(`/funding/grants/${id}/expenditures`, body)),

  finalRounds: () => api.get('/funding/rounds', zFinalRoundList),
  previewRound: async (body: { roundId: string; year: number }) =>
    parseResponse(
      '/funding/grants/from-round/preview',
      zRoundGrantPreview,
      await api.post<unknown>('/funding/grants/from-round/preview', body),
    ),
  createFromRound: async (body: { roundId: string; year: number }) =>
    parseResponse('/funding/grants/from-round', zRoundGrantResult, await api.post<unknown>('/funding/grants/from-round', body)),
  exportGrants: (year: number | undefined) =>
    api.download(`/funding/grants.xlsx${toQueryString({ year })}`, t.funding.grant.exportFileName(year ? String(year) : '')),
};
