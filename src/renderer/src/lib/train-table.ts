import type { Run } from '../../../shared/train/models';
import { higherIsBetter, inMetricOrder } from './train-words';

/** The run table's sorting and filtering, as pure functions of the runs. */

export type SortKey = 'name' | 'model' | 'dataset' | 'status' | 'metric' | 'duration' | 'created';
export type Direction = 'ascending' | 'descending';
export interface RunSort {
  key: SortKey;
  direction: Direction;
}

export interface RunFilter {
  /** Matched against name, dataset, target, model and id, case-insensitively. */
  text: string;
  /** '' = every model / status. */
  model: string;
  status: string;
  /** Show the trials of searches and auto runs too (they are listed under their parent otherwise). */
  trials: boolean;
}

export const NO_FILTER: RunFilter = { text: '', model: '', status: '', trials: false };
export const DEFAULT_SORT: RunSort = { key: 'created', direction: 'descending' };

/** A run's test score on `metric`; null when it has none (still running, failed, another task). */
export function testMetric(run: Run, metric: string | null): number | null {
  if (!metric) return null;
  const value = run.metrics.test?.[metric];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function sortValue(run: Run, key: SortKey, metric: string | null): string | number | null {
  switch (key) {
    case 'name':
      return run.name.toLowerCase();
    case 'model':
      return run.model;
    case 'dataset':
      return run.dataset.toLowerCase();
    case 'status':
      return run.status;
    case 'metric':
      return testMetric(run, metric);
    case 'duration':
      return run.durationSeconds;
    case 'created':
      return run.createdAt;
  }
}

/** Sorted by one column; runs without a value (no metric yet) always come last, whichever way. */
export function sortRuns(runs: readonly Run[], sort: RunSort, metric: string | null): Run[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...runs].sort((a, b) => {
    const x = sortValue(a, sort.key, metric);
    const y = sortValue(b, sort.key, metric);
    if ((x === null) !== (y === null)) return x === null ? 1 : -1;
    const order = x === null || y === null ? 0 : typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en', { numeric: true });
    // Equal values (or none on both sides) keep a useful order: newest first.
    return order !== 0 ? sign * order : b.createdAt.localeCompare(a.createdAt);
  });
}

/** The direction a first click sorts by: best metric first, newest and longest first, names A→Z. */
export function firstDirection(key: SortKey, metric: string | null): Direction {
  if (key === 'metric') return metric && !higherIsBetter(metric) ? 'ascending' : 'descending';
  return key === 'created' || key === 'duration' ? 'descending' : 'ascending';
}

/** Clicking a header: the same column flips, another starts at its first direction. */
export function nextSort(current: RunSort, key: SortKey, metric: string | null): RunSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: firstDirection(key, metric) };
}

export function filterRuns(runs: readonly Run[], filter: RunFilter): Run[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return runs.filter((run) => {
    if (filter.model && run.model !== filter.model) return false;
    if (filter.status && run.status !== filter.status) return false;
    if (!filter.trials && run.parentRunId) return false;
    const haystack = `${run.name} ${run.dataset} ${run.target} ${run.model} ${run.id}`.toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

/** Metrics some run has on its test set, in the catalogue's order. */
export function metricChoices(runs: readonly Run[]): string[] {
  return inMetricOrder(runs.flatMap((r) => Object.keys(r.metrics.test ?? {})));
}

/** The metric column to show: the one chosen, else the objective's primary metric, else the first there is. */
export function shownMetric(choices: readonly string[], chosen: string | null, objectiveMetric: string | null): string | null {
  if (chosen && choices.includes(chosen)) return chosen;
  if (objectiveMetric && choices.includes(objectiveMetric)) return objectiveMetric;
  return choices[0] ?? null;
}
