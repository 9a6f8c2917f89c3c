import { z } from 'zod';

export const importKinds = ['organizations', 'platforms'] as const;
export const zImportKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof zImportKind>;

export const zImportResult = z.object({
  kind: zImportKind,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportResult = z.infer<typeof zImportResult>;
