/**
 * Tasks: numbered work items in the body ("1．布局建设市级重点实验室。…〔责任单位：…〕") and the rows of task tables.
 */
import { findDateMentions, latestMention, parseDeadline, toDeadline, type DateContext } from './dates.js';
import { ORGANISATION_SUFFIX, RECURRING_IN_DEADLINE, RECURRING_IN_TEXT } from './lexicon.js';
import {
  annotationStart,
  findLabelledDeadline,
  findResponsibility,
  parseUnitList,
  splitUnits,
  type Responsibility,
} from './responsibility.js';
import { headingSentence, type Block, type DocumentModel, type Placement } from './structure.js';
import type { Table } from './tables.js';
import { concatViews, sliceView, type TextView } from './text.js';
import type { ExtractedTask } from './types.js';

export type FoundTask = ExtractedTask & { span: [number, number] };

/** A numbered item with the paragraphs and label lines that belong to it, up to the next item that opens a group. */
export interface ItemGroup {
  head: Block;
  blocks: Block[];
  placement: Placement;
  /** No deeper item follows it ("（一）完善实验室体系" followed by "1．…" is not a leaf). */
  isLeaf: boolean;
}

/**
 * Items of level 1–3 head a group; a （1）-level item heads one only when it names its own responsible units, since
 * otherwise it is a detail of the item above.
 */
function headsGroup(block: Block, model: DocumentModel): boolean {
  if (block.kind !== 'item' || block.level === null) return false;
  return block.level <= 3 || findResponsibility(block.view.text, model.rules) !== null;
}

export function findItemGroups(model: DocumentModel): ItemGroup[] {
  const groups: ItemGroup[] = [];
  let current: ItemGroup | null = null;
  for (const part of model.parts) {
    const block = part.type === 'block' ? part.block : null;
    const nextHead = block && headsGroup(block, model) ? block : null;
    if (current && (block === null || block.kind === 'title' || nextHead)) {
      current.isLeaf = (nextHead?.level ?? 0) <= (current.head.level ?? 0);
      groups.push(current);
      current = null;
    }
    if (nextHead) current = { head: nextHead, blocks: [nextHead], placement: part, isLeaf: true };
    else if (current && block) current.blocks.push(block);
  }
  if (current) groups.push(current);
  return groups;
}

const ITEM_NUMBER = /^\D*?(\d{1,2})/;

/**
 * A "1." between items 6 and 7 is a heading that lost its （三） in conversion (HTML list numbering), not a task.
 */
function isRenumberedHeading(groups: readonly ItemGroup[], index: number): boolean {
  const numberAt = (at: number) => {
    const group = groups[at];
    if (!group || group.head.level !== 3) return null;
    const match = ITEM_NUMBER.exec(group.head.view.text.slice(0, group.head.bodyStart));
    return match ? Number(match[1]) : null;
  };
  const own = numberAt(index);
  const previous = numberAt(index - 1);
  const next = numberAt(index + 1);
  return own === 1 && previous !== null && next === previous + 1;
}

/** The item's own text; a "|" between its blocks keeps a label line's value from running into the next line. */
function groupView(group: ItemGroup): TextView {
  const views: TextView[] = [];
  group.blocks.forEach((block, index) => {
    const view = index === 0 ? sliceView(block.view, block.bodyStart, block.view.text.length) : block.view;
    views.push(view, { text: '|', offsets: [view.offsets.at(-1) ?? block.end] });
  });
  return concatViews(views);
}

/** The item's heading sentence, before any 〔责任单位：…〕 annotation. */
function titleOf(head: Block): string {
  const sentence = headingSentence(head);
  const annotation = annotationStart(sentence);
  const title = annotation >= 0 ? sentence.slice(0, annotation) : sentence;
  return title.replace(/[。！？!?，,：:；;（(〔【[\s]+$/, '');
}

function dateContext(model: DocumentModel): DateContext {
  return { documentYear: model.annualYear ?? model.documentYear };
}

/** Due date of a body item: a 完成时限 label, else the latest due date written in it ("力争2022年底前…2025年底前…"). */
function bodyDeadline(text: string, model: DocumentModel): string | null {
  const labelled = findLabelledDeadline(text);
  if (labelled) return parseDeadline(labelled, dateContext(model));
  const annotation = annotationStart(text);
  const prose = annotation >= 0 ? text.slice(0, annotation) : text;
  const floor = model.documentYear ?? 0;
  const mentions = findDateMentions(prose, dateContext(model)).filter((mention) => mention.year >= floor);
  const dueDates = mentions.filter((mention) => mention.isDeadline);
  const latest = latestMention(dueDates.length > 0 ? dueDates : mentions);
  return latest ? toDeadline(latest) : null;
}

function annualDeadline(model: DocumentModel): string | null {
  return model.annualYear !== null ? `${model.annualYear}-12` : null;
}

/** A one-off task of an annual plan with no date of its own is due at the plan's year-end. */
function withAnnualDefault(deadline: string | null, isRecurring: boolean, model: DocumentModel): string | null {
  return deadline ?? (isRecurring ? null : annualDeadline(model));
}

/** The 完成时限 value of an item, if labelled, for dating the targets inside it. */
export function labelledDeadlineOf(group: ItemGroup, model: DocumentModel): string | null {
  const labelled = findLabelledDeadline(groupView(group).text);
  return labelled ? parseDeadline(labelled, dateContext(model)) : null;
}

/** When nearly every item names units, those that do not are headings or list artefacts rather than tasks. */
const UNIT_MAJORITY = 0.8;

/**
 * Body tasks: an item is a task when it names responsible units, or when it is a leaf item (no numbered children) in
 * a 任务/重点工作 section.
 */
/**
 * "一、市科技局（联系领导：叶建华）": a heading that is nothing but units makes them the lead of every item below it
 * that names no units of its own (责任分工 documents grouped by unit).
 */
function headingUnits(group: ItemGroup, model: DocumentModel): Responsibility | null {
  if (group.head.level !== 1) return null;
  const heading = headingSentence(group.head)
    .replace(/[（(][^）)]*[）)]\s*$/, '')
    .trim();
  const units = splitUnits(heading);
  const bare = (text: string) => text.replace(/[、，,；;\s]/g, '');
  const isOnlyUnits = units.length > 0 && bare(units.join('')) === bare(heading);
  return isOnlyUnits && units.every((unit) => ORGANISATION_SUFFIX.test(unit) && unit.length <= 20)
    ? parseUnitList(heading, 'lead', model.rules)
    : null;
}

export function findBodyTasks(model: DocumentModel, groups: readonly ItemGroup[]): FoundTask[] {
  let unitsOfHeading: Responsibility | null = null;
  const candidates = groups.flatMap((group, index) => {
    if (group.head.level === 1) unitsOfHeading = headingUnits(group, model);
    if (isRenumberedHeading(groups, index)) return [];
    const text = groupView(group).text;
    const responsibility = findResponsibility(text, model.rules) ?? (group.head.level !== 1 ? unitsOfHeading : null);
    const isWorkLeaf = group.isLeaf && (group.head.level === 2 || group.head.level === 3) && group.placement.sectionKind === 'work';
    return responsibility || isWorkLeaf ? [{ group, text, responsibility }] : [];
  });
  const namingUnits = candidates.filter((candidate) => candidate.responsibility !== null).length;
  const keepsOnlyNamed = candidates.length > 0 && namingUnits / candidates.length >= UNIT_MAJORITY;
  return candidates
    .filter((candidate) => !keepsOnlyNamed || candidate.responsibility !== null)
    .flatMap(({ group, text, responsibility }) => {
      const title = titleOf(group.head);
      if (title.length < 2) return [];
      const labelled = findLabelledDeadline(text);
      const isRecurring = RECURRING_IN_TEXT.test(text) || (labelled !== null && RECURRING_IN_DEADLINE.test(labelled));
      const last = group.blocks.at(-1) ?? group.head;
      return [
        {
          title,
          lead: responsibility?.lead ?? [],
          participants: responsibility?.participants ?? [],
          deadline: withAnnualDefault(bodyDeadline(text, model), isRecurring, model),
          recurring: isRecurring,
          span: [group.head.start, last.end] as [number, number],
        },
      ];
    });
}

const NOBODY: Responsibility = { lead: [], participants: [] };

/**
 * A row's units. A 责任单位 column follows the comma notation unless the table has a 牵头 or 配合 column beside it,
 * in which case it names only leads.
 */
function tableResponsibility(row: Table['rows'][number], table: Table, model: DocumentModel): Responsibility {
  const { lead, responsible, participant } = row.cells;
  const responsibleRole = table.roles.includes('participant') || lead ? 'lead' : 'responsible';
  const fromLead = lead ? parseUnitList(lead.text, 'lead', model.rules) : NOBODY;
  const fromResponsible = responsible ? parseUnitList(responsible.text, responsibleRole, model.rules) : NOBODY;
  const fromParticipant = participant ? parseUnitList(participant.text, 'participant', model.rules) : NOBODY;
  const leadUnits = [...new Set([...fromLead.lead, ...fromResponsible.lead])];
  const participantUnits = [...fromLead.participants, ...fromResponsible.participants, ...fromParticipant.participants];
  return { lead: leadUnits, participants: [...new Set(participantUnits)].filter((unit) => !leadUnits.includes(unit)) };
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Table tasks: every row with content is a task; a row with an empty task cell continues the task above. */
export function findTableTasks(model: DocumentModel, table: Table): FoundTask[] {
  const tasks: FoundTask[] = [];
  let currentTaskName = '';
  for (const row of table.rows) {
    const taskName = compact(row.cells.task?.text ?? '');
    if (taskName) currentTaskName = taskName;
    // An indicator table's row is named by its indicator (指标分解表: 指标|目标值|责任单位).
    const title = compact(row.cells.content?.text ?? '') || taskName || currentTaskName || compact(row.cells.indicator?.text ?? '');
    if (!title) continue;
    const deadlineText = row.cells.deadline?.text ?? '';
    const isRecurring = RECURRING_IN_DEADLINE.test(deadlineText) || RECURRING_IN_TEXT.test(title);
    const { lead, participants } = tableResponsibility(row, table, model);
    const cells = Object.values(row.cells).filter((cell) => cell.end > cell.start);
    const start = Math.min(...cells.map((cell) => cell.start));
    const end = Math.max(...cells.map((cell) => cell.end));
    tasks.push({
      title,
      lead,
      participants,
      deadline: withAnnualDefault(parseDeadline(deadlineText, dateContext(model)), isRecurring, model),
      recurring: isRecurring,
      span: [start, end],
    });
  }
  return tasks;
}
