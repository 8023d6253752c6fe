import { classificationMetricSet, classificationMetrics, regressionMetricSet, regressionMetrics } from '../../../shared/ml';

/**
 * Labeled served rows of one slice (a window, or a group in it): the true value (class index or
 * number) and what the model served (class probabilities, row-major, or the predicted number).
 */
export interface LabeledRows {
  y: number[];
  predictions: number[];
}

export type Scoring = { task: 'binary' | 'multiclass'; classes: readonly string[] } | { task: 'regression' };

/**
 * One metric on labeled served rows, with the functions and ids evaluation uses on the test split
 * (so a window's accuracy is the test accuracy's twin). Null where the metric is undefined on these
 * rows (ROC AUC with one class present) or there are none.
 */
export function metricOn(scoring: Scoring, metric: string, rows: LabeledRows): number | null {
  if (rows.y.length === 0) return null;
  try {
    const set = scoring.task === 'regression' ? regressionMetricSet(regressionMetrics(rows.y, rows.predictions)) : classificationMetricSet(classificationMetrics(rows.y, rows.predictions, scoring.classes));
    const value = set[metric];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  } catch (error) {
    // The metric functions reject what they cannot measure (a served probability out of range) with a RangeError.
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** The rows at `indices`, for a group's metric. */
export function subset(rows: LabeledRows, indices: readonly number[], width: number): LabeledRows {
  return { y: indices.map((i) => rows.y[i]!), predictions: indices.flatMap((i) => rows.predictions.slice(i * width, (i + 1) * width)) };
}
