/**
 * Targets from indicator tables (指标名称|单位|2020年基期值|2025年目标值|属性), the 主要指标 tables of 规划 and
 * 实施方案. Each goal cell is one target: the indicator names the subject, the 单位 column (or a "（%）" after the
 * name, or a unit after the figure) gives the unit, the column's year gives the deadline. Baseline columns are history
 * and never read.
 */
import {
  AT_LEAST_AFTER,
  AT_LEAST_BEFORE,
  AT_MOST_AFTER,
  AT_MOST_BEFORE,
  MONEY_UNITS,
  NAME_NOISE,
  PLAIN_VERB_BEFORE,
  RATIO_UNITS,
} from './catalogue.js';
import { kindOfUnit, readComparator } from './quantity.js';
import { isPerYear, readMeaning } from './meaning.js';
import { cleanSubject, levelOf } from './subject.js';
import type { Cell, Table } from './tables.js';
import type { Comparator, ExtractedTarget, TargetKind } from './types.js';

export type IndicatorTarget = ExtractedTarget & { span: [number, number] };

export interface IndicatorContext {
  /** Year before which a goal is history (a 十三五 目标 column in a 十四五 plan). */
  documentYear: number | null;
  /** Due date for a goal column without a year ("目标值" under "到2025年，"): the section's, else the annual plan's. */
  fallbackDeadline: string | null;
}

const SYMBOL_AT_LEAST = /^[≥＞>≧]/;
const SYMBOL_AT_MOST = /^[≤＜<≦]/;
const WORD_BEFORE = new RegExp(`^(${[...AT_LEAST_BEFORE, ...AT_MOST_BEFORE].sort((a, b) => b.length - a.length).join('|')})`);
const WORD_AFTER = new RegExp(`(${[...AT_LEAST_AFTER, ...AT_MOST_AFTER, '左右'].join('|')})$`);
/** Brackets mark a cumulative five-year figure in 规划 tables ("[200]", "〔200〕"); the figure is the target all the same. */
const FIGURE = /^[[［〔【(（]?(\d+(?:,\d{3})*(?:\.\d+)?)[\]］〕】)）]?(.*)$/;
const UNIT_IN_NAME = /[（(]([^（）()]{1,6})[）)]$/;
const KNOWN_UNIT = /^(%|‰|个百分点|百分点|[万亿千]?[\u4e00-\u9fa5]{1,2}(?:\/[\u4e00-\u9fa5]{1,3})?)$/;

export interface GoalFigure {
  value: number;
  comparator: Comparator;
  /** A symbol (≥) or word (以上, 不少于) stated the comparator; false: a plain figure, read as at least. */
  comparatorRead: boolean;
  /** Written as approximate (左右). */
  approximate: boolean;
  /** A unit written after the figure ("1000家", "2.6%"), or "". */
  unit: string;
}

/** Reads a goal cell: "2.6", "≥1000", "1000以上", "突破300", "[200]", "2.6%"; null for "—" or words ("进入全省前列"). */
export function parseGoalFigure(text: string): GoalFigure | null {
  let rest = text.replace(/\s+/g, '');
  let comparator: Comparator | null = null;
  if (SYMBOL_AT_LEAST.test(rest)) comparator = '>=';
  else if (SYMBOL_AT_MOST.test(rest)) comparator = '<=';
  rest = rest.replace(/^[≥＞>≧≤＜<≦]=?/, '').replace(PLAIN_VERB_BEFORE, '');
  const before = WORD_BEFORE.exec(rest)?.[1];
  if (before) rest = rest.slice(before.length);
  const after = WORD_AFTER.exec(rest)?.[1];
  if (after) rest = rest.slice(0, rest.length - after.length);
  const figure = FIGURE.exec(rest);
  if (!figure) return null;
  const unit = figure[2] ?? '';
  if (unit !== '' && !KNOWN_UNIT.test(unit)) return null;
  const read = comparator !== null ? { comparator, read: true } : readComparator(before, after);
  return {
    value: Number((figure[1] ?? '').replace(/,/g, '')),
    comparator: read.comparator,
    comparatorRead: read.read,
    approximate: after === '左右',
    unit,
  };
}

/** The indicator's name without numbering, "其中：", markers (★ 约束性) or the unit in brackets. */
export function indicatorSubject(name: string): string {
  const bare = name.replace(/\s+/g, '').replace(NAME_NOISE, '').replace(UNIT_IN_NAME, '').trim();
  // A task-table row names its goal with a verb or a measure word ("新建省级以上创新平台", "高新技术企业数量").
  return cleanSubject(bare) || bare;
}

function unitFromName(name: string): string {
  const match = UNIT_IN_NAME.exec(name.replace(/\s+/g, ''));
  const unit = match?.[1] ?? '';
  return KNOWN_UNIT.test(unit) ? unit : '';
}

function cleanUnitCell(text: string): string {
  return text.replace(/[\s（）()[\]【】]/g, '').replace(/^[—–\-/]+$/, '');
}

/** An index ("科技创新综合指数 | — | 65") has no unit and, by the gold convention, counts as an amount. */
function kindFor(unit: string): TargetKind {
  if (unit === '') return 'amount';
  if (MONEY_UNITS.includes(unit) || RATIO_UNITS.includes(unit)) return kindOfUnit(unit);
  return 'count';
}

/** "2025年目标值" → 2025-12; a label without a year takes the context's date. */
export function goalDeadline(label: string, fallback: string | null): string | null {
  const year = /(\d{4})/.exec(label)?.[1];
  return year ? `${year}-12` : fallback;
}

function spanOf(first: Cell, last: Cell): [number, number] {
  return [Math.min(first.start, last.start), Math.max(first.end, last.end)];
}

/** One target per goal cell of every row that names an indicator and states a figure. */
export function findIndicatorTargets(table: Table, input: string, context: IndicatorContext): IndicatorTarget[] {
  const goalColumns = table.roles.flatMap((role, index) => (role === 'goal' ? [index] : []));
  return table.rows.flatMap((row) => {
    const nameCell = row.cells.indicator;
    const subject = indicatorSubject(nameCell?.text ?? '');
    if (!nameCell || subject.length < 2) return [];
    const columnUnit = cleanUnitCell(row.cells.unit?.text ?? '');
    return goalColumns.flatMap((column): IndicatorTarget[] => {
      const cell = row.columns[column];
      const figure = cell ? parseGoalFigure(cell.text) : null;
      if (!cell || !figure) return [];
      const label = table.labels[column] ?? '';
      const deadline = goalDeadline(label, context.fallbackDeadline);
      const year = deadline ? Number(deadline.slice(0, 4)) : null;
      if (year !== null && context.documentYear !== null && year < context.documentYear) return [];
      const unit = columnUnit || unitFromName(nameCell.text) || figure.unit;
      const span = spanOf(nameCell, cell);
      const kind = kindFor(unit);
      // The indicator's name and its goal cell are the words that bind the figure ("年均新增…（家）", "净增20家").
      const words = { own: `${nameCell.text}|${cell.text}`.replace(/\s+/g, ''), clauseBefore: '' };
      const perYear = isPerYear(words);
      const deadlineSource = perYear ? 'yearly' : /\d{4}/.test(label) ? 'stated' : deadline ? 'inherited' : 'none';
      const meaning = readMeaning({
        ...words,
        kind,
        subject,
        unit,
        comparatorRead: figure.comparatorRead,
        approximate: figure.approximate,
        isRange: false,
        deadlineSource,
        subjectBorrowed: false,
      });
      return [
        {
          text: input.slice(span[0], span[1]),
          subject,
          level: levelOf(subject),
          comparator: figure.comparator,
          value: figure.value,
          unit,
          // A yearly rate falls due every year (gold convention), not at the goal column's year.
          deadline: perYear ? null : deadline,
          kind,
          ...meaning,
          span,
        },
      ];
    });
  });
}
