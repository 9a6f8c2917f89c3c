/**
 * Precision, recall and F1 of an extraction against hand-written gold. Matching is one-to-one and greedy: all
 * admissible (predicted, gold) pairs are ranked by similarity and taken best first.
 */
import { isSameSubject, subjectSimilarity } from './subject.js';
import type { ExtractedTarget, ExtractedTask } from './types.js';

export type ScoredTarget = Pick<ExtractedTarget, 'subject' | 'comparator' | 'value' | 'unit' | 'deadline' | 'kind'> &
  Partial<Pick<ExtractedTarget, 'basis' | 'perYear' | 'perRegion'>>;
export type ScoredTask = Pick<ExtractedTask, 'title' | 'lead'>;

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  matched: number;
  predicted: number;
  expected: number;
}

/**
 * Meaning accuracy: of the matched target pairs, how many also agree on what the figure means — basis (stock or
 * added), perYear and perRegion, absent fields read as their defaults (stock, false, null). The comparator is part of
 * the match itself, so a wrong comparator already costs target F1.
 */
export interface MeaningScore {
  agreed: number;
  compared: number;
  accuracy: number;
  /** The matched pairs that disagree, for the score table: "subject: field predicted→gold". */
  disagreements: string[];
}

export interface ExtractionScore {
  targets: Score;
  tasks: Score;
  meaning: MeaningScore;
}

/** Nothing predicted is vacuously precise and nothing expected is vacuously recalled; F1 needs both. */
function toScore(matched: number, predicted: number, expected: number): Score {
  const precision = predicted === 0 ? 1 : matched / predicted;
  const recall = expected === 0 ? 1 : matched / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, matched, predicted, expected };
}

/** Size of a one-to-one matching built greedily from the highest-similarity admissible pairs. */
export function greedyMatchCount<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  similarity: (prediction: P, expectation: G) => number | null,
): number {
  return greedyMatch(predicted, gold, similarity).length;
}

/** A one-to-one matching built greedily from the highest-similarity admissible pairs, as [predicted, gold] indexes. */
export function greedyMatch<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  similarity: (prediction: P, expectation: G) => number | null,
): Array<[number, number]> {
  const pairs: Array<{ p: number; g: number; score: number }> = [];
  predicted.forEach((prediction, p) =>
    gold.forEach((expectation, g) => {
      const score = similarity(prediction, expectation);
      if (score !== null) pairs.push({ p, g, score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score);
  const usedPredicted = new Set<number>();
  const usedGold = new Set<number>();
  const matching: Array<[number, number]> = [];
  for (const pair of pairs) {
    if (usedPredicted.has(pair.p) || usedGold.has(pair.g)) continue;
    usedPredicted.add(pair.p);
    usedGold.add(pair.g);
    matching.push([pair.p, pair.g]);
  }
  return matching;
}

function sameFigure(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/** Same value, unit, kind, comparator and deadline, and a subject naming the same thing; null when not a match. */
export function targetSimilarity(prediction: ScoredTarget, expectation: ScoredTarget): number | null {
  const isSameBinding =
    sameFigure(prediction.value, expectation.value) &&
    prediction.unit === expectation.unit &&
    prediction.kind === expectation.kind &&
    prediction.comparator === expectation.comparator &&
    prediction.deadline === expectation.deadline;
  if (!isSameBinding || !isSameSubject(prediction.subject, expectation.subject)) return null;
  return subjectSimilarity(prediction.subject, expectation.subject);
}

function normaliseTitle(title: string): string {
  return title.replace(/[\s。，、；：！？,.;:!?“”‘’"'（）()《》〔〕【】[\]|*\-—…·]/g, '');
}

function bigrams(text: string): string[] {
  return Array.from({ length: Math.max(0, text.length - 1) }, (_, index) => text.slice(index, index + 2));
}

/** Dice coefficient over character bigrams (as multisets). */
export function bigramDice(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length + right.length === 0) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (const bigram of left) counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  let shared = 0;
  for (const bigram of right) {
    const count = counts.get(bigram) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(bigram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** A title shorter than this could be contained in almost anything, so containment alone does not match it. */
const MIN_CONTAINED_TITLE = 4;
const TITLE_DICE_THRESHOLD = 0.5;

/** Bigram Dice of the normalised titles, or 1 when one contains the other. */
export function titleSimilarity(a: string, b: string): number {
  const left = normaliseTitle(a);
  const right = normaliseTitle(b);
  const shorter = left.length <= right.length ? left : right;
  const longer = shorter === left ? right : left;
  if (shorter.length >= MIN_CONTAINED_TITLE && longer.includes(shorter)) return 1;
  return bigramDice(left, right);
}

function normaliseUnit(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/等$/, '');
}

function sameUnitSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(normaliseUnit));
  const right = new Set(b.map(normaliseUnit));
  return left.size === right.size && [...left].every((unit) => right.has(unit));
}

/** The same task (title Dice ≥ 0.5 or containment) led by the same set of units; null when not a match. */
export function taskSimilarity(prediction: ScoredTask, expectation: ScoredTask): number | null {
  if (!sameUnitSet(prediction.lead, expectation.lead)) return null;
  const similarity = titleSimilarity(prediction.title, expectation.title);
  return similarity >= TITLE_DICE_THRESHOLD ? similarity : null;
}

export function scoreTargets(predicted: readonly ScoredTarget[], gold: readonly ScoredTarget[]): Score {
  return toScore(greedyMatchCount(predicted, gold, targetSimilarity), predicted.length, gold.length);
}

export function scoreTasks(predicted: readonly ScoredTask[], gold: readonly ScoredTask[]): Score {
  return toScore(greedyMatchCount(predicted, gold, taskSimilarity), predicted.length, gold.length);
}

function meaningOf(target: ScoredTarget): { basis: string; perYear: boolean; perRegion: string | null } {
  return { basis: target.basis ?? 'stock', perYear: target.perYear ?? false, perRegion: target.perRegion ?? null };
}

function toMeaning(agreed: number, compared: number, disagreements: string[]): MeaningScore {
  return { agreed, compared, accuracy: compared === 0 ? 1 : agreed / compared, disagreements };
}

/** Meaning accuracy over the pairs the target matching made (see MeaningScore). */
export function scoreMeaning(predicted: readonly ScoredTarget[], gold: readonly ScoredTarget[]): MeaningScore {
  const disagreements: string[] = [];
  let agreed = 0;
  const matching = greedyMatch(predicted, gold, targetSimilarity);
  for (const [p, g] of matching) {
    const prediction = meaningOf(predicted[p] as ScoredTarget);
    const expectation = meaningOf(gold[g] as ScoredTarget);
    const differing = (Object.keys(expectation) as Array<keyof typeof expectation>).filter(
      (field) => prediction[field] !== expectation[field],
    );
    if (differing.length === 0) agreed += 1;
    else
      disagreements.push(
        `${(gold[g] as ScoredTarget).subject}: ${differing
          .map((field) => `${field} ${String(prediction[field])}→${String(expectation[field])}`)
          .join(', ')}`,
      );
  }
  return toMeaning(agreed, matching.length, disagreements);
}

export function scoreExtraction(
  predicted: { targets: readonly ScoredTarget[]; tasks: readonly ScoredTask[] },
  gold: { targets: readonly ScoredTarget[]; tasks: readonly ScoredTask[] },
): ExtractionScore {
  return {
    targets: scoreTargets(predicted.targets, gold.targets),
    tasks: scoreTasks(predicted.tasks, gold.tasks),
    meaning: scoreMeaning(predicted.targets, gold.targets),
  };
}

/** The micro average over several documents: matches, predictions and gold entries summed, then scored once. */
export function sumScores(scores: readonly ExtractionScore[]): ExtractionScore {
  const total = (pick: (score: ExtractionScore) => Score): Score => {
    const sums = scores.map(pick).reduce(
      (sum, score) => ({
        matched: sum.matched + score.matched,
        predicted: sum.predicted + score.predicted,
        expected: sum.expected + score.expected,
      }),
      { matched: 0, predicted: 0, expected: 0 },
    );
    return toScore(sums.matched, sums.predicted, sums.expected);
  };
  const agreed = scores.reduce((sum, score) => sum + score.meaning.agreed, 0);
  const compared = scores.reduce((sum, score) => sum + score.meaning.compared, 0);
  return {
    targets: total((score) => score.targets),
    tasks: total((score) => score.tasks),
    meaning: toMeaning(agreed, compared, []),
  };
}
