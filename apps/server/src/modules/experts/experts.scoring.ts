import type { ErrorDetail, RubricCriterion, SaveRubric } from '@stip/contracts';

/**
 * Scoring rules, pure: an expert's total is the weighted mean of the criteria (each score as a share of
 * the criterion's maximum, times its weight; weights sum to 100, so totals run 0–100); the panel's
 * result is the mean of the submitted totals, their range and population standard deviation, and the
 * outliers — totals deviating from the mean by more than the threshold.
 */

export interface RubricData {
  name: string;
  criteria: RubricCriterion[];
  lowScorePercent: number;
}

/**
 * The default rubric (for types without their own), after seed 004's tasks and management of a
 * platform: 关键核心技术攻关, 成果转化应用, 技术创新服务与开放共享, 人才引育, 治理结构与运行机制, and the
 * construction plan's conditions.
 */
export const defaultRubric: SaveRubric = {
  name: '科技创新平台认定评审通用指标',
  lowScorePercent: 60,
  criteria: [
    {
      key: 'research',
      name: '研发基础与关键核心技术攻关能力',
      weight: 25,
      maxScore: 100,
      description: '研发投入、研发条件、承担项目与攻关方向',
    },
    { key: 'transfer', name: '成果转化与示范应用', weight: 20, maxScore: 100, description: '专利、标准、成果转化与产业化' },
    { key: 'service', name: '技术创新服务与开放共享', weight: 15, maxScore: 100, description: '服务企业、资源开放共享、孵化培育' },
    { key: 'talent', name: '人才团队建设', weight: 15, maxScore: 100, description: '学术带头人、团队结构、人才引育' },
    { key: 'governance', name: '治理结构与运行机制', weight: 15, maxScore: 100, description: '管理制度、人财物相对独立运行' },
    { key: 'plan', name: '建设方案与条件保障', weight: 10, maxScore: 100, description: '目标任务、投入与场地、依托单位支持' },
  ],
};

export interface SeatScore {
  criterionKey: string;
  score: number;
  comment?: string | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The weighted total (0–100) of a complete set of scores. */
export function weightedTotal(rubric: RubricData, scores: readonly SeatScore[]): number {
  const byKey = new Map(scores.map((score) => [score.criterionKey, score.score]));
  let total = 0;
  for (const criterion of rubric.criteria) total += ((byKey.get(criterion.key) ?? 0) / criterion.maxScore) * criterion.weight;
  return round2(total);
}

/** Whether a score is low enough to require a comment. */
export function isLowScore(criterion: RubricCriterion, score: number, lowScorePercent: number): boolean {
  return score < (criterion.maxScore * lowScorePercent) / 100;
}

/**
 * What is wrong with these scores (empty: nothing): unknown criteria, scores above the maximum, and —
 * for a submission — missing criteria and low scores without a comment.
 */
export function scoreProblems(rubric: RubricData, scores: readonly SeatScore[], submitting: boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const criteria = new Map(rubric.criteria.map((criterion) => [criterion.key, criterion]));
  const seen = new Set<string>();
  for (const score of scores) {
    const criterion = criteria.get(score.criterionKey);
    if (!criterion) {
      problems.push({ field: `scores.${score.criterionKey}`, message: `评审指标不存在：${score.criterionKey}` });
      continue;
    }
    if (seen.has(score.criterionKey)) problems.push({ field: `scores.${score.criterionKey}`, message: `“${criterion.name}”重复评分` });
    seen.add(score.criterionKey);
    if (score.score < 0 || score.score > criterion.maxScore)
      problems.push({ field: `scores.${score.criterionKey}`, message: `“${criterion.name}”的分数应在0到${criterion.maxScore}之间` });
    else if (submitting && isLowScore(criterion, score.score, rubric.lowScorePercent) && !score.comment?.trim())
      problems.push({
        field: `scores.${score.criterionKey}`,
        message: `“${criterion.name}”低于满分的${rubric.lowScorePercent}%，请填写评分说明`,
      });
  }
  if (submitting) {
    for (const criterion of rubric.criteria) {
      if (!seen.has(criterion.key)) problems.push({ field: `scores.${criterion.key}`, message: `“${criterion.name}”尚未评分` });
    }
  }
  return problems;
}

export interface PanelStatistics {
  mean: number | null;
  min: number | null;
  max: number | null;
  range: number | null;
  stdDev: number | null;
  outliers: { id: string; total: number; deviation: number }[];
}

/** Mean, range, population standard deviation and outliers (|total − mean| > threshold) of the submitted totals. */
export function panelStatistics(totals: readonly { id: string; total: number }[], outlierThreshold: number): PanelStatistics {
  if (!totals.length) return { mean: null, min: null, max: null, range: null, stdDev: null, outliers: [] };
  const values = totals.map((entry) => entry.total);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  const outliers = totals
    .map((entry) => ({ id: entry.id, total: entry.total, deviation: round2(entry.total - mean) }))
    .filter((entry) => Math.abs(entry.deviation) > outlierThreshold);
  return { mean: round2(mean), min, max, range: round2(max - min), stdDev: round2(Math.sqrt(variance)), outliers };
}

/** The 1-based rank of `mean` among `means` (higher is better; ties share a rank). */
export function rankOf(mean: number, means: readonly number[]): number {
  return 1 + means.filter((other) => other > mean).length;
}
