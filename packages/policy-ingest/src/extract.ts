/**
 * The pipeline: normalise → read the outline (tables, blocks, sections) → find target phrases in every paragraph and
 * table cell → find tasks in numbered items and table rows → drop restated targets.
 */
import { parseDeadline } from './dates.js';
import { DOUBTS, FIRST_HEADING, GOAL_COLUMN, PLAN_SPAN_IN_TITLE, RECURRING_IN_DEADLINE } from './catalogue.js';
import { analyseDocument, type Block, type DocumentModel, type Part } from './structure.js';
import { isSameSubject } from './subject.js';
import { findBodyTasks, findItemGroups, findTableTasks, labelledDeadlineOf, type FoundTask } from './tasks.js';
import { findIndicatorTargets } from './indicators.js';
import { findTargets, type FoundTarget, type TargetContext } from './targets.js';
import type { Table } from './tables.js';
import { normaliseText, viewOf } from './text.js';
import type { ExtractedTarget, ExtractOptions, Extraction } from './types.js';

/** Plans run to tens of thousands of characters; anything far beyond is not a plan, and is cut to bound the work. */
const MAX_INPUT_LENGTH = 2_000_000;

/** The document as structure.ts reads it, plus the end of the span its title gives the plan. */
type PlanModel = DocumentModel & { planDeadline: string | null };

/** The end of the span in the plan's title ("（2026—2028年）" → 2028-12), if it is not already past; else null. */
export function planSpanDeadline(input: string, documentYear: number | null): string | null {
  for (const line of input.split('\n').slice(0, 40)) {
    if (FIRST_HEADING.test(line)) break;
    if (line.length > 80 || /[。；]/.test(line)) continue;
    const span = PLAN_SPAN_IN_TITLE.exec(line);
    const end = span ? Number(span[2]) : null;
    if (end !== null && Number(span?.[1]) < end && (documentYear === null || end >= documentYear)) return `${end}-12`;
  }
  return null;
}

function baseContext(model: PlanModel, part: Part): TargetContext {
  return {
    documentYear: model.annualYear ?? model.documentYear,
    rowDeadline: null,
    sectionDeadline: part.sectionDeadline,
    annualDeadline: model.annualYear !== null ? `${model.annualYear}-12` : null,
    planDeadline: model.planDeadline,
  };
}

function tableTargets(model: PlanModel, table: Table, part: Part, roles: ReadonlyArray<'task' | 'content'>): FoundTarget[] {
  return table.rows.flatMap((row) => {
    const deadlineText = row.cells.deadline?.text ?? '';
    const rowDeadline = parseDeadline(deadlineText, { documentYear: model.annualYear ?? model.documentYear });
    const base = baseContext(model, part);
    // A row that runs on ("持续推进", "每季度") has no due date of its own: only an annual plan's year-end applies.
    const runsOn = rowDeadline === null && RECURRING_IN_DEADLINE.test(deadlineText);
    const context = { ...base, rowDeadline, sectionDeadline: runsOn ? null : base.sectionDeadline };
    return roles
      .map((role) => row.cells[role])
      .flatMap((cell) =>
        cell && cell.end > cell.start ? findTargets(viewOf(model.source, cell.start, cell.end), model.input, context) : [],
      );
  });
}

/**
 * A table in a results section or report (推进情况, 完成情况) still states targets in its goal column ("年度目标"),
 * when those goals are still open: due no earlier than the document's year. Achieved figures sit in other columns
 * (完成情况), which are never read; goals of a year already closed are history.
 */
function openGoalTargets(model: PlanModel, part: Part & { type: 'table' }): FoundTarget[] {
  const { table } = part;
  const isOpen = (target: FoundTarget) =>
    target.deadline !== null && (model.documentYear === null || Number(target.deadline.slice(0, 4)) >= model.documentYear);
  if (table.kind === 'indicator') return indicatorTargets(model, part).filter(isOpen);
  const contentColumn = table.roles.indexOf('content');
  if (contentColumn < 0 || !GOAL_COLUMN.test(table.labels[contentColumn] ?? '')) return [];
  return tableTargets(model, table, part, ['content']).filter(isOpen);
}

function indicatorTargets(model: PlanModel, part: Part & { type: 'table' }): FoundTarget[] {
  const { sectionDeadline, annualDeadline, planDeadline } = baseContext(model, part);
  return findIndicatorTargets(part.table, model.input, {
    documentYear: model.annualYear ?? model.documentYear,
    fallbackDeadline: sectionDeadline ?? annualDeadline ?? planDeadline ?? null,
  });
}

/** An indicator table assigns work only when it says who is responsible (a 指标分解表 with 责任单位). */
function namesResponsibleUnits(table: Table): boolean {
  return table.roles.some((role) => role === 'lead' || role === 'responsible' || role === 'participant');
}

const DEADLINE_DOUBTS = new Set<string>([DOUBTS.deadlineInherited, DOUBTS.deadlineMissing]);

/** Restatements share kind, figure, unit and level exactly, so only targets with the same key need comparing. */
function restatementKey(target: ExtractedTarget): string {
  return [target.kind, target.value, target.unit, target.level].join('|');
}

/**
 * A later target restating an earlier one with the same key: compatible dates (equal, one missing, or the same year —
 * a task table restating a year-end goal with its own month) and the same subject.
 */
function isRestatement(earlier: ExtractedTarget, later: ExtractedTarget): boolean {
  const sameYear = earlier.deadline !== null && later.deadline !== null && earlier.deadline.slice(0, 4) === later.deadline.slice(0, 4);
  const datesAgree = sameYear || earlier.deadline === null || later.deadline === null;
  return datesAgree && isSameSubject(earlier.subject, later.subject);
}

/**
 * Keeps the first statement of each target (a summary repeating a listed target is not a second one); a restatement
 * may still supply the date the first statement lacked.
 */
function dedupeTargets(targets: readonly FoundTarget[]): FoundTarget[] {
  const kept: FoundTarget[] = [];
  const keptByKey = new Map<string, FoundTarget[]>();
  for (const target of targets) {
    const key = restatementKey(target);
    const sameKey = keptByKey.get(key) ?? [];
    const earlier = sameKey.find((candidate) => isRestatement(candidate, target));
    if (earlier) {
      // A yearly rate has no single date by design; any other target takes the restatement's date and its doubts.
      if (earlier.deadline === null && target.deadline !== null && earlier.perYear !== true) {
        earlier.deadline = target.deadline;
        earlier.doubts = [
          ...(earlier.doubts ?? []).filter((doubt) => !DEADLINE_DOUBTS.has(doubt)),
          ...(target.doubts ?? []).filter((doubt) => DEADLINE_DOUBTS.has(doubt)),
        ];
      }
      continue;
    }
    const copy = { ...target };
    kept.push(copy);
    keptByKey.set(key, [...sameKey, copy]);
  }
  return kept;
}

function extractFromInput(input: string, options: ExtractOptions): Extraction {
  const analysed = analyseDocument(input, normaliseText(input), options);
  const model: PlanModel = { ...analysed, planDeadline: planSpanDeadline(input, analysed.documentYear) };
  const groups = findItemGroups(model);
  const itemDeadlines = new Map<Block, string>();
  for (const group of groups) {
    const deadline = labelledDeadlineOf(group, model);
    if (deadline) group.blocks.forEach((block) => itemDeadlines.set(block, deadline));
  }

  // Collected per part and flattened once: spreading a huge part into push() would overflow the call stack.
  const targetsByPart: FoundTarget[][] = [];
  const tableTasksByPart: FoundTask[][] = [];
  for (const part of model.parts) {
    const isHistory = part.sectionKind === 'results';
    // Conditions and procedures of a call (申报条件, 支持方式) set thresholds, never goals.
    if (part.sectionKind === 'rules' && part.type === 'block') continue;
    if (part.type === 'table') {
      const { table } = part;
      if (table.kind === 'task' || namesResponsibleUnits(table)) tableTasksByPart.push(findTableTasks(model, table));
      if (isHistory) targetsByPart.push(openGoalTargets(model, part));
      else if (table.kind === 'indicator') targetsByPart.push(indicatorTargets(model, part));
      else targetsByPart.push(tableTargets(model, table, part, ['task', 'content']));
    } else if (!isHistory) {
      const context = { ...baseContext(model, part), rowDeadline: itemDeadlines.get(part.block) ?? null };
      targetsByPart.push(findTargets(part.block.view, model.input, context));
    }
  }
  const targets = targetsByPart.flat();
  const tableTasks = tableTasksByPart.flat();

  const tasks = [...findBodyTasks(model, groups), ...tableTasks].sort((a, b) => a.span[0] - b.span[0]);
  return { targets: dedupeTargets(targets.sort((a, b) => a.span[0] - b.span[0])), tasks };
}

/**
 * Proposes the targets and tasks a plan states. Never throws: odd input (empty, binary, enormous) gives empty or
 * partial results, because a bureau uploading a strange file should get "nothing found", not an error page.
 */
export function extractPlan(text: string, options: ExtractOptions = {}): Extraction {
  try {
    if (typeof text !== 'string') return { targets: [], tasks: [] };
    return extractFromInput(text.slice(0, MAX_INPUT_LENGTH), options);
  } catch {
    return { targets: [], tasks: [] };
  }
}
