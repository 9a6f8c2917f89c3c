/**
 * What a target's figure means (issue 11): whether it counts all that stands or what the plan adds (basis), whether it
 * is a yearly rate (perYear), whether each region of a level must meet it (perRegion), and what was not read without
 * doubt. Pure: it reads only the words around the figure, given as evidence by the rules that found it.
 */
import {
  ADDED_CUE,
  COUNT_UNITS,
  DOUBTS,
  MEASURE_SUFFIX,
  MONEY_UNITS,
  PER_REGION_CUES,
  PER_REGION_SENTENCE_OPENING,
  PER_YEAR_CUE,
  RATIO_UNITS,
  REACH_CUE,
  SPECIFIC_SUBJECT_END,
  STOCK_CUE,
} from './catalogue.js';
import { endsWithHeadNoun } from './subject.js';
import type { ExtractedTarget, Level, TargetKind } from './types.js';

/** Where a target's deadline came from. */
export type DeadlineSource =
  /** Written in its sentence, its table row (完成时限) or its goal column (2025年目标值). */
  | 'stated'
  /** Taken from the paragraph, the section or the annual plan's year. */
  | 'inherited'
  /** A yearly rate: due every year, so no single date. */
  | 'yearly'
  | 'none';

export interface MeaningEvidence {
  /** The words that bind this figure: from its own phrase's start (after the figure before it) to the figure's end. */
  own: string;
  /** The clause before `own`: a verb there ("新建A10家、B15家") governs every figure of the list. */
  clauseBefore: string;
  /** The sentence's first words, whose actor may be every region of a level ("各设区市要…"). */
  sentenceOpening?: string;
  kind: TargetKind;
  subject: string;
  unit: string;
  /** A binding word stated the comparator (false: defaulted to >= for a plain figure). */
  comparatorRead: boolean;
  approximate: boolean;
  isRange: boolean;
  deadlineSource: DeadlineSource;
  /** The subject was taken from the clause or target before ("…，总数达到85家"). */
  subjectBorrowed: boolean;
}

export type Meaning = Required<Pick<ExtractedTarget, 'basis' | 'perYear' | 'perRegion' | 'doubts'>>;

/** A yearly rate, in the figure's own phrase or in the clause that governs it. */
export function isPerYear(evidence: Pick<MeaningEvidence, 'own' | 'clauseBefore'>): boolean {
  return PER_YEAR_CUE.test(evidence.own) || PER_YEAR_CUE.test(evidence.clauseBefore);
}

/**
 * `added` when an addition verb binds the figure (新建/新增/新培育…, in its own phrase, or earlier in the list it is in
 * when its own phrase has no verb that reaches a level) and no total (总数/累计) is named in its own phrase; a yearly
 * count is always what is added in the year. Ratios and coverage are states, never additions.
 */
export function basisOf(evidence: Pick<MeaningEvidence, 'own' | 'clauseBefore' | 'kind'>, perYear: boolean): 'stock' | 'added' {
  if (evidence.kind === 'ratio' || evidence.kind === 'coverage' || STOCK_CUE.test(evidence.own)) return 'stock';
  if (ADDED_CUE.test(evidence.own)) return 'added';
  if (ADDED_CUE.test(evidence.clauseBefore) && !REACH_CUE.test(evidence.own)) return 'added';
  return perYear && evidence.kind === 'count' ? 'added' : 'stock';
}

/** The level whose every region must meet the figure ("每个县（市、区）至少…" → 县); null for the plan's region as a whole. */
export function perRegionOf(evidence: Pick<MeaningEvidence, 'own' | 'clauseBefore' | 'kind' | 'sentenceOpening'>): Level | null {
  if (evidence.kind === 'coverage') return null;
  const words = evidence.clauseBefore + evidence.own;
  const inClause = PER_REGION_CUES.find((cue) => cue.pattern.test(words))?.level;
  if (inClause) return inClause;
  const opening = evidence.sentenceOpening ?? '';
  return PER_REGION_SENTENCE_OPENING.find((cue) => cue.pattern.test(opening))?.level ?? null;
}

/** A unit of the catalogue's lists (家, 亿元, %, 万人次 …); others come from indicator tables and deserve a look. */
function isKnownUnit(unit: string): boolean {
  const bare = unit.replace(/^[万亿]/, '');
  return MONEY_UNITS.includes(unit) || RATIO_UNITS.includes(unit) || COUNT_UNITS.includes(bare);
}

/** A subject too short or, for a count, without a noun that can be counted. */
function isGenericSubject(subject: string, kind: TargetKind): boolean {
  // An indicator's name may end in what it measures ("国家高新技术企业数"): the noun before it is what is counted.
  const counted = subject.replace(MEASURE_SUFFIX, '');
  return subject.length < 3 || (kind === 'count' && !endsWithHeadNoun(counted) && !SPECIFIC_SUBJECT_END.test(counted));
}

/** What a reviewer must check: empty only when comparator, value, unit, deadline and subject were all read plainly. */
export function doubtsOf(evidence: MeaningEvidence): string[] {
  const doubts: string[] = [];
  if (!evidence.comparatorRead) doubts.push(DOUBTS.comparatorGuessed);
  if (evidence.isRange) doubts.push(DOUBTS.valueRange);
  if (evidence.approximate) doubts.push(DOUBTS.valueApproximate);
  if (evidence.unit === '' && evidence.kind !== 'coverage') doubts.push(DOUBTS.unitMissing);
  else if (evidence.unit !== '' && !isKnownUnit(evidence.unit)) doubts.push(DOUBTS.unitOdd);
  if (evidence.deadlineSource === 'inherited') doubts.push(DOUBTS.deadlineInherited);
  if (evidence.deadlineSource === 'none') doubts.push(DOUBTS.deadlineMissing);
  if (evidence.subjectBorrowed) doubts.push(DOUBTS.subjectBorrowed);
  else if (isGenericSubject(evidence.subject, evidence.kind)) doubts.push(DOUBTS.subjectGeneric);
  return doubts;
}

export function readMeaning(evidence: MeaningEvidence): Meaning {
  const perYear = isPerYear(evidence);
  return { basis: basisOf(evidence, perYear), perYear, perRegion: perRegionOf(evidence), doubts: doubtsOf(evidence) };
}
