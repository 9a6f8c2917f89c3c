// How long reading a plan document takes per format (readDocumentText, then extractPlan), on the formats set, and how
// long the plain-text table rebuilder takes on a large table and on text built to be slow (it stops at its budget).
// Run: node --import tsx bench/ingest-formats.ts
import { readFileSync } from 'node:fs';
import { extractPlan, readDocumentText, rebuildSpaceTables } from '../packages/policy-ingest/src/index';
import { FORMAT_DOCUMENTS } from '../packages/policy-ingest/test/corpus';

const RUNS = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

console.log('document                       | read ms (median of 10) | extract ms');
for (const document of FORMAT_DOCUMENTS) {
  const bytes = readFileSync(document.path);
  const reads: number[] = [];
  const extracts: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = performance.now();
    const text = await readDocumentText(bytes, document.path);
    reads.push(performance.now() - started);
    started = performance.now();
    extractPlan(text, { date: document.date });
    extracts.push(performance.now() - started);
  }
  console.log(`${document.name.padEnd(31)}| ${median(reads).toFixed(1).padStart(22)} | ${median(extracts).toFixed(1).padStart(10)}`);
}

const header = '序号 重点工作任务 主要责任单位 协同配合单位 完成期限';
const typical = Array.from({ length: 300 }, (_, index) => [
  `${index + 1} 新建市级重点实验室${index + 1}家，推动企业建设研发机构，完善平台运行 市科技局 市财政局、`,
  '市教育局 2024年12月底',
]).flat();
let started = performance.now();
rebuildSpaceTables([header, ...typical].join('\n'));
console.log(`rebuild a 300-row web-copied table (rows wrapped onto two lines): ${(performance.now() - started).toFixed(0)} ms`);

const slow = Array.from({ length: 2000 }, (_, index) => `${index + 1} ${'推动 企业 建设 研发 机构 '.repeat(16)}市科技局 2024年12月`);
started = performance.now();
rebuildSpaceTables([header, ...slow].join('\n'));
console.log(
  `text built to be slow (2,000 rows of 84 pieces, 0.5 MB): ${(performance.now() - started).toFixed(0)} ms (budget reached, left as is)`,
);
