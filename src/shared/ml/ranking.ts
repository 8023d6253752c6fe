/**
 * The ranking behind every score-based metric: for each distinct score (highest first), how many
 * positives and negatives score at least that much. This is scikit-learn's `_binary_clf_curve`
 * (sklearn/metrics/_ranking.py); ROC, PR, AUC, AP and the threshold chooser all read it.
 *
 * Built without an index sort: positives' and negatives' scores are copied into two Float64Arrays
 * and sorted natively (no comparator, no objects), then merged from the top. Equal scores merge
 * into one step whichever class they belong to, which is what makes tied AUC exact.
 */
import { checkFinite, checkRows } from './inputs';

export interface RankedScores {
  /** Distinct scores, descending. */
  thresholds: Float64Array;
  /** Positives scoring ≥ thresholds[i] (cumulative, so non-decreasing). */
  tps: Float64Array;
  /** Negatives scoring ≥ thresholds[i]. */
  fps: Float64Array;
  positives: number;
  negatives: number;
}

/** Rows whose label equals `positive` are positives, all others negatives (one-vs-rest). */
export function rankScores(y: ArrayLike<number>, scores: ArrayLike<number>, positive = 1): RankedScores {
  const n = y.length;
  checkRows('ranking scores', n, ['scores', scores.length]);
  checkFinite('ranking scores', 'score', scores);
  let p = 0;
  for (let i = 0; i < n; i++) if (y[i] === positive) p++;
  const pos = new Float64Array(p);
  const neg = new Float64Array(n - p);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if (y[i] === positive) pos[a++] = scores[i]!;
    else neg[b++] = scores[i]!;
  }
  pos.sort();
  neg.sort();
  const thresholds = new Float64Array(n);
  const tps = new Float64Array(n);
  const fps = new Float64Array(n);
  let i = p - 1;
  let j = n - p - 1;
  let d = 0;
  let tp = 0;
  let fp = 0;
  while (i >= 0 || j >= 0) {
    const v = i < 0 ? neg[j]! : j < 0 ? pos[i]! : Math.max(pos[i]!, neg[j]!);
    // `===` also joins −0 and +0, which sort as neighbours.
    for (; i >= 0 && pos[i] === v; i--) tp++;
    for (; j >= 0 && neg[j] === v; j--) fp++;
    thresholds[d] = v;
    tps[d] = tp;
    fps[d] = fp;
    d++;
  }
  return { thresholds: thresholds.slice(0, d), tps: tps.slice(0, d), fps: fps.slice(0, d), positives: p, negatives: n - p };
}

/**
 * ROC AUC by the trapezoid rule over the distinct-score steps. A step holding tied positives and
 * negatives is a diagonal, so each tied (positive, negative) pair counts one half: the same number
 * as Mann–Whitney U with average ranks. Counts are integers, so the sum is exact in doubles up to
 * ~9·10¹⁵ pairs. Null (never NaN) when only one class is present: AUC is undefined there
 * (scikit-learn raises instead).
 */
export function aucOf(r: RankedScores): number | null {
  if (r.positives === 0 || r.negatives === 0) return null;
  let twiceArea = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let d = 0; d < r.thresholds.length; d++) {
    const tp = r.tps[d]!;
    const fp = r.fps[d]!;
    twiceArea += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  return twiceArea / (2 * r.positives * r.negatives);
}

/**
 * Average precision as scikit-learn's `average_precision_score`: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the
 * distinct thresholds, highest first, with no interpolation (not the trapezoid, which is
 * optimistic). Null when there are no positives, where recall is undefined (scikit-learn warns
 * and returns 0). With no negatives every precision is 1, so AP is 1.
 */
export function averagePrecisionOf(r: RankedScores): number | null {
  if (r.positives === 0) return null;
  let ap = 0;
  let prevTp = 0;
  for (let d = 0; d < r.thresholds.length; d++) {
    const tp = r.tps[d]!;
    if (tp !== prevTp) ap += ((tp - prevTp) / r.positives) * (tp / (tp + r.fps[d]!));
    prevTp = tp;
  }
  return ap;
}
