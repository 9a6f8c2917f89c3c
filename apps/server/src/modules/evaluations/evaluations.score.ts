import type { EvaluationFormulaBody, EvaluationGrade, EvaluationOutcome, IndicatorLine, PlatformStatus } from '@stip/contracts';
import { evaluationIndicatorLabels } from '@stip/contracts';

/**
 * The scoring rules of an evaluation round, as pure functions of the round's formula (data, see
 * zEvaluationFormulaBody) and a platform's accepted annual reports:
 *
 * - each indicator's yearly figure is the MEAN over the period's accepted reports (or the latest
 *   accepted report, when the formula says `latest`); a key a report lacks counts as 0, with a note;
 * - an indicator earns nothing below its threshold, else `min(value / target, cap)` of its weight
 *   (so a cap of 1.2 lets over-achievement make up for weaker indicators, never more than 120 %);
 * - the indicator score is the weighted sum over the weights' total, scaled to 100 and never above 100;
 * - the total is `indicatorWeight × indicator score + (1 − indicatorWeight) × expert score`,
 *   rounded to two decimals; grades follow the formula's thresholds (≥ 优秀, ≥ 良好, ≥ 合格, else 不合格).
 */

export interface ReportFigures {
  year: number;
  indicators: Record<string, unknown>;
}

export interface IndicatorScoring {
  indicatorScore: number;
  reportYears: number[];
  lines: IndicatorLine[];
  notes: string[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function figure(indicators: Record<string, unknown>, key: string): number | null {
  const value = indicators[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

/** The indicator score (0–100) of a platform's accepted reports in the period under the formula. */
export function scoreIndicators(formula: EvaluationFormulaBody, reports: readonly ReportFigures[]): IndicatorScoring {
  const notes: string[] = [];
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const used = formula.yearAggregation === 'latest' ? sorted.slice(-1) : sorted;
  if (used.length === 0) notes.push('考核期内没有已通过审核的年度报告，各项指标按0计');
  const totalWeight = formula.indicators.reduce((sum, indicator) => sum + indicator.weight, 0);
  const lines = formula.indicators.map((indicator): IndicatorLine => {
    const label = indicator.label || evaluationIndicatorLabels[indicator.key] || indicator.key;
    const missingYears = used.filter((report) => figure(report.indicators, indicator.key) === null).map((report) => report.year);
    const values = used.map((report) => figure(report.indicators, indicator.key) ?? 0);
    const value = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    const ratio = value < indicator.threshold ? 0 : Math.min(value / indicator.target, indicator.cap);
    const points = totalWeight > 0 ? (indicator.weight * ratio * 100) / totalWeight : 0;
    let note: string | null = null;
    if (missingYears.length) note = `${missingYears.join('、')}年度报告未填此项，按0计`;
    else if (used.length && value < indicator.threshold) note = `低于起评值${indicator.threshold}，不得分`;
    else if (ratio === indicator.cap && value / indicator.target > indicator.cap) note = `超出部分按封顶${indicator.cap}倍计`;
    if (missingYears.length) notes.push(`${label}：${note}`);
    return {
      key: indicator.key,
      label,
      weight: indicator.weight,
      value: round2(value),
      ratio: round2(ratio),
      points: round2(points),
      note,
    };
  });
  const sum = lines.reduce((total, line) => total + line.points, 0);
  return { indicatorScore: round2(Math.min(100, sum)), reportYears: used.map((r) => r.year), lines, notes };
}

/** The total (0–100) from the two parts, by the formula's split. */
export function combineScores(formula: EvaluationFormulaBody, indicatorScore: number, expertScore: number): number {
  return round2(formula.indicatorWeight * indicatorScore + (1 - formula.indicatorWeight) * expertScore);
}

/** The grade a total earns under the formula's thresholds. */
export function gradeFor(formula: EvaluationFormulaBody, score: number): EvaluationGrade {
  const t = formula.gradeThresholds;
  if (score >= t.excellent) return 'excellent';
  if (score >= t.good) return 'good';
  if (score >= t.qualified) return 'qualified';
  return 'unqualified';
}

/**
 * The outcome a grade gives by default: 不合格 → 整改, or 撤销 when the platform is already in 整改
 * or failed an earlier round (second failure); 优秀 → 推荐省级培育库; otherwise 保留.
 */
export function defaultOutcome(grade: EvaluationGrade, platform: { status: PlatformStatus; hasFailedBefore: boolean }): EvaluationOutcome {
  if (grade === 'unqualified') return platform.status === 'rectifying' || platform.hasFailedBefore ? 'revoke' : 'rectify';
  if (grade === 'excellent') return 'recommend';
  return 'keep';
}

/**
 * The default formula (seed 004 §(四)监督和评估 asks for periodic evaluation deciding 整改、撤销 or
 * further support, without fixing weights): the annual-report indicators weighted toward R&D input,
 * output and transfer, 60 % indicators and 40 % experts, grades at 90 / 80 / 60. City staff edit it.
 */
export const defaultFormula: EvaluationFormulaBody = {
  indicators: [
    { key: 'rdSpend', label: '研发经费投入（万元）', weight: 20, threshold: 0, target: 500, cap: 1.2 },
    { key: 'researchers', label: '研究人员数', weight: 10, threshold: 0, target: 30, cap: 1.2 },
    { key: 'projects', label: '承担项目数', weight: 10, threshold: 0, target: 10, cap: 1.2 },
    { key: 'patentsGranted', label: '专利授权数', weight: 15, threshold: 0, target: 10, cap: 1.2 },
    { key: 'standards', label: '制定标准数', weight: 5, threshold: 0, target: 2, cap: 1.2 },
    { key: 'achievementsTransferred', label: '成果转化数', weight: 15, threshold: 0, target: 5, cap: 1.2 },
    { key: 'enterprisesServed', label: '服务企业数', weight: 10, threshold: 0, target: 50, cap: 1.2 },
    { key: 'sharingHours', label: '开放共享机时', weight: 10, threshold: 0, target: 1000, cap: 1.2 },
    { key: 'income', label: '总收入（万元）', weight: 5, threshold: 0, target: 1000, cap: 1.2 },
  ],
  indicatorWeight: 0.6,
  yearAggregation: 'average',
  gradeThresholds: { excellent: 90, good: 80, qualified: 60 },
};
