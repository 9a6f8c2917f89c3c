import { z } from 'zod';
import { zId, zName, zPageQuery, zText, zVersion } from './common';

export const regionLevels = ['province', 'city', 'county', 'zone'] as const;
export const zRegionLevel = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof zRegionLevel>;

export const zRegion = z.object({
  id: zId,
  parentId: zId.nullable(),
  name: z.string(),
  level: zRegionLevel,
  /** Administrative division code (GB/T 2260) where one exists; zones may have none. */
  code: z.string().nullable(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type Region = z.infer<typeof zRegion>;

export const zRegionNode: z.ZodType<RegionNode> = z.lazy(() => zRegion.extend({ children: z.array(zRegionNode) }));
export type RegionNode = Region & { children: RegionNode[] };

export const zCreateRegion = z.object({
  parentId: zId.nullable(),
  name: zName(60),
  level: zRegionLevel,
  code: zText(12)
    .regex(/^\d{6}$/, { message: '区划代码应为6位数字' })
    .nullable()
    .optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
});
export type CreateRegion = z.infer<typeof zCreateRegion>;

export const zUpdateRegion = zCreateRegion.omit({ parentId: true }).partial().extend({ version: zVersion });
export type UpdateRegion = z.infer<typeof zUpdateRegion>;

/** The flat region list pages like every other list. */
export const zRegionQuery = zPageQuery;
export type RegionQuery = z.infer<typeof zRegionQuery>;
