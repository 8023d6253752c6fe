/**
 * Name, direction and range of every metric this module reports, keyed by the ids of the
 * governance catalogue (src/shared/governance/metrics.ts) wherever the two overlap: those entries
 * are read from it, not restated, so the two cannot drift apart.
 */
import { FAIRNESS_METRICS, type FairnessMetricId, type MetricId, METRICS } from '../governance/metrics';

export interface MetricInfo {
  label: string;
  higherIsBetter: boolean;
  /** Inclusive [min, max]; null = unbounded on that side. */
  range: readonly [number | null, number | null];
}

/** Reported here but not (yet) objectives in the governance catalogue. */
const EXTRA = {
  f1_weighted: { label: 'F1 (weighted)', higherIsBetter: true, range: [0, 1] },
  precision_macro: { label: 'Precision (macro)', higherIsBetter: true, range: [0, 1] },
  recall_macro: { label: 'Recall (macro)', higherIsBetter: true, range: [0, 1] },
  /** Binary 0–1; the multiclass form (Σ over classes) reaches 2. */
  brier: { label: 'Brier score', higherIsBetter: false, range: [0, 2] },
  median_absolute_error: { label: 'Median absolute error', higherIsBetter: false, range: [0, null] },
  max_error: { label: 'Max error', higherIsBetter: false, range: [0, null] },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = MetricId | FairnessMetricId | keyof typeof EXTRA;

const fromCatalogue = (m: { id: string; label: string; higherIsBetter: boolean; min: number | null; max: number | null }) =>
  [m.id, { label: m.label, higherIsBetter: m.higherIsBetter, range: [m.min, m.max] }] as const;

export const METRIC_INFO: Readonly<Record<MetricName, MetricInfo>> = {
  ...(Object.fromEntries([...METRICS, ...FAIRNESS_METRICS].map(fromCatalogue)) as Record<MetricId | FairnessMetricId, MetricInfo>),
  ...EXTRA,
};

export function metricInfo(name: string): MetricInfo | undefined {
  return Object.hasOwn(METRIC_INFO, name) ? METRIC_INFO[name as MetricName] : undefined;
}
