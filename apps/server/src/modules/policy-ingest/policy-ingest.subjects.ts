/**
 * Target subjects → what a target counts. The taxonomy is data (it differs between cities and
 * changes), so nothing here names a platform type: a subject is split into a level (省级, 市级及以上)
 * and category words (重点实验室, 科技企业孵化器 + the 众创空间、星创天地 in its brackets), and the live
 * types whose own names reduce to the same category at that level are suggested. A subject that names
 * no type falls back to a system whose name shares its words (coverage of 科技创新服务平台 → 科技服务平台体系),
 * then to a level alone (国家级平台); money, shares and indices are figures people report, except an amount the
 * platform sums itself (技术合同登记额, from the registered contracts).
 */
import { summedMetricOf } from '@stip/policy-ingest';
import {
  type NamedRef,
  type PlatformLevel,
  type ProposedTarget,
  type TargetSuggestion,
  targetKindSpec,
  targetMetricLabels,
  targetMetricSources,
} from '@stip/contracts';

export interface TypeFact {
  id: string;
  name: string;
  level: PlatformLevel;
  systemId: string;
  isActive: boolean;
}

export interface SystemFact {
  id: string;
  name: string;
}

export interface SubjectContext {
  types: readonly TypeFact[];
  systems: readonly SystemFact[];
  /** The region a coverage target covers by default (the plan's). */
  coverageRegion: NamedRef | null;
  /** The document's date: the baseline of 新建 targets. */
  documentDate: string | null;
}

const levelOrder: readonly PlatformLevel[] = ['county', 'city', 'provincial', 'national'];

const levelWords: readonly (readonly [RegExp, PlatformLevel])[] = [
  [/^(国家级|国家|国字号)/, 'national'],
  [/^(省级|省部级|省)/, 'provincial'],
  [/^(市级|市)/, 'city'],
  [/^(县级|区级|县)/, 'county'],
];

const extractorLevels: Record<string, PlatformLevel> = { 国家: 'national', 省: 'provincial', 市: 'city', 县: 'county' };

const bracketLevel: Record<string, PlatformLevel> = {
  国家级: 'national',
  国家: 'national',
  省级: 'provincial',
  市级: 'city',
  县级: 'county',
};

export interface SubjectParts {
  level: PlatformLevel | null;
  /** 省级及以上: the level and every level above it. */
  andAbove: boolean;
  /** The category words, the first from the subject itself, others from a bracketed list (众创空间、星创天地). */
  categories: string[];
}

function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

/** Splits a subject (or a type's name) into level, "and above", and category words. */
export function subjectParts(subject: string): SubjectParts {
  let text = clean(subject);
  const categories: string[] = [];
  let level: PlatformLevel | null = null;
  // Brackets: a level (科技企业孵化器（省级）), a list of further categories (（众创空间、星创天地）),
  // or a note that changes nothing counted (（含分支机构）, （包括省市共建实验室）).
  text = text.replace(/（([^（）]*)）/g, (_whole, inner: string) => {
    if (bracketLevel[inner]) level = bracketLevel[inner]!;
    else if (!/^(含|包括|包含|其中|不含|以上|及以上)/.test(inner)) {
      for (const part of inner.split(/[、，,和及]/)) if (part.length >= 2) categories.push(part);
    }
    return '';
  });
  let andAbove = false;
  for (const [pattern, value] of levelWords) {
    const match = pattern.exec(text);
    if (!match) continue;
    level = value;
    text = text.slice(match[0].length);
    break;
  }
  const above = /^(及以上|以上)/.exec(text);
  if (above) {
    andAbove = true;
    text = text.slice(above[0].length);
  }
  text = text.replace(/^(的|级)/, '');
  return { level, andAbove, categories: [text, ...categories].filter((category) => category.length >= 2) };
}

function levelsFor(level: PlatformLevel | null, andAbove: boolean): PlatformLevel[] {
  if (!level) return [];
  return andAbove ? levelOrder.slice(levelOrder.indexOf(level)) : [level];
}

/**
 * How well a subject's category names a type's category: 1 equal, 0.85 a narrower kind of it
 * (学科重点实验室 ⊂ 重点实验室), 0.6 a near name with the same head word (生物种质资源库共享平台 ~
 * 科技资源共享平台), 0 otherwise.
 */
function categoryScore(subject: string, type: string): number {
  if (subject === type) return 1;
  if (subject.length > type.length && type.length >= 4 && subject.endsWith(type)) return 0.85;
  if (type.length >= 4 && subject.endsWith(type.slice(-4)) && similarity(subject, type) >= 0.4) return 0.6;
  return 0;
}

/** Whether a subject names things a platform register counts (…实验室, …中心, …平台, …孵化器 …). */
const platformWords = /(实验室|中心|平台|基地|孵化器|众创空间|星创天地|园区|科技园|工作站|研发机构|示范机构|联盟|载体)$/;

const round = (value: number) => Math.round(value * 100) / 100;

interface TypeMatch {
  types: TypeFact[];
  score: number;
}

/** The live types a subject names at its level, best category match per category word. */
export function matchTypes(parts: SubjectParts, types: readonly TypeFact[]): TypeMatch {
  const levels = levelsFor(parts.level, parts.andAbove);
  const indexed = types.map((type) => ({ type, parts: subjectParts(type.name) }));
  const chosen = new Map<string, TypeFact>();
  let worst = 1;
  for (const category of parts.categories) {
    let best = 0;
    let found: TypeFact[] = [];
    for (const { type, parts: typeParts } of indexed) {
      const typeLevel = typeParts.level ?? type.level;
      if (levels.length && !levels.includes(type.level) && !levels.includes(typeLevel)) continue;
      const score = Math.max(0, ...typeParts.categories.slice(0, 1).map((typeCategory) => categoryScore(category, typeCategory)));
      if (score === 0 || score < best) continue;
      if (score > best) found = [];
      best = score;
      found.push(type);
    }
    // A retired type only when no live one fits (a plan about a category being wound down).
    const live = found.filter((type) => type.isActive);
    for (const type of live.length ? live : found) chosen.set(type.id, type);
    if (found.length) worst = Math.min(worst, best);
  }
  return { types: [...chosen.values()], score: chosen.size ? worst : 0 };
}

/** The system whose name (less 体系) shares most of the subject's words, when it shares enough. */
export function matchSystem(category: string, systems: readonly SystemFact[]): { system: SystemFact; score: number } | null {
  let best: { system: SystemFact; score: number } | null = null;
  for (const system of systems) {
    const name = clean(system.name).replace(/体系$/, '');
    let score = similarity(category, name);
    // 服务平台 ⊂ 科技创新服务平台: a shared head word decides.
    const head = name.slice(-4);
    if (head.length === 4 && category.endsWith(head)) score = Math.max(score, 0.7);
    if (!best || score > best.score) best = { system, score };
  }
  return best && best.score >= 0.5 ? best : null;
}

function bigrams(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i < text.length - 1; i++) grams.push(text.slice(i, i + 2));
  return grams;
}

function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (!left.length || !right.length) return 0;
  const pool = [...right];
  let shared = 0;
  for (const gram of left) {
    const at = pool.indexOf(gram);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** Words that make a count one of additions (新建 / 新增 …): counted from the plan's start. */
export const isNewlyBuilt = /(新建|新增|新培育|新认定|新创建|新组建|新获批)/;

const named = (items: readonly { id: string; name: string }[]) => items.map(({ id, name }) => ({ id, name }));

/** What a proposed target is suggested to count (platforms of a filter) or to be (a reported figure). */
export function suggestTarget(
  target: Pick<ProposedTarget, 'text' | 'subject' | 'level' | 'kind' | 'unit'>,
  context: SubjectContext,
): TargetSuggestion {
  if (target.kind === 'ratio') return { mode: 'reported', kind: 'ratio', confidence: 0.9, reason: '比例、占比类目标，按填报数值跟踪' };
  if (target.kind === 'amount') {
    const isIndex = !target.unit || /指数/.test(target.subject);
    if (isIndex) return { mode: 'reported', kind: 'index', confidence: 0.85, reason: '指数类目标，按填报数值跟踪' };
    // An amount the platform sums itself (技术合同登记额): the extractor's catalogue names it.
    const metric = summedMetricOf(target);
    return metric
      ? {
          mode: 'reported',
          kind: 'amount',
          metric,
          confidence: 0.9,
          reason: `${targetMetricLabels[metric]}，${targetMetricSources[metric]}`,
        }
      : { mode: 'reported', kind: 'amount', confidence: 0.9, reason: '金额、数额类目标，按填报数值跟踪' };
  }

  const parts = subjectParts(target.subject);
  // The extractor read the level from the subject's own prefix; it wins over a guess from the words.
  if (target.level && extractorLevels[target.level]) parts.level = extractorLevels[target.level]!;
  if (!parts.andAbove && /及以上|以上级/.test(target.subject)) parts.andAbove = true;
  const levels = levelsFor(parts.level, parts.andAbove);
  const kind = target.kind;
  const spec = targetKindSpec(kind);
  const coverageRegion = spec.needsCoverageRegion ? context.coverageRegion : null;
  // Additions count from the plan's start (the proposed target's basis), not from the document's date.
  const baselineDate = null;
  const platforms = (fields: { types: TypeFact[]; systems: SystemFact[]; confidence: number; reason: string }): TargetSuggestion => ({
    mode: 'platforms',
    kind,
    types: named(fields.types),
    levels,
    systems: named(fields.systems),
    coverageRegion,
    baselineDate,
    confidence: round(fields.confidence),
    reason: fields.reason,
  });

  const typeMatch = matchTypes(parts, context.types);
  if (typeMatch.types.length) {
    const names = typeMatch.types.map((type) => type.name).join('、');
    const exact = typeMatch.score === 1;
    const narrower = typeMatch.score >= 0.85;
    return platforms({
      types: typeMatch.types,
      systems: [],
      confidence: exact ? 0.95 : narrower ? 0.75 : 0.55,
      reason: exact ? `名称与级别一致：${names}` : narrower ? `属于以下平台类型：${names}` : `名称相近：${names}`,
    });
  }

  const category = parts.categories[0] ?? '';
  const system = category ? matchSystem(category, context.systems) : null;
  if (system) {
    return platforms({ types: [], systems: [system.system], confidence: 0.6, reason: `按体系统计：${system.system.name}` });
  }
  if (kind !== 'count' || platformWords.test(category) || /平台/.test(target.subject)) {
    return platforms({
      types: [],
      systems: [],
      confidence: levels.length ? 0.5 : 0.3,
      reason: levels.length ? '未找到对应的平台类型，按级别统计全部平台' : '未找到对应的平台类型，请选择统计口径',
    });
  }
  // 高新技术企业30家, 项目50项: counted things that are not platforms are reported by the departments.
  return { mode: 'reported', kind: 'amount', confidence: 0.7, reason: '不是平台类目标，按填报数值跟踪' };
}
