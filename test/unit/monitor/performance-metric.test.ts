import { describe, expect, it } from 'vitest';
import { metricOn, subset } from '../../../src/main/engine/monitor/performance-metric';

const binary = { task: 'binary' as const, classes: ['no', 'yes'] };

describe('a window’s metric on labeled served rows', () => {
  // Four rows, probabilities [p(no), p(yes)]: decisions yes, no, yes, no; truth yes, yes, no, no.
  const rows = { y: [1, 1, 0, 0], predictions: [0.2, 0.8, 0.7, 0.3, 0.4, 0.6, 0.9, 0.1] };

  it('computes accuracy, F1 and ROC AUC as evaluation does', () => {
    // Right on rows 1 and 4: 2 of 4.
    expect(metricOn(binary, 'accuracy', rows)).toBe(0.5);
    // TP 1, FP 1, FN 1: precision = recall = 1/2, F1 = 1/2.
    expect(metricOn(binary, 'f1', rows)).toBe(0.5);
    // Positive scores 0.8, 0.3 against negative 0.6, 0.1: pairs ranked right 0.8>0.6, 0.8>0.1, 0.3>0.1 — 3 of 4.
    expect(metricOn(binary, 'roc_auc', rows)).toBe(0.75);
  });

  it('is null where the metric is undefined or there are no rows', () => {
    // One class labeled: ROC AUC has no negatives to rank against.
    expect(metricOn(binary, 'roc_auc', subset(rows, [0, 1], 2))).toBeNull();
    expect(metricOn(binary, 'accuracy', subset(rows, [0, 1], 2))).toBe(0.5);
    expect(metricOn(binary, 'accuracy', { y: [], predictions: [] })).toBeNull();
  });

  it('computes regression errors on the served numbers', () => {
    // Errors 1, -2, 2: RMSE = sqrt(9/3), MAE = 5/3.
    const reg = { y: [10, 20, 30], predictions: [11, 18, 32] };
    expect(metricOn({ task: 'regression' }, 'rmse', reg)).toBeCloseTo(Math.sqrt(3), 12);
    expect(metricOn({ task: 'regression' }, 'mae', reg)).toBeCloseTo(5 / 3, 12);
  });

  it('takes a group’s rows with all their class probabilities', () => {
    expect(subset(rows, [1, 3], 2)).toEqual({ y: [1, 0], predictions: [0.7, 0.3, 0.9, 0.1] });
  });
});
