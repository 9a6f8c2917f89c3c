/**
 * Unit names → organisations. Documents name units in short forms (市科技局, 市发改委, 高新区管委会)
 * while the register holds full names (达州市科学技术局, 达州市发展和改革委员会, 达州高新区管委会).
 * Both sides are reduced to the same keys: common abbreviations applied, then a region prefix (full
 * or short name: 达州市 / 达州) or a bare level character (市 → the plan's city) split off, so a key
 * is (region, stem). Two names match when they share a stem and their regions agree (or one has none).
 */
import type { OrganizationKind, RegionLevel, UnitSuggestion } from '@stip/contracts';

export interface RegionFact {
  id: string;
  name: string;
  level: RegionLevel;
  path: string;
  parentId: string | null;
}

export interface OrganizationFact {
  id: string;
  name: string;
  kind: OrganizationKind;
  regionId: string;
  regionPath: string;
}

/** Full forms → the short forms documents use; longer forms are replaced first. */
const abbreviationPairs: readonly (readonly [string, string])[] = (
  [
    ['科学技术局', '科技局'],
    ['科学技术厅', '科技厅'],
    ['科学技术协会', '科协'],
    ['科学技术委员会', '科委'],
    ['科学技术和经济信息化局', '科经局'],
    ['科技和经济信息化局', '科经局'],
    ['发展和改革委员会', '发展改革委'],
    ['发展改革委员会', '发展改革委'],
    ['发改委', '发展改革委'],
    ['发展和改革局', '发展改革局'],
    ['发改局', '发展改革局'],
    ['经济和信息化局', '经信局'],
    ['经济和信息化委员会', '经信委'],
    ['经济信息化局', '经信局'],
    ['经济信息化委员会', '经信委'],
    ['卫生健康委员会', '卫生健康委'],
    ['卫生和健康委员会', '卫生健康委'],
    ['卫健委', '卫生健康委'],
    ['卫健局', '卫生健康局'],
    ['卫生和计划生育委员会', '卫生计生委'],
    ['卫计委', '卫生计生委'],
    ['人力资源和社会保障局', '人力资源社会保障局'],
    ['人力资源和社会保障厅', '人力资源社会保障厅'],
    ['人社局', '人力资源社会保障局'],
    ['人社厅', '人力资源社会保障厅'],
    ['市场监督管理局', '市场监管局'],
    ['教育和体育局', '教体局'],
    ['教育体育局', '教体局'],
    ['教育和科学技术局', '教科局'],
    ['教育和科技局', '教科局'],
    ['教育科技局', '教科局'],
    ['住房和城乡建设局', '住房城乡建设局'],
    ['住建局', '住房城乡建设局'],
    ['自然资源和规划局', '自然资源规划局'],
    ['文化广播电视和旅游局', '文化广电旅游局'],
    ['文化广电和旅游局', '文化广电旅游局'],
    ['文广旅局', '文化广电旅游局'],
    ['国有资产监督管理委员会', '国资委'],
    ['农业农村委员会', '农业农村委'],
    ['人民政府办公室', '政府办'],
    ['政府办公室', '政府办'],
    ['人民政府', '政府'],
    ['管理委员会', '管委会'],
    ['高新技术产业开发区', '高新区'],
    ['经济技术开发区', '经开区'],
    ['经济开发区', '经开区'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);

/** Width, spaces and bracket forms made uniform (（）), a leading 中共 dropped. */
export function cleanUnitName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^中共/, '');
}

/** The name with the common abbreviations applied (科学技术局 → 科技局 …), as both sides are compared. */
export function abbreviateUnitName(name: string): string {
  let text = cleanUnitName(name);
  for (const [full, short] of abbreviationPairs) text = text.split(full).join(short);
  return text;
}

/** One way of reading a name: the region its prefix names (null when none) and what follows. */
export interface UnitKey {
  regionId: string | null;
  stem: string;
}

const regionSuffix = /(特别行政区|自治州|自治县|省|市|州|县|区|盟|旗)$/;

/** The short form of a region's name (达州市 → 达州), or null when it would be under two characters. */
export function shortRegionName(name: string): string | null {
  const short = name.replace(regionSuffix, '');
  return short !== name && short.length >= 2 ? short : null;
}

const levelCharacters: Record<string, readonly RegionLevel[]> = {
  省: ['province'],
  市: ['city'],
  州: ['city'],
  县: ['county'],
  区: ['county', 'zone'],
};

/** What unit names are read against: the register's regions, and the plan's region (for 市/县 without a name). */
export class UnitNameContext {
  private readonly prefixes: { text: string; regionId: string }[];
  private readonly planChain: RegionFact[];
  readonly planRegion: RegionFact | null;
  readonly regionsById: Map<string, RegionFact>;

  constructor(regions: readonly RegionFact[], planRegionId: string | null) {
    this.regionsById = new Map(regions.map((region) => [region.id, region]));
    const prefixes = new Map<string, string>();
    for (const region of regions) {
      // A name shared by two regions (two 城关镇) cannot tell which one is meant: it names none.
      for (const text of [region.name, shortRegionName(region.name)]) {
        if (!text) continue;
        prefixes.set(text, prefixes.has(text) && prefixes.get(text) !== region.id ? '' : region.id);
      }
    }
    this.prefixes = [...prefixes]
      .filter(([, regionId]) => regionId)
      .map(([text, regionId]) => ({ text, regionId }))
      .sort((a, b) => b.text.length - a.text.length);
    this.planRegion = planRegionId ? (this.regionsById.get(planRegionId) ?? null) : null;
    const chain: RegionFact[] = [];
    for (let region = this.planRegion; region; region = region.parentId ? (this.regionsById.get(region.parentId) ?? null) : null) {
      chain.push(region);
      if (chain.length > 10) break;
    }
    this.planChain = chain;
  }

  /** The region a bare level character stands for: the plan's region or its nearest ancestor at that level. */
  impliedRegion(character: string): string | null {
    const levels = levelCharacters[character];
    if (!levels) return null;
    return this.planChain.find((region) => levels.includes(region.level))?.id ?? null;
  }

  /** Every reading of a name as (region, stem): as written, and with each region prefix or level character split off. */
  keysOf(name: string): UnitKey[] {
    const text = abbreviateUnitName(name);
    const keys: UnitKey[] = [{ regionId: null, stem: text }];
    const seen = new Set([`|${text}`]);
    const add = (regionId: string | null, stem: string) => {
      if (stem.length < 2 || seen.has(`${regionId}|${stem}`)) return;
      seen.add(`${regionId}|${stem}`);
      keys.push({ regionId, stem });
    };
    const split = (value: string, depth: number) => {
      for (const prefix of this.prefixes) {
        if (!value.startsWith(prefix.text)) continue;
        const rest = value.slice(prefix.text.length);
        add(prefix.regionId, rest);
        // 四川省达州市科技局: the inner name is the more precise one.
        if (depth < 2) split(rest, depth + 1);
      }
    };
    split(text, 0);
    const implied = this.impliedRegion(text.charAt(0));
    if (implied) add(implied, text.slice(1));
    return keys;
  }
}

/** Collective names ("各县（市、区）人民政府") stand for one unit in each county-level region of the plan. */
const collectivePrefix = /^各(县（市、区）|县（区、市）|县（市）|县（区）|县市区|县区|区县|县|区|市（州）|市州|乡镇（街道）|乡镇)/;

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Dice's coefficient on character bigrams: 1 for equal texts, 0 for nothing shared. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

interface IndexedOrganization {
  organization: OrganizationFact;
  keys: UnitKey[];
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Matches the unit names of a document to the register: for each name the organisation it is (exact
 * name, or an alias form), a collective name's members, or — when none or several match equally —
 * null with the likeliest candidates.
 */
export class UnitMatcher {
  private readonly indexed: IndexedOrganization[];
  private readonly byStem = new Map<string, { entry: IndexedOrganization; regionId: string | null }[]>();

  constructor(
    organizations: readonly OrganizationFact[],
    private readonly context: UnitNameContext,
  ) {
    this.indexed = organizations.map((organization) => ({ organization, keys: context.keysOf(organization.name) }));
    for (const entry of this.indexed) {
      for (const key of entry.keys) {
        const list = this.byStem.get(key.stem) ?? [];
        list.push({ entry, regionId: key.regionId });
        this.byStem.set(key.stem, list);
      }
    }
  }

  /** Prefers organisations in the plan's region, then below it, then above it (a provincial department). */
  private placeBonus(organization: OrganizationFact): number {
    const plan = this.context.planRegion;
    if (!plan) return 0;
    if (organization.regionId === plan.id) return 0.03;
    if (organization.regionPath.startsWith(plan.path)) return 0.02;
    if (plan.path.startsWith(organization.regionPath)) return 0.01;
    return 0;
  }

  private exactMatches(name: string): { organization: OrganizationFact; score: number }[] {
    const cleaned = cleanUnitName(name);
    const best = new Map<string, { organization: OrganizationFact; score: number }>();
    const consider = (organization: OrganizationFact, score: number) => {
      const previous = best.get(organization.id);
      if (!previous || previous.score < score) best.set(organization.id, { organization, score });
    };
    for (const entry of this.indexed) if (cleanUnitName(entry.organization.name) === cleaned) consider(entry.organization, 1);
    for (const key of this.context.keysOf(name)) {
      for (const candidate of this.byStem.get(key.stem) ?? []) {
        const regions = [key.regionId, candidate.regionId];
        if (regions[0] && regions[1] && regions[0] !== regions[1]) continue;
        const score = regions[0] && regions[1] ? 0.9 : !regions[0] && !regions[1] ? 0.95 : 0.8;
        consider(candidate.entry.organization, score);
      }
    }
    return [...best.values()];
  }

  private candidates(name: string, exclude: Set<string>, limit = 5): { id: string; name: string; score: number }[] {
    const stems = [...new Set(this.context.keysOf(name).map((key) => key.stem))];
    const scored: { id: string; name: string; score: number }[] = [];
    for (const entry of this.indexed) {
      if (exclude.has(entry.organization.id)) continue;
      let score = 0;
      for (const stem of stems) for (const key of entry.keys) score = Math.max(score, similarity(stem, key.stem));
      if (score >= 0.4) scored.push({ id: entry.organization.id, name: entry.organization.name, score: round(score * 0.8) });
    }
    return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit);
  }

  /** The members of a collective name: the units of that stem in each county-level region under the plan's region. */
  private members(name: string): OrganizationFact[] {
    const cleaned = abbreviateUnitName(name);
    const match = collectivePrefix.exec(cleaned);
    const plan = this.context.planRegion;
    if (!match || !plan) return [];
    const stem = cleaned.slice(match[0].length);
    const local = new Set(
      [...this.context.regionsById.values()]
        .filter(
          (region) => region.path.startsWith(plan.path) && region.id !== plan.id && (region.level === 'county' || region.level === 'zone'),
        )
        .map((region) => region.id),
    );
    const found = new Map<string, OrganizationFact>();
    for (const candidate of this.byStem.get(stem) ?? []) {
      if (candidate.regionId && local.has(candidate.regionId)) found.set(candidate.entry.organization.id, candidate.entry.organization);
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** The suggestion for one unit name. */
  match(name: string): UnitSuggestion {
    const members = collectivePrefix.test(abbreviateUnitName(name)) ? this.members(name) : [];
    if (members.length) {
      return {
        name,
        organization: null,
        confidence: 0.8,
        candidates: [],
        expandsTo: members.map(({ id, name: memberName }) => ({ id, name: memberName })),
      };
    }
    const ranked = this.exactMatches(name)
      .map((match) => ({ ...match, total: match.score + this.placeBonus(match.organization) }))
      .sort((a, b) => b.total - a.total);
    const [first, second] = ranked;
    if (first && (!second || first.total - second.total > 1e-9)) {
      const alternatives = ranked
        .slice(1, 5)
        .map((match) => ({ id: match.organization.id, name: match.organization.name, score: round(match.score) }));
      return {
        name,
        organization: { id: first.organization.id, name: first.organization.name },
        confidence: round(first.score),
        candidates: alternatives.length ? alternatives : this.candidates(name, new Set([first.organization.id]), 3),
        expandsTo: [],
      };
    }
    // Several equally good (the same short form in two cities) or none: a person chooses.
    const tied = ranked.map((match) => ({ id: match.organization.id, name: match.organization.name, score: round(match.score) }));
    const others = this.candidates(name, new Set(tied.map((candidate) => candidate.id)));
    return { name, organization: null, confidence: 0, candidates: [...tied, ...others].slice(0, 6), expandsTo: [] };
  }
}
