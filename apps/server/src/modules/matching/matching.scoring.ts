import type { MatchReason } from '@stip/contracts';

/**
 * How a proposed match is scored and explained — pure, no database. A subject (a demand or an achievement)
 * and a candidate are each described by their content terms (jieba, see the search module's `contentTerms`),
 * technical fields, industry and region; the candidate may bring a text rank from the search (normalised so the
 * best hit is 1) and reasons of its own (a platform's type and level, an expert's fields, an enterprise's
 * platforms and demands).
 *
 * The score (0—100) adds up:
 * - text, 45 points × the normalised text rank — or, without a rank (experts, platforms, enterprises, a lead
 *   recorded later), × the share of the subject's first terms (at most 10) that the candidate shares;
 * - shared terms, 20 points × min(1, shared terms / 5);
 * - the same technical field, 15; the same industry, 10; the same region, 5;
 * - the candidate's own reasons, 5.
 * A candidate with neither a shared term nor the same field or industry is no match at all (`null`).
 */
export interface MatchProfile {
  terms: readonly string[];
  /** The technical fields (an achievement or demand has one; a platform or an expert several). */
  technicalFields: readonly (string | null)[];
  industry: string | null;
  region: { id: string; name: string } | null;
}

export interface MatchCandidateFacts extends MatchProfile {
  /** The search rank normalised to the best hit (0—1), when the candidate came from the search. */
  textRank?: number | null;
  /** Reasons only the candidate's kind knows (platform type, expert fields, enterprise evidence). */
  ownReasons?: readonly MatchReason[];
}

export const scoreWeights = { text: 45, sharedTerms: 20, technicalField: 15, industry: 10, region: 5, ownReasons: 5 } as const;

/**
 * Words too general to explain a match on their own: they name what every record in a sci-tech registry is
 * (技术, 研究, 中心, 平台 …). Single characters are left out too (jieba splits them off freely).
 */
export const genericTerms: ReadonlySet<string> = new Set([
  '技术',
  '研究',
  '研发',
  '开发',
  '中心',
  '工程',
  '平台',
  '实验室',
  '重点',
  '企业',
  '公司',
  '有限公司',
  '有限',
  '责任',
  '集团',
  '应用',
  '项目',
  '产品',
  '方法',
  '系统',
  '提高',
  '提升',
  '实现',
  '解决',
  '问题',
  '相关',
  '领域',
  '产业',
  '工作',
  '服务',
  '创新',
  '科技',
  '市级',
  '省级',
  '国家级',
  '县级',
  '单位',
  '建设',
  '合作',
  '具有',
  '可以',
  '能够',
  '采用',
  '用于',
  '主要',
  '以及',
  '同时',
  '其中',
  '目前',
  '该',
  '本',
  '一个',
  '一些',
  '工艺',
  '生产',
]);
const isSpecific = (term: string) => [...term].length >= 2 && !genericTerms.has(term);

/**
 * The terms both texts hold, most specific first: longer terms first (玄武岩纤维 before 纤维), then in the
 * subject's order (its title comes first). Single characters are left out.
 */
export function sharedTerms(subject: readonly string[], candidate: readonly string[]): string[] {
  const theirs = new Set(candidate);
  const shared = [...new Set(subject)].filter((term) => isSpecific(term) && theirs.has(term));
  return shared
    .map((term, index) => ({ term, index, length: [...term].length }))
    .sort((a, b) => b.length - a.length || a.index - b.index)
    .map((entry) => entry.term);
}

const normalise = (value: string | null) => (value ?? '').trim().toLowerCase();

/** The subject's field found among the candidate's fields, if any. */
function commonField(subject: readonly (string | null)[], candidate: readonly (string | null)[]): string | null {
  const theirs = new Set(candidate.map(normalise).filter(Boolean));
  return subject.find((field) => field && theirs.has(normalise(field))) ?? null;
}

/** The score of a candidate and its reasons, best-explaining first; null when nothing links the two. */
export function explainMatch(subject: MatchProfile, candidate: MatchCandidateFacts): { score: number; reasons: MatchReason[] } | null {
  const terms = sharedTerms(subject.terms, candidate.terms);
  const field = commonField(subject.technicalFields, candidate.technicalFields);
  const industry = subject.industry && normalise(subject.industry) === normalise(candidate.industry) ? subject.industry : null;
  if (terms.length === 0 && !field && !industry) return null;
  const sameRegion = subject.region && candidate.region && subject.region.id === candidate.region.id ? subject.region : null;
  const own = candidate.ownReasons ?? [];

  const considered = subject.terms.filter(isSpecific).slice(0, 10);
  const coverage = considered.length ? considered.filter((term) => terms.includes(term)).length / considered.length : 0;
  const text = candidate.textRank ?? coverage;
  let score = scoreWeights.text * Math.max(0, Math.min(1, text)) + scoreWeights.sharedTerms * Math.min(1, terms.length / 5);
  if (field) score += scoreWeights.technicalField;
  if (industry) score += scoreWeights.industry;
  if (sameRegion) score += scoreWeights.region;
  if (own.length) score += scoreWeights.ownReasons;

  const reasons: MatchReason[] = [];
  if (terms.length) reasons.push({ kind: 'shared_terms', label: `共同关键词：${terms.slice(0, 6).join('、')}`, terms: terms.slice(0, 12) });
  if (field) reasons.push({ kind: 'technical_field', label: `技术领域相同：${field}` });
  if (industry) reasons.push({ kind: 'industry', label: `所属产业相同：${industry}` });
  if (sameRegion) reasons.push({ kind: 'region', label: `同一区域：${sameRegion.name}` });
  reasons.push(...own);
  return { score: Math.round(Math.min(100, score) * 10) / 10, reasons };
}

/** Search ranks normalised so the best is 1 (all 0 when none ranks above 0). */
export function normaliseRanks(ranks: readonly number[]): number[] {
  const best = Math.max(0, ...ranks);
  return ranks.map((rank) => (best > 0 ? rank / best : 0));
}
