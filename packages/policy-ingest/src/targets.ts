/**
 * Finding target phrases in running text. A sentence is cut into clauses; in each clause the anchors (a figure with a
 * unit, 零的突破, 全覆盖, an index value) are read in order, each taking as its subject the words since the previous
 * anchor ("建设国家企业技术中心2家以上、省级工程技术研究中心3家以上") or, when the figure comes first, the noun
 * phrase after it ("引进和培育5家省级专业性技术转移示范机构").
 */
import { findDateMentions, toDeadline, type DateMention } from './dates.js';
import {
  ACHIEVED_CUES,
  alternation,
  AT_LEAST_IN_CLAUSE,
  BASELINE_YEAR_BEFORE,
  CLAUSE_ACHIEVED_CUES,
  CONDITION,
  COUNT_THEN_BREAKTHROUGH,
  DETAIL_CLAUSE,
  EACH_REGION_HAS,
  FIRST_BREAKTHROUGH,
  FULL_COVERAGE,
  GENERIC_MEASURE,
  HISTORY_OPENING,
  INCENTIVE_CUES,
  INDEX_VALUE,
  INNER_CUT_VERBS,
  ITEM_HEAD,
  LEADING_VERBS,
  LEVEL_ONLY,
  PERFECT_BEFORE_FIGURE,
  PLACES_COUNTED,
  PLANNABLE_CUES,
  PLANNED_RUNNING_TOTAL,
  PLAN_MODALS,
  PLATFORM_HEAD,
  PREDICATE_START,
  PROGRESS_LABEL,
  RESPECTIVELY,
  SCORING_RULE,
  SET_BEING_DIVIDED,
  SUBSIDY,
  SUB_YEAR_RATE_CUE,
  TOTAL,
  TRAILING_SCOPE,
} from './catalogue.js';
import { isPerYear, readMeaning, type DeadlineSource, type MeaningEvidence } from './meaning.js';
import { findQuantities, kindOfUnit, type Quantity } from './quantity.js';
import {
  cleanSubject,
  completeLevelOnlySubject,
  endsWithHeadNoun,
  introductionStart,
  isPlausibleSubject,
  levelOf,
  objectOfClause,
  stripScope,
} from './subject.js';
import { CLAUSE_END, GROUP_END, sourceSpan, splitOutsideBrackets, splitSentences, type Range, type TextView } from './text.js';
import type { Comparator, ExtractedTarget, TargetKind } from './types.js';

export interface TargetContext {
  /** Year that relative words (今年, 全年) mean and before which figures are history: an annual plan's own year. */
  documentYear: number | null;
  /** 完成时限 of the enclosing table row or work item. */
  rowDeadline: string | null;
  /** Due date governing the section ("到2025年，" opening a 发展目标 section). */
  sectionDeadline: string | null;
  /** Year-end of an annual plan, for figures with no date of their own. */
  annualDeadline: string | null;
  /** End of the span in the plan's title ("（2026—2028年）"), the last resort for a figure with no date. */
  planDeadline?: string | null;
}

export type FoundTarget = ExtractedTarget & { span: [number, number] };

interface Anchor {
  kind: 'quantity' | 'first' | 'coverage' | 'index';
  start: number;
  end: number;
  figureStart: number;
  value: number;
  unit: string;
  comparator: Comparator;
  hasComparatorWord: boolean;
  /** A binding word stated the comparator (false: a plain figure, read as at least). */
  comparatorRead: boolean;
  approximate: boolean;
  isRange: boolean;
  isHanzi: boolean;
}

const SHORT_QUOTE = /[“"「『]([^”"」』]{0,12})[”"」』]/g;
const INCENTIVE = new RegExp(alternation(INCENTIVE_CUES));
const PLAN_MODAL = new RegExp(alternation(PLAN_MODALS));
const ENDS_WITH_VERB = new RegExp(`(?:${alternation([...LEADING_VERBS, ...INNER_CUT_VERBS])})$`);
const LEADING_PUNCTUATION = /^[，,、；;：:|和及与并—–•·●■◆▪-]+/;

function containing(ranges: readonly Range[], position: number): Range {
  return ranges.find(([start, end]) => position >= start && position < end) ?? [0, 0];
}

function quoteRanges(sentence: string): Range[] {
  return [...sentence.matchAll(SHORT_QUOTE)].map((match) => [match.index, match.index + match[0].length]);
}

function anchorFromQuantity(quantity: Quantity): Anchor {
  return { kind: 'quantity', ...quantity };
}

/** An anchor whose figure the wording implies: 零的突破 is ≥ 1, 全覆盖 is 100%, an index value has no unit. */
function impliedAnchor(
  kind: Anchor['kind'],
  match: RegExpMatchArray & { index: number },
  figure: { value: number; unit: string; comparator: Comparator; figureStart?: number; comparatorRead?: boolean },
): Anchor {
  return {
    kind,
    start: match.index,
    end: match.index + match[0].length,
    figureStart: figure.figureStart ?? match.index,
    value: figure.value,
    unit: figure.unit,
    comparator: figure.comparator,
    hasComparatorWord: true,
    comparatorRead: figure.comparatorRead ?? true,
    approximate: false,
    isRange: false,
    isHanzi: false,
  };
}

function findAnchors(sentence: string): Anchor[] {
  const special = [
    ...[...sentence.matchAll(FIRST_BREAKTHROUGH)].map((match) => impliedAnchor('first', match, { value: 1, unit: '', comparator: '>=' })),
    ...[...sentence.matchAll(FULL_COVERAGE)].map((match) => impliedAnchor('coverage', match, { value: 100, unit: '%', comparator: '=' })),
    ...[...sentence.matchAll(INDEX_VALUE)].map((match) =>
      impliedAnchor('index', match, {
        value: Number(match[2]),
        unit: '',
        // "指数达到48" is a floor like any 达到; "得分为90" states a figure without binding it.
        comparator: '>=',
        comparatorRead: match[1] !== '为',
        figureStart: match.index + (match[1]?.length ?? 0),
      }),
    ),
  ];

  // "确保每个县区都有省级以上孵化器": at least one of what follows, in each region.
  for (const match of sentence.matchAll(EACH_REGION_HAS)) {
    const end = match.index + match[0].length;
    const following = followingSubject(sentence.slice(end).split(/[，,；;。]/)[0] ?? '');
    if (!following.subject || !endsWithHeadNoun(following.subject)) continue;
    special.push({
      ...impliedAnchor('quantity', match, { value: 1, unit: unitForFirst(following.subject), comparator: '>=' }),
      end,
    });
  }

  const quotes = quoteRanges(sentence);
  const isQuoted = (anchor: Anchor) => quotes.some(([start, end]) => anchor.start >= start && anchor.end <= end);
  const overlapsSpecial = (anchor: Anchor) => special.some((other) => anchor.start < other.end && other.start < anchor.end);
  const quantities = findQuantities(sentence)
    .map(anchorFromQuantity)
    .filter((anchor) => !isQuoted(anchor) && !overlapsSpecial(anchor));

  return [...special, ...quantities].sort((a, b) => a.start - b.start);
}

/** A figure inside "实现全县57个行政村…全覆盖" counts the scope of the coverage, not a target of its own. */
function dropScopeFigures(anchors: Anchor[], clauses: readonly Range[]): Anchor[] {
  return anchors.filter(
    (anchor) =>
      anchor.kind !== 'quantity' ||
      !anchors.some(
        (other) =>
          other.kind === 'coverage' &&
          other.start > anchor.start &&
          containing(clauses, other.start)[0] === containing(clauses, anchor.start)[0],
      ),
  );
}

function unitForFirst(subject: string): string {
  const head = subject.replace(/[（(][^）)]*[）)]$/, '');
  if (ITEM_HEAD.test(head)) return '项';
  return PLATFORM_HEAD.test(head) ? '家' : '个';
}

function stripTrailingScope(subject: string): string {
  const rest = subject.replace(TRAILING_SCOPE, '');
  return rest !== subject && rest.length >= 2 && endsWithHeadNoun(rest) ? rest : subject;
}

/** "实现各县（市、区）及达州高新区科技创新服务平台全覆盖" and "科技创新服务平台力争实现县区全覆盖". */
function coverageSubject(before: string): string {
  const split = before.lastIndexOf('实现');
  if (split >= 0) {
    const left = cleanSubject(before.slice(0, split));
    if (left) return left;
    return stripTrailingScope(cleanSubject(stripScope(cleanSubject(before.slice(split + 2)) || before.slice(split + 2))));
  }
  return stripTrailingScope(cleanSubject(stripScope(cleanSubject(before))));
}

/** The noun phrase after a figure that comes first: "5家省级专业性技术转移示范机构，…" → 省级专业性技术转移示范机构. */
function followingSubject(after: string): { subject: string; length: number } {
  let text = after.replace(/^的/, '');
  const [firstItem] = splitOutsideBrackets(text, '、');
  if (firstItem) text = text.slice(firstItem[0], firstItem[1]).replace(/、$/, '');
  text = text.replace(/(和|及|与)[\d一二两三四五六七八九十].*$/, '');
  const predicate = PREDICATE_START.exec(text);
  if (predicate && predicate.index >= 2) text = text.slice(0, predicate.index);
  const subject = cleanSubject(text);
  const at = after.indexOf(subject);
  return { subject, length: subject && at >= 0 ? at + subject.length : 0 };
}

interface SentenceScan {
  sentence: string;
  anchors: Anchor[];
  clauses: Range[];
  groups: Range[];
  dates: DateMention[];
}

/** Whether the figure reports the past: an achieved cue, "完成" without a plan's modal, or an earlier year. */
function isHistory(scan: SentenceScan, anchor: Anchor, documentYear: number | null, isAnnualPlan = false): boolean {
  const [groupStart] = containing(scan.groups, anchor.start);
  const lead = scan.sentence.slice(groupStart, anchor.figureStart);
  // "共部署了5个方面": a verb in the perfect right before the figure reports what was done.
  if (PERFECT_BEFORE_FIGURE.test(lead)) return true;
  // "推进情况：已获批…；推荐申报…5家": everything after a progress label reports.
  if (PROGRESS_LABEL.test(scan.sentence.slice(0, anchor.start))) return true;
  // "去年省里给我们下达的目标是…；全社会研发投入强度达到1.62%": a sentence that opens on the past reports throughout.
  if (HISTORY_OPENING.test(scan.sentence.trimStart())) return true;
  const cue = ACHIEVED_CUES.exec(lead);
  const isPlannedRunningTotal = cue !== null && PLANNED_RUNNING_TOTAL.test(lead.slice(cue.index));
  if (cue && !isPlannedRunningTotal && !isPlannedTotal(scan, anchor, cue[0], documentYear, isAnnualPlan)) return true;
  const [clauseStart] = containing(scan.clauses, anchor.start);
  if (CLAUSE_ACHIEVED_CUES.test(scan.sentence.slice(clauseStart, anchor.figureStart))) return true;
  // "完成…" reports, unless a plan's modal or an annual plan makes it what is still to be done.
  const completed = lead.lastIndexOf('完成');
  if (completed >= 0 && !isAnnualPlan && !PLAN_MODAL.test(lead.slice(0, completed))) return true;
  const preceding = scan.dates.filter((date) => date.end <= anchor.start).at(-1);
  return documentYear !== null && preceding !== undefined && preceding.year < documentYear;
}

/**
 * "到2025年…累计投入不少于50亿元", "2026年…较上年提高0.2个百分点": a running total or a change on last year is a
 * target when a due date ahead governs it (or, for a total, a comparator binds it), a report otherwise.
 */
function isPlannedTotal(scan: SentenceScan, anchor: Anchor, cue: string, documentYear: number | null, isAnnualPlan: boolean): boolean {
  if (!PLANNABLE_CUES.has(cue)) return false;
  if ((cue === '累计' && anchor.hasComparatorWord) || isAnnualPlan) return true;
  return scan.dates.some((date) => date.end <= anchor.start && isDateAhead(date, documentYear));
}

/**
 * A date that lies ahead of the document: a due date ("到2025年") not before its year, a later year, or the
 * document's own year opening the sentence ("2026年，…").
 */
function isDateAhead(date: DateMention, documentYear: number | null): boolean {
  if (documentYear === null) return date.isDeadline;
  if (date.year < documentYear) return false;
  return date.isDeadline || date.year > documentYear || date.start === 0;
}

/** "较2022年翻一番", "比2020年增长10%", "在2022年基础上": the year is the baseline a target is measured from. */
function isBaselineYear(sentence: string, date: DateMention): boolean {
  return BASELINE_YEAR_BEFORE.test(sentence.slice(Math.max(0, date.start - 3), date.start));
}

function isScoringRule(scan: SentenceScan, anchor: Anchor): boolean {
  const [clauseStart, clauseEnd] = containing(scan.clauses, anchor.start);
  return SCORING_RULE.test(scan.sentence.slice(clauseStart, clauseEnd));
}

/** "价值50万元以上的科研仪器", "年营业收入2000万元以上的企业": money that qualifies a noun is a threshold, not a target. */
function isThreshold(scan: SentenceScan, anchor: Anchor): boolean {
  const after = scan.sentence.slice(anchor.end);
  // "平湖、横岗等4个街道各建成1家": the places counted are the scope of the figure after 各.
  if (/^[\u4e00-\u9fa5]{0,3}各/.test(after) && PLACES_COUNTED.test(after)) return true;
  // "培育对象（5家）：…": a bracketed count annotates a list; "申报…的依托单位应为…不少于3项": a condition.
  if (/[（(]$/.test(scan.sentence.slice(0, anchor.start)) && /^[）)]/.test(after)) return true;
  if (CONDITION.test(scan.sentence.slice(0, anchor.start))) return true;
  // "列入本次督查的7项重点工作中，已完成2项": the figure names the set that is being divided.
  if (SET_BEING_DIVIDED.test(after)) return true;
  return kindOfUnit(anchor.unit) === 'amount' && /^的[\u4e00-\u9fa5]/.test(after);
}

/** Money or a share in a clause group about subsidies or awards ("给予最高1000万元奖励", "按研发投入的10%给予补助") is a rule, not a target. */
function isIncentive(scan: SentenceScan, anchor: Anchor): boolean {
  if (anchor.kind !== 'quantity') return false;
  const kind = kindOfUnit(anchor.unit);
  if (kind !== 'amount' && kind !== 'ratio') return false;
  // The clause, not the whole group: "安排专项资金不少于200万元，对新认定的…一次性奖励20万元" sets a floor, then a rule.
  const [clauseStart, clauseEnd] = containing(scan.clauses, anchor.start);
  const clause = scan.sentence.slice(clauseStart, clauseEnd);
  return kind === 'amount' ? INCENTIVE.test(clause) : SUBSIDY.test(clause);
}

/**
 * The nearest date before the figure in its sentence, else a due date after it in its clause, else the row or item's
 * 完成时限, the paragraph's or section's governing date, or the annual plan's year-end.
 */
function deadlineFor(
  scan: SentenceScan,
  anchor: Anchor,
  paragraphDeadline: string | null,
  context: TargetContext,
  perYear: boolean,
): { deadline: string | null; source: DeadlineSource } {
  // "每年新建省级重点实验室20家左右": a yearly rate falls due every year, so no single date (gold convention).
  const [clauseStart] = containing(scan.clauses, anchor.start);
  if (perYear) return { deadline: null, source: 'yearly' };
  if (SUB_YEAR_RATE_CUE.test(scan.sentence.slice(clauseStart, anchor.start))) return { deadline: null, source: 'none' };
  const preceding = scan.dates.filter((date) => date.end <= anchor.start).at(-1);
  if (preceding) return { deadline: toDeadline(preceding), source: 'stated' };
  const [, clauseEnd] = containing(scan.clauses, anchor.start);
  const following = scan.dates.find((date) => date.start >= anchor.end && date.start < clauseEnd && date.isDeadline);
  if (following) return { deadline: toDeadline(following), source: 'stated' };
  if (context.rowDeadline) return { deadline: context.rowDeadline, source: 'stated' };
  const inherited = paragraphDeadline ?? context.sectionDeadline ?? context.annualDeadline ?? context.planDeadline ?? null;
  return { deadline: inherited, source: inherited ? 'inherited' : 'none' };
}

/** How far into a sentence its governing date may start ("力争到2025年…", "2024年底前…"). */
const MAX_OPENING_OFFSET = 4;

/**
 * The due date a sentence sets for the sentences after it in its paragraph (gold convention: "a date opening its
 * paragraph"): one that opens the sentence ("2022年底前完成…") or opens a clause of its own ("《方案》提出，到2025年，…").
 * A date inside a clause ("…，力争到2025年总数达到1500家。") binds only its sentence and must not carry over.
 */
export function openingDeadline(scan: Pick<SentenceScan, 'sentence' | 'dates'>): DateMention | null {
  const governing = scan.dates.filter(
    (date) => date.isDeadline && (date.start <= MAX_OPENING_OFFSET || /^[，,：:]/.test(scan.sentence.slice(date.end))),
  );
  return governing.at(-1) ?? null;
}

/** Start of a target's phrase: the dates, modals and verbs right before its subject or figure, not the whole clause. */
function phraseStart(sentence: string, regionStart: number, prefix: string): number {
  const start = regionStart + introductionStart(prefix);
  return start + (LEADING_PUNCTUATION.exec(sentence.slice(start))?.[0].length ?? 0);
}

export interface Reading {
  subject: string;
  textStart: number;
  textEnd: number;
  /** The subject was taken from the clause or the target before, not from this figure's own phrase. */
  borrowed?: boolean;
}

function textBeforeFigure(text: string): string {
  const [figure] = findQuantities(text);
  return figure ? text.slice(0, figure.start) : text;
}

/** Reads the subject of one anchor; null when the anchor names nothing countable. */
function readSubject(scan: SentenceScan, index: number, previousSubject: string | null = null): Reading | null {
  const { sentence, anchors, clauses } = scan;
  const anchor = anchors[index];
  if (!anchor) return null;
  const clause = containing(clauses, anchor.start);
  const previous = anchors[index - 1];
  const regionStart = previous && previous.end > clause[0] ? Math.max(clause[0], previous.end) : clause[0];
  const before = sentence.slice(regionStart, anchor.start);
  const leadingPunctuation = LEADING_PUNCTUATION.exec(before)?.[0].length ?? 0;
  const textStart = regionStart + leadingPunctuation;
  const previousClause = clauses[clauses.indexOf(clause) - 1];
  // "高新技术企业总数达到420家，净增40家": the object the clause before counted, without its own figure.
  const previousClauseObject = () => {
    if (!previousClause) return '';
    const object = objectOfClause(sentence.slice(previousClause[0], previousClause[1]).replace(/[，,；;：:|]$/, ''));
    return cleanSubject(textBeforeFigure(object)) || object;
  };

  if (anchor.kind === 'coverage') {
    const own = coverageSubject(before);
    const subject = own || previousClauseObject();
    return subject ? { subject, textStart, textEnd: anchor.end, borrowed: !own } : null;
  }
  if (anchor.kind === 'first' || anchor.kind === 'index') {
    const own = cleanSubject(before);
    const subject = own || (anchor.kind === 'first' ? previousClauseObject() : '');
    return subject && isPlausibleSubject(subject) ? { subject, textStart, textEnd: anchor.end, borrowed: !own } : null;
  }

  const next = anchors[index + 1];
  const nextInClause = next && next.start < clause[1] ? next : undefined;
  const after = followingSubject(sentence.slice(anchor.end, nextInClause ? nextInClause.start : clause[1]));
  if (nextInClause && LEVEL_ONLY.test(after.subject)) {
    // "新建2个国家级、5个省级工程技术研究中心": the level-only item borrows the head named after the next figure.
    const nextAfter = followingSubject(sentence.slice(nextInClause.end, clause[1]));
    after.subject = completeLevelOnlySubject(after.subject, nextAfter.subject);
  }
  // Scope alone ("每个乡镇至少1名科技特派员") names nothing that is counted.
  const beforeSubject = cleanSubject(stripScope(before)) === '' ? '' : cleanSubject(before);
  const figureComesFirst =
    after.subject !== '' && endsWithHeadNoun(after.subject) && (beforeSubject === '' || ENDS_WITH_VERB.test(before) || /、$/.test(before));
  if (figureComesFirst) {
    if (!isPlausibleSubject(after.subject)) return null;
    return { subject: after.subject, textStart: phraseStart(sentence, regionStart, before), textEnd: anchor.end + after.length };
  }

  let subject = beforeSubject;
  let borrowed = false;
  if (subject && !isPlausibleSubject(subject)) subject = objectOfClause(before);
  // "高新技术企业净增15家，总数达到230家": the measure is of the thing the clause before counted, not of its figure.
  if (GENERIC_MEASURE.test(subject)) {
    // "高新技术企业净增60家以上、总数突破380家": a bare total is of the thing the target before counted.
    const measure = subject;
    subject = previousSubject && TOTAL.test(subject) ? previousSubject : cleanSubject(previousClauseObject() + subject) || subject;
    borrowed = subject !== measure;
  }
  if (!subject && after.subject === '') {
    subject = previousClauseObject();
    borrowed = true;
  }
  if (!subject || !isPlausibleSubject(subject)) return null;
  if (anchor.isHanzi && kindOfUnit(anchor.unit) === 'count' && !endsWithHeadNoun(subject)) return null;
  const subjectAt = before.lastIndexOf(subject);
  const start = subjectAt >= 0 ? phraseStart(sentence, regionStart, before.slice(0, subjectAt)) : textStart;
  return { subject, textStart: start, textEnd: anchor.end, borrowed };
}

/** "至少建成1个…": a binding word earlier in the clause applies when none stands right at the figure. */
function withClauseComparator(scan: SentenceScan, index: number, anchor: Anchor): Anchor {
  if (anchor.kind !== 'quantity' || anchor.hasComparatorWord) return anchor;
  const [clauseStart] = containing(scan.clauses, anchor.start);
  const previous = scan.anchors[index - 1];
  const from = previous && previous.end > clauseStart ? previous.end : clauseStart;
  return AT_LEAST_IN_CLAUSE.test(scan.sentence.slice(from, anchor.start)) ? { ...anchor, comparator: '>=', comparatorRead: true } : anchor;
}

/** "A和B分别超过90家和870家": the anchors after 分别 that are joined only by 和/、, and their subjects. */
/** "省级以上科技企业孵化器2024年、2025年、2026年": one subject, a figure due each of the years listed after it. */
function yearList(text: string): { subject: string; years: number[] } | null {
  const match = /^(.+?)((?:\d{4}年[、和及，,]?){2,})$/.exec(text);
  if (!match) return null;
  const subject = cleanSubject(match[1] ?? '');
  return subject ? { subject, years: [...(match[2] ?? '').matchAll(/(\d{4})年/g)].map((year) => Number(year[1])) } : null;
}

function respectiveGroup(
  scan: SentenceScan,
  index: number,
  reading: Reading,
): { size: number; subjects: string[]; deadlines?: string[] } | null {
  const { sentence, anchors } = scan;
  const anchor = anchors[index];
  if (!anchor) return null;
  const lead = sentence.slice(reading.textStart, anchor.start);
  const respectively = RESPECTIVELY.exec(lead);
  if (!respectively) return null;
  let size = 1;
  for (let next = index + 1; next < anchors.length; next += 1) {
    const current = anchors[next - 1];
    const candidate = anchors[next];
    if (!current || !candidate || !/^[和及与、，,]$/.test(sentence.slice(current.end, candidate.start))) break;
    size += 1;
  }
  if (size < 2) return null;
  const joined = cleanSubject(lead.slice(0, respectively.index));
  const years = yearList(joined);
  if (years && years.years.length === size)
    return { size, subjects: years.years.map(() => years.subject), deadlines: years.years.map((year) => `${year}-12`) };
  const parts = conjuncts(joined);
  if (parts.length !== size) return { size, subjects: Array.from({ length: size }, () => joined) };
  return { size, subjects: parts };
}

/**
 * The items of a list "A、B和C" (never split inside brackets), each cleaned; a level-only item borrows the head of
 * the last ("国家级、省级孵化器" → 国家级孵化器, 省级孵化器).
 */
export function conjuncts(joined: string): string[] {
  const parts = splitOutsideBrackets(joined, '和及与、')
    .map(([start, end]) => joined.slice(start, end).replace(/[和及与、]$/, ''))
    .map((part) => cleanSubject(part) || part);
  const lastHead = parts.at(-1) ?? '';
  return parts.map((part) => completeLevelOnlySubject(part, lastHead));
}

/**
 * "新建省级重点实验室、省级工程技术研究中心各5家以上": 各 before a figure gives each listed subject that figure, so
 * the phrase states one target per subject. Null unless the figure follows 各 and the subject lists two or more.
 */
export function distributiveSubjects(sentence: string, reading: Reading, anchor: Pick<Anchor, 'start'>): string[] | null {
  const before = sentence.slice(reading.textStart, anchor.start);
  if (!/各$/.test(before)) return null;
  const parts = conjuncts(cleanSubject(before.replace(/各$/, '')));
  return parts.length >= 2 && parts.every((part) => part.length >= 2) ? parts : null;
}

/** A target of one ("…1家") read just before, in the same sentence, from the anchor before this one. */
interface SingleCount {
  target: FoundTarget;
  anchorIndex: number;
  sentenceStart: number;
  textStart: number;
}

function singleCountBefore(
  scan: SentenceScan,
  index: number,
  found: readonly FoundTarget[],
  last: SingleCount | null,
  sentenceStart: number,
): SingleCount | null {
  if (!last || last.sentenceStart !== sentenceStart || last.anchorIndex !== index - 1 || found.at(-1) !== last.target) return null;
  const between = scan.sentence.slice(scan.anchors[index - 1]?.end ?? 0, scan.anchors[index]?.start ?? 0);
  return COUNT_THEN_BREAKTHROUGH.test(between.replace(/\s/g, '')) ? last : null;
}

/** The figure's own phrase and the clause before it, which meaning.ts reads for 新建, 每年, 每个县 and the like. */
interface Due {
  deadline: string | null;
  source: DeadlineSource;
}

function anchorKind(anchor: Anchor): TargetKind {
  return anchor.kind === 'quantity' ? kindOfUnit(anchor.unit) : anchor.kind === 'index' ? 'amount' : anchor.kind;
}

type MeaningWords = Pick<MeaningEvidence, 'own' | 'clauseBefore' | 'sentenceOpening'>;

function meaningWords(scan: SentenceScan, index: number): MeaningWords {
  const anchor = scan.anchors[index];
  if (!anchor) return { own: '', clauseBefore: '', sentenceOpening: '' };
  const clause = containing(scan.clauses, anchor.start);
  const previous = scan.anchors[index - 1];
  const ownStart = previous && previous.end > clause[0] ? previous.end : clause[0];
  const own = scan.sentence.slice(ownStart, anchor.end);
  // "…新建县级以上研发平台10个，其中市级以上5个": a detail clause is read with the clause it details.
  const detailed = DETAIL_CLAUSE.test(own) ? scan.clauses[scan.clauses.indexOf(clause) - 1] : undefined;
  const clauseBefore = scan.sentence.slice(detailed ? detailed[0] : clause[0], ownStart);
  return { own, clauseBefore, sentenceOpening: scan.sentence.slice(0, 16) };
}

function buildTarget(
  view: TextView,
  input: string,
  sentenceOffset: number,
  anchor: Anchor,
  subject: string,
  textRange: [number, number],
  due: Due,
  words: MeaningWords,
  subjectBorrowed = false,
): FoundTarget {
  const span = sourceSpan(view, sentenceOffset + textRange[0], sentenceOffset + textRange[1]);
  const kind = anchorKind(anchor);
  const unit = anchor.kind === 'first' ? unitForFirst(subject) : anchor.unit;
  const meaning = readMeaning({
    ...words,
    kind,
    subject,
    unit,
    comparatorRead: anchor.comparatorRead,
    approximate: anchor.approximate,
    isRange: anchor.isRange,
    deadlineSource: due.source,
    subjectBorrowed,
  });
  return {
    text: input.slice(span[0], span[1]),
    subject,
    level: levelOf(subject),
    comparator: anchor.comparator,
    value: anchor.value,
    unit,
    deadline: due.deadline,
    kind,
    ...meaning,
    span,
  };
}

function scanSentence(sentence: string, documentYear: number | null): SentenceScan {
  const clauses = splitOutsideBrackets(sentence, CLAUSE_END);
  return {
    sentence,
    anchors: dropScopeFigures(findAnchors(sentence), clauses),
    clauses,
    groups: splitOutsideBrackets(sentence, GROUP_END),
    dates: findDateMentions(sentence, { documentYear }).filter((date) => !isBaselineYear(sentence, date)),
  };
}

/**
 * All targets stated in one paragraph (or table cell) view. `input` is the original text, of the same length as the
 * normalised one the view was made from, so that each target's text is quoted exactly as written.
 */
export function findTargets(view: TextView, input: string, context: TargetContext): FoundTarget[] {
  const found: FoundTarget[] = [];
  let paragraphDeadline: string | null = null;
  let previousSubject: string | null = null;
  let lastSingle: SingleCount | null = null;

  for (const [sentenceStart, sentenceEnd] of splitSentences(view.text)) {
    const scan = scanSentence(view.text.slice(sentenceStart, sentenceEnd), context.documentYear);
    for (let index = 0; index < scan.anchors.length; index += 1) {
      const anchor = scan.anchors[index];
      if (
        !anchor ||
        isHistory(scan, anchor, context.documentYear, context.annualDeadline !== null) ||
        isIncentive(scan, anchor) ||
        isThreshold(scan, anchor) ||
        isScoringRule(scan, anchor)
      )
        continue;
      const reading = readSubject(scan, index, previousSubject);
      if (!reading) continue;
      const boundAnchor = withClauseComparator(scan, index, anchor);
      const words = meaningWords(scan, index);
      const due = deadlineFor(scan, anchor, paragraphDeadline, context, isPerYear(words));

      const group = respectiveGroup(scan, index, reading);
      if (group) {
        const groupEnd = scan.anchors[index + group.size - 1]?.end ?? anchor.end;
        for (let offset = 0; offset < group.size; offset += 1) {
          const member = scan.anchors[index + offset];
          const subject = group.subjects[offset];
          if (!member || !subject) continue;
          const borrowsWord = !member.hasComparatorWord;
          const comparator = borrowsWord ? anchor.comparator : member.comparator;
          const comparatorRead = borrowsWord ? anchor.comparatorRead : member.comparatorRead;
          const memberDue: Due = group.deadlines?.[offset] ? { deadline: group.deadlines[offset] ?? null, source: 'stated' } : due;
          found.push(
            buildTarget(
              view,
              input,
              sentenceStart,
              { ...member, comparator, comparatorRead },
              subject,
              [reading.textStart, groupEnd],
              memberDue,
              words,
            ),
          );
        }
        previousSubject = group.subjects.at(-1) ?? previousSubject;
        index += group.size - 1;
        continue;
      }

      const each = distributiveSubjects(scan.sentence, reading, anchor);
      if (each) {
        for (const subject of each) {
          found.push(buildTarget(view, input, sentenceStart, boundAnchor, subject, [reading.textStart, reading.textEnd], due, words));
        }
        previousSubject = each.at(-1) ?? previousSubject;
        continue;
      }

      const subject = completeLevelOnlySubject(reading.subject, previousSubject);
      // "国家重点实验室和国家技术创新中心实现零的突破": one breakthrough for each thing named.
      const breakthroughs = anchor.kind === 'first' ? conjuncts(subject) : [];
      if (breakthroughs.length >= 2 && breakthroughs.every((part) => endsWithHeadNoun(part))) {
        for (const part of breakthroughs)
          found.push(buildTarget(view, input, sentenceStart, boundAnchor, part, [reading.textStart, reading.textEnd], due, words));
        previousSubject = breakthroughs.at(-1) ?? previousSubject;
        continue;
      }
      const single = anchor.kind === 'first' ? singleCountBefore(scan, index, found, lastSingle, sentenceStart) : null;
      if (single) {
        // "争创国家级科技企业孵化器1家，实现零的突破": one target, the breakthrough, named by the count before it.
        found.splice(found.indexOf(single.target), 1);
        found.push(
          buildTarget(
            view,
            input,
            sentenceStart,
            boundAnchor,
            single.target.subject,
            [single.textStart, reading.textEnd],
            due,
            meaningWords(scan, index - 1),
          ),
        );
        continue;
      }
      const target = buildTarget(
        view,
        input,
        sentenceStart,
        boundAnchor,
        subject,
        [reading.textStart, reading.textEnd],
        due,
        words,
        reading.borrowed === true || subject !== reading.subject,
      );
      found.push(target);
      lastSingle =
        anchor.kind === 'quantity' && anchor.value === 1
          ? { target, anchorIndex: index, sentenceStart, textStart: reading.textStart }
          : null;
      previousSubject = subject;
    }
    const opening = openingDeadline(scan);
    if (opening && (context.documentYear === null || opening.year >= context.documentYear)) {
      paragraphDeadline = toDeadline(opening);
    }
  }
  return found;
}
