import { calibrationCurve, classificationMetrics, metricInfo, overfittingWarning, prCurve, residualSummary, rocCurve, thresholdSweep } from '../../../shared/ml';
import type { Evaluation, MetricSet } from '../../../shared/train/models';
import type { Predictions } from './learner';
import type { FittedPipeline } from './pipeline';

/** Curves and tables for one split; positive-class curves for binary tasks, residual plots for regression. */
export function evaluationOf(p: FittedPipeline, set: Evaluation['set'], y: Float64Array, predictions: Predictions, metrics: { train: MetricSet | null; validation: MetricSet | null; test: MetricSet | null }): Evaluation {
  const base: Evaluation = { set, rows: y.length, labels: null, confusionMatrix: null, perClass: null, roc: null, pr: null, calibration: null, thresholdSweep: null, residuals: null, overfitting: overfitting(metrics), importance: null, partialDependence: null, fairness: null };
  if (p.task === 'regression') {
    const r = residualSummary(y, predictions.values);
    return { ...base, residuals: { actual: r.actual, predicted: r.predicted, residual: r.residual, histogram: r.histogram } };
  }
  const m = classificationMetrics(y, predictions.values, p.target.classes!);
  const out: Evaluation = { ...base, labels: m.labels, confusionMatrix: m.confusionMatrix, perClass: m.perClass };
  if (p.task !== 'binary') return out;
  const p1 = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) p1[i] = predictions.values[2 * i + 1]!;
  const finite = (t: number[]) => t.map((v) => (Number.isFinite(v) ? v : null));
  const roc = rocCurve(y, p1);
  const pr = prCurve(y, p1);
  return {
    ...out,
    roc: { fpr: roc.fpr, tpr: roc.tpr, thresholds: finite(roc.thresholds), auc: roc.auc },
    pr: { precision: pr.precision, recall: pr.recall, thresholds: finite(pr.thresholds), averagePrecision: pr.averagePrecision },
    calibration: calibrationCurve(y, p1, 10),
    thresholdSweep: thresholdSweep(y, p1).points.map(({ threshold, precision, recall, f1, fpr, accuracy, predictedPositiveRate }) => ({ threshold, precision, recall, f1, fpr, accuracy, predictedPositiveRate })),
  };
}

/** Train against validation (or test when there is none), for every metric both have. */
function overfitting(metrics: { train: MetricSet | null; validation: MetricSet | null; test: MetricSet | null }): string[] {
  const held = metrics.validation ?? metrics.test;
  if (!metrics.train || !held) return [];
  return Object.keys(metrics.train).flatMap((id) => {
    const info = metricInfo(id);
    const sentence = info ? overfittingWarning(metrics.train![id] ?? null, held[id] ?? null, id, info.higherIsBetter) : null;
    return sentence ? [sentence] : [];
  });
}
