import type { Catalogue, CatalogueEntry, CreateCatalogueEntry, Page, UpdateCatalogueEntry } from '@stip/contracts';
import { api } from '../../shared/api/client';

export const cataloguesApi = {
  entries: (catalogue: Catalogue) => api.get<Page<CatalogueEntry>>(`/catalogues/${catalogue}/entries`),
  create: (catalogue: Catalogue, body: CreateCatalogueEntry) => api.post<CatalogueEntry>(`/catalogues/${catalogue}/entries`, body),
  update: (id: string, body: UpdateCatalogueEntry) => api.patch<CatalogueEntry>(`/catalogue-entries/${id}`, body),
};
