/**
 * The binary threshold chooser: what flagging "p₁ ≥ t" would do, on a grid of thresholds and at
 * any exact one. The ranking is built once (one sort); each threshold after that is a binary
 * search, so a slider can ask `thresholdPoint` on every move.
 */
import { checkProbabilities } from './inputs';
import { rankScores, type RankedScores } from './ranking';

export interface ThresholdPoint {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** 0 when nothing is flagged (scikit-learn's zero_division=0). */
  precision: number;
  /** True-positive rate; 0 when there are no positives. */
  recall: number;
  f1: number;
  /** False-positive rate; 0 when there are no negatives. */
  fpr: number;
  accuracy: number;
  /** Share of rows flagged. */
  predictedPositiveRate: number;
}

export interface ThresholdSweep {
  n: number;
  positives: number;
  negatives: number;
  /** At 0, 1/(steps−1), …, 1 (steps = 101: every hundredth). */
  points: ThresholdPoint[];
  /** At the exact threshold asked for, if one was. */
  at: ThresholdPoint | null;
}

export type ThresholdCriterion = 'f1' | 'youden' | 'balanced_accuracy';

export function thresholdSweep(y: ArrayLike<number>, p1: ArrayLike<number>, options: { steps?: number; at?: number } = {}): ThresholdSweep {
  checkProbabilities('threshold sweep', p1);
  const r = rankScores(y, p1, 1);
  const steps = options.steps ?? 101;
  if (!Number.isInteger(steps) || steps < 2) throw new RangeError(`threshold sweep: steps must be an integer of at least 2; got ${steps}`);
  // i / (steps − 1) rather than i · 0.01, so 0.29 is the same double as the literal 0.29.
  const points = Array.from({ length: steps }, (_v, i) => thresholdPoint(r, i / (steps - 1)));
  const at = options.at === undefined ? null : thresholdPoint(r, options.at);
  return { n: r.positives + r.negatives, positives: r.positives, negatives: r.negatives, points, at };
}

/** The confusion counts and rates when rows with score ≥ t are flagged. */
export function thresholdPoint(r: RankedScores, t: number): ThresholdPoint {
  // thresholds are descending: find how many distinct scores are ≥ t.
  let lo = 0;
  let hi = r.thresholds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.thresholds[mid]! >= t) lo = mid + 1;
    else hi = mid;
  }
  return pointAt(r, t, lo === 0 ? 0 : r.tps[lo - 1]!, lo === 0 ? 0 : r.fps[lo - 1]!);
}

function pointAt(r: RankedScores, threshold: number, tp: number, fp: number): ThresholdPoint {
  const fn = r.positives - tp;
  const tn = r.negatives - fp;
  const n = r.positives + r.negatives;
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision: div(tp, tp + fp),
    recall: div(tp, r.positives),
    f1: div(2 * tp, 2 * tp + fp + fn),
    fpr: div(fp, r.negatives),
    accuracy: div(tp + tn, n),
    predictedPositiveRate: div(tp + fp, n),
  };
}

/**
 * The threshold, among the distinct scores, that maximises the criterion; ties go to the highest
 * threshold (fewest rows flagged). Youden's J = TPR − FPR, and balanced accuracy = (1 + J) / 2, so
 * those two always pick the same threshold; both are offered because people ask for each by name.
 * Null when one class is absent: there is no trade-off to choose.
 */
export function bestThreshold(y: ArrayLike<number>, p1: ArrayLike<number>, criterion: ThresholdCriterion): { threshold: number; value: number; point: ThresholdPoint } | null {
  checkProbabilities('best threshold', p1);
  const r = rankScores(y, p1, 1);
  if (r.positives === 0 || r.negatives === 0) return null;
  const { positives: P, negatives: N } = r;
  let bestAt = 0;
  let bestValue = -Infinity;
  // Plain arithmetic in the loop (no object per threshold): there can be a million of them.
  for (let d = 0; d < r.thresholds.length; d++) {
    const tp = r.tps[d]!;
    const fp = r.fps[d]!;
    const j = tp / P - fp / N;
    const value = criterion === 'f1' ? (2 * tp) / (tp + fp + P) : criterion === 'youden' ? j : (1 + j) / 2;
    if (value > bestValue) {
      bestValue = value;
      bestAt = d;
    }
  }
  const point = pointAt(r, r.thresholds[bestAt]!, r.tps[bestAt]!, r.fps[bestAt]!);
  return { threshold: point.threshold, value: bestValue, point };
}
