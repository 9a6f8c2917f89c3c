/**
 * Who leads and who takes part: 〔责任单位：市科技局，各县（市、区）人民政府〕, (牵头单位:…,参与单位:…),
 * "牵头科室(单位)：高新科" lines, and 责任单位 table cells.
 */
import { ORGANISATION_SUFFIX } from './lexicon.js';
import { closingBracketEnd, splitOutsideBrackets } from './text.js';

export interface Responsibility {
  lead: string[];
  participants: string[];
}

export interface ResponsibilityRules {
  /** The document says the first unit listed leads ("排在第一位的为牵头单位"). */
  isFirstListedLead: boolean;
}

export type UnitListRole = 'lead' | 'participant' | 'responsible';

const UNIT_SEPARATORS = '、，,；;';
const LIST_BREAKS = '，,；;';
/** Notes inside a list, such as "（逗号前为牵头单位，下同）" or "（排名第一的为牵头单位）". */
const LIST_NOTE = /[（(〔][^（）()〔〕]*?(?:牵头单位|下同|排名|排序|为准)[^（）()〔〕]*[）)〕]/g;
const LEAD_MARK = /[（(]牵头[）)]$/;
const FIRST_LISTED_LEADS = /(排在?第一位|排名第一|排序第一|列第一位|第一个单位|首位|排在首位|列在?首位)的?(单位)?为牵头/;

/** True when the document declares that the first unit in each list leads. */
export function declaresFirstListedLead(text: string): boolean {
  return FIRST_LISTED_LEADS.test(text);
}

function cleanUnit(raw: string): string {
  return (
    raw
      .replace(/^[\s:：、，,；;。.]+|[\s:：、，,；;。.]+$/g, '')
      .replace(/等$/, '')
      // "由市科技局牵头负责": 由 introduces the unit.
      .replace(/^由(?=[\u4e00-\u9fa5]{2})/, '')
      .trim()
  );
}

function isUnitName(unit: string): boolean {
  return unit.length >= 2 && !/牵头单位|下同|为准|[:：]/.test(unit);
}

/** Splits a list of units on 、，,；; but never inside brackets: "各县（市、区）人民政府" stays one unit. */
export function splitUnits(text: string): string[] {
  const withoutNotes = text.replace(LIST_NOTE, '');
  return splitOutsideBrackets(withoutNotes, UNIT_SEPARATORS)
    .flatMap(([start, end]) => splitOnSpaces(withoutNotes.slice(start, end).trim()))
    .map(cleanUnit)
    .filter(isUnitName);
}

/** "市科技局 市税务局 各县（市、区）政府": units a table cell lists with spaces, when every piece names a unit. */
function splitOnSpaces(text: string): string[] {
  const pieces = text.split(/[ \u3000]+/).filter(Boolean);
  return pieces.length > 1 && pieces.every((piece) => piece.length >= 2 && ORGANISATION_SUFFIX.test(piece)) ? pieces : [text];
}

/** Cuts a list where a sentence ends ("…管委会。逗号前为牵头单位，下同"), outside brackets. */
function untilSentenceEnd(text: string): string {
  const [first] = splitOutsideBrackets(text, '。');
  return first ? text.slice(first[0], first[1]).replace(/。$/, '') : text;
}

/**
 * Reads one list. A 牵头/参与 list is what it says. A 责任单位 list follows the seeds' notation: the units before the
 * first comma or semicolon lead and the rest take part; "（牵头）" marks override that; with no break, either the first
 * unit leads (when the document says so) or all of them are responsible, hence lead.
 */
export function parseUnitList(text: string, role: UnitListRole, rules: ResponsibilityRules): Responsibility {
  const list = untilSentenceEnd(text.replace(LIST_NOTE, ''));
  if (role === 'participant') return { lead: [], participants: splitUnits(list) };

  const units = splitUnits(list);
  const marked = units.filter((unit) => LEAD_MARK.test(unit));
  if (marked.length > 0) {
    return {
      lead: marked.map((unit) => unit.replace(LEAD_MARK, '')),
      participants: units.filter((unit) => !LEAD_MARK.test(unit)),
    };
  }
  if (role === 'lead') return { lead: units, participants: [] };

  const pieces = splitOutsideBrackets(list, LIST_BREAKS);
  if (pieces.length > 1) {
    const [firstPiece, ...rest] = pieces;
    const head = firstPiece ? list.slice(firstPiece[0], firstPiece[1]) : '';
    return { lead: splitUnits(head), participants: rest.flatMap(([start, end]) => splitUnits(list.slice(start, end))) };
  }
  if (rules.isFirstListedLead) return { lead: units.slice(0, 1), participants: units.slice(1) };
  return { lead: units, participants: [] };
}

type LabelKind = UnitListRole | 'ignored';

const LABELS: ReadonlyArray<[RegExp, LabelKind]> = [
  [/^(责任领导|牵头领导|分管领导|责任人|完成时限|完成时间|时间节点)/, 'ignored'],
  [/^(牵头单位|牵头部门|牵头科室|牵头处室|主要责任单位|牵头)/, 'lead'],
  [/^(参与单位|参与部门|配合单位|配合部门|配合科室|配合处室|协办单位|协同单位|责任配合单位)/, 'participant'],
  [/^(责任单位|责任部门|责任科室|责任处室|承办单位|责任主体)/, 'responsible'],
  [/./, 'ignored'],
];

/** Labels that open a responsibility annotation, and those (leaders, dates) that only end the previous one. */
const LABEL =
  /(主要责任单位|责任配合单位|牵头单位|牵头部门|牵头科室|牵头处室|参与单位|参与部门|配合单位|配合部门|配合科室|配合处室|协办单位|协同单位|责任单位|责任部门|责任科室|责任处室|承办单位|责任主体|责任领导|牵头领导|分管领导|责任人|完成时限|完成时间|时间节点|牵头)(?:[（(](?:单位|部门|科室|处室)[）)])?[:：]/g;

function labelKind(label: string): LabelKind {
  return LABELS.find(([pattern]) => pattern.test(label))?.[1] ?? 'ignored';
}

/** Cuts a labelled value at the bracket that closes the annotation ("…管委会〕"), since it was opened before the label. */
function untilUnbalancedClose(text: string): string {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if ('（(〔【['.includes(char)) depth += 1;
    else if ('）)〕】]'.includes(char)) {
      if (depth === 0) return text.slice(0, index);
      depth -= 1;
    }
  }
  return text;
}

function findLabelledResponsibility(text: string, rules: ResponsibilityRules): Responsibility | null {
  const labels = [...text.matchAll(LABEL)];
  if (labels.length === 0) return null;
  const lead: string[] = [];
  const participants: string[] = [];
  // "（牵头单位：市科技局；责任单位：市财政局）": beside a named lead, 责任单位 are the units that take part.
  const namesLead = labels.some((label) => labelKind(label[1] ?? '') === 'lead');
  labels.forEach((label, index) => {
    const labelled = labelKind(label[1] ?? '');
    if (labelled === 'ignored') return;
    const kind = labelled === 'responsible' && namesLead ? 'participant' : labelled;
    const valueStart = label.index + label[0].length;
    const valueEnd = labels[index + 1]?.index ?? text.length;
    // A label line's value ends with its line, which the item's text marks with "|".
    const value = untilUnbalancedClose(text.slice(valueStart, valueEnd).split('|')[0] ?? '');
    const parsed = parseUnitList(value, kind, rules);
    lead.push(...parsed.lead);
    participants.push(...parsed.participants);
  });
  return lead.length > 0 || participants.length > 0 ? { lead, participants } : null;
}

/** "省科技厅牵头", "省财政厅、省教育厅按职责分工负责": units followed by the role they play. */
const ROLE_SUFFIX =
  /^(.+?)(牵头负责|牵头落实|牵头|按职责分工负责|按职责负责|分工负责|共同负责|具体负责|负责落实|负责|配合落实|配合|参与|协助落实|协助|协同|落实)$/;

interface RoleClause {
  units: string[];
  role: 'lead' | 'responsible' | 'participant';
}

function readRoleClause(clause: string): RoleClause | null {
  const match = ROLE_SUFFIX.exec(clause.replace(/[，,；;。]$/, ''));
  if (!match) return null;
  const units = splitUnits(match[1] ?? '');
  if (units.length === 0 || !units.every((unit) => ORGANISATION_SUFFIX.test(unit))) return null;
  const verb = match[2] ?? '';
  const role = verb.startsWith('牵头') ? 'lead' : verb.startsWith('负责') || verb.endsWith('负责') ? 'responsible' : 'participant';
  return { units, role };
}

/** Reads a bracket like "（省科技厅牵头，省教育厅配合）"; null unless every clause in it is units plus a role. */
function readRoleAnnotation(content: string): Responsibility | null {
  const clauses = splitOutsideBrackets(content, '，,；;').map(([start, end]) => readRoleClause(content.slice(start, end)));
  if (clauses.length === 0 || clauses.some((clause) => clause === null)) return null;
  const roles = clauses.filter((clause): clause is RoleClause => clause !== null);
  const hasLead = roles.some((clause) => clause.role === 'lead');
  // "负责" leads when nobody is named as 牵头, and takes part when somebody is ("…牵头，各市人民政府负责").
  const leadsToo = (clause: RoleClause) => clause.role === 'lead' || (clause.role === 'responsible' && !hasLead);
  return {
    lead: roles.filter(leadsToo).flatMap((clause) => clause.units),
    participants: roles.filter((clause) => !leadsToo(clause)).flatMap((clause) => clause.units),
  };
}

/** Every bracketed group in the text, as [start, end) including its brackets. */
function bracketGroups(text: string): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] !== '（' && text[index] !== '(') continue;
    const end = closingBracketEnd(text, index);
    if (end > 0) {
      groups.push([index, end]);
      index = end - 1;
    }
  }
  return groups;
}

function findRoleAnnotation(text: string): { responsibility: Responsibility; start: number } | null {
  for (const [start, end] of bracketGroups(text)) {
    const responsibility = readRoleAnnotation(text.slice(start + 1, end - 1));
    if (responsibility) return { responsibility, start };
  }
  return null;
}

/**
 * The responsible units a work item names, from labelled annotations (〔责任单位：…〕, (牵头单位:…,参与单位:…),
 * "牵头科室(单位)：…" lines) or role annotations ("（省科技厅牵头，省教育厅配合）"). Leaders (责任领导：张三) and dates
 * only bound the lists; persons never become units. Null when the text names no units.
 */
export function findResponsibility(text: string, rules: ResponsibilityRules): Responsibility | null {
  const found = findLabelledResponsibility(text, rules) ?? findRoleAnnotation(text)?.responsibility ?? null;
  if (!found) return null;
  const lead = [...new Set(found.lead)];
  return { lead, participants: [...new Set(found.participants)].filter((unit) => !lead.includes(unit)) };
}

/** Where the first responsibility annotation starts, so a title can stop before it; -1 when there is none. */
export function annotationStart(text: string): number {
  LABEL.lastIndex = 0;
  const match = LABEL.exec(text);
  LABEL.lastIndex = 0;
  const labelled = match ? (/[（(〔【[]$/.test(text.slice(0, match.index)) ? match.index - 1 : match.index) : -1;
  const role = findRoleAnnotation(text)?.start ?? -1;
  const starts = [labelled, role].filter((start) => start >= 0);
  return starts.length > 0 ? Math.min(...starts) : -1;
}

/** The value of a 完成时限/完成时间 label, if the text has one. */
export function findLabelledDeadline(text: string): string | null {
  const match = /(?:完成时限|完成时间|时间节点)[:：]([^；;。|\n]*)/.exec(text);
  return match ? untilUnbalancedClose(match[1] ?? '').replace(/[，,]$/, '') : null;
}
