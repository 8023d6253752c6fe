import { classificationMetricSet, classificationMetrics, regressionMetricSet, regressionMetrics } from '../../../shared/ml';
import type { MetricSet } from '../../../shared/train/models';
import type { Predictions } from './learner';
import type { FittedPipeline } from './pipeline';

/** The headline metrics of one split, under the governance catalogue's metric ids. */
export function evaluate(p: FittedPipeline, y: Float64Array, predictions: Predictions): MetricSet {
  if (p.task === 'regression') return regressionMetricSet(regressionMetrics(y, predictions.values));
  return classificationMetricSet(classificationMetrics(y, predictions.values, p.target.classes!));
}
