import type { Catalogue, CatalogueEntry, CreateCatalogueEntry, UpdateCatalogueEntry } from '@stip/contracts';
import { zCatalogueEntry, zPage } from '@stip/contracts';
import { api } from '../../shared/api/client';

const zEntries = zPage(zCatalogueEntry);

export const cataloguesApi = {
  entries: (catalogue: Catalogue) => api.get(`/catalogues/${catalogue}/entries`, zEntries),
  create: (catalogue: Catalogue, body: CreateCatalogueEntry) => api.post<CatalogueEntry>(`/catalogues/${catalogue}/entries`, body),
  update: (id: string, body: UpdateCatalogueEntry) => api.patch<CatalogueEntry>(`/catalogue-entries/${id}`, body),
};
