import { describe, expect, it } from 'vitest';
import type { PerformanceReport } from '../../../src/shared/monitor/models';
import { judgeWindow, monitoredMetric, performanceSignals, relativeDrop } from '../../../src/shared/monitor/performance-signals';

const policy = { performanceTolerance: 0.05, minWindowRows: 100 };

describe('judging performance once labels arrive', () => {
  it('watches the objective’s primary metric when it fits the task, else the task’s usual one', () => {
    expect(monitoredMetric('accuracy', 'binary')).toEqual({ metric: 'accuracy', higherIsBetter: true });
    expect(monitoredMetric('mae', 'regression')).toEqual({ metric: 'mae', higherIsBetter: false });
    // RMSE cannot judge a classifier, F1 (binary) not a three-class one: the task's usual metric instead.
    expect(monitoredMetric('rmse', 'binary')).toEqual({ metric: 'roc_auc', higherIsBetter: true });
    expect(monitoredMetric('f1', 'multiclass')).toEqual({ metric: 'accuracy', higherIsBetter: true });
    expect(monitoredMetric(null, 'regression')).toEqual({ metric: 'rmse', higherIsBetter: false });
  });

  it('measures the drop relative to the test value, positive when worse whichever way the metric points', () => {
    // Accuracy 0.8 → 0.6 lost a quarter of it; 0.8 → 0.9 gained an eighth.
    expect(relativeDrop(0.6, 0.8, true)).toBeCloseTo(0.25, 12);
    expect(relativeDrop(0.9, 0.8, true)).toBeCloseTo(-0.125, 12);
    // RMSE 2 → 3 is half again as bad; 2 → 1 is half as bad.
    expect(relativeDrop(3, 2, false)).toBeCloseTo(0.5, 12);
    expect(relativeDrop(1, 2, false)).toBeCloseTo(-0.5, 12);
    // R² can be negative: 0.5 → -0.5 is a drop of twice its size.
    expect(relativeDrop(-0.5, 0.5, true)).toBeCloseTo(2, 12);
    // A test value of 0 has no scale: the change itself.
    expect(relativeDrop(0.3, 0, false)).toBeCloseTo(0.3, 12);
    expect(relativeDrop(0, 0, false)).toBe(0);
  });

  it('flags decay at or beyond the tolerance (as the alert rule fires), and gives no verdict on too few labeled rows', () => {
    // 5% of 0.8 is 0.04: 0.761 stays within, 0.759 is beyond.
    expect(judgeWindow(100, 0.761, 0.8, true, policy)).toEqual({ decayed: false, warning: null });
    expect(judgeWindow(100, 0.759, 0.8, true, policy)).toEqual({ decayed: true, warning: null });
    // Exactly at the tolerance (0.5 against 1.0 with a 50% tolerance, exact in binary): decayed, as the rule would fire.
    expect(judgeWindow(100, 0.5, 1, true, { ...policy, performanceTolerance: 0.5 })).toEqual({ decayed: true, warning: null });
    // Lower is better: RMSE 2 → 2.11 is 5.5% worse.
    expect(judgeWindow(500, 2.11, 2, false, policy)).toEqual({ decayed: true, warning: null });
    expect(judgeWindow(500, 2.09, 2, false, policy)).toEqual({ decayed: false, warning: null });
    const few = judgeWindow(99, 0.1, 0.8, true, policy);
    expect(few.decayed).toBe(false);
    expect(few.warning).toMatch(/99 labeled rows: too few to judge \(the policy needs 100\)/);
    expect(judgeWindow(0, null, 0.8, true, policy)).toEqual({ decayed: false, warning: 'no labeled rows in this window' });
    expect(judgeWindow(200, null, 0.8, true, policy).warning).toMatch(/undefined/);
    expect(judgeWindow(200, 0.5, null, true, policy).warning).toMatch(/no test result/);
  });

  it('turns judged windows into performance.drop signals and leaves windows without a verdict out', () => {
    const window = (start: string, labeled: number, value: number | null, warning: string | null) => ({ start, end: `${start.slice(0, 11)}23:59:59.000Z`, rows: labeled + 10, labeled, value, decayed: false, warning });
    const report: PerformanceReport = {
      target: 'laptop',
      metric: 'rmse',
      higherIsBetter: false,
      testValue: 4,
      tolerance: 0.05,
      windows: [window('2024-01-01T00:00:00.000Z', 150, 5, null), window('2024-01-02T00:00:00.000Z', 20, 9, 'too few'), window('2024-01-03T00:00:00.000Z', 300, 3, null)],
      fairness: [],
    };
    expect(performanceSignals(report)).toEqual([
      // RMSE 4 → 5: a quarter worse; 4 → 3: a quarter better.
      { signal: 'performance.drop', windowStart: '2024-01-01T00:00:00.000Z', windowEnd: '2024-01-01T23:59:59.000Z', value: 0.25, rows: 150, detail: 'rmse 5 against 4 on the test split' },
      { signal: 'performance.drop', windowStart: '2024-01-03T00:00:00.000Z', windowEnd: '2024-01-03T23:59:59.000Z', value: -0.25, rows: 300, detail: 'rmse 3 against 4 on the test split' },
    ]);
    expect(performanceSignals({ ...report, testValue: null })).toEqual([]);
  });
});
