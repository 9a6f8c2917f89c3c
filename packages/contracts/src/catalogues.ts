import { z } from 'zod';
import { zId, zName, zVersion } from './common';

/**
 * The city-specific lists a city edits as data (DOMAIN.md §2: "The taxonomy is data, not code"): the
 * key industries (Dazhou's "6+3"). Which lists exist is a fixed code set; their entries are data.
 */
export const catalogues = ['industry'] as const;
export const zCatalogue = z.enum(catalogues);
export type Catalogue = z.infer<typeof zCatalogue>;
export const catalogueLabels = { industry: '重点产业' } satisfies Record<Catalogue, string>;

export const zCatalogueEntry = z.object({
  id: zId,
  catalogue: zCatalogue,
  name: z.string(),
  sortOrder: z.number().int(),
  /** False once retired: no longer offered, still shown where records name it. */
  isActive: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type CatalogueEntry = z.infer<typeof zCatalogueEntry>;

export const zCatalogueParams = z.object({ catalogue: zCatalogue });

export const zCreateCatalogueEntry = z.object({
  name: zName(60),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type CreateCatalogueEntry = z.infer<typeof zCreateCatalogueEntry>;

export const zUpdateCatalogueEntry = z.object({
  name: zName(60).optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  isActive: z.boolean().optional(),
  version: zVersion,
});
export type UpdateCatalogueEntry = z.infer<typeof zUpdateCatalogueEntry>;
