/** Administrative level named by a counted subject's own prefix (国家级…, 省级…); scope words never set it. */
export type Level = '国家' | '省' | '市' | '县';

/** How the figure binds: at least (以上/突破), exactly (plain figure, 达到), at most (以内/不超过). */
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
