/** Administrative level named by a counted subject's own prefix (国家级…, 省级…); scope words never set it. */
export type Level = '国家' | '省' | '市' | '县';

/**
 * How the figure binds: at least (以上/突破/达到/力争, and a plain figure), at most (以内/不超过/控制在), exactly only
 * for explicit wording (保持在/稳定在/等于) and 全覆盖. An exact comparator is never guessed.
 */
export type Comparator = '>=' | '=' | '<=';

/** count: N things; amount: money or an index; ratio: a percentage; coverage: 全覆盖; first: 零的突破. */
export type TargetKind = 'count' | 'amount' | 'ratio' | 'coverage' | 'first';

export interface ExtractedTarget {
  text: string;
  subject: string;
  level: Level | null;
  comparator: Comparator;
  value: number;
  unit: string;
  /** YYYY-MM */
  deadline: string | null;
  kind: TargetKind;
  /**
   * What a count counts: all that stands (`stock`, 总数达到…) or what is added during the plan (`added`:
   * 新建 / 新增 / 新培育 / 新认定 …), which is counted from the plan's start. Absent: `stock`.
   */
  basis?: 'stock' | 'added';
  /** A yearly rate (每年…, 年均…): the figure is required in each year, judged year by year. Absent: false. */
  perYear?: boolean;
  /**
   * The figure is required of each region of this level (推动每个县（市、区）至少…), judged region by region;
   * absent or null: of the plan's region as a whole.
   */
  perRegion?: Level | null;
  /**
   * What could not be read unambiguously, in reviewer's words (比较关系, 数值, 单位, 期限, 对象); empty when
   * comparator, value, unit, deadline and subject were all read without doubt. Absent: not assessed.
   */
  doubts?: string[];
  /** Character offsets of `text` in the input, for highlighting. */
  span?: [number, number];
}

export interface ExtractedTask {
  title: string;
  lead: string[];
  participants: string[];
  /** YYYY-MM */
  deadline: string | null;
  recurring: boolean;
  span?: [number, number];
}

export interface Extraction {
  targets: ExtractedTarget[];
  tasks: ExtractedTask[];
}

export interface ExtractOptions {
  /** The document's date, YYYY-MM-DD (YYYY-MM and YYYY are accepted too). */
  date?: string;
}
