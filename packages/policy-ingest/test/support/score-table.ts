import { sumScores, type ExtractionScore, type Score } from '../../src/score.js';

function triple({ precision, recall, f1, matched, predicted, expected }: Score): string {
  return `${precision.toFixed(2)} / ${recall.toFixed(2)} / ${f1.toFixed(2)}  (${matched}/${predicted}/${expected})`;
}

function meaning({ meaning: { accuracy, agreed, compared } }: ExtractionScore): string {
  return `${accuracy.toFixed(2)} (${agreed}/${compared})`;
}

/** The per-document scores as a table, closed by the micro average over all of them. */
export function scoreTable(title: string, rows: ReadonlyArray<{ name: string; score: ExtractionScore }>): string {
  const header = `${title.padEnd(28)}| target P / R / F1   (ok/pred/gold) | task P / R / F1   (ok/pred/gold) | meaning`;
  const line = (name: string, score: ExtractionScore) =>
    `${name.padEnd(28)}| ${triple(score.targets).padEnd(35)}| ${triple(score.tasks).padEnd(33)}| ${meaning(score)}`;
  const total = sumScores(rows.map((row) => row.score));
  return [
    '',
    header,
    '-'.repeat(header.length),
    ...rows.map((row) => line(row.name, row.score)),
    '-'.repeat(header.length),
    line('micro average', total),
  ].join('\n');
}
