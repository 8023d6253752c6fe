import { describe, expect, it } from 'vitest';
import {
  demographicParityDifference,
  disparateImpactRatio,
  equalizedOddsDifference,
  fairnessReport,
  groupMetrics,
  MISSING_GROUP,
} from '../../../src/shared/ml';

// Group A: y [1,1,0,0], ŷ [1,0,1,0] → selected 2/4 = 0.5; TPR 1/2; FPR 1/2; accuracy 2/4.
// Group B: y [1,1,0,0,0], ŷ [1,1,1,0,0] → selected 3/5 = 0.6; TPR 2/2 = 1; FPR 1/3; accuracy 4/5.
const yTrue = [1, 1, 0, 0, 1, 1, 0, 0, 0];
const yPred = [1, 0, 1, 0, 1, 1, 1, 0, 0];
const groups = ['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B'];

describe('fairness', () => {
  it('reports per-group rates', () => {
    expect(groupMetrics(yTrue, yPred, groups)).toEqual([
      { group: 'A', n: 4, positives: 2, selectionRate: 0.5, tpr: 0.5, fpr: 0.5, accuracy: 0.5 },
      { group: 'B', n: 5, positives: 2, selectionRate: 0.6, tpr: 1, fpr: 1 / 3, accuracy: 0.8 },
    ]);
  });

  it('computes fairlearn’s differences and the disparate impact ratio', () => {
    // Demographic parity difference: 0.6 − 0.5 = 0.1.
    expect(demographicParityDifference(yTrue, yPred, groups)).toBeCloseTo(0.1, 12);
    // Equalized odds difference: max(TPR gap |1 − ½| = ½, FPR gap |½ − ⅓| = ⅙) = ½.
    expect(equalizedOddsDifference(yTrue, yPred, groups)).toBe(0.5);
    // Disparate impact: 0.5 / 0.6 = ⅚ ≈ 0.833, above the four-fifths line.
    expect(disparateImpactRatio(yTrue, yPred, groups)).toBeCloseTo(5 / 6, 12);
    expect(fairnessReport(yTrue, yPred, groups).equalizedOddsDifference).toBe(0.5);
  });

  it('leaves a group with no positives out of the TPR gap instead of counting its TPR as 0', () => {
    // Add group C: y [0,0], ŷ [1,0] → TPR undefined, FPR ½. TPR gap stays ½ (A vs B); FPR gap: max ½ − min ⅓ = ⅙.
    const r = fairnessReport([...yTrue, 0, 0], [...yPred, 1, 0], [...groups, 'C', 'C']);
    expect(r.groups[2]).toMatchObject({ group: 'C', tpr: null, fpr: 0.5, selectionRate: 0.5 });
    expect(r.equalizedOddsDifference).toBe(0.5);
  });

  it('gives missing group values their own group, sorts groups naturally, and is null when nobody is selected', () => {
    const rows = groupMetrics([0, 0, 0, 0], [0, 0, 0, 0], [10, 2, null, undefined]);
    // Numeric-aware order: 2 before 10 (a plain string sort would put "10" first).
    expect(rows.map((r) => r.group)).toEqual([MISSING_GROUP, '2', '10']);
    expect(rows.find((r) => r.group === MISSING_GROUP)!.n).toBe(2);
    expect(disparateImpactRatio([0, 0], [0, 0], ['a', 'b'])).toBeNull();
    expect(demographicParityDifference([0, 0], [0, 0], ['a', 'b'])).toBe(0);
  });

  it('refuses labels other than 0/1', () => {
    expect(() => groupMetrics([0, 2], [0, 1], ['a', 'b'])).toThrow(/class at row 1 is 2/);
  });
});
