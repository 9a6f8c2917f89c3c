/** The evaluation corpus: the shared seeds (copied from the brief's shared/seeds into test/seeds, or STIP_SEEDS_DIR) and our own documents. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScoredTarget, ScoredTask } from '../src/score.js';

export const SEEDS_DIR = process.env.STIP_SEEDS_DIR ?? fileURLToPath(new URL('./seeds/', import.meta.url));
const DOCS_DIR = fileURLToPath(new URL('./docs/', import.meta.url));
const GOLD_DIR = fileURLToPath(new URL('./gold/', import.meta.url));
/** Held-out documents, written and annotated before the extractor was tuned against them (see holdout/README.md). */
export const HOLDOUT_GOLD_DIR = fileURLToPath(new URL('./holdout/gold/', import.meta.url));
const HOLDOUT_DOCS_DIR = fileURLToPath(new URL('./holdout/docs/', import.meta.url));

export interface Gold {
  targets: ScoredTarget[];
  tasks: ScoredTask[];
}

export interface CorpusDocument {
  name: string;
  /** Document date passed to the extractor, as a bureau would enter it. */
  date: string;
  path: string;
  /** Gold file name without extension; null for documents scored only on a property (seed 002: no targets). */
  gold: string | null;
}

/** Finds a seed by its number ("000_919c69a619baa712.txt"), so renamed hashes do not break the tests. */
export function seedPath(number: string): string {
  const file = existsSync(SEEDS_DIR) ? readdirSync(SEEDS_DIR).find((name) => name.startsWith(`${number}_`)) : undefined;
  if (!file) throw new Error(`seed ${number}_*.txt not found in ${SEEDS_DIR} (set STIP_SEEDS_DIR)`);
  return join(SEEDS_DIR, file);
}

export const SEEDS: Array<Omit<CorpusDocument, 'path'> & { number: string }> = [
  { name: 'seed-000', number: '000', date: '2021-04-15', gold: 'seed-000' },
  { name: 'seed-001', number: '001', date: '2021-03-01', gold: 'seed-001' },
  { name: 'seed-002', number: '002', date: '2025-06-01', gold: null },
  { name: 'seed-003', number: '003', date: '2018-07-24', gold: 'seed-003' },
];

export const OWN_DOCUMENTS: CorpusDocument[] = [
  ['markdown-table-mianyang', '2022-03-08'],
  ['cell-per-line-nanjiang', '2023-02-20'],
  ['qa-quanzhou', '2023-05-12'],
  ['news-huzhou', '2022-08-16'],
  ['results-suining', '2024-01-20'],
  ['labelled-units-qinzhou', '2022-02-16'],
  ['tab-table-jiangxi', '2024-03-05'],
  ['provincial-opinions-guizhou', '2022-05-10'],
  ['work-points-guangyuan', '2024-02-01'],
  ['gov-report-summary', '2024-01-20'],
  ['opinions-yibin', '2023-12-20'],
  ['action-plan-luzhou', '2023-03-01'],
  ['district-work-points', '2024-01-20'],
  ['qa-provincial-plan', '2024-02-01'],
  ['goal-value-table-meishan', '2023-02-15'],
  ['indicator-table-mianyang', '2021-12-01'],
].map(([name = '', date = '']) => ({ name, date, path: join(DOCS_DIR, `${name}.txt`), gold: name }));

export const HOLDOUT_DOCUMENTS: CorpusDocument[] = [
  ['plan-indicators-xuancheng', '2021-11-20'],
  ['work-points-zhuzhou', '2024-02-26'],
  ['action-plan-cells-deyang', '2024-03-18'],
  ['gov-report-zhangzhou', '2024-01-30'],
  ['press-conference-luoyang', '2023-06-08'],
  ['tab-breakdown-xuzhou', '2023-02-28'],
  ['notice-tongling', '2024-04-12'],
  ['news-shanxi', '2024-02-20'],
  ['labelled-lines-jilin', '2024-05-06'],
  ['progress-table-quzhou', '2023-07-15'],
  ['cell-per-line-changde', '2020-04-10'],
  ['impl-plan-zhuzhou', '2023-06-12'],
  ['indicator-mixed-jiangmen', '2023-03-20'],
  ['md-table-wuhu', '2024-03-28'],
  ['news-yantai', '2023-04-26'],
  ['provincial-opinions-henan', '2021-09-28'],
  ['qa-dongguan', '2024-06-18'],
  ['results-baoji', '2023-01-12'],
  ['tab-table-liuzhou', '2022-03-18'],
  ['work-points-yichang', '2025-02-14'],
  ['assessment-bishan', '2026-02-10'],
  ['county-plan-weixian', '2019-05-20'],
  ['gov-report-changxing', '2025-01-14'],
  ['guide-notice-shaanxi', '2023-03-22'],
  ['inspection-report-hengyang', '2021-09-10'],
  ['provincial-14th-heilongjiang', '2021-12-28'],
  ['space-table-zibo', '2022-03-25'],
  ['task-list-remarks-shaoguan', '2020-04-16'],
  ['three-year-yancheng', '2024-04-08'],
  ['webpage-kunming', '2018-06-08'],
  ['agri-carriers-enshi', '2025-03-04'],
  ['articles-binhai', '2018-05-14'],
  ['breakthrough-jinhua', '2022-05-30'],
  ['clinical-center-yinchuan', '2022-09-06'],
  ['district-plan-longgang', '2019-05-16'],
  ['draft-measures-baotou', '2023-08-11'],
  ['fullwidth-nanning', '2017-06-20'],
  ['hitech-zone-kunshan', '2021-02-23'],
  ['responsibility-letter-shenmu', '2024-02-26'],
  ['speech-liuan', '2019-03-08'],
  ['tech-center-echelon-xiangyang', '2020-04-20'],
  ['unit-centric-lishui', '2026-02-09'],
  // set 5 (issue 11, meaning): first contact recorded in FIRST-CONTACT.md before any fix
  ['plan-platforms-ganzhou', '2026-01-15'],
  ['work-points-jiangyin', '2026-02-20'],
  ['provincial-plan-yunnan', '2026-06-10'],
  ['notice-xiangtan', '2026-03-05'],
  ['speech-bengbu', '2026-02-08'],
  ['table-tasks-liuyang', '2026-01-28'],
  // set 6 (issue 11, written after the meaning rules, by the same author): first contact in FIRST-CONTACT.md
  ['staged-goals-shangrao', '2026-04-01'],
  ['district-report-tianhe', '2026-01-10'],
  ['assessment-indicators-xinyang', '2026-01-20'],
  ['qa-anhui', '2026-03-15'],
  ['county-action-lankao', '2026-03-01'],
  ['provincial-notice-hubei', '2026-02-26'],
].map(([name = '', date = '']) => ({ name, date, path: join(HOLDOUT_DOCS_DIR, `${name}.txt`), gold: name }));

/** The sealed set: only ever scored, never used to fix the rules (see sealed/README.md). */
export const SEALED_GOLD_DIR = fileURLToPath(new URL('./sealed/gold/', import.meta.url));
const SEALED_DOCS_DIR = fileURLToPath(new URL('./sealed/docs/', import.meta.url));

export const SEALED_DOCUMENTS: CorpusDocument[] = [
  ['action-plan-hengshui', '2026-03-10'],
  ['work-points-pingchang', '2026-02-15'],
  ['county-opinions-gansu', '2026-05-20'],
  ['work-points-nanchong', '2026-02-28'],
  ['news-changzhou', '2026-04-02'],
  ['indicators-zhuhai', '2026-01-20'],
].map(([name = '', date = '']) => ({ name, date, path: join(SEALED_DOCS_DIR, `${name}.txt`), gold: name }));

export function readGold(name: string, directory: string = GOLD_DIR): Gold {
  return JSON.parse(readFileSync(join(directory, `${name}.json`), 'utf8')) as Gold;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** The formats set: documents in the files bureaus hold (.txt web-copied tables, .docx, .xlsx, .pdf, .html), see formats.test.ts. */
export const FORMATS_GOLD_DIR = fileURLToPath(new URL('./formats/gold/', import.meta.url));
const FORMATS_DOCS_DIR = fileURLToPath(new URL('./formats/docs/', import.meta.url));

export const FORMAT_DOCUMENTS: CorpusDocument[] = [
  ['space-wrapped-nanchong.txt', '2024-03-12'],
  ['space-column-wrap-suqian.txt', '2024-04-02'],
  ['space-no-index-hengshui.txt', '2025-02-10'],
  ['docx-table-zigong.docx', '2024-05-20'],
  ['xlsx-tasks-yueyang.xlsx', '2024-02-26'],
  ['pdf-table-baoding.pdf', '2024-06-14'],
  ['html-gbk-jingmen.html', '2025-02-18'],
  // Set 2, written after the readers and used to fix them (FIRST-CONTACT.md).
  ['web-copy-leader-xianyang.txt', '2025-03-10'],
  ['browser-tab-copy-yulin.txt', '2024-02-20'],
  ['layout-aligned-anshun.txt', '2024-05-08'],
].map(([file = '', date = '']) => {
  const name = file.replace(/\.[a-z]+$/, '');
  return { name, date, path: join(FORMATS_DOCS_DIR, file), gold: name };
});

/**
 * The score-only formats set (test/formats-scored): web-copied tables in other layouts, written after the readers were
 * built and never used to fix them — its scores are reported, not asserted (see FIRST-CONTACT.md).
 */
export const SCORED_ONLY_GOLD_DIR = fileURLToPath(new URL('./formats-scored/gold/', import.meta.url));
const SCORED_ONLY_DOCS_DIR = fileURLToPath(new URL('./formats-scored/docs/', import.meta.url));

export const SCORED_ONLY_DOCUMENTS: CorpusDocument[] = [
  ['web-list-dotted-index-zhaotong.txt', '2024-02-26'],
  ['thead-units-marked-wuzhou.html', '2025-03-15'],
  ['two-row-header-qujing.docx', '2024-04-18'],
].map(([file = '', date = '']) => {
  const name = file.replace(/\.[a-z]+$/, '');
  return { name, date, path: join(SCORED_ONLY_DOCS_DIR, file), gold: name };
});
