/**
 * Flatten results into the run record's MetricSet (metric id → number | null), under the
 * catalogue's ids, so gates and comparisons read them without knowing this module's shapes.
 */
import type { ClassificationMetrics } from './classification';
import type { RegressionMetrics } from './regression';

export type MetricValues = Record<string, number | null>;

/** Binary: `f1`, `precision` and `recall` are the positive class's (class 1), as the catalogue says. */
export function classificationMetricSet(m: ClassificationMetrics): MetricValues {
  const common: MetricValues = {
    accuracy: m.accuracy,
    balanced_accuracy: m.balancedAccuracy,
    roc_auc: m.rocAuc,
    pr_auc: m.prAuc,
    log_loss: m.logLoss,
    brier: m.brier,
    f1_macro: m.macro.f1,
    f1_weighted: m.weighted.f1,
    precision_macro: m.macro.precision,
    recall_macro: m.macro.recall,
  };
  const positive = m.perClass.length === 2 ? m.perClass[1] : undefined;
  return positive ? { ...common, f1: positive.f1, precision: positive.precision, recall: positive.recall } : common;
}

export function regressionMetricSet(m: RegressionMetrics): MetricValues {
  return { rmse: m.rmse, mae: m.mae, r2: m.r2, mape: m.mape, median_absolute_error: m.medianAbsoluteError, max_error: m.maxError };
}
