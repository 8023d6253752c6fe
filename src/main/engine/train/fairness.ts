import { fairnessReport } from '../../../shared/ml';
import type { Evaluation } from '../../../shared/train/models';
import type { Predictions } from './learner';

export interface FairnessBound {
  metric: 'demographic_parity_difference' | 'equalized_odds_difference' | 'disparate_impact_ratio';
  bound: number;
  columns: string[];
}

/**
 * Per-group rates of a binary classifier's decisions (class 1 at p ≥ 0.5) for each sensitive
 * column, with fairlearn's gap measures; where the objective bounds one of them for this column,
 * the verdict. Differences must stay at or below the bound, the ratio at or above it.
 */
export function fairnessOf(y: Float64Array, predictions: Predictions, groupsByColumn: Map<string, string[]>, bound: FairnessBound | null): NonNullable<Evaluation['fairness']> {
  const predicted = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) predicted[i] = predictions.values[2 * i + 1]! >= 0.5 ? 1 : 0;
  return [...groupsByColumn].map(([column, groups]) => {
    const report = fairnessReport(y, predicted, groups);
    const value = bound ? { demographic_parity_difference: report.demographicParityDifference, equalized_odds_difference: report.equalizedOddsDifference, disparate_impact_ratio: report.disparateImpactRatio }[bound.metric] : null;
    const judged =
      bound && bound.columns.includes(column)
        ? { metric: bound.metric, bound: bound.bound, value, passes: value !== null && (bound.metric === 'disparate_impact_ratio' ? value >= bound.bound : value <= bound.bound) }
        : null;
    return {
      column,
      groups: report.groups.map((g) => ({ group: g.group, n: g.n, positives: g.positives, selectionRate: g.selectionRate, tpr: g.tpr, fpr: g.fpr, accuracy: g.accuracy })),
      demographicParityDifference: report.demographicParityDifference,
      equalizedOddsDifference: report.equalizedOddsDifference,
      disparateImpactRatio: report.disparateImpactRatio,
      judged,
    };
  });
}
