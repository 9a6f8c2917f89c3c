import type { ExtractedTarget, ExtractedTask, Extraction } from '@stip/policy-ingest';
import type { DiffItem, ExtractionDiff, ExtractionFieldChange as FieldChange, ItemsDiff, PlanTargetDifference } from '@stip/contracts';

/**
 * What a re-extraction reads differently from the stored one, in a reviewer's words: targets matched
 * by their source phrase (then by subject), tasks by their title (then by their text's position), each
 * pair compared field by field ("比较关系 由“=”改为“≥”"). Pure: no database, no clock.
 */

const comparatorSigns: Record<string, string> = { '>=': '≥', '=': '=', '<=': '≤' };
const kindNames: Record<string, string> = { count: '数量', amount: '金额/指数', ratio: '比例', coverage: '覆盖', first: '零的突破' };
const levelNames: Record<string, string> = { 国家: '国家级', 省: '省级', 市: '市级', 县: '县级' };

const shown = (value: string | null | undefined, empty = '（无）') =>
  value === null || value === undefined || value === '' ? empty : value;
const yesNo = (value: boolean | undefined) => (value ? '是' : '否');
const list = (values: readonly string[]) => (values.length ? values.join('、') : '（无）');

interface FieldSpec<T> {
  field: string;
  label: string;
  show: (item: T) => string;
}

const targetFields: FieldSpec<ExtractedTarget>[] = [
  { field: 'subject', label: '对象', show: (target) => target.subject },
  { field: 'comparator', label: '比较关系', show: (target) => comparatorSigns[target.comparator] ?? target.comparator },
  { field: 'value', label: '数值', show: (target) => String(target.value) },
  { field: 'unit', label: '单位', show: (target) => shown(target.unit) },
  { field: 'deadline', label: '期限', show: (target) => shown(target.deadline, '（规划期末）') },
  { field: 'kind', label: '类型', show: (target) => kindNames[target.kind] ?? target.kind },
  { field: 'level', label: '级别', show: (target) => shown(target.level ? levelNames[target.level] : null) },
  { field: 'basis', label: '口径', show: (target) => (target.basis === 'added' ? '新增' : '总量') },
  { field: 'perYear', label: '每年', show: (target) => yesNo(target.perYear) },
  { field: 'perRegion', label: '逐地区', show: (target) => shown(target.perRegion ? levelNames[target.perRegion] : null, '否') },
];

const taskFields: FieldSpec<ExtractedTask>[] = [
  { field: 'title', label: '任务', show: (task) => task.title },
  { field: 'lead', label: '牵头单位', show: (task) => list(task.lead) },
  { field: 'participants', label: '协同单位', show: (task) => list(task.participants) },
  { field: 'deadline', label: '期限', show: (task) => shown(task.deadline) },
  { field: 'recurring', label: '持续推进', show: (task) => yesNo(task.recurring) },
];

function compare<T>(before: T, after: T, fields: FieldSpec<T>[]): FieldChange[] {
  return fields.flatMap((spec) => {
    const [was, is] = [spec.show(before), spec.show(after)];
    return was === is ? [] : [{ field: spec.field, label: spec.label, before: was, after: is }];
  });
}

/** Pairs old and new items by each key in turn (first unused match wins); the rest are removed / added. */
function pair<T>(before: T[], after: T[], keys: ((item: T) => string | null)[]): { pairs: [T, T][]; removed: T[]; added: T[] } {
  const unusedBefore = new Set(before.keys());
  const unusedAfter = new Set(after.keys());
  const pairs: [number, number][] = [];
  for (const key of keys) {
    for (const i of [...unusedBefore]) {
      const wanted = key(before[i]!);
      if (wanted === null) continue;
      const j = [...unusedAfter].find((candidate) => key(after[candidate]!) === wanted);
      if (j === undefined) continue;
      pairs.push([i, j]);
      unusedBefore.delete(i);
      unusedAfter.delete(j);
    }
  }
  pairs.sort((a, b) => a[1] - b[1]);
  return {
    pairs: pairs.map(([i, j]) => [before[i]!, after[j]!]),
    removed: [...unusedBefore].map((i) => before[i]!),
    added: [...unusedAfter].sort((a, b) => a - b).map((j) => after[j]!),
  };
}

function diffItems<T>(
  before: T[],
  after: T[],
  keys: ((item: T) => string | null)[],
  fields: FieldSpec<T>[],
  name: (item: T) => string,
): ItemsDiff {
  const { pairs, removed, added } = pair(before, after, keys);
  const changed: DiffItem[] = pairs.flatMap(([was, is]) => {
    const changes = compare(was, is, fields);
    return changes.length ? [{ name: name(is), changes }] : [];
  });
  const whole = (item: T): DiffItem => ({ name: name(item), changes: [] });
  return { added: added.map(whole), removed: removed.map(whole), changed };
}

/** The differences between two extractions (the stored one first). */
export function diffExtractions(before: Extraction, after: Extraction): ExtractionDiff {
  return {
    targets: diffItems(
      before.targets,
      after.targets,
      [(target) => target.text, (target) => target.subject],
      targetFields,
      (target) => target.text || target.subject,
    ),
    tasks: diffItems(
      before.tasks,
      after.tasks,
      [(task) => task.title || null, (task) => (task.span ? String(task.span[0]) : null)],
      taskFields,
      (task) => task.title,
    ),
  };
}

/** A target of a confirmed plan, as far as an extraction can set it. */
export interface PlanTargetFacts {
  id: string;
  subject: string;
  comparator: string;
  value: number;
  unit: string;
  /** YYYY-MM-DD */
  deadline: string;
}

/**
 * The plan's targets that the new extraction reads differently: matched by source phrase or subject, compared on
 * comparator, value, unit and deadline month (the plan keeps a day, the extraction a month). Nothing
 * is changed: the reviewer decides.
 */
export function diffPlanTargets(planTargets: PlanTargetFacts[], extraction: Extraction): PlanTargetDifference[] {
  // The review page names a target by its source phrase; a reviewer may have shortened it to the subject.
  const bySubject = new Map<string, ExtractedTarget>();
  for (const target of extraction.targets) if (!bySubject.has(target.text)) bySubject.set(target.text, target);
  for (const target of extraction.targets) if (!bySubject.has(target.subject)) bySubject.set(target.subject, target);
  return planTargets.flatMap((planTarget): PlanTargetDifference[] => {
    const read = bySubject.get(planTarget.subject);
    if (!read) return [{ targetId: planTarget.id, subject: planTarget.subject, changes: [], isMissing: true }];
    const fields: [string, string, string, string][] = [
      [
        'comparator',
        '比较关系',
        comparatorSigns[planTarget.comparator] ?? planTarget.comparator,
        comparatorSigns[read.comparator] ?? read.comparator,
      ],
      ['value', '数值', String(planTarget.value), String(read.value)],
      ['unit', '单位', shown(planTarget.unit), shown(read.unit)],
      ['deadline', '期限', planTarget.deadline.slice(0, 7), read.deadline ?? planTarget.deadline.slice(0, 7)],
    ];
    const changes = fields.flatMap(([field, label, before, after]) => (before === after ? [] : [{ field, label, before, after }]));
    return changes.length ? [{ targetId: planTarget.id, subject: planTarget.subject, changes, isMissing: false }] : [];
  });
}
