import type { ExclusionReason } from '@stip/contracts';
import { seededRandom as mulberry32 } from '../../shared/random';

/**
 * The panel draw as a pure function of the candidate pool and the conflict facts, so the rules can be
 * property-tested (experts.draw.test.ts) and the service only gathers the facts.
 *
 * Rules:
 * - a candidate's fields MATCH the application's technical fields when they share at least one field,
 *   compared after Unicode NFKC normalisation, lower-casing and removing every white space
 *   ("人工 智能" = "人工智能", "ＡＩ" = "ai");
 * - of the matching candidates, one is ruled out, with the first reason that applies, when it is
 *   of the applicant's organisation (同单位), of a co-builder of the application (共建单位), of an
 *   organisation that hosted or co-built a platform together with the applicant or a co-builder in
 *   the last three years (近三年合作), named among the application's collaborators (申报合作者), has
 *   reached the yearly panel cap (已达年度评审上限), or is suspended (已暂停);
 * - the qualified candidates, ordered by id, are shuffled (Fisher–Yates) by a PRNG seeded from the
 *   recorded seed; the panel is the first `size` of that order, and a vacated seat is filled by the
 *   next qualified candidate of the same order not already seated;
 * - too few qualified candidates: the draw is refused, never relaxed.
 */

export interface DrawCandidate {
  id: string;
  name: string;
  organizationId: string;
  fields: readonly string[];
  suspended: boolean;
  /** Seats this calendar year (declared conflicts not counted). */
  panelsThisYear: number;
}

export interface ConflictFacts {
  applicantOrganizationId: string;
  coBuilderIds: readonly string[];
  /** Organisations that hosted or co-built a platform with the applicant or a co-builder in the last 3 years. */
  recentPartnerIds: readonly string[];
  /** The names of the application's collaborators (people). */
  collaboratorNames: readonly string[];
  technicalFields: readonly string[];
  yearlyCap: number;
}

export interface Exclusion {
  expertId: string;
  name: string;
  reason: ExclusionReason;
  detail: string;
}

export type DrawOutcome =
  | { ok: true; seed: string; drawn: DrawCandidate[]; excluded: Exclusion[]; order: DrawCandidate[] }
  | { ok: false; seed: string; qualified: number; needed: number; excluded: Exclusion[] };

/** The form a field or name is compared in: NFKC, lower case, no white space. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/** Whether two field lists share a field (normalised). */
export function fieldsMatch(expertFields: readonly string[], technicalFields: readonly string[]): boolean {
  const wanted = new Set(technicalFields.map(normalizeTerm).filter(Boolean));
  return expertFields.some((field) => wanted.has(normalizeTerm(field)));
}

/** Why a field-matching candidate may not sit on this panel, or null when it qualifies. */
export function exclusionOf(candidate: DrawCandidate, facts: ConflictFacts): Omit<Exclusion, 'expertId' | 'name'> | null {
  if (candidate.organizationId === facts.applicantOrganizationId) return { reason: '同单位', detail: '与申报单位为同一单位' };
  if (facts.coBuilderIds.includes(candidate.organizationId)) return { reason: '共建单位', detail: '所在单位为本申报的共建单位' };
  if (facts.recentPartnerIds.includes(candidate.organizationId))
    return { reason: '近三年合作', detail: '所在单位近三年与申报单位（或共建单位）共同依托或共建过平台' };
  const name = normalizeTerm(candidate.name);
  if (facts.collaboratorNames.some((collaborator) => normalizeTerm(collaborator) === name))
    return { reason: '申报合作者', detail: '列于本申报的合作者名单' };
  if (candidate.panelsThisYear >= facts.yearlyCap)
    return { reason: '已达年度评审上限', detail: `本年度已参加${candidate.panelsThisYear}次评审（上限${facts.yearlyCap}次）` };
  if (candidate.suspended) return { reason: '已暂停', detail: '该专家已被暂停' };
  return null;
}

/** A 32-bit hash of the seed text (FNV-1a), the PRNG's starting state. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The draw's generator for a recorded text seed: mulberry32 (`shared/random.ts`) seeded by the text's hash. */
export function seededRandom(seed: string): () => number {
  return mulberry32(hashSeed(seed));
}

/** A Fisher–Yates shuffle of a copy of `items` driven by `random`. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Splits the field-matching candidates into the qualified ones, in the seed's order, and the excluded ones. */
export function rankCandidates(
  candidates: readonly DrawCandidate[],
  facts: ConflictFacts,
  seed: string,
): { order: DrawCandidate[]; excluded: Exclusion[] } {
  const matching = candidates.filter((candidate) => fieldsMatch(candidate.fields, facts.technicalFields));
  const qualified: DrawCandidate[] = [];
  const excluded: Exclusion[] = [];
  for (const candidate of matching) {
    const exclusion = exclusionOf(candidate, facts);
    if (exclusion) excluded.push({ expertId: candidate.id, name: candidate.name, ...exclusion });
    else qualified.push(candidate);
  }
  qualified.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  excluded.sort((a, b) => (a.expertId < b.expertId ? -1 : 1));
  return { order: shuffle(qualified, seededRandom(seed)), excluded };
}

/** Draws `size` experts; refuses (ok: false) when fewer than `size` qualify. */
export function drawPanel(candidates: readonly DrawCandidate[], facts: ConflictFacts, size: number, seed: string): DrawOutcome {
  const { order, excluded } = rankCandidates(candidates, facts, seed);
  if (order.length < size) return { ok: false, seed, qualified: order.length, needed: size, excluded };
  return { ok: true, seed, drawn: order.slice(0, size), excluded, order };
}

/**
 * The next qualified candidate for a vacated seat: the same seed's order continued past those who
 * already sat on the panel (`taken`), or null when none is left.
 */
export function drawReplacement(
  candidates: readonly DrawCandidate[],
  facts: ConflictFacts,
  seed: string,
  taken: ReadonlySet<string>,
): DrawCandidate | null {
  const { order } = rankCandidates(
    candidates.filter((candidate) => !taken.has(candidate.id)),
    facts,
    seed,
  );
  return order[0] ?? null;
}
