import { describe, expect, it } from 'vitest';
import { regressionMetrics, regressionMetricSet, residualSummary } from '../../../src/shared/ml';

describe('regression metrics', () => {
  it('computes RMSE, MAE, R², MAPE, median and max error on a small case', () => {
    // y = [3, −0.5, 2, 7], ŷ = [2.5, 0, 2, 8] (scikit-learn's documentation example): errors y − ŷ = 0.5, −0.5, 0, −1.
    const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    // MSE = (0.25 + 0.25 + 0 + 1)/4 = 0.375 → RMSE √0.375 = 0.612372
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    // MAE = (0.5 + 0.5 + 0 + 1)/4 = 0.5
    expect(m.mae).toBe(0.5);
    // mean y = 2.875; SS_tot = 0.125² + 3.375² + 0.875² + 4.125² = 29.1875; SS_res = 1.5; R² = 1 − 1.5/29.1875 = 0.948608
    expect(m.r2).toBeCloseTo(1 - 1.5 / 29.1875, 12);
    // MAPE = (0.5/3 + 0.5/0.5 + 0/2 + 1/7)/4 = (0.166667 + 1 + 0 + 0.142857)/4 = 0.327381
    expect(m.mape).toBeCloseTo(0.327381, 6);
    expect(m.mapeIgnored).toBe(0);
    // |errors| sorted 0, 0.5, 0.5, 1 → median 0.5; max 1
    expect(m.medianAbsoluteError).toBe(0.5);
    expect(m.maxError).toBe(1);
  });

  it('leaves rows with y = 0 out of MAPE and says how many', () => {
    // y = [0, 2, 4], ŷ = [1, 1, 5]: the y = 0 row is ignored; (|2−1|/2 + |4−5|/4)/2 = (0.5 + 0.25)/2 = 0.375.
    const m = regressionMetrics([0, 2, 4], [1, 1, 5]);
    expect(m.mape).toBe(0.375);
    expect(m.mapeIgnored).toBe(1);
    expect(regressionMetrics([0, 0], [1, 0]).mape).toBeNull();
  });

  it('defines R² of a constant target as scikit-learn does: 1 if perfect, else 0', () => {
    expect(regressionMetrics([5, 5, 5], [5, 5, 5]).r2).toBe(1);
    expect(regressionMetrics([5, 5, 5], [4, 5, 6]).r2).toBe(0);
    // 0.1 + 0.1 + 0.1 = 0.30000000000000004, so a float mean leaves SS_tot ≈ 2e-33 and a naive R² near −4·10³⁰;
    // the constant is detected exactly instead.
    expect(regressionMetrics([0.1, 0.1, 0.1], [0.1, 0.1, 0.2]).r2).toBe(0);
  });

  it('takes the median of an odd count as the middle value', () => {
    // |errors| 1, 3, 2 → sorted 1, 2, 3 → 2
    expect(regressionMetrics([1, 2, 3], [0, 5, 1]).medianAbsoluteError).toBe(2);
  });

  it('flattens to the catalogue ids', () => {
    expect(regressionMetricSet(regressionMetrics([1, 2], [1, 4]))).toEqual({ rmse: Math.sqrt(2), mae: 1, r2: -7, mape: 0.5, median_absolute_error: 1, max_error: 2 });
  });
});

describe('residual summary', () => {
  it('keeps every point of a small split and bins all residuals', () => {
    // residuals y − ŷ = 1, −1, 0, 2 → range [−1, 2] in 3 bins of width 1: [−1,0) holds −1; [0,1) holds 0; [1,2] holds 1 and 2.
    const s = residualSummary([2, 0, 3, 5], [1, 1, 3, 3], { bins: 3 });
    expect([s.n, s.kept]).toEqual([4, 4]);
    expect(s.residual).toEqual([1, -1, 0, 2]);
    expect(s.histogram).toEqual({ edges: [-1, 0, 1, 2], counts: [1, 1, 2] });
  });

  it('thins a large split to maxPoints, keeping the count and the worst miss', () => {
    const n = 10_000;
    const y = Array.from({ length: n }, (_v, i) => i);
    const yhat = y.map((v, i) => (i === 4321 ? v + 1000 : v + (i % 7) - 3));
    const s = residualSummary(y, yhat, { maxPoints: 100 });
    expect(s.n).toBe(n);
    expect(s.kept).toBeLessThanOrEqual(100);
    expect(s.actual).toHaveLength(s.kept);
    expect(s.residual).toContain(-1000);
    expect(s.histogram.counts.reduce((a, c) => a + c, 0)).toBe(n);
  });
});
