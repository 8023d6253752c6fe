import { describe, expect, it } from 'vitest';
import { classificationMetrics, classificationMetricSet, LOG_LOSS_EPS } from '../../../src/shared/ml';

/** Row-major n×K probabilities from rows. */
const rows = (...r: number[][]) => Float64Array.from(r.flat());
/** Binary probabilities [1 − p, p] from p₁. */
const binary = (p1: number[]) => rows(...p1.map((p) => [1 - p, p]));

describe('binary classification', () => {
  // y = [0,0,1,1], p₁ = [0.1, 0.4, 0.35, 0.8]; at threshold 0.5 only 0.8 is flagged → predictions [0,0,0,1].
  const m = classificationMetrics([0, 0, 1, 1], binary([0.1, 0.4, 0.35, 0.8]), ['no', 'yes']);

  it('counts the confusion matrix with rows = true, columns = predicted', () => {
    // true 0: both predicted 0; true 1: one predicted 0 (0.35), one predicted 1 (0.8).
    expect(m.confusionMatrix).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(m.accuracy).toBe(0.75); // 3 of 4
  });

  it('scores each class, with names', () => {
    // yes: TP 1, FP 0, FN 1 → P 1, R ½, F1 2·1/(2+0+1) = ⅔.  no: TP 2, FP 1, FN 0 → P ⅔, R 1, F1 4/5.
    expect(m.perClass[1]).toEqual({ label: 'yes', precision: 1, recall: 0.5, f1: 2 / 3, support: 2 });
    expect(m.perClass[0]).toMatchObject({ label: 'no', precision: 2 / 3, recall: 1, f1: 0.8, support: 2 });
    expect(m.balancedAccuracy).toBe(0.75); // (1 + ½) / 2
  });

  it('computes log loss, Brier, AUC and AP from the probabilities', () => {
    // −(ln 0.9 + ln 0.6 + ln 0.35 + ln 0.8) / 4 = (0.10536 + 0.51083 + 1.04982 + 0.22314) / 4 = 0.47229
    expect(m.logLoss).toBeCloseTo(0.47229, 5);
    // ((0.1)² + (0.4)² + (0.65)² + (0.2)²) / 4 = (0.01 + 0.16 + 0.4225 + 0.04) / 4 = 0.158125
    expect(m.brier).toBeCloseTo(0.158125, 12);
    expect(m.rocAuc).toBe(0.75);
    expect(m.prAuc).toBeCloseTo(5 / 6, 12);
    expect(m.oneVsRest).toBeNull();
  });

  it('moves the decision with the threshold (p₁ ≥ t is positive)', () => {
    // At 0.35, 0.4, 0.35 and 0.8 are flagged: true 0 → [1, 1], true 1 → [0, 2].
    const at = classificationMetrics([0, 0, 1, 1], binary([0.1, 0.4, 0.35, 0.8]), 2, { threshold: 0.35 });
    expect(at.confusionMatrix).toEqual([
      [1, 1],
      [0, 2],
    ]);
    expect(at.threshold).toBe(0.35);
    expect(at.labels).toEqual(['0', '1']);
  });

  it('clips probabilities at 1e-15 so one confident miss costs ln(10¹⁵), not infinity', () => {
    // Row 1 gives the true class probability 0 → clipped to 1e-15 → −ln(1e-15) = 34.538776; row 2 is certain and right (≈ 0).
    const c = classificationMetrics([1, 1], binary([0, 1]), 2);
    expect(LOG_LOSS_EPS).toBe(1e-15);
    expect(c.logLoss).toBeCloseTo((-Math.log(1e-15) - Math.log(1 - 1e-15)) / 2, 10);
    expect(c.logLoss).toBeCloseTo(34.538776 / 2, 5);
    expect(c.rocAuc).toBeNull(); // one class only
  });

  it('flattens to the catalogue ids, with f1/precision/recall for the positive class', () => {
    const set = classificationMetricSet(m);
    expect(set).toMatchObject({ accuracy: 0.75, roc_auc: 0.75, f1: 2 / 3, precision: 1, recall: 0.5, balanced_accuracy: 0.75 });
    expect(set.log_loss).toBe(m.logLoss);
  });
});

describe('multiclass classification', () => {
  it('gives a class never predicted precision 0 and counts it in the macro average', () => {
    // y = [0,0,0,1,1,2]; arg-max predictions [0,0,1,1,0,1]: class 2 is never predicted.
    const m = classificationMetrics(
      [0, 0, 0, 1, 1, 2],
      rows([0.7, 0.2, 0.1], [0.6, 0.3, 0.1], [0.3, 0.5, 0.2], [0.2, 0.6, 0.2], [0.5, 0.4, 0.1], [0.3, 0.4, 0.3]),
      ['a', 'b', 'c'],
    );
    // Confusion: true a → a 2, b 1; true b → a 1, b 1; true c → b 1.
    expect(m.confusionMatrix).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 1, 0],
    ]);
    // a: TP 2 of 3 predicted, 3 true → P ⅔, R ⅔, F1 4/(4+1+1) = ⅔
    // b: TP 1 of 3 predicted, 2 true → P ⅓, R ½, F1 2/(2+2+1) = 0.4
    // c: none predicted → P 0 (zero_division = 0), R 0, F1 0
    expect(m.perClass.map((c) => [c.precision, c.recall, c.f1, c.support])).toEqual([
      [2 / 3, 2 / 3, 2 / 3, 3],
      [1 / 3, 0.5, 0.4, 2],
      [0, 0, 0, 1],
    ]);
    // Macro: P (⅔ + ⅓ + 0)/3 = ⅓; R (⅔ + ½ + 0)/3 = 7/18; F1 (⅔ + 0.4 + 0)/3 = 16/45
    expect(m.macro.precision).toBeCloseTo(1 / 3, 12);
    expect(m.macro.recall).toBeCloseTo(7 / 18, 12);
    expect(m.macro.f1).toBeCloseTo(16 / 45, 12);
    // Weighted by support 3, 2, 1: P (2 + ⅔)/6 = 4/9; R (2 + 1)/6 = ½ (= accuracy); F1 (2 + 0.8)/6 = 7/15
    expect(m.weighted.precision).toBeCloseTo(4 / 9, 12);
    expect(m.weighted.recall).toBeCloseTo(0.5, 12);
    expect(m.weighted.f1).toBeCloseTo(7 / 15, 12);
    expect(m.accuracy).toBe(0.5);
    expect(m.balancedAccuracy).toBeCloseTo(7 / 18, 12);
  });

  it('computes one-vs-rest AUC per class and its macro mean, plus multiclass Brier and log loss', () => {
    const y = [0, 0, 1, 1, 2, 2];
    const p = rows([0.6, 0.3, 0.1], [0.4, 0.4, 0.2], [0.3, 0.5, 0.2], [0.5, 0.3, 0.2], [0.2, 0.3, 0.5], [0.1, 0.2, 0.7]);
    const m = classificationMetrics(y, p, 3);
    // Class 0, column [.6,.4,.3,.5,.2,.1]: positive .6 beats all 4 negatives; .4 beats .3,.2,.1 but not .5 → 7/8.
    // Class 1, column [.3,.4,.5,.3,.3,.2]: positive .5 beats all 4; positive .3 ties two .3 (½ + ½), loses to .4, beats .2 → 6/8.
    // Class 2, column [.1,.2,.2,.2,.5,.7]: both positives beat all negatives → 1.
    expect(m.oneVsRest!.rocAuc).toEqual([0.875, 0.75, 1]);
    expect(m.rocAuc).toBeCloseTo((0.875 + 0.75 + 1) / 3, 12);
    // Class 0 AP: high → low .6 (pos, P 1, R ½), .5 (neg), .4 (pos, P ⅔, R 1) → ½·1 + ½·⅔ = 5/6.
    expect(m.oneVsRest!.prAuc[0]).toBeCloseTo(5 / 6, 12);
    // Row 1 [.4,.4,.2] ties → lowest index (class 0), as numpy's argmax. Row 3 [.5,.3,.2] → 0.
    expect(m.confusionMatrix).toEqual([
      [2, 0, 0],
      [1, 1, 0],
      [0, 0, 2],
    ]);
    // Brier Σₖ (pₖ − yₖ)² per row: .26, .56, .38, .78, .38, .14 → 2.5 / 6
    expect(m.brier).toBeCloseTo(2.5 / 6, 12);
    // −(ln .6 + ln .4 + ln .5 + ln .3 + ln .5 + ln .7) / 6 = (0.5108 + 0.9163 + 0.6931 + 1.2040 + 0.6931 + 0.3567) / 6 = 0.72901
    expect(m.logLoss).toBeCloseTo(0.72901, 5);
  });

  it('leaves a class absent from y_true out of balanced accuracy and the AUC mean, but not out of macro recall', () => {
    // y = [0,0,1,1] with 3 classes; predictions [0,2,1,1]. Recall: class 0 ½, class 1 1, class 2 has no true rows.
    const m = classificationMetrics([0, 0, 1, 1], rows([0.8, 0.1, 0.1], [0.1, 0.2, 0.7], [0.1, 0.8, 0.1], [0.2, 0.6, 0.2]), 3);
    expect(m.balancedAccuracy).toBe(0.75); // (½ + 1) / 2, as scikit-learn's balanced_accuracy_score
    expect(m.macro.recall).toBe(0.5); // (½ + 1 + 0) / 3
    expect(m.oneVsRest!.rocAuc[2]).toBeNull();
    // Class 0 column [.8,.1,.1,.2]: positive .8 beats both negatives (2); positive .1 ties .1 (½), loses to .2 → 2.5/4.
    // Class 1 column [.1,.2,.8,.6]: both positives beat both negatives → 1. Mean over the two defined: (0.625 + 1)/2.
    expect(m.oneVsRest!.rocAuc).toEqual([0.625, 1, null]);
    expect(m.rocAuc).toBe(0.8125);
  });

  it('refuses labels outside 0..K−1 and a probability matrix of the wrong size', () => {
    expect(() => classificationMetrics([0, 3], rows([0.5, 0.5, 0], [0.5, 0.5, 0]), 3)).toThrow(/class at row 1 is 3/);
    expect(() => classificationMetrics([0, 1], rows([0.5, 0.5]), 2)).toThrow(/expected 2 rows × 2 classes/);
    expect(() => classificationMetrics([], new Float64Array(), 2)).toThrow(/at least one row/);
  });
});
