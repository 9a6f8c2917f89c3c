/**
 * The proposal as the reviewer edits it, and the confirmation built from it. Pure functions: the
 * page keeps a draft in state, the tables change it item by item, and `confirmationOf` turns it into
 * the request body (or the list of problems still to fix).
 */
import {
  type IngestConfirmInput,
  type IngestProposal,
  type IngestUnitRef,
  targetKindSpec,
  type NamedRef,
  type PlatformLevel,
  type TargetBasis,
  type TargetComparator,
  type TargetKind,
  type TargetMetric,
  type TargetSuggestion,
  targetDefinitionProblems,
  type UnitSuggestion,
  zCreditCode,
} from '@stip/contracts';
import { t } from '../../shared/i18n/zh-CN';

export type Span = [number, number];

export interface DraftTarget {
  key: string;
  /** The source phrase (null for a target added by hand). */
  text: string | null;
  span: Span | null;
  subject: string;
  kind: TargetKind;
  comparator: TargetComparator;
  value: number | null;
  unit: string;
  /** YYYY-MM-DD; null means the plan's end. */
  deadline: string | null;
  typeIds: string[];
  levels: PlatformLevel[];
  systemIds: string[];
  coverageRegionId: string | null;
  baselineDate: string | null;
  /** Counts: the stock, or the additions from the plan's start (新建 / 新增). */
  basis: TargetBasis;
  perYear: boolean;
  perRegion: boolean;
  /** Amounts summed by the platform instead of reported (技术合同登记额); null: people report the figure. */
  metric: TargetMetric | null;
  /** What the extractor could not read unambiguously; 建议可信 only when none and confident. */
  doubts: string[];
  isTrusted: boolean;
  suggestion: TargetSuggestion | null;
}

export interface DraftTask {
  key: string;
  span: Span | null;
  title: string;
  content: string;
  /** Unit names as the document writes them; each maps through `units`. */
  lead: string[];
  participants: string[];
  /** YYYY-MM-DD; null means the plan's end unless the task recurs. */
  deadline: string | null;
  deadlineText: string | null;
  isRecurring: boolean;
  recurrenceText: string | null;
  targetKeys: string[];
}

export type UnitAction = 'match' | 'create' | 'ignore';

export interface DraftUnit {
  name: string;
  action: UnitAction;
  organizationIds: string[];
  /** Names of the organisations suggested or chosen, so the picker shows them before any search. */
  known: NamedRef[];
  newName: string;
  creditCode: string;
  suggestion: UnitSuggestion | null;
}

export interface DraftPlan {
  title: string;
  issuingBody: string;
  documentNo: string;
  issuedOn: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  regionId: string | null;
}

export interface Draft {
  text: string;
  plan: DraftPlan;
  targets: DraftTarget[];
  tasks: DraftTask[];
  units: Record<string, DraftUnit>;
}

let sequence = 0;
export const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

/** YYYY-MM → the last day of that month. */
export function endOfMonth(month: string | null): string | null {
  if (!month) return null;
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return null;
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

function draftUnit(suggestion: UnitSuggestion): DraftUnit {
  const matched = suggestion.organization ? [suggestion.organization] : suggestion.expandsTo;
  return {
    name: suggestion.name,
    action: 'match',
    organizationIds: matched.map((organization) => organization.id),
    known: [...matched, ...suggestion.candidates.map(({ id, name }) => ({ id, name }))],
    newName: suggestion.name,
    creditCode: '',
    suggestion,
  };
}

/** A unit name typed by the reviewer, with nothing suggested: they pick it. */
export function blankUnit(name: string): DraftUnit {
  return { name, action: 'match', organizationIds: [], known: [], newName: name, creditCode: '', suggestion: null };
}

export function blankTarget(): DraftTarget {
  return {
    key: newKey('target'),
    text: null,
    span: null,
    subject: '',
    kind: 'count',
    comparator: '>=',
    value: null,
    unit: '家',
    deadline: null,
    typeIds: [],
    levels: [],
    systemIds: [],
    coverageRegionId: null,
    baselineDate: null,
    basis: 'stock',
    perYear: false,
    perRegion: false,
    metric: null,
    doubts: [],
    isTrusted: false,
    suggestion: null,
  };
}

export function blankTask(): DraftTask {
  return {
    key: newKey('task'),
    span: null,
    title: '',
    content: '',
    lead: [],
    participants: [],
    deadline: null,
    deadlineText: null,
    isRecurring: false,
    recurrenceText: null,
    targetKeys: [],
  };
}

/** The draft a proposal starts as: every suggestion accepted. */
export function draftOf(proposal: IngestProposal): Draft {
  const targets: DraftTarget[] = proposal.targets.map((target, index) => {
    const suggestion = target.suggestion;
    const computed = suggestion.mode === 'platforms';
    return {
      key: `target-${index}`,
      text: target.text,
      span: target.span,
      subject: target.text,
      kind: suggestion.kind,
      comparator: targetKindSpec(suggestion.kind).value === 'atLeastOne' ? '>=' : target.comparator,
      value: targetKindSpec(suggestion.kind).value === 'atLeastOne' ? Math.max(1, target.value) : target.value,
      unit: target.unit,
      deadline: endOfMonth(target.deadline),
      typeIds: computed ? suggestion.types.map((type) => type.id) : [],
      levels: computed ? suggestion.levels : [],
      systemIds: computed ? suggestion.systems.map((system) => system.id) : [],
      coverageRegionId: computed ? (suggestion.coverageRegion?.id ?? null) : null,
      baselineDate: computed ? suggestion.baselineDate : null,
      basis: target.basis,
      perYear: target.perYear,
      perRegion: target.perRegion,
      metric: suggestion.mode === 'reported' && suggestion.kind === 'amount' ? (suggestion.metric ?? null) : null,
      doubts: target.doubts,
      isTrusted: target.isTrusted,
      suggestion,
    };
  });
  const tasks: DraftTask[] = proposal.tasks.map((task, index) => ({
    key: `task-${index}`,
    span: task.span,
    title: task.title,
    content: task.content,
    lead: task.lead,
    participants: task.participants,
    deadline: endOfMonth(task.deadline),
    deadlineText: task.deadlineText,
    isRecurring: task.recurring,
    recurrenceText: task.recurrenceText,
    targetKeys: task.targetIndexes.flatMap((target) => (targets[target] ? [targets[target].key] : [])),
  }));
  return {
    text: proposal.text,
    plan: {
      title: proposal.plan.title ?? '',
      issuingBody: proposal.plan.issuingBody ?? '',
      documentNo: proposal.plan.documentNo ?? '',
      issuedOn: proposal.plan.issuedOn,
      periodStart: proposal.plan.periodStart,
      periodEnd: proposal.plan.periodEnd,
      regionId: proposal.plan.region?.id ?? null,
    },
    targets,
    tasks,
    units: Object.fromEntries(proposal.units.map((unit) => [unit.name, draftUnit(unit)])),
  };
}

/** The unit names the tasks use now, in order of first use. */
export function unitNamesOf(tasks: DraftTask[]): string[] {
  return [...new Set(tasks.flatMap((task) => [...task.lead, ...task.participants]))];
}

/** Switching a target between counting platforms and a reported figure keeps what fits the new mode. */
export function withKind(target: DraftTarget, kind: TargetKind): DraftTarget {
  const spec = targetKindSpec(kind);
  const computed = spec.isComputed;
  const defaultValue = { figure: target.value, atLeastOne: 1, percentOfRegions: 100 }[spec.value];
  return {
    ...target,
    kind,
    comparator: spec.value === 'atLeastOne' ? '>=' : target.comparator,
    value: defaultValue,
    unit: spec.defaultUnit || target.unit,
    typeIds: computed ? target.typeIds : [],
    levels: computed ? target.levels : [],
    systemIds: computed ? target.systemIds : [],
    coverageRegionId: spec.needsCoverageRegion ? target.coverageRegionId : null,
    baselineDate: spec.baseline === 'countsNew' ? target.baselineDate : null,
    basis: spec.baseline === 'countsNew' ? target.basis : 'stock',
    perYear: spec.measure === 'registryCount' || spec.measure === 'reportedFigure' ? target.perYear : false,
    perRegion: kind === 'count' ? target.perRegion : false,
    metric: kind === 'amount' ? target.metric : null,
  };
}

export type Confirmation = { body: IngestConfirmInput; problems: [] } | { body: null; problems: string[] };

/**
 * The request body for the draft, or the problems to fix first: every target's and task's shape
 * rules (the contract's own), every used unit name mapped (an organisation, a new unit with a valid
 * credit code, or left out), each task keeping a lead unit.
 */
export function confirmationOf(
  draft: Draft,
  plan: {
    title: string;
    issuingBody: string;
    documentNo: string;
    issuedOn: string | null;
    periodStart: string;
    periodEnd: string;
    regionId: string;
  },
): Confirmation {
  const problems: string[] = [];
  const text = t.ingest.confirm;

  const targets = draft.targets.map((target, index) => {
    const deadline = target.deadline ?? plan.periodEnd;
    const spec = targetKindSpec(target.kind);
    const definition = {
      kind: target.kind,
      comparator: target.comparator,
      value: target.value ?? 0,
      deadline,
      baselineDate: spec.baseline === 'countsNew' ? target.baselineDate : null,
      basis: spec.baseline === 'countsNew' ? target.basis : ('stock' as const),
      perYear: target.perYear,
      perRegion: target.kind === 'count' ? target.perRegion : false,
      filter: spec.isComputed ? { typeIds: target.typeIds, levels: target.levels, systemIds: target.systemIds } : null,
      coverageRegionId: spec.needsCoverageRegion ? target.coverageRegionId : null,
      metric: target.kind === 'amount' ? target.metric : null,
      unit: target.unit.trim(),
    };
    if (!target.subject.trim()) problems.push(text.target(index + 1, text.noSubject));
    if (target.value === null) problems.push(text.target(index + 1, text.noValue));
    for (const problem of targetDefinitionProblems(definition)) problems.push(text.target(index + 1, problem.message));
    return { ...definition, subject: target.subject.trim() };
  });

  const used = unitNamesOf(draft.tasks);
  const unmapped = used.filter((name) => {
    const unit = draft.units[name];
    return !unit || (unit.action === 'match' && unit.organizationIds.length === 0);
  });
  if (unmapped.length) problems.push(text.unmapped(unmapped.join('、')));
  const newOrganizations: { name: string; creditCode: string }[] = [];
  for (const name of used) {
    const unit = draft.units[name];
    if (unit?.action !== 'create') continue;
    if (!unit.newName.trim()) {
      problems.push(text.newName(name));
      continue;
    }
    const code = zCreditCode.safeParse(unit.creditCode);
    if (!code.success) problems.push(text.creditCode(unit.newName.trim(), code.error.issues[0]?.message ?? ''));
    else if (!newOrganizations.some((organization) => organization.name === unit.newName.trim())) {
      newOrganizations.push({ name: unit.newName.trim(), creditCode: code.data });
    }
  }

  const refsOf = (names: string[]): IngestUnitRef[] => {
    const refs: IngestUnitRef[] = [];
    for (const name of names) {
      const unit = draft.units[name];
      if (!unit || unit.action === 'ignore') continue;
      if (unit.action === 'create') refs.push({ newOrganizationName: unit.newName.trim() });
      else for (const organizationId of unit.organizationIds) refs.push({ organizationId });
    }
    return refs.filter((ref, index) => refs.findIndex((other) => JSON.stringify(other) === JSON.stringify(ref)) === index);
  };
  const targetIndex = new Map(draft.targets.map((target, index) => [target.key, index]));
  const tasks = draft.tasks.map((task, index) => {
    const leadUnits = refsOf(task.lead);
    const leadKeys = new Set(leadUnits.map((ref) => JSON.stringify(ref)));
    const participantUnits = refsOf(task.participants).filter((ref) => !leadKeys.has(JSON.stringify(ref)));
    const deadline = task.deadline ?? (task.isRecurring ? null : plan.periodEnd);
    if (!task.title.trim()) problems.push(text.task(index + 1, text.noTitle));
    if (!task.content.trim() && !task.title.trim()) problems.push(text.task(index + 1, text.noContent));
    if (!leadUnits.length) problems.push(text.task(index + 1, text.noLead));
    if (!deadline && !task.isRecurring) problems.push(text.task(index + 1, text.noTaskDeadline));
    return {
      title: task.title.trim(),
      content: (task.content.trim() || task.title.trim()).slice(0, 5000),
      leadUnits,
      participantUnits,
      deadline,
      deadlineText: task.deadlineText,
      isRecurring: task.isRecurring,
      recurrenceText: task.recurrenceText,
      targetIndexes: task.targetKeys.flatMap((key) => (targetIndex.has(key) ? [targetIndex.get(key)!] : [])),
    };
  });

  if (problems.length) return { body: null, problems };
  return {
    problems: [],
    body: {
      plan: {
        title: plan.title,
        issuingBody: plan.issuingBody || null,
        documentNo: plan.documentNo || null,
        issuedOn: plan.issuedOn,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        regionId: plan.regionId,
        sourceText: draft.text.trim().slice(0, 200_000) || null,
      },
      targets,
      tasks,
      newOrganizations,
    },
  };
}
