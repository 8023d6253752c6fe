import { histogram } from '../../../shared/monitor/bins';

export { binOf } from '../../../shared/monitor/bins';

/**
 * The reference profile a package carries for drift monitoring: what the training split looked
 * like, per feature and for the model's predictions. Monitoring compares live windows with it
 * (PSI on these bins, KS/Wasserstein on the numeric summaries, chi-square/Jensen-Shannon on the
 * category frequencies), so it holds counts, never rows.
 */

/** Bins per numeric feature: deciles of the training values, so each holds about a tenth of them. */
export const REFERENCE_BINS = 10;

export interface NumericReference {
  name: string;
  kind: 'numeric';
  /** Ascending, distinct bin edges from the training quantiles; values below the first or above the last fall in the end bins. */
  edges: number[];
  /** Training values per bin (edges.length − 1 bins; a value equal to an inner edge goes to the bin above it). */
  counts: number[];
  missing: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
  /** Up to 1,000 training values, evenly spaced in sorted order: enough for a KS test or Wasserstein distance on a reference. */
  sample: number[];
}

export interface CategoricalReference {
  name: string;
  kind: 'categorical';
  /** Training count per level, as the raw values read. */
  frequencies: Record<string, number>;
  missing: number;
}

export type FeatureReference = NumericReference | CategoricalReference;

export type PredictionReference =
  | { kind: 'classification'; classes: string[]; labelCounts: number[]; /** Histogram of the predicted class's probability, 10 equal bins on [0, 1]. */ confidence: { edges: number[]; counts: number[] } }
  | { kind: 'regression'; edges: number[]; counts: number[]; mean: number; std: number };

export interface ReferenceProfile {
  rows: number;
  features: FeatureReference[];
  prediction: PredictionReference;
}

/** Linear-interpolation quantile of sorted values (numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function numericReference(name: string, values: Float64Array): NumericReference {
  const present = Float64Array.from(values.filter((v) => !Number.isNaN(v))).sort();
  const missing = values.length - present.length;
  if (present.length === 0) return { name, kind: 'numeric', edges: [], counts: [], missing, min: null, max: null, mean: null, std: null, sample: [] };
  const edges = [...new Set(Array.from({ length: REFERENCE_BINS + 1 }, (_, k) => quantile(present, k / REFERENCE_BINS)))];
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const std = present.length > 1 ? Math.sqrt(present.reduce((a, b) => a + (b - mean) ** 2, 0) / (present.length - 1)) : 0;
  const take = Math.min(1000, present.length);
  const sample = Array.from({ length: take }, (_, k) => present[Math.round((k * (present.length - 1)) / Math.max(1, take - 1))]!);
  return { name, kind: 'numeric', edges, counts: histogram(edges, present), missing, min: present[0]!, max: present[present.length - 1]!, mean, std, sample };
}

export function categoricalReference(name: string, values: Array<string | null>): CategoricalReference {
  const frequencies: Record<string, number> = {};
  let missing = 0;
  for (const v of values) {
    if (v === null) missing++;
    else frequencies[v] = (frequencies[v] ?? 0) + 1;
  }
  return { name, kind: 'categorical', frequencies, missing };
}

/** Classification: probabilities row-major (rows × classes). */
export function classificationReference(classes: string[], probabilities: Float64Array): PredictionReference {
  const rows = probabilities.length / classes.length;
  const labelCounts = new Array<number>(classes.length).fill(0);
  const edges = Array.from({ length: 11 }, (_, k) => k / 10);
  const confidences: number[] = [];
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < classes.length; k++) if (probabilities[i * classes.length + k]! > probabilities[i * classes.length + best]!) best = k;
    labelCounts[best]! += 1;
    confidences.push(probabilities[i * classes.length + best]!);
  }
  return { kind: 'classification', classes, labelCounts, confidence: { edges, counts: histogram(edges, confidences) } };
}

export function regressionReference(values: Float64Array): PredictionReference {
  const r = numericReference('prediction', values);
  return { kind: 'regression', edges: r.edges, counts: r.counts, mean: r.mean ?? 0, std: r.std ?? 0 };
}
