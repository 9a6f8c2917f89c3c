import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type EvaluationOutcome, type EvaluationRoundDetail, rolePermissions } from '@stip/contracts';
import type { Database, Transaction } from '../client';
import { annualReports, platforms, platformVersions, regions, users } from '../schema/index';
import type { Actor, ActorContext } from '../../shared/context';
import { likePrefix } from '../../shared/scope';
import { createRound, getRound, recordIndicatorFiguresInTx, transitionRound, updateResult } from '../../modules/evaluations';

/**
 * The demo's finished evaluation round (评估考核) over last year, through the evaluations services
 * (their rules and audit apply as to user input), acting as the city bureau: one platform is ordered
 * to rectify (整改), one revoked (撤销) and one recommended to the provincial pool (省级培育库); the
 * changes reach the registry through the platform transition table and show in each platform's history.
 */

/** Expert panel scores and indicator figures by role in the story (the figures stand in for missing reports). */
const story: { role: 'recommend' | 'rectify' | 'revoke' | 'keep'; expertScore: number; figures: Record<string, number> }[] = [
  {
    role: 'recommend',
    expertScore: 94,
    figures: {
      rdSpend: 620,
      researchers: 38,
      projects: 12,
      patentsGranted: 14,
      standards: 2,
      achievementsTransferred: 6,
      enterprisesServed: 65,
      sharingHours: 1300,
      income: 1200,
    },
  },
  {
    role: 'rectify',
    expertScore: 52,
    figures: {
      rdSpend: 90,
      researchers: 8,
      projects: 2,
      patentsGranted: 1,
      standards: 0,
      achievementsTransferred: 0,
      enterprisesServed: 6,
      sharingHours: 120,
      income: 150,
    },
  },
  {
    role: 'revoke',
    expertScore: 35,
    figures: {
      rdSpend: 20,
      researchers: 3,
      projects: 0,
      patentsGranted: 0,
      standards: 0,
      achievementsTransferred: 0,
      enterprisesServed: 2,
      sharingHours: 0,
      income: 40,
    },
  },
  {
    role: 'keep',
    expertScore: 82,
    figures: {
      rdSpend: 420,
      researchers: 26,
      projects: 8,
      patentsGranted: 8,
      standards: 1,
      achievementsTransferred: 4,
      enterprisesServed: 45,
      sharingHours: 900,
      income: 800,
    },
  },
  {
    role: 'keep',
    expertScore: 76,
    figures: {
      rdSpend: 300,
      researchers: 20,
      projects: 6,
      patentsGranted: 5,
      standards: 1,
      achievementsTransferred: 3,
      enterprisesServed: 30,
      sharingHours: 600,
      income: 500,
    },
  },
];

/** Where the figures of a platform without an accepted report come from (shown with its result). */
const figuresSource = '演示数据：该平台在考核期内没有已通过审核的年度报告（年度报告模块的演示数据未并入时），指标数据直接记录在考核结果中';

async function seedContext(tx: Transaction): Promise<ActorContext> {
  const [city] = await tx.select({ id: regions.id, path: regions.path }).from(regions).where(eq(regions.name, '达州市'));
  const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'city'));
  if (!city || !user) throw new Error('demo seed: 达州市 and the city account must exist before the evaluation round');
  // The city bureau's demo account stands behind the changes (platform versions name who recorded them);
  // the audit records name the system, as for the rest of the demo seed.
  const actor: Actor = {
    userId: user.id,
    username: 'system',
    role: 'city_staff',
    regionId: city.id,
    regionPath: city.path,
    organizationId: null,
    permissions: rolePermissions.city_staff,
  };
  return { actor, sourceIp: null, db: tx as unknown as Database };
}

/** The type with the most operating demo platforms in 达州 (市级重点实验室 in the demo), and those platforms. */
async function pickPlatforms(tx: Transaction, cityPath: string) {
  const live = and(
    isNull(platformVersions.validTo),
    isNull(platforms.deletedAt),
    eq(platforms.isDemo, true),
    eq(platformVersions.status, 'operating'),
    sql`${platformVersions.regionId} in (select ${regions.id} from ${regions} where ${regions.path} like ${likePrefix(cityPath)})`,
  );
  const [best] = await tx
    .select({ typeId: platformVersions.typeId, value: count() })
    .from(platformVersions)
    .innerJoin(platforms, eq(platforms.id, platformVersions.platformId))
    .where(live)
    .groupBy(platformVersions.typeId)
    .orderBy(desc(count()), asc(platformVersions.typeId))
    .limit(1);
  if (!best || best.value < 3) throw new Error('demo seed: no type has three operating demo platforms to evaluate');
  return { typeId: best.typeId };
}

/** Seeds the applied demo round; returns its id. Call after the demo platforms and accounts exist. */
export async function seedDemoEvaluations(tx: Transaction): Promise<string> {
  const ctx = await seedContext(tx);
  const { typeId } = await pickPlatforms(tx, ctx.actor.regionPath!);
  const year = new Date().getUTCFullYear() - 1;
  let round: EvaluationRoundDetail = await createRound(
    ctx,
    { title: `${year}年度科技创新平台运行评估（演示）`, typeIds: [typeId], periodFrom: year, periodTo: year },
    { isDemo: true },
  );
  round = await transitionRound(ctx, round.id, { action: 'startScoring', version: round.version });

  // Prefer accepted annual reports; a platform without one gets the story's figures, marked as such.
  const withReports = new Set(
    (
      await tx
        .select({ platformId: annualReports.platformId })
        .from(annualReports)
        .where(
          and(
            inArray(
              annualReports.platformId,
              round.results.map((r) => r.platform.id),
            ),
            eq(annualReports.status, 'accepted'),
            eq(annualReports.year, year),
          ),
        )
    ).map((r) => r.platformId),
  );
  const chosen = round.results.filter((r) => r.platformStatus === 'operating').slice(0, story.length);
  const middling = story[story.length - 1]!.figures;
  for (const result of round.results) {
    if (withReports.has(result.platform.id)) continue;
    const index = chosen.findIndex((c) => c.id === result.id);
    await recordIndicatorFiguresInTx(tx, ctx, round.id, result.platform.id, index >= 0 ? story[index]!.figures : middling, figuresSource);
  }
  // Every platform in the round needs the panel's score; those beyond the story are middling.
  round = await getRound(ctx, round.id);
  for (const result of round.results) {
    const index = chosen.findIndex((c) => c.id === result.id);
    const expertScore = index >= 0 ? story[index]!.expertScore : 78;
    round = await updateResult(ctx, round.id, result.id, { expertScore, version: result.version });
  }
  round = await transitionRound(ctx, round.id, { action: 'submitForReview', version: round.version });

  // The story's outcomes: staff confirm or adjust the grade's default with a reason.
  const wanted = new Map<string, EvaluationOutcome>(chosen.map((c, index) => [c.id, story[index]!.role]));
  for (const result of round.results) {
    const outcome = wanted.get(result.id) ?? 'keep';
    if (result.outcome === outcome) continue;
    const reason =
      outcome === 'revoke'
        ? '专家组实地核查：平台已无固定研发场所和专职研究人员，不再具备运行条件'
        : outcome === 'keep'
          ? '考核期内平台主要负责人调整，给予一年观察期'
          : '评估专家组建议';
    round = await updateResult(ctx, round.id, result.id, { outcome, outcomeReason: reason, version: result.version });
  }
  round = await transitionRound(ctx, round.id, { action: 'publish', version: round.version });
  const deadline = new Date();
  deadline.setUTCMonth(deadline.getUTCMonth() + 3);
  round = await transitionRound(ctx, round.id, {
    action: 'apply',
    version: round.version,
    rectificationDeadline: deadline.toISOString().slice(0, 10),
  });
  return round.id;
}
