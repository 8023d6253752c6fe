/**
 * Regression metrics on one split, with scikit-learn's definitions except MAPE's zero rows (below),
 * and the data behind the residual and predicted-versus-actual plots.
 */
import { strideWithExtremes } from './downsample';
import { checkFinite, checkRows } from './inputs';

export interface RegressionMetrics {
  n: number;
  rmse: number;
  mae: number;
  /** 1 − SS_res / SS_tot; for a constant target, 1 if predictions are perfect, else 0 (below). */
  r2: number;
  /** Mean |y − ŷ| / |y| as a fraction (0.1 = 10%) over rows with y ≠ 0; null if every y is 0. */
  mape: number | null;
  /** Rows left out of MAPE because y = 0. */
  mapeIgnored: number;
  medianAbsoluteError: number;
  maxError: number;
}

export function regressionMetrics(y: ArrayLike<number>, yhat: ArrayLike<number>): RegressionMetrics {
  const n = y.length;
  checkRows('regression metrics', n, ['predictions', yhat.length]);
  checkFinite('regression metrics', 'target', y);
  checkFinite('regression metrics', 'prediction', yhat);
  let mean = 0;
  let constant = true;
  for (let i = 0; i < n; i++) {
    mean += y[i]!;
    if (y[i] !== y[0]) constant = false;
  }
  mean /= n;
  const absErrors = new Float64Array(n);
  let sse = 0;
  let sst = 0;
  let sae = 0;
  let ape = 0;
  let zeros = 0;
  let maxError = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i]! - yhat[i]!;
    const a = Math.abs(e);
    absErrors[i] = a;
    sse += e * e;
    sae += a;
    if (a > maxError) maxError = a;
    if (y[i] === 0) zeros++;
    else ape += a / Math.abs(y[i]!);
    if (!constant) sst += (y[i]! - mean) ** 2;
  }
  return {
    n,
    rmse: Math.sqrt(sse / n),
    mae: sae / n,
    r2: rSquared(sse, sst),
    // scikit-learn's mean_absolute_percentage_error divides by max(|y|, ε) instead, so one y = 0
    // row yields an astronomically large MAPE; leaving those rows out (and counting them) says more.
    mape: zeros === n ? null : ape / (n - zeros),
    mapeIgnored: zeros,
    medianAbsoluteError: median(absErrors),
    maxError,
  };
}

/**
 * scikit-learn's `r2_score` (force_finite=True): when SS_tot = 0 (a constant target) R² is
 * undefined, so it is 1.0 for perfect predictions and 0.0 otherwise; likewise SS_res = 0 gives 1.0.
 * A constant target is detected exactly (every y equal) rather than from a float SS_tot, which
 * rounding can leave at 1e-33 and turn R² into a huge negative number.
 */
function rSquared(sse: number, sst: number): number {
  if (sse === 0) return 1;
  if (sst === 0) return 0;
  return 1 - sse / sst;
}

/** Median of the values (mean of the two middle ones when n is even); sorts in place. */
function median(values: Float64Array): number {
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

export interface ResidualSummary {
  /** Rows in the split. */
  n: number;
  /** Points returned (at most maxPoints). */
  kept: number;
  actual: number[];
  predicted: number[];
  /** actual − predicted, so a positive residual means the model predicted too low. */
  residual: number[];
  /** Residuals of every row (not just the kept points) in equal-width bins. */
  histogram: { edges: number[]; counts: number[] };
}

/**
 * Points for the predicted-versus-actual and residual plots: an even stride through the rows plus
 * the 1% of the budget with the largest |residual|, so the worst misses always show.
 */
export function residualSummary(y: ArrayLike<number>, yhat: ArrayLike<number>, options: { maxPoints?: number; bins?: number } = {}): ResidualSummary {
  const n = y.length;
  checkRows('residual summary', n, ['predictions', yhat.length]);
  checkFinite('residual summary', 'target', y);
  checkFinite('residual summary', 'prediction', yhat);
  const maxPoints = options.maxPoints ?? 2000;
  const bins = options.bins ?? 30;
  const residuals = new Float64Array(n);
  const absolute = new Float64Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = y[i]! - yhat[i]!;
    residuals[i] = r;
    absolute[i] = Math.abs(r);
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  const keep = strideWithExtremes(absolute, maxPoints, Math.ceil(maxPoints / 100));
  const width = (hi - lo) / bins;
  const counts = new Array<number>(width > 0 ? bins : 1).fill(0);
  for (let i = 0; i < n; i++) {
    const b = width > 0 ? Math.min(bins - 1, Math.floor((residuals[i]! - lo) / width)) : 0;
    counts[b]!++;
  }
  const edges = width > 0 ? Array.from({ length: bins + 1 }, (_v, b) => (b === bins ? hi : lo + b * width)) : [lo, hi];
  return {
    n,
    kept: keep.length,
    actual: keep.map((i) => y[i]!),
    predicted: keep.map((i) => yhat[i]!),
    residual: keep.map((i) => residuals[i]!),
    histogram: { edges, counts },
  };
}
