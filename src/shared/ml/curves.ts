/**
 * ROC and precision–recall curves for plotting. Points sit at the distinct scores, as scikit-learn's
 * `roc_curve` / `precision_recall_curve`; the area is always computed on the full ranking, and only
 * then are the points thinned to `maxPoints` for the chart.
 *
 * Both curves run from the strictest threshold to the loosest. The first point's threshold is
 * +Infinity ("nothing flagged"), as in scikit-learn ≥ 1.3; JSON writes it as null.
 */
import { alongPath } from './downsample';
import { aucOf, averagePrecisionOf, rankScores, type RankedScores } from './ranking';

export interface CurveOptions {
  /** Label counted as positive; every other label is negative (one-vs-rest). Default 1. */
  positive?: number;
  /** Most points returned (default 200). */
  maxPoints?: number;
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  thresholds: number[];
  /** On the full data; null when one class is absent (the curve is then empty). */
  auc: number | null;
  /** Points before thinning (after scikit-learn's drop_intermediate). */
  totalPoints: number;
}

export interface PrCurve {
  precision: number[];
  recall: number[];
  thresholds: number[];
  /** Average precision on the full data; null without positives (the curve is then empty). */
  averagePrecision: number | null;
  totalPoints: number;
}

export function rocCurve(y: ArrayLike<number>, scores: ArrayLike<number>, options: CurveOptions = {}): RocCurve {
  return rocCurveOf(rankScores(y, scores, options.positive ?? 1), options.maxPoints ?? 200);
}

export function rocCurveOf(r: RankedScores, maxPoints = 200): RocCurve {
  const auc = aucOf(r);
  if (auc === null) return { fpr: [], tpr: [], thresholds: [], auc, totalPoints: 0 };
  // scikit-learn's drop_intermediate: drop a point when it is collinear with both neighbours in
  // the sense of equal second differences of fps and tps; the first and last always stay.
  const m = r.thresholds.length;
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Infinity];
  for (let d = 0; d < m; d++) {
    const inner = d > 0 && d < m - 1;
    if (inner && r.fps[d + 1]! - 2 * r.fps[d]! + r.fps[d - 1]! === 0 && r.tps[d + 1]! - 2 * r.tps[d]! + r.tps[d - 1]! === 0) continue;
    fpr.push(r.fps[d]! / r.negatives);
    tpr.push(r.tps[d]! / r.positives);
    thresholds.push(r.thresholds[d]!);
  }
  const keep = alongPath(fpr, tpr, maxPoints);
  return { fpr: keep.map((i) => fpr[i]!), tpr: keep.map((i) => tpr[i]!), thresholds: keep.map((i) => thresholds[i]!), auc, totalPoints: fpr.length };
}

export function prCurve(y: ArrayLike<number>, scores: ArrayLike<number>, options: CurveOptions = {}): PrCurve {
  return prCurveOf(rankScores(y, scores, options.positive ?? 1), options.maxPoints ?? 200);
}

/** Starts at (recall 0, precision 1), scikit-learn's end point, which it lists last. */
export function prCurveOf(r: RankedScores, maxPoints = 200): PrCurve {
  const averagePrecision = averagePrecisionOf(r);
  if (averagePrecision === null) return { precision: [], recall: [], thresholds: [], averagePrecision, totalPoints: 0 };
  const m = r.thresholds.length;
  const precision = [1];
  const recall = [0];
  const thresholds = [Infinity];
  for (let d = 0; d < m; d++) {
    precision.push(r.tps[d]! / (r.tps[d]! + r.fps[d]!));
    recall.push(r.tps[d]! / r.positives);
    thresholds.push(r.thresholds[d]!);
  }
  const keep = alongPath(recall, precision, maxPoints);
  return {
    precision: keep.map((i) => precision[i]!),
    recall: keep.map((i) => recall[i]!),
    thresholds: keep.map((i) => thresholds[i]!),
    averagePrecision,
    totalPoints: precision.length,
  };
}
