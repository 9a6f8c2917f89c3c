/**
 * The committed per-document score baseline (test/baseline.json). Every scored document is compared with it: a drop
 * of more than TOLERANCE in target F1, task F1 or meaning accuracy fails, naming the document; a rise prints how to
 * record it. `UPDATE_BASELINE=1` (npm run -w @stip/policy-ingest baseline) rewrites the entries of the documents run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ExtractionScore, Score } from '../../src/score.js';

export const BASELINE_PATH = fileURLToPath(new URL('../baseline.json', import.meta.url));
export const TOLERANCE = 0.005;
export const UPDATE_COMMAND = 'npm run -w @stip/policy-ingest baseline';

interface Triple {
  p: number;
  r: number;
  f1: number;
}

export interface BaselineEntry {
  targets: Triple;
  tasks: Triple;
  meaning: number;
}

type Baseline = Record<string, BaselineEntry>;

export const updating = process.env.UPDATE_BASELINE === '1';

const round = (value: number) => Math.round(value * 1000) / 1000;
const triple = (score: Score): Triple => ({ p: round(score.precision), r: round(score.recall), f1: round(score.f1) });

export function toEntry(score: ExtractionScore): BaselineEntry {
  return { targets: triple(score.targets), tasks: triple(score.tasks), meaning: round(score.meaning.accuracy) };
}

export function readBaseline(): Baseline {
  return existsSync(BASELINE_PATH) ? (JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Baseline) : {};
}

/** Merges these entries into the file (read fresh, so test files running side by side keep each other's). */
export function writeBaseline(entries: Baseline): void {
  const merged: Baseline = { ...readBaseline(), ...entries };
  const sorted = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((key) => [key, merged[key]]),
  );
  writeFileSync(BASELINE_PATH, `${JSON.stringify(sorted, null, 2)}\n`);
}

/** What fell below the baseline (empty when nothing did) and what rose above it, in words naming the document. */
export function compareWithBaseline(
  key: string,
  entry: BaselineEntry,
  baseline: BaselineEntry | undefined,
): { drops: string[]; rises: string[] } {
  if (!baseline) return { drops: [`${key}: no baseline entry — run ${UPDATE_COMMAND}`], rises: [] };
  const figures: Array<[string, number, number]> = [
    ['target F1', entry.targets.f1, baseline.targets.f1],
    ['task F1', entry.tasks.f1, baseline.tasks.f1],
    ['meaning accuracy', entry.meaning, baseline.meaning],
  ];
  const drops = figures
    .filter(([, now, before]) => now < before - TOLERANCE)
    .map(([name, now, before]) => `${key}: ${name} fell from ${before.toFixed(3)} to ${now.toFixed(3)}`);
  const rises = figures
    .filter(([, now, before]) => now > before + TOLERANCE)
    .map(([name, now, before]) => `${key}: ${name} rose from ${before.toFixed(3)} to ${now.toFixed(3)}`);
  return { drops, rises };
}

/**
 * Collects one test file's entries: `check` compares a document with the baseline (throwing on a drop), `finish`
 * writes the entries when updating and prints the rises otherwise. Call `finish` from afterAll.
 */
export function baselineRecorder(set: string) {
  const baseline = readBaseline();
  const entries: Baseline = {};
  const rises: string[] = [];
  return {
    check(name: string, score: ExtractionScore): void {
      const key = `${set}/${name}`;
      const entry = toEntry(score);
      entries[key] = entry;
      if (updating) return;
      const comparison = compareWithBaseline(key, entry, baseline[key]);
      rises.push(...comparison.rises);
      if (comparison.drops.length > 0) throw new Error(`Below the score baseline:\n${comparison.drops.join('\n')}`);
    },
    finish(): void {
      if (updating) {
        writeBaseline(entries);
        console.log(`baseline: wrote ${Object.keys(entries).length} ${set} entries to ${BASELINE_PATH}`);
      } else if (rises.length > 0) {
        console.log(`Above the score baseline — record it with ${UPDATE_COMMAND}:\n${rises.join('\n')}`);
      }
    },
  };
}
