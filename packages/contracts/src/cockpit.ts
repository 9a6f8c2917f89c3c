import { z } from 'zod';
import { zDate, zId, zLimit, zOffset, zCsv, zText } from './common';
import { zPlatformLevel } from './taxonomy';
import { zNamedRef, zPlatformStatus } from './platforms';
import { zRecordLink, zTarget } from './targets';
import { taskStatuses } from './tasks';

export const zCockpitQuery = z.object({
  asOf: zDate.optional(),
  planId: zId.optional(),
  /** Also the targets of plans whose period ended before the day (显示已结束规划); by default only current plans' targets show. */
  includeEnded: z.enum(['true', '1']).optional(),
});
export type CockpitQuery = z.infer<typeof zCockpitQuery>;

const counted = { count: z.number().int(), link: zRecordLink };

/**
 * 领导驾驶舱: every figure of the actor's scope as of a day. Platform figures count the live platforms
 * (建设期、运行、整改); each carries the query of `GET /api/cockpit/platforms` (same parameter names as
 * the registry list) that lists the records behind it.
 */
export const zCockpit = z.object({
  asOf: z.string(),
  scope: zNamedRef,
  total: z.object(counted),
  bySystem: z.array(zNamedRef.extend(counted)),
  byType: z.array(zNamedRef.extend({ systemId: zId, level: zPlatformLevel, ...counted })),
  byLevel: z.array(z.object({ level: zPlatformLevel, ...counted })),
  /** Per child region of the scope root (county level for a city); "本级" for platforms at the root itself. */
  byRegion: z.array(z.object({ id: zId, name: z.string(), ...counted })),
  byIndustry: z.array(z.object({ industry: z.string().nullable(), name: z.string(), count: z.number().int(), link: zRecordLink })),
  /** Child regions × systems: how many live platforms each region has in each system. */
  coverage: z.object({
    regions: z.array(zNamedRef),
    systems: z.array(zNamedRef),
    cells: z.array(z.object({ regionId: zId, systemId: zId, ...counted })),
  }),
  /** Recognitions per year (by recognised date) and level, whatever the platform's status now. */
  trend: z.array(z.object({ year: z.number().int(), level: zPlatformLevel, ...counted })),
  targets: z.array(zTarget),
  /** How many plans (of the visible targets) ended before the day (their targets show with `includeEnded`, or when the plan is picked). */
  endedPlanCount: z.number().int(),
  tasksByUnit: z.array(
    zNamedRef.extend({
      counts: z.object(
        Object.fromEntries(taskStatuses.map((s) => [s, z.number().int()])) as Record<(typeof taskStatuses)[number], z.ZodNumber>,
      ),
      total: z.number().int(),
      late: z.number().int(),
      link: zRecordLink,
    }),
  ),
});
export type Cockpit = z.infer<typeof zCockpit>;

/** The records behind a cockpit figure; parameter names follow the registry list's. */
export const zCockpitPlatformQuery = z.object({
  limit: zLimit,
  offset: zOffset,
  asOf: zDate.optional(),
  systemId: zId.optional(),
  typeId: zCsv(zId).optional(),
  level: zCsv(zPlatformLevel).optional(),
  regionId: zId.optional(),
  /** Only platforms located in the region itself, not below it (the "本级" figure). */
  regionOnly: z.enum(['true', '1']).optional(),
  status: zCsv(zPlatformStatus).optional(),
  industry: zText(60).optional(),
  /** Platforms without an industry. */
  noIndustry: z.enum(['true', '1']).optional(),
  /** Platforms recognised in that year. */
  recognizedYear: z.coerce.number().int().min(1949).max(2100).optional(),
});
export type CockpitPlatformQuery = z.infer<typeof zCockpitPlatformQuery>;
