import type { TargetComparator, TargetStatus } from '@stip/contracts';

export interface TrajectoryInput {
  comparator: TargetComparator;
  /** What the target requires, R. */
  required: number;
  /** The figure on `asOf`, C; null when nothing has been reported (taken as no progress: C0). */
  current: number | null;
  /** The trajectory's start: the baseline date or the plan's start, S, and the figure then, C0. */
  start: { date: string; value: number };
  deadline: string;
  asOf: string;
}

export interface TrajectoryResult {
  status: TargetStatus;
  /** E: where a linear pace from the start would be on `asOf`. */
  expected: number;
}

const dayMs = 86_400_000;
const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs;
const epsilon = 1e-9;

/** Whether a figure satisfies the target: C ≥ R, C = R or C ≤ R. */
export function meetsTarget(comparator: TargetComparator, current: number, required: number): boolean {
  switch (comparator) {
    case '>=':
      return current >= required - epsilon;
    case '<=':
      return current <= required + epsilon;
    case '=':
      return Math.abs(current - required) <= epsilon;
  }
}

/**
 * The status of a target on day D (`asOf`), from its figure C, requirement R and deadline:
 *
 * - **achieved** — C meets R now (C ≥ R, C = R or C ≤ R by the comparator), whatever the date;
 * - **missed** — C does not meet R and D is after the deadline (the deadline day itself is in time);
 * - otherwise the trajectory decides. The pace is the straight line from the start point (S, C0) —
 *   S the baseline date or the plan's start, C0 the figure on S (0 for 新建 counts) — to
 *   (deadline, R). With f = (D − S) / (deadline − S) in days, clamped to [0, 1] (f = 1 when S is not
 *   before the deadline), the expected figure is E = C0 + (R − C0) × f, and the target is
 *   **on_track** when C has gone at least as far as E towards R ('≥': C ≥ E; '≤': C ≤ E;
 *   '=': |R − C| ≤ |R − E|), else **at_risk**.
 *
 * A missing figure (nothing reported yet) counts as C0: no progress since the start.
 */
export function targetStatus(input: TrajectoryInput): TrajectoryResult {
  const { comparator, required, start, deadline, asOf } = input;
  const current = input.current ?? start.value;
  const span = days(start.date, deadline);
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, days(start.date, asOf) / span));
  const expected = start.value + (required - start.value) * fraction;
  if (input.current !== null && meetsTarget(comparator, current, required)) return { status: 'achieved', expected };
  if (asOf > deadline) return { status: 'missed', expected };
  let onPace: boolean;
  switch (comparator) {
    case '>=':
      onPace = current >= expected - epsilon;
      break;
    case '<=':
      onPace = current <= expected + epsilon;
      break;
    case '=':
      onPace = Math.abs(required - current) <= Math.abs(required - expected) + epsilon;
      break;
  }
  return { status: onPace ? 'on_track' : 'at_risk', expected };
}

export interface ForecastInput {
  comparator: TargetComparator;
  required: number;
  current: number | null;
  start: { date: string; value: number };
  deadline: string;
  asOf: string;
}

/**
 * The pace so far projected to the deadline: the straight line through the trajectory's start (S, C0) and
 * the figure now (D, C), read at the deadline — F = C0 + (C − C0) × (deadline − S) / (D − S); `onPace`
 * when F meets the requirement. Null when there is nothing to project: no figure, D not after S, or D past
 * the deadline (the figure is then final). For '>=' targets an unmet projection is exactly `at_risk`.
 */
export function forecastAtDeadline(input: ForecastInput): { value: number; onPace: boolean } | null {
  const { comparator, required, current, start, deadline, asOf } = input;
  if (current === null || asOf > deadline) return null;
  const elapsed = days(start.date, asOf);
  if (elapsed <= 0) return null;
  const value = start.value + ((current - start.value) * days(start.date, deadline)) / elapsed;
  const rounded = Math.round(value * 100) / 100;
  return { value: rounded, onPace: meetsTarget(comparator, value, required) };
}

export interface YearFigure {
  year: number;
  current: number | null;
  required: number;
  status: TargetStatus | null;
}

/**
 * The overall status of a yearly target from its years (see `zTargetProgress.series`): missed once a
 * finished year missed; achieved when every year met it; no_data when a finished year has no figure;
 * else the status of the latest year begun (on_track before the first).
 */
export function seriesStatus(series: readonly YearFigure[], finishedYears: ReadonlySet<number>): TargetStatus {
  const finished = series.filter((year) => finishedYears.has(year.year));
  if (finished.some((year) => year.status === 'missed')) return 'missed';
  if (series.length && series.every((year) => year.status === 'achieved')) return 'achieved';
  if (finished.some((year) => year.status === 'no_data')) return 'no_data';
  const begun = series.filter((year) => year.status !== null);
  const latest = begun.filter((year) => !finishedYears.has(year.year)).at(-1) ?? begun.at(-1);
  // A year met while later years are still to come is the pace, not the target, achieved.
  return !latest || latest.status === 'achieved' ? 'on_track' : latest.status!;
}
