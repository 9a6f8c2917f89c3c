import type { CreateDictionaryTerm, DictionaryChange, UpdateDictionaryTerm } from '@stip/contracts';
import { zDictionaryPage } from '@stip/contracts';
import { api } from '../../shared/api/client';

export const searchDictionaryApi = {
  terms: () => api.get('/search/dictionary', zDictionaryPage),
  create: (body: CreateDictionaryTerm) => api.post<DictionaryChange>('/search/dictionary', body),
  update: (id: string, body: UpdateDictionaryTerm) => api.patch<DictionaryChange>(`/search/dictionary/${id}`, body),
  remove: (id: string, version: number) => api.delete<DictionaryChange>(`/search/dictionary/${id}?version=${version}`),
};
