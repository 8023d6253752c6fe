import { describe, expect, it } from 'vitest';
import { METRICS, FAIRNESS_METRICS } from '../../../src/shared/governance/metrics';
import { classificationMetrics, classificationMetricSet, METRIC_INFO, overfittingWarning, regressionMetrics, regressionMetricSet } from '../../../src/shared/ml';

describe('overfitting warning', () => {
  it('warns on a 0–1 score when train beats validation by more than 0.05', () => {
    // 0.95 − 0.88 = 0.07 > 0.05
    const w = overfittingWarning(0.95, 0.88, 'accuracy', true);
    expect(w).toMatch(/Accuracy is 0\.95 on training data but 0\.88 on validation data, a gap of 0\.07/);
    // 0.95 − 0.92 = 0.03 ≤ 0.05
    expect(overfittingWarning(0.95, 0.92, 'accuracy', true)).toBeNull();
    // R² is on the same scale: 0.9 vs 0.8 is a gap of 0.1
    expect(overfittingWarning(0.9, 0.8, 'r2', true)).toMatch(/R² is 0\.9/);
  });

  it('warns on an error measure when validation is more than 10% worse than train', () => {
    // RMSE 10 → 12 is 20% worse; 10 → 10.5 is 5%.
    expect(overfittingWarning(10, 12, 'rmse', false)).toMatch(/RMSE is 12 on validation data, 20% worse than on training data \(10\)/);
    expect(overfittingWarning(10, 10.5, 'rmse', false)).toBeNull();
    expect(overfittingWarning(0, 0.3, 'log_loss', false)).toMatch(/while it is 0 on training data/);
  });

  it('never warns when validation is better, or a value is missing', () => {
    expect(overfittingWarning(0.8, 0.9, 'roc_auc', true)).toBeNull();
    expect(overfittingWarning(12, 10, 'mae', false)).toBeNull();
    expect(overfittingWarning(null, 0.9, 'roc_auc', true)).toBeNull();
  });
});

describe('METRIC_INFO', () => {
  it('carries the governance catalogue’s ids, labels and directions unchanged', () => {
    for (const m of [...METRICS, ...FAIRNESS_METRICS]) {
      expect(METRIC_INFO[m.id]).toEqual({ label: m.label, higherIsBetter: m.higherIsBetter, range: [m.min, m.max] });
    }
  });

  it('describes every id the metric sets report', () => {
    const c = classificationMetricSet(classificationMetrics([0, 1], Float64Array.from([0.7, 0.3, 0.2, 0.8]), 2));
    const r = regressionMetricSet(regressionMetrics([1, 2], [1, 3]));
    for (const id of [...Object.keys(c), ...Object.keys(r)]) expect(Object.keys(METRIC_INFO)).toContain(id);
  });
});
