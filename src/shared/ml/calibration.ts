/**
 * Calibration (reliability) curve, as scikit-learn's `calibration_curve`: probabilities are put in
 * bins, and each bin compares its mean predicted probability with the share of positives in it.
 */
import { checkProbabilities, checkRows } from './inputs';

export type CalibrationStrategy = 'uniform' | 'quantile';

export interface CalibrationBin {
  lower: number;
  upper: number;
  meanPredicted: number;
  fractionPositive: number;
  count: number;
}

/**
 * Bins are [e₀, e₁], (e₁, e₂], …, (eₙ₋₁, eₙ]: a probability on an inner edge goes to the lower
 * bin, as scikit-learn's `np.searchsorted(bins[1:-1], y_prob)` (side='left') does. Uniform edges
 * are i / bins; quantile edges are the data's percentiles with numpy's default linear
 * interpolation, so bins hold roughly equal counts (tied probabilities can empty some). Empty
 * bins are left out, as scikit-learn does. `y` is 1 for positives, anything else negative.
 */
export function calibrationCurve(y: ArrayLike<number>, p: ArrayLike<number>, bins = 10, strategy: CalibrationStrategy = 'uniform'): CalibrationBin[] {
  checkRows('calibration curve', y.length, ['probabilities', p.length]);
  checkProbabilities('calibration curve', p);
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`calibration curve: bins must be a positive integer; got ${bins}`);
  const edges = strategy === 'quantile' ? quantileEdges(p, bins) : Array.from({ length: bins + 1 }, (_v, i) => i / bins);
  const sumP = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const counts = new Float64Array(bins);
  for (let i = 0; i < p.length; i++) {
    const b = binOf(edges, p[i]!);
    sumP[b] = sumP[b]! + p[i]!;
    if (y[i] === 1) positives[b] = positives[b]! + 1;
    counts[b] = counts[b]! + 1;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const count = counts[b]!;
    if (count > 0) out.push({ lower: edges[b]!, upper: edges[b + 1]!, meanPredicted: sumP[b]! / count, fractionPositive: positives[b]! / count, count });
  }
  return out;
}

/** Number of inner edges strictly below v (binary search): the bin index. */
function binOf(edges: readonly number[], v: number): number {
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** numpy.percentile(p, linspace(0, 100, bins + 1)), method 'linear'. */
function quantileEdges(p: ArrayLike<number>, bins: number): number[] {
  const sorted = Float64Array.from(p).sort();
  const last = sorted.length - 1;
  return Array.from({ length: bins + 1 }, (_v, i) => {
    const h = (last * i) / bins;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, last);
    return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
  });
}
