/**
 * Turns the extractor's reading of a document into the proposal a person reviews: each task gets a
 * short title and its content (from its table cells or its numbered item), the wording of its
 * deadline and recurrence, and the targets whose phrase it carries; each target gets its suggestion.
 */
import type { Extraction, ExtractedTask } from '@stip/policy-ingest';
import type { ExtractedTarget } from '@stip/policy-ingest';
import type { ProposedTarget, ProposedTask, TargetSuggestion } from '@stip/contracts';
import { isNewlyBuilt, type SubjectContext, suggestTarget } from './policy-ingest.subjects';

/** The confidence a suggestion needs to be marked 建议可信 (with no doubt about the reading). */
export const trustedConfidence = 0.85;

/**
 * The meaning of a target the reviewer confirms: what a count counts (the extractor's basis, else 新建 /
 * 新增 … in its phrase), whether it is a yearly rate or required of each region, and what is in doubt —
 * the extractor's doubts, plus a guessed exact comparator or a missing deadline. 建议可信 only when nothing
 * is in doubt, the extractor assessed the reading, and the suggestion is confident.
 */
export function targetMeaning(
  target: ExtractedTarget,
  suggestion: TargetSuggestion,
): Pick<ProposedTarget, 'basis' | 'perYear' | 'perRegion' | 'doubts' | 'isTrusted'> {
  const counts = suggestion.mode === 'platforms' && suggestion.kind === 'count';
  const perRegion = Boolean(target.perRegion) && counts;
  const added = (target.basis ?? (isNewlyBuilt.test(target.text) ? 'added' : 'stock')) === 'added';
  const doubts = [...(target.doubts ?? [])];
  if (target.comparator === '=') doubts.push('比较关系：原文按“等于”读取，请核对是否应为“不少于”');
  if (!target.deadline && !doubts.some((doubt) => doubt.startsWith('期限'))) doubts.push('期限：原文未写明，按规划期末');
  if (target.perRegion && !perRegion) doubts.push('对象：原文要求每个区域分别达到，请选择按平台统计的数量类目标');
  if (added && perRegion) doubts.push('统计方式：按区域考核的目标按存量统计，请核对');
  return {
    basis: added && counts && !perRegion ? 'added' : 'stock',
    perYear: Boolean(target.perYear) && (counts || suggestion.mode === 'reported'),
    perRegion,
    doubts,
    isTrusted: target.doubts !== undefined && doubts.length === 0 && suggestion.confidence >= trustedConfidence,
  };
}

const titleMaxLength = 200;
const contentMaxLength = 5000;
/** A heading-like title stays whole up to this length; longer task texts are cut at a clause. */
const shortTitleLength = 40;

/** Cells of a table row as the extractor saw them: tab- or `|`-separated, or one per line. */
function cellsOf(source: string): string[] {
  return source
    .split(/\t|\||\r?\n/)
    .map((cell) => cell.trim())
    .filter(Boolean);
}

const numbering = /^\s*(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．.)）]|[①-⑳])\s*/;
const noteWords = '(?:责任单位|牵头单位|责任部门|主要责任单位|牵头部门)';
/** The trailing 〔责任单位：…〕 / （牵头单位：…） note of an item (its units are read separately); brackets inside it are allowed. */
const responsibilityNote = new RegExp(
  `(?:〔\\s*${noteWords}[^〕]*〕|【\\s*${noteWords}[^】]*】|[（(]\\s*${noteWords}(?:[^（）()]|[（(][^（）()]*[）)])*[）)])\\s*$`,
);

const compact = (text: string) => text.replace(/[ \t\u3000]*\r?\n[ \t\u3000]*/g, '').trim();

/** A title no longer than a heading: the text up to its first clause break, or its start. */
export function shortTitle(text: string): string {
  const flat = compact(text).replace(numbering, '');
  if (flat.length <= shortTitleLength) return flat.replace(/[。；;]$/, '');
  const clause = /^(.{6,40}?)[。；;，,：:]/.exec(flat);
  if (clause) return clause[1]!;
  return `${flat.slice(0, shortTitleLength - 1)}…`;
}

/** The deadline as the document words it, when it does (2025年12月前, 力争2022年底前, 年内). */
export function deadlineWording(text: string): string | null {
  const flat = text.replace(/\s+/g, '');
  const patterns = [
    /(?:力争)?(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?(?:底|末)?(?:前|以前|之前)?(?:完成)?/,
    /(?:力争)?(?:19|20)\d{2}年(?:底|末|年底|上半年|下半年)(?:前|以前|之前)?(?:完成)?/,
    /(?:年内|年底前|今年内|今年底前)/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(flat);
    if (match) return match[0].slice(0, 60);
  }
  return null;
}

/** How the document words a recurrence (并动态更新, 持续推进, 每季度), when the task recurs. */
export function recurrenceWording(text: string): string | null {
  const match = /(并?动态更新|持续推进|长期坚持|常态化推进|每(?:季度|月|半年|年)[^，。；\t\n]{0,8})/.exec(text.replace(/\s+/g, ''));
  return match ? match[1]!.slice(0, 60) : null;
}

interface TaskText {
  title: string;
  content: string;
}

/**
 * A task's title and content. A table row whose first cell is a heading (任务) and whose text
 * follows gets that cell as title; a row without one continues the heading above it (merged cells).
 * A numbered item "1．布局建设市级重点实验室。围绕……" gets its heading as title and the rest as content.
 */
export function taskText(task: ExtractedTask, source: string, previousHeading: string | null): TaskText & { heading: string | null } {
  const extracted = compact(task.title);
  const cells = cellsOf(source);
  const isRow = cells.length > 1 && (source.includes('\t') || source.includes('|') || /\n/.test(source.trim()));
  if (isRow) {
    const first = compact(cells[0]!).replace(numbering, '');
    const firstIsHeading = first !== extracted && first.length <= 60 && !extracted.startsWith(first) && !/[。；]/.test(first);
    const heading = firstIsHeading ? first : previousHeading;
    if (heading && heading !== extracted) {
      return { title: heading.slice(0, titleMaxLength), content: extracted.slice(0, contentMaxLength), heading };
    }
    return { title: shortTitle(extracted).slice(0, titleMaxLength), content: extracted.slice(0, contentMaxLength), heading: null };
  }
  const body = compact(source).replace(numbering, '').replace(responsibilityNote, '').trim();
  const title = shortTitle(extracted).slice(0, titleMaxLength);
  let content = body.startsWith(title) ? body.slice(title.length).replace(/^[。；;，,：:\s]+/, '') : body;
  if (!content) content = extracted;
  return { title, content: content.slice(0, contentMaxLength), heading: null };
}

const overlaps = (a: [number, number] | null | undefined, b: [number, number] | null | undefined) =>
  !!a && !!b && a[0] < b[1] && b[0] < a[1];

/** Whether a task's text states a target: the target's phrase lies inside it, or it names the subject with the same figure. */
function carries(flat: string, span: [number, number] | null, target: ProposedTarget): boolean {
  if (overlaps(target.span, span)) return true;
  if (target.text.length >= 6 && flat.includes(compact(target.text))) return true;
  return target.subject.length >= 4 && flat.includes(compact(target.subject)) && flat.includes(`${target.value}${target.unit}`);
}

/** The proposed targets and tasks, with suggestions, from the extractor's reading of `text`. */
export function buildProposal(
  text: string,
  extraction: Extraction,
  context: SubjectContext,
): { targets: ProposedTarget[]; tasks: ProposedTask[] } {
  const targets: ProposedTarget[] = extraction.targets.map((target) => {
    const suggestion = suggestTarget(target, context);
    return {
      text: target.text,
      subject: target.subject,
      level: target.level,
      comparator: target.comparator,
      value: target.value,
      unit: target.unit,
      deadline: target.deadline,
      kind: target.kind,
      span: target.span ?? null,
      suggestion,
      ...targetMeaning(target, suggestion),
    };
  });

  let heading: string | null = null;
  let previousEnd = -1;
  const tasks: ProposedTask[] = extraction.tasks.map((task) => {
    const span = task.span ?? null;
    const source = span ? text.slice(span[0], span[1]) : task.title;
    // A heading carries over only to the rows right below it (the merged 任务 cell).
    const adjacent = span !== null && previousEnd >= 0 && span[0] - previousEnd <= 12;
    const read = taskText(task, source, adjacent ? heading : null);
    heading = read.heading;
    previousEnd = span ? span[1] : -1;
    const flat = compact(source);
    const targetIndexes = targets.flatMap((target, index) => (carries(flat, span, target) ? [index] : []));
    return {
      title: read.title,
      content: read.content,
      lead: task.lead,
      participants: task.participants.filter((unit) => !task.lead.includes(unit)),
      deadline: task.deadline,
      deadlineText: task.deadline ? deadlineWording(source) : null,
      recurring: task.recurring,
      recurrenceText: task.recurring ? recurrenceWording(source) : null,
      span,
      targetIndexes,
    };
  });
  return { targets, tasks };
}
