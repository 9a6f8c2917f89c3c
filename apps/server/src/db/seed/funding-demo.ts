import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { type CreateExpenditure, type CreateGrant, parseYuan, type PlatformLevel } from '@stip/contracts';
import { AppError } from '../../shared/app-error';
import type { Database, Transaction } from '../client';
import { evaluationResults, evaluationRounds, grants, platformTypes, platformVersions, platforms } from '../schema/index';
import type { RequestContext } from '../../shared/context';
import {
  createBudgetInTx,
  createGrantInTx,
  createRoundGrantsInTx,
  createSubsidyRuleInTx,
  fileExpenditureInTx,
  recordPaymentInTx,
  transitionGrantInTx,
} from '../../modules/funding';

export const demoFundingYear = 2026;

/** The subsidy rules of the demo: what each grade earns by platform level, in 元 (stored in 分). */
const demoRules: { level: PlatformLevel; grade: 'excellent' | 'good'; kind: 'award' | 'post_subsidy'; yuan: number }[] = [
  { level: 'national', grade: 'excellent', kind: 'award', yuan: 1_000_000 },
  { level: 'national', grade: 'good', kind: 'post_subsidy', yuan: 500_000 },
  { level: 'provincial', grade: 'excellent', kind: 'award', yuan: 800_000 },
  { level: 'provincial', grade: 'good', kind: 'post_subsidy', yuan: 400_000 },
  { level: 'city', grade: 'excellent', kind: 'award', yuan: 500_000 },
  { level: 'city', grade: 'good', kind: 'post_subsidy', yuan: 300_000 },
  { level: 'county', grade: 'excellent', kind: 'award', yuan: 200_000 },
  { level: 'county', grade: 'good', kind: 'post_subsidy', yuan: 100_000 },
];

/** 元 → 分 through the exact decimal parser (no binary fractions even in the demo). */
const fen = (yuan: number | string) => parseYuan(yuan)!;

/**
 * The funding part of the demo story, through the funding services as the system actor (audited):
 * a 2026 budget, subsidy rules by level and grade, and grants in every state — one paid with
 * expenditure lines, one partly paid, one approved awaiting payment, one proposed — for 达钢集团's
 * technology centre and other live demo platforms. When a demo evaluation round's results are final
 * (published or applied), its grants are made from them by the rules as well. Every row is demo.
 * Call it after the platforms, users and (if any) the evaluation demo are seeded.
 */
export async function seedDemoFunding(tx: Transaction): Promise<{ grants: number }> {
  const ctx: RequestContext = { actor: null, sourceIp: null, db: tx as unknown as Database };
  await createBudgetInTx(
    tx,
    ctx,
    { year: demoFundingYear, amount: fen(30_000_000), remarks: '市级科技创新平台后补助和以奖代补专项（演示）' },
    true,
  );
  for (const rule of demoRules) {
    await createSubsidyRuleInTx(tx, ctx, { level: rule.level, grade: rule.grade, kind: rule.kind, amount: fen(rule.yuan) }, true);
  }

  const live = await tx
    .select({ id: platforms.id, name: platformVersions.name })
    .from(platforms)
    .innerJoin(platformVersions, and(eq(platformVersions.platformId, platforms.id), isNull(platformVersions.validTo)))
    .innerJoin(platformTypes, eq(platformTypes.id, platformVersions.typeId))
    .where(and(eq(platforms.isDemo, true), isNull(platforms.deletedAt), inArray(platformVersions.status, ['operating', 'constructing'])))
    .orderBy(asc(platformTypes.level), asc(platformVersions.name));
  const dagang = live.find((platform) => platform.name === '达钢集团国家企业技术中心');
  const others = live.filter((platform) => platform !== dagang).slice(0, 4);
  if (!dagang || others.length < 4) return { grants: 0 };

  const make = async (input: Omit<CreateGrant, 'year'>) => createGrantInTx(tx, ctx, { ...input, year: demoFundingYear }, true);
  const approve = async (id: string) => {
    const [row] = await tx.select({ version: grants.version }).from(grants).where(eq(grants.id, id));
    await transitionGrantInTx(tx, ctx, id, { action: 'approve', version: row!.version });
  };
  const pay = (id: string, yuan: number, paidOn: string, voucherNo: string) =>
    recordPaymentInTx(tx, ctx, id, { paidOn, amount: fen(yuan), voucherNo, remarks: null }, true);
  const spend = (id: string, line: Omit<CreateExpenditure, 'amount'> & { yuan: number | string }) =>
    fileExpenditureInTx(
      tx,
      ctx,
      id,
      { category: line.category, amount: fen(line.yuan), spentOn: line.spentOn, description: line.description },
      true,
    );

  // 达钢集团: a 后补助 paid in full with its spending reported, and a 以奖代补 paid in part, spending not yet reported (its 待办).
  const dagangSubsidy = await make({
    platformId: dagang.id,
    kind: 'post_subsidy',
    amount: fen(500_000),
    basis: '2025年度市级科技创新平台绩效评价良好，按资助标准给予后补助（演示）',
  });
  await approve(dagangSubsidy);
  await pay(dagangSubsidy, 300_000, '2026-04-15', '达财教〔2026〕15号-01');
  await pay(dagangSubsidy, 200_000, '2026-07-10', '达财教〔2026〕15号-02');
  await spend(dagangSubsidy, {
    category: 'equipment',
    yuan: 218_600,
    spentOn: '2026-05-20',
    description: '购置场发射扫描电子显微镜一台（钢材组织分析）',
  });
  await spend(dagangSubsidy, { category: 'testing', yuan: '46350.50', spentOn: '2026-06-18', description: '高强钢筋疲劳性能委托检测' });
  await spend(dagangSubsidy, { category: 'personnel', yuan: 85_000, spentOn: '2026-08-31', description: '研发团队劳务费（1—8月）' });

  const dagangAward = await make({
    platformId: dagang.id,
    kind: 'award',
    amount: fen(200_000),
    basis: '钒钛钢新产品开发成果转化成效突出，以奖代补（演示）',
  });
  await approve(dagangAward);
  await pay(dagangAward, 120_000, '2026-09-05', '达财教〔2026〕31号');

  // Others: one paid in part, one approved awaiting payment (the city's 待办), one proposed.
  const partly = await make({
    platformId: others[0]!.id,
    kind: 'post_subsidy',
    amount: fen(300_000),
    basis: '2025年度绩效评价良好（演示）',
  });
  await approve(partly);
  await pay(partly, 150_000, '2026-06-30', '达财教〔2026〕22号');
  await spend(partly, { category: 'materials', yuan: '62480.75', spentOn: '2026-08-12', description: '中试原料及试剂' });

  const awaiting = await make({
    platformId: others[1]!.id,
    kind: 'award',
    amount: fen(500_000),
    basis: '2025年度绩效评价优秀，以奖代补（演示）',
  });
  await approve(awaiting);
  await make({
    platformId: others[2]!.id,
    kind: 'post_subsidy',
    amount: fen(300_000),
    basis: '2025年度绩效评价良好，拟给予后补助（演示）',
  });
  let count = 5;

  // A final demo evaluation round, when the evaluations demo made one: its grants by the rules.
  const [round] = await tx
    .select({ id: evaluationRounds.id })
    .from(evaluationRounds)
    .where(and(eq(evaluationRounds.isDemo, true), inArray(evaluationRounds.status, ['published', 'applied'])))
    .orderBy(asc(evaluationRounds.periodTo))
    .limit(1);
  if (round) {
    const [graded] = await tx
      .select({ id: evaluationResults.id })
      .from(evaluationResults)
      .where(and(eq(evaluationResults.roundId, round.id), ne(evaluationResults.grade, 'unqualified')))
      .limit(1);
    if (graded) {
      const made = await createRoundGrantsInTx(tx, ctx, { roundId: round.id, year: demoFundingYear }, true).catch((error: unknown) => {
        // The round may give nothing by the rules (or be granted already): no grants, and no failed statement.
        if (error instanceof AppError) return { created: 0 };
        throw error;
      });
      count += made.created;
    }
  }
  return { grants: count };
}
