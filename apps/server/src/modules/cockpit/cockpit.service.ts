import {
  type Cockpit,
  type CockpitPlatformQuery,
  type CockpitQuery,
  ErrorCode,
  type Page,
  type Platform,
  type PlatformLevel,
  platformLevels,
  platformStatuses,
  registeredPlatformStatuses,
  type RecordLink,
  taskStatuses,
} from '@stip/contracts';
import { AppError, notFound } from '../../shared/app-error';
import type { ActorContext } from '../../shared/context';
import { todayInChina } from '../../shared/clock';
import { findAllTargets } from '../targets';
import { isTargetScopeByRegionAndType, targetPlatformScope } from '../targets';
import {
  countInForceByGroup,
  countRecognitionsByYear,
  countRegisteredByIndustry,
  findPlatformsMatching,
  findRegistryFacts,
} from '../targets';
import { childOf, resolveCriteria } from '../targets';
import { getSupervision } from '../tasks';
import * as repository from './cockpit.repository';
import { cockpitRoot } from './cockpit.policy';

// Every platform figure counts the platforms on the register (在册: not revoked or merged), like every other 在册 total.
const registeredStatusQuery = registeredPlatformStatuses.join(',');
const platformsLink = (query: Record<string, string | undefined>): RecordLink => ({
  to: '/cockpit/platforms',
  query: Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)),
});

async function requireRoot(ctx: ActorContext) {
  const root = cockpitRoot(ctx.actor);
  if (!root) throw new AppError(ErrorCode.Forbidden, { message: '账号未设置管辖区域，无法查看驾驶舱' });
  const region = await repository.getRegion(ctx.db, root.regionId);
  if (!region) throw notFound();
  return region;
}

/**
 * 领导驾驶舱 as of a day for the actor's scope: platform counts by system, type, level, child region and
 * industry; the child regions × systems grid; recognitions per year and level; the targets with their
 * progress; the tasks per responsible unit by status. Every figure carries the query that lists the
 * records behind it.
 */
export async function getCockpit(ctx: ActorContext, query: CockpitQuery): Promise<Cockpit> {
  const asOf = query.asOf ?? todayInChina();
  const root = await requireRoot(ctx);
  const scope = targetPlatformScope(ctx.actor);
  const facts = await findRegistryFacts(ctx.db);
  const regionPaths = new Map(facts.regions.map((region) => [region.id, region.path]));
  const subtree = facts.regions.filter((region) => region.path.startsWith(root.path)).map((region) => region.id);
  // One read after another: in parallel they would only compete for the same cores (measured with `npm run bench`);
  // the targets reuse the grouped count.
  const byRegionAndType = isTargetScopeByRegionAndType(ctx.actor);
  // By type, region and status only (about 1,000 groups on the benchmark's 100,000 platforms; with the industry
  // too, six times as many rows to ship and add up): the industry chart is summed by the database instead.
  const groups = await countInForceByGroup(ctx.db, asOf, scope, { byRegionAndType });
  const byIndustry = await countRegisteredByIndustry(ctx.db, asOf, scope, subtree, { byRegionAndType });
  const recognitions = await countRecognitionsByYear(ctx.db, asOf, subtree, scope, { byRegionAndType });
  const systems = await repository.findSystems(ctx.db);
  const types = await repository.findTypes(ctx.db);
  const children = await repository.findChildren(ctx.db, root.id);
  const allTargets = await findAllTargets(ctx, asOf, query.planId, groups);
  // Current plans by default: a plan whose period ended before the day shows only when asked for (or picked).
  const periods = await repository.findPlanPeriods(ctx.db, [...new Set(allTargets.map((target) => target.planId))]);
  const ended = new Set(periods.filter((plan) => plan.periodEnd < asOf).map((plan) => plan.id));
  const targets = query.planId || query.includeEnded ? allTargets : allTargets.filter((target) => !ended.has(target.planId));
  const supervision = await getSupervision(ctx, { asOf, planId: query.planId });
  const typeById = new Map(types.map((type) => [type.id, type]));
  const base = { asOf, status: registeredStatusQuery };
  // Child regions of the root; a root without children stands for itself.
  const regionsShown = children.length ? children : [{ id: root.id, name: root.name, path: root.path }];
  // Every figure below is a sum over the groups of registered platforms in the root's subtree: one pass adds each
  // group to its type, system, level, child region ('' for the root itself) and region × system (a pass per
  // figure would cost more than all the counting).
  const tally = { total: 0, byType: new Map<string, number>(), bySystem: new Map<string, number>(), byLevel: new Map<string, number>() };
  const byChild = new Map<string, number>();
  const byChildSystem = new Map<string, number>();
  const add = (map: Map<string, number>, key: string | undefined, count: number) => {
    if (key !== undefined) map.set(key, (map.get(key) ?? 0) + count);
  };
  for (const group of groups) {
    if (!registeredPlatformStatuses.includes(group.status)) continue;
    const childId = childOf(root.path, regionPaths.get(group.regionId) ?? '');
    if (childId === null) continue;
    const region = children.length ? childId : root.id;
    const type = typeById.get(group.typeId);
    tally.total += group.count;
    add(tally.byType, group.typeId, group.count);
    add(tally.bySystem, type?.systemId, group.count);
    add(tally.byLevel, type?.level, group.count);
    add(byChild, region, group.count);
    if (type) add(byChildSystem, `${region}|${type.systemId}`, group.count);
  }
  const byRegion = regionsShown.map((region) => ({
    id: region.id,
    name: region.name,
    count: byChild.get(region.id) ?? 0,
    link: platformsLink({ ...base, regionId: region.id }),
  }));
  const atRoot = children.length ? (byChild.get('') ?? 0) : 0;
  if (atRoot) {
    byRegion.push({
      id: root.id,
      name: `${root.name}（本级）`,
      count: atRoot,
      link: platformsLink({ ...base, regionId: root.id, regionOnly: 'true' }),
    });
  }

  const industries = new Map<string, number>();
  for (const row of byIndustry) industries.set(row.industry ?? '', (industries.get(row.industry ?? '') ?? 0) + row.count);

  const recognitionCount = (year: number, level: PlatformLevel) =>
    recognitions
      .filter((row) => row.year === year && typeById.get(row.typeId)?.level === level)
      .reduce((total, row) => total + row.count, 0);
  const years = recognitions.map((row) => row.year);
  const trend: Cockpit['trend'] = [];
  if (years.length) {
    for (let year = Math.min(...years); year <= Math.max(...years); year++) {
      for (const level of platformLevels) {
        trend.push({
          year,
          level,
          count: recognitionCount(year, level),
          link: platformsLink({ asOf, level, recognizedYear: String(year), status: platformStatuses.join(',') }),
        });
      }
    }
  }

  return {
    asOf,
    scope: { id: root.id, name: root.name },
    total: { count: tally.total, link: platformsLink(base) },
    bySystem: systems.map((system) => ({
      ...system,
      count: tally.bySystem.get(system.id) ?? 0,
      link: platformsLink({ ...base, systemId: system.id }),
    })),
    byType: types
      .map((type) => ({
        id: type.id,
        name: type.name,
        systemId: type.systemId,
        level: type.level,
        count: tally.byType.get(type.id) ?? 0,
        link: platformsLink({ ...base, typeId: type.id }),
      }))
      .filter((type) => type.count > 0),
    byLevel: platformLevels.map((level: PlatformLevel) => ({
      level,
      count: tally.byLevel.get(level) ?? 0,
      link: platformsLink({ ...base, level }),
    })),
    byRegion,
    byIndustry: [...industries.entries()]
      .map(([industry, count]) => ({
        industry: industry || null,
        name: industry || '未填写',
        count,
        link: platformsLink(industry ? { ...base, industry } : { ...base, noIndustry: 'true' }),
      }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
    coverage: {
      regions: regionsShown.map(({ id, name }) => ({ id, name })),
      systems,
      cells: regionsShown.flatMap((region) =>
        systems.map((system) => ({
          regionId: region.id,
          systemId: system.id,
          count: byChildSystem.get(`${region.id}|${system.id}`) ?? 0,
          link: platformsLink({ ...base, regionId: region.id, systemId: system.id }),
        })),
      ),
    },
    trend,
    targets,
    endedPlanCount: ended.size,
    tasksByUnit: supervision.items.map((unit) => {
      const counts = Object.fromEntries(
        taskStatuses.map((status) => [status, unit.tasks.filter((task) => task.status === status).length]),
      ) as Cockpit['tasksByUnit'][number]['counts'];
      return {
        id: unit.unit.id,
        name: unit.unit.name,
        counts,
        total: unit.total,
        late: unit.late,
        link: { to: '/tasks', query: { unitId: unit.unit.id, ...(query.planId ? { planId: query.planId } : {}) } },
      };
    }),
  };
}

/** The platforms behind a cockpit figure, in the actor's scope (a region outside it answers 404). */
export async function findCockpitPlatforms(ctx: ActorContext, query: CockpitPlatformQuery): Promise<Page<Platform>> {
  const asOf = query.asOf ?? todayInChina();
  const root = await requireRoot(ctx);
  let regionPath = root.path;
  if (query.regionId) {
    const region = await repository.getRegion(ctx.db, query.regionId);
    if (!region || !region.path.startsWith(root.path)) throw notFound('区域不存在或不在您的管辖范围内');
    regionPath = region.path;
  }
  const facts = await findRegistryFacts(ctx.db);
  const criteria = resolveCriteria(
    {
      typeIds: query.typeId ?? [],
      levels: query.level ?? [],
      systemIds: query.systemId ? [query.systemId] : [],
      statuses: query.status ?? registeredPlatformStatuses,
      regionPath,
      exactRegionId: query.regionOnly ? (query.regionId ?? root.id) : undefined,
      industry: query.noIndustry ? null : query.industry,
      recognizedYear: query.recognizedYear,
    },
    facts.types,
    facts.regions,
  );
  return findPlatformsMatching(ctx.db, asOf, { criteria, baselineDate: null }, targetPlatformScope(ctx.actor), query);
}
