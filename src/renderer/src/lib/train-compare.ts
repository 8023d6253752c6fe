import type { LearnerInfo } from '../../../shared/train/learners';
import { MODEL_LABELS, type MetricSet, type Run } from '../../../shared/train/models';
import { effectiveParams } from './train-params';
import { higherIsBetter, inMetricOrder, paramText } from './train-words';

/** Runs side by side: which settings differ, and which run is best on each metric. */

export interface SettingRow {
  /** Shown in the first column: "model", "l2", "dataset". */
  name: string;
  values: string[];
  /** The runs do not all agree: highlighted in the table. */
  differs: boolean;
  /** A hyperparameter (rather than what the run trained on). */
  param: boolean;
}

function row(name: string, values: string[], param: boolean): SettingRow {
  return { name, values, differs: new Set(values).size > 1, param };
}

/**
 * What each run was told: the model, the data it saw, then every hyperparameter any of them has
 * (the learner's default filled in where a run did not name one; "—" where a learner has no such
 * parameter).
 */
export function settingRows(runs: readonly Run[], learners: readonly LearnerInfo[] | null): SettingRow[] {
  const params = runs.map((r) => effectiveParams(learners?.find((l) => l.kind === r.model)?.parameters ?? [], r.params));
  const names = [...new Set(params.flatMap((p) => Object.keys(p)))].sort();
  return [
    row('model', runs.map((r) => MODEL_LABELS[r.model]), false),
    row('dataset', runs.map((r) => r.dataset), false),
    row('target', runs.map((r) => r.target), false),
    row('split', runs.map((r) => (r.splitId ? r.splitId.slice(0, 8) : '—')), false),
    row('seed', runs.map((r) => String(r.seed)), false),
    row('features', runs.map((r) => r.features.join(', ')), false),
    row('cross-validation', runs.map((r) => (r.crossValidation ? `${r.crossValidation.folds.length} folds` : '—')), false),
    ...names.map((name) => row(name, params.map((p) => paramText(p[name])), true)),
  ];
}

export const SETS = ['train', 'validation', 'test'] as const;
export type SetName = (typeof SETS)[number];

export interface MetricRow {
  metric: string;
  values: (number | null)[];
  /** Index of the best run on this metric, null when fewer than two runs have a value or all tie. */
  best: number | null;
}

/** One row per metric any column has, in the catalogue's order; `best` marks the best column. */
export function metricTable(columns: readonly (MetricSet | null)[]): MetricRow[] {
  return inMetricOrder(columns.flatMap((s) => Object.keys(s ?? {}))).map((metric) => {
    const values = columns.map((s) => {
      const v = s?.[metric];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    });
    return { metric, values, best: bestIndex(values, higherIsBetter(metric)) };
  });
}

/** Runs side by side on one set (train, validation or test), the best run on each metric marked. */
export function metricRows(runs: readonly Run[], set: SetName): MetricRow[] {
  return metricTable(runs.map((r) => r.metrics[set]));
}

function bestIndex(values: (number | null)[], higher: boolean): number | null {
  const present = values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
  if (present.length < 2) return null;
  const top = present.reduce((a, b) => ((higher ? b.v > a.v : b.v < a.v) ? b : a));
  return present.filter((p) => p.v === top.v).length > 1 ? null : top.i;
}
