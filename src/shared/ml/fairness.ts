/**
 * Group fairness for binary decisions, after fairlearn (fairlearn/metrics/_fairness_metrics.py and
 * _base_metrics.py, method='between_groups'): per-group rates, then the largest gap or the
 * smallest ratio between groups. Labels and decisions are 0/1 with 1 the favourable outcome.
 */
import { checkClasses, checkRows, ratio } from './inputs';

export type GroupValue = string | number | boolean | null | undefined;

export interface GroupRates {
  group: string;
  n: number;
  /** Rows whose true label is 1. */
  positives: number;
  /** Share predicted 1 (fairlearn's `selection_rate`). */
  selectionRate: number;
  /** P(ŷ = 1 | y = 1); null when the group has no positives (see below). */
  tpr: number | null;
  /** P(ŷ = 1 | y = 0); null when the group has no negatives. */
  fpr: number | null;
  accuracy: number;
}

/** Missing group values form their own group, so no rows silently drop out. */
export const MISSING_GROUP = '(missing)';

export function groupMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, groups: ArrayLike<GroupValue>): GroupRates[] {
  const n = yTrue.length;
  checkRows('group metrics', n, ['predictions', yPred.length], ['groups', groups.length]);
  checkClasses('group metrics (true labels)', yTrue, 2);
  checkClasses('group metrics (predictions)', yPred, 2);
  // Keyed by the raw value, so number groups cost no string per row.
  const index = new Map<GroupValue, number>();
  // Per group: rows, true positives, false positives, actual positives, correct.
  const counts: number[][] = [];
  for (let i = 0; i < n; i++) {
    const g = groups[i];
    const key = g === undefined || g === '' ? null : g;
    let at = index.get(key);
    if (at === undefined) {
      at = counts.length;
      index.set(key, at);
      counts.push([0, 0, 0, 0, 0]);
    }
    const c = counts[at]!;
    const t = yTrue[i]!;
    const p = yPred[i]!;
    c[0]!++;
    if (p === 1 && t === 1) c[1]!++;
    if (p === 1 && t === 0) c[2]!++;
    if (t === 1) c[3]!++;
    if (p === t) c[4]!++;
  }
  return [...index.entries()]
    .map(([key, at]) => [key === null ? MISSING_GROUP : String(key), at] as const)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([group, at]) => {
      const [rows, tp, fp, positives, correct] = counts[at]! as [number, number, number, number, number];
      const negatives = rows - positives;
      return {
        group,
        n: rows,
        positives,
        selectionRate: (tp + fp) / rows,
        tpr: positives ? tp / positives : null,
        fpr: negatives ? fp / negatives : null,
        accuracy: correct / rows,
      };
    });
}

/** Largest minus smallest value over the groups where it is defined; null if none is. */
function spread(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? Math.max(...defined) - Math.min(...defined) : null;
}

/** fairlearn `demographic_parity_difference`: max − min selection rate over groups (0 = parity). */
export function demographicParityDifference(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, groups: ArrayLike<GroupValue>): number {
  return demographicParityDifferenceOf(groupMetrics(yTrue, yPred, groups));
}

export function demographicParityDifferenceOf(rates: readonly GroupRates[]): number {
  return spread(rates.map((r) => r.selectionRate)) ?? 0;
}

/**
 * fairlearn `equalized_odds_difference` (agg='worst_case'): the larger of the TPR gap and the FPR
 * gap between groups. One difference from fairlearn: a group with no positives has no TPR, and
 * fairlearn (through scikit-learn's confusion_matrix(normalize='true'), which turns 0/0 into 0)
 * counts it as TPR = 0, inventing a gap; here such a group sits out of the TPR gap (and likewise
 * for FPR), and its row shows null. Null only when neither gap is defined.
 */
export function equalizedOddsDifference(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, groups: ArrayLike<GroupValue>): number | null {
  return equalizedOddsDifferenceOf(groupMetrics(yTrue, yPred, groups));
}

export function equalizedOddsDifferenceOf(rates: readonly GroupRates[]): number | null {
  const tprGap = spread(rates.map((r) => r.tpr));
  const fprGap = spread(rates.map((r) => r.fpr));
  if (tprGap === null) return fprGap;
  return fprGap === null ? tprGap : Math.max(tprGap, fprGap);
}

/**
 * Min selection rate / max selection rate: fairlearn's `demographic_parity_ratio`, which the
 * "four-fifths rule" compares with 0.8 (1 = parity). Null when no group has anything selected
 * (0/0: nobody is favoured, but the ratio is undefined).
 */
export function disparateImpactRatio(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, groups: ArrayLike<GroupValue>): number | null {
  return disparateImpactRatioOf(groupMetrics(yTrue, yPred, groups));
}

export function disparateImpactRatioOf(rates: readonly GroupRates[]): number | null {
  const selection = rates.map((r) => r.selectionRate);
  const max = Math.max(...selection);
  return max === 0 ? null : ratio(Math.min(...selection), max);
}

/** Every group and all three measures from one pass over the rows. */
export function fairnessReport(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, groups: ArrayLike<GroupValue>) {
  const rates = groupMetrics(yTrue, yPred, groups);
  return {
    groups: rates,
    demographicParityDifference: demographicParityDifferenceOf(rates),
    equalizedOddsDifference: equalizedOddsDifferenceOf(rates),
    disparateImpactRatio: disparateImpactRatioOf(rates),
  };
}
